import CitywideInput
import CitywideModel

/// An Open SDG indicator file read into an `ImportBatch` for one city.
///
/// Conventions (as sdg-build reads them): a blank disaggregation cell means
/// "all", and so does a "Total" label (`TotalLabel`); a blank `Value` is not
/// available; `Observation status` becomes the row's status when it is one
/// Citywide knows (estimated, provisional, break) and a note otherwise;
/// `COMMENT_*` cells become the note. Every row left out is reported with
/// its line.
package enum OpenSDGReader {
    package static func read(_ grid: SourceGrid, city: String, selection: OpenSDGSelection, log: DiagnosticLog) -> ImportBatch? {
        let headings = grid.header.cells.map(\.trimmed)
        let columns = OpenSDGColumns(headings)
        guard let yearColumn = columns.index(.year), let valueColumn = columns.index(.value) else {
            let missing = [columns.index(.year) == nil ? "Year" : nil, columns.index(.value) == nil ? "Value" : nil].compactMap { $0 }
            log.error(grid.header.location, "an Open SDG file has the columns Year (first) and Value (last); this header has no \(missing.joined(separator: " and ")) (it reads: \(headings.joined(separator: ", "))). For other tables use: citywide import table")
            return nil
        }
        if yearColumn != 0 || valueColumn != headings.count - 1 {
            log.warning(grid.header.location, "Open SDG files have Year first and Value last; this one has them elsewhere: read by name")
        }
        let disaggregations = columns.disaggregations.filter { !headings[$0].isEmpty }
        for column in columns.disaggregations where headings[column].isEmpty {
            let filled = grid.rows.filter { !$0.cell(column).trimmed.isEmpty }.map(\.location.line)
            if !filled.isEmpty {
                log.warning(grid.header.cell(column).location, "not imported: the column \(column + 1) has no heading; its cells on \(LineList.phrase(filled))")
            }
        }
        guard let kept = selection.rows(of: grid, columns: columns, log: log) else { return nil }

        var batch = ImportBatch(dimensionColumns: disaggregations.map { headings[$0] })
        if let units = columns.index(.units), let first = kept.first {
            batch.unit = grid.rows[first].cell(units).trimmed.nonEmpty
        } else if let measure = columns.index(.unitMeasure), let first = kept.first {
            batch.unit = grid.rows[first].cell(measure).trimmed.nonEmpty
        }
        var multipliers: [String: [Int]] = [:]
        var fiscal: [Int] = []
        for i in kept {
            let row = grid.rows[i]
            let yearCell = row.cell(yearColumn)
            guard let period = PeriodLabel.parse(yearCell.text) else {
                log.warning(yearCell.location, "not imported: Year '\(yearCell.trimmed)' is not a period (write 2019, 2019-Q1 or 2019-03)")
                continue
            }
            if period.fiscal { fiscal.append(row.location.line) }
            let valueCell = row.cell(valueColumn)
            let value: Double?
            switch ImportNumber.read(valueCell.text) {
            case let .number(number): value = number
            case .notAvailable:
                value = nil
                batch.notAvailable += 1
            case let .refused(why):
                log.warning(valueCell.location, "not imported: \(why)")
                continue
            }
            let labels: [String?] = disaggregations.map { column in
                let text = row.cell(column).trimmed
                return text.isEmpty || TotalLabel.isTotal(text) ? nil : text
            }
            var status: String?
            var notes: [String] = []
            if let column = columns.index(.status) {
                let text = row.cell(column).trimmed
                status = Self.status(text)
                if status == nil, !text.isEmpty, !Self.normal.contains(text.lowercased()) { notes.append("Observation status: \(text)") }
            }
            for (column, role) in columns.roles.enumerated() where role == .comment {
                if let text = row.cell(column).trimmed.nonEmpty { notes.append(text) }
            }
            if let column = columns.index(.multiplier), let text = row.cell(column).trimmed.nonEmpty, !["0", "units", "unit"].contains(text.lowercased()) {
                multipliers[text, default: []].append(row.location.line)
            }
            batch.rows.append(ImportedRow(city: city, period: period.period, labels: labels, value: value, status: status,
                                          note: notes.isEmpty ? nil : notes.joined(separator: "; "), origin: valueCell.location))
        }
        for (text, lines) in multipliers.sorted(by: { $0.key < $1.key }) {
            log.warning(SourceLocation(path: grid.path, line: lines[0]), "Unit multiplier '\(text)' on \(LineList.phrase(lines)): the values are imported as written; say the multiplier in the metric's unit")
        }
        if let first = fiscal.first {
            log.warning(SourceLocation(path: grid.path, line: first), "fiscal years (\(LineList.phrase(fiscal))) are imported as the year they end in; say so in the metric's description")
        }
        return batch
    }

    /// Observation status values that say nothing more than "a normal value".
    private static let normal: Set<String> = ["a", "normal value", "normal", "definitive", "final"]

    /// Citywide's status for an Open SDG observation status, when there is one.
    static func status(_ text: String) -> String? {
        let lower = text.lowercased()
        if lower == "e" || lower.hasPrefix("estimat") { return "estimated" }
        if lower == "p" || lower.hasPrefix("provisional") { return "provisional" }
        if lower == "b" || lower.contains("break") { return "break" }
        return nil
    }
}
