import CitywideInput
import CitywideModel

/// A spreadsheet (CSV or .xlsx, one header row) read into an `ImportBatch`:
/// periods as column headings (wide) or as rows (long), a city column or
/// `--city`, dimension columns. Every cell is imported or reported: a cell
/// it cannot read is a warning at that cell (`Sheet1!C4` for .xlsx).
package enum TableReader {
    package static func read(_ grid: SourceGrid, metric: String, city: String?, log: DiagnosticLog) -> ImportBatch? {
        let columns = grid.header.cells.map { TableColumn.classify($0.text) }
        let headings = grid.header.cells.map(\.trimmed)
        let periodColumns = columns.indices.filter { if case .period = columns[$0] { true } else { false } }
        let dimensionColumns = columns.indices.filter { if case .dimension = columns[$0] { true } else { false } }
        let cityColumn = columns.firstIndex(of: .city)
        let before = log.errorCount
        let header = grid.header.location

        for role in [TableColumn.periodName, .value, .city, .metric, .status, .note] {
            let at = columns.indices.filter { columns[$0] == role }
            if at.count > 1 {
                log.error(grid.header.cell(at[1]).location, "\(grid.header.cell(at[1]).prefix)a second '\(headings[at[1]])' column (the first is column \(at[0] + 1)): keep one")
            }
        }
        let periodName = columns.firstIndex(of: .periodName), valueColumn = columns.firstIndex(of: .value)
        if !periodColumns.isEmpty, periodName != nil || valueColumn != nil {
            log.error(header, "periods are both column headings (\(headings[periodColumns[0]])) and a '\(headings[periodName ?? valueColumn ?? 0])' column: keep one layout, periods across or periods down")
        } else if periodColumns.isEmpty, periodName == nil || valueColumn == nil {
            log.error(header, "no periods found: put the periods as column headings (2024 Q1, Q1 2024, FY2024, 2019, Jan 2024), or have a 'period' column and a 'value' column (the header reads: \(headings.joined(separator: ", ")))")
        }
        if cityColumn == nil, city == nil {
            log.error(header, "which city? The file has no 'city' column: add one, or name the city with --city SLUG")
        } else if cityColumn != nil, let city {
            log.error(header, "the file has a 'city' column and --city \(city) names one too: leave out --city")
        }
        for (i, column) in columns.enumerated() where column == .unnamed {
            report(grid, column: i, log: log) { "has no heading" }
        }
        for (i, column) in columns.enumerated() where column == .total {
            report(grid, column: i, log: log) { "'\(headings[i])' is a sum over periods, which Citywide adds up itself" }
        }
        guard log.errorCount == before else { return nil }

        var batch = ImportBatch(dimensionColumns: dimensionColumns.map { headings[$0] })
        var totalRows: [Int] = [], otherMetrics: [String: [Int]] = [:], fiscal: [Int] = []
        for row in grid.rows {
            let rowCity: String
            if let cityColumn {
                let cell = row.cell(cityColumn)
                if TotalLabel.isTotal(cell.trimmed) { totalRows.append(row.location.line); continue }
                guard let slug = ImportIdentifier.city(cell.trimmed) else {
                    log.warning(cell.location, "\(cell.prefix)not imported: the row's city is \(cell.trimmed.isEmpty ? "empty" : "'\(cell.trimmed)', which gives no city slug")")
                    continue
                }
                rowCity = slug
            } else {
                rowCity = city ?? ""
            }
            if let column = columns.firstIndex(of: .metric) {
                let text = row.cell(column).trimmed
                if !text.isEmpty, text != metric, ImportIdentifier.make(text) != metric {
                    otherMetrics[text, default: []].append(row.location.line)
                    continue
                }
            }
            let labels: [String?] = dimensionColumns.map { column in
                let text = row.cell(column).trimmed
                return text.isEmpty || TotalLabel.isTotal(text) ? nil : text
            }
            let status = columns.firstIndex(of: .status).flatMap { row.cell($0).trimmed.lowercased().nonEmpty }
            let note = columns.firstIndex(of: .note).flatMap { row.cell($0).trimmed.nonEmpty }
            var figures: [(period: PeriodLabel.Reading, cell: SourceCell)] = []
            if let periodName, let valueColumn {
                let cell = row.cell(periodName)
                guard let reading = PeriodLabel.parse(cell.text) else {
                    log.warning(cell.location, "\(cell.prefix)not imported: '\(cell.trimmed)' is not a period (2024 Q1, Q1 2024, FY2024, 2019, Jan 2024, 2024-03)")
                    continue
                }
                figures.append((reading, row.cell(valueColumn)))
            } else {
                for column in periodColumns {
                    if case let .period(reading) = columns[column] { figures.append((reading, row.cell(column))) }
                }
            }
            for (reading, cell) in figures {
                let value: Double?
                switch ImportNumber.read(cell.text) {
                case let .number(number): value = number
                case .notAvailable:
                    value = nil
                    batch.notAvailable += 1
                case let .refused(why):
                    log.warning(cell.location, "\(cell.prefix)not imported: \(why)")
                    continue
                }
                if reading.fiscal { fiscal.append(row.location.line) }
                batch.rows.append(ImportedRow(city: rowCity, period: reading.period, labels: labels, value: value,
                                              status: status, note: note, origin: cell.location, reference: cell.reference))
            }
        }
        if !totalRows.isEmpty {
            log.warning(SourceLocation(path: grid.path, line: totalRows[0]), "not imported: \(totalRows.count == 1 ? "a row" : "\(totalRows.count) rows") of totals over cities (\(LineList.phrase(totalRows))); Citywide shows each city's figures")
        }
        for (name, lines) in otherMetrics.sorted(by: { $0.key < $1.key }) {
            log.warning(SourceLocation(path: grid.path, line: lines[0]), "not imported: \(lines.count) \(lines.count == 1 ? "row" : "rows") of the metric '\(name)', not \(metric) (\(LineList.phrase(lines))); import them with --metric")
        }
        if let first = fiscal.first {
            log.warning(SourceLocation(path: grid.path, line: first), "fiscal years are imported as the year they end in (\(LineList.phrase(fiscal))); say so in the metric's description")
        }
        return batch
    }

    /// One warning for the non-empty cells of a column that is not imported.
    private static func report(_ grid: SourceGrid, column: Int, log: DiagnosticLog, why: () -> String) {
        let filled = grid.rows.map { $0.cell(column) }.filter { !$0.trimmed.isEmpty }
        guard let first = filled.first else { return }
        let heading = grid.header.cell(column)
        let place = heading.reference.map { "column \($0.drop { $0 != "!" }.dropFirst().filter(\.isLetter))" } ?? "column \(column + 1)"
        log.warning(first.location, "\(first.prefix)not imported: \(place) \(why()): its \(filled.count) \(filled.count == 1 ? "cell" : "cells") on \(LineList.phrase(filled.map(\.location.line)))")
    }
}
