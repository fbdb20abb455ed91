import Foundation
import CitywideModel
import CitywideInput

/// `Data/<metric-id>.csv` after an import: the rows the file had, except this
/// metric's rows for the cities imported, then the imported rows.
///
/// The other rows keep every field; a dimension column the file lacked is
/// added (before `value`), empty in the rows that were there. A file that
/// cannot be read back exactly (CSV syntax problems, a row longer than the
/// header, no `city` or `metric` column) is reported and nothing is written.
package enum DataFileMerge {
    package static func merge(existing bytes: [UInt8]?, plan: ImportPlan, path: String, log: DiagnosticLog) -> String? {
        let dimensionNames = plan.dimensions.map(\.name)
        var header = ["city", "period", "metric"] + dimensionNames + ["value", "status", "note"]
        var kept: [[String]] = []
        if let bytes, !bytes.isEmpty {
            guard let old = read(bytes, path: path, log: log) else { return nil }
            header = old.header
            let valueAt = header.firstIndex(of: "value") ?? header.count
            let missing = dimensionNames.filter { !header.contains($0) }
            header.insert(contentsOf: missing, at: valueAt)
            let city = old.header.firstIndex(of: "city"), metric = old.header.firstIndex(of: "metric")
            let replaced = Set(plan.cities)
            for row in old.rows {
                if let city, let metric, row[metric] == plan.metric, replaced.contains(row[city]) { continue }
                var fields = row
                fields.insert(contentsOf: Array(repeating: "", count: missing.count), at: min(valueAt, fields.count))
                kept.append(fields)
            }
            for name in ["status", "note"] where !header.contains(name) && plan.rows.contains(where: { name == "status" ? !$0.status.isEmpty : !$0.note.isEmpty }) {
                header.append(name)
                kept = kept.map { $0 + [""] }
            }
        }
        var text = CSVText.line(header)
        for row in kept { text += CSVText.line(row) }
        for row in sortedRows(plan) {
            var fields: [String: String] = ["city": row.city, "period": row.period.description, "metric": plan.metric,
                                            "value": row.value, "status": row.status, "note": row.note]
            for (i, name) in dimensionNames.enumerated() { fields[name] = row.values[i] }
            text += CSVText.line(header.map { fields[$0] ?? "" })
        }
        return text
    }

    /// The imported rows by city, then period, then breakdown (totals first,
    /// values in the order the metric lists them): the same input always
    /// gives the same file.
    private static func sortedRows(_ plan: ImportPlan) -> [ImportPlan.TidyRow] {
        let order = plan.dimensions.map { d in Dictionary(uniqueKeysWithValues: d.values.enumerated().map { ($1, $0 + 1) }) }
        return plan.rows.sorted { a, b in
            if a.city != b.city { return a.city < b.city }
            if a.period != b.period { return a.period < b.period }
            for d in order.indices {
                let x = order[d][a.values[d]] ?? 0, y = order[d][b.values[d]] ?? 0
                if x != y { return x < y }
            }
            return false
        }
    }

    private static func read(_ bytes: [UInt8], path: String, log: DiagnosticLog) -> (header: [String], rows: [[String]])? {
        var records: [[String]] = []
        var lines: [Int] = []
        let errors = CSVReader(bytes: bytes).forEachRecord { record in
            if record.count == 1, record.isEmpty(0) { return true }
            records.append((0..<record.count).map { record.string($0) })
            lines.append(record.line)
            return true
        }
        let before = log.errorCount
        for error in errors {
            log.error(SourceLocation(path: path, line: error.position.line, column: error.position.column), "\(error.message) (fix it before importing: an import rewrites this file)")
        }
        guard let header = records.first?.map({ $0.trimmingSpaces }) else { return ([], []) }
        for name in ["city", "metric"] where !header.contains(name) {
            log.error(SourceLocation(path: path), "the file has no '\(name)' column: an import cannot tell which rows it replaces; import into a file of Citywide's format (or move this file away)")
        }
        var rows: [[String]] = []
        for (i, record) in records.enumerated().dropFirst() {
            if record.count > header.count {
                log.error(SourceLocation(path: path, line: lines[i]), "this row has \(record.count) fields and the header \(header.count): fix it before importing (an import rewrites this file)")
                continue
            }
            rows.append(record + Array(repeating: "", count: header.count - record.count))
        }
        return log.errorCount == before ? (header, rows) : nil
    }
}
