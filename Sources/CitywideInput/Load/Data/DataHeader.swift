import Foundation
import CitywideModel

/// The columns of a data file, checked once before any row is read.
package struct DataHeader {
    package var count: Int
    package var city: Int
    package var period: Int
    package var metric: Int
    package var value: Int
    package var status: Int?
    package var note: Int?
    /// (column, dimension name) for every other column.
    package var dimensions: [(Int, String)]

    package static func read(_ record: borrowing CSVRecord, path: String, catalog: DataCatalog, log: DiagnosticLog) -> DataHeader? {
        let positions = record.positions()
        func at(_ field: Int) -> SourceLocation {
            SourceLocation(path: path, line: positions[field].line, column: positions[field].column)
        }
        var names: [String] = []
        for i in 0..<record.count { names.append(record.string(i).trimmingCharacters(in: .whitespaces).lowercased()) }

        // Refuse person-level records before anything else: Citywide takes aggregates only.
        let identifying = names.indices.filter { PersonLevelColumns.identifies(names[$0]) }
        if !identifying.isEmpty {
            for i in identifying {
                log.error(at(i), "column '\(names[i])' identifies people: this file looks like person-level records and is refused as a whole; Citywide takes only aggregate counts (one row per city, period, metric and breakdown)")
            }
            return nil
        }
        // A sheet laid out for people rather than for Citywide: one lesson
        // about the layout instead of an error per column (or per row).
        if let lesson = HeaderLayout.lesson(names, original: (0..<record.count).map { record.string($0) }) {
            log.error(at(lesson.column), lesson.message)
            return nil
        }

        var ok = true
        var seen: [String: Int] = [:]
        for (i, name) in names.enumerated() {
            if let first = seen[name] {
                log.error(at(i), "column '\(name)' appears twice (also column \(first + 1))")
                ok = false
            }
            seen[name] = i
        }
        for required in ["city", "period", "metric", "value"] where seen[required] == nil {
            log.error(SourceLocation(path: path, line: record.line, column: 1), "missing required column '\(required)' (a data file has city, period, metric and value columns)")
            ok = false
        }
        var dimensions: [(Int, String)] = []
        let known = catalog.dimensionNames.sorted().joined(separator: ", ")
        let columnNames = MetricDefinition.reservedColumns.sorted() + catalog.dimensionNames.sorted()
        var suggestionsLeft = RowProblems.lookups
        for (i, name) in names.enumerated() where !MetricDefinition.reservedColumns.contains(name) {
            if catalog.dimensionNames.contains(name) {
                dimensions.append((i, name))
            } else if !catalog.unreadable.metrics.isEmpty {
                // It may be a dimension of a metric whose file has errors:
                // checked per row instead, against the metric each row names.
                dimensions.append((i, name))
            } else {
                suggestionsLeft -= 1
                let suggestion = suggestionsLeft >= 0 ? NameSuggestion.phrase(for: name, in: columnNames) : ""
                log.error(at(i), "column '\(name)' is not a dimension declared by any metric\(suggestion) (allowed: city, period, metric, value, status, note\(known.isEmpty ? "" : ", or a dimension: \(known)"))")
                ok = false
            }
        }
        guard ok, let city = seen["city"], let period = seen["period"], let metric = seen["metric"], let value = seen["value"] else { return nil }
        return DataHeader(count: names.count, city: city, period: period, metric: metric, value: value,
                          status: seen["status"], note: seen["note"], dimensions: dimensions)
    }
}
