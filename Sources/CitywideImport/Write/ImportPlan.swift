import CitywideModel
import CitywideInput

/// What an import writes, worked out from a batch before anything is written:
/// the dimensions (identifiers and the file's labels), the metric's type,
/// frequency and decimals, and the tidy rows.
package struct ImportPlan: Sendable {
    package struct DimensionPlan: Sendable, Equatable {
        /// The identifier: the column `Age group` is `age_group`.
        package var name: String
        /// The file's column heading.
        package var column: String
        /// Value identifiers, in the order the file first shows them.
        package var values: [String]
        /// Identifier → the file's label, for values whose label is not the identifier itself.
        package var labels: [(String, String)]

        package static func == (a: Self, b: Self) -> Bool {
            a.name == b.name && a.column == b.column && a.values == b.values && a.labels.elementsEqual(b.labels, by: ==)
        }
    }

    /// One tidy row of `Data/<metric-id>.csv`, as text.
    package struct TidyRow: Sendable {
        package var city: String
        package var period: Period
        /// One per dimension of the plan; "" is the total.
        package var values: [String]
        package var value: String
        package var status: String
        package var note: String
    }

    package var metric: String
    package var dimensions: [DimensionPlan]
    package var frequency: Period.Granularity
    package var kind: MetricDefinition.Kind
    package var decimals: Int
    package var rows: [TidyRow]
    /// Cities imported, sorted: their rows of this metric are replaced.
    package var cities: [String] { Array(Set(rows.map(\.city))).sorted() }

    /// nil when the batch cannot become one metric (reported to `log`).
    package static func make(_ batch: ImportBatch, metric: String, unit: String?, path: String, log: DiagnosticLog) -> ImportPlan? {
        let start = log.errorCount
        let at = SourceLocation(path: path)
        guard !batch.rows.isEmpty else {
            log.error(at, "no figures to import: every row was left out (see the warnings above), or the file has none")
            return nil
        }
        // Dimensions: a name per column, then a value identifier per label.
        var dimensions: [DimensionPlan] = []
        var valueIDs: [[String: String]] = []
        for column in batch.dimensionColumns {
            guard var name = ImportIdentifier.make(column) else {
                log.error(at, "the column heading '\(column)' gives no dimension name: it needs a letter a-z or a digit")
                continue
            }
            if PersonLevelColumns.identifies(name) {
                log.error(at, "the column '\(column)' identifies people: Citywide takes aggregates only; remove it or break the figures down by groups (age_group, sex)")
                continue
            }
            if MetricDefinition.reservedColumns.contains(name) { name += "_group" }
            while dimensions.contains(where: { $0.name == name }) { name += "_2" }
            dimensions.append(DimensionPlan(name: name, column: column, values: [], labels: []))
            valueIDs.append([:])
        }
        guard dimensions.count == batch.dimensionColumns.count else { return nil }
        if dimensions.count > MetricDefinition.maxDimensions {
            log.error(at, "the file breaks the figures down by \(dimensions.count) columns (\(batch.dimensionColumns.joined(separator: ", "))); a metric may have at most \(MetricDefinition.maxDimensions) dimensions")
            return nil
        }
        var rows: [TidyRow] = []
        rows.reserveCapacity(batch.rows.count)
        for row in batch.rows {
            var values: [String] = []
            for (d, label) in row.labels.enumerated() {
                guard let label else { values.append(""); continue }
                if let id = valueIDs[d][label.lowercased()] { values.append(id); continue }
                var id = ImportIdentifier.make(label) ?? "value_\(dimensions[d].values.count + 1)"
                if dimensions[d].values.contains(id) {
                    // Two labels that differ only in punctuation: kept apart.
                    var n = 2
                    while dimensions[d].values.contains("\(id)_\(n)") { n += 1 }
                    id = "\(id)_\(n)"
                }
                valueIDs[d][label.lowercased()] = id
                dimensions[d].values.append(id)
                if label != id { dimensions[d].labels.append((id, label)) }
                values.append(id)
            }
            rows.append(TidyRow(city: row.city, period: row.period, values: values,
                                value: row.value.map(NumberText.plain) ?? "", status: row.status ?? "", note: row.note ?? ""))
        }
        for dimension in dimensions where dimension.values.count > MetricDefinition.maxDimensionValues {
            log.error(at, "the column '\(dimension.column)' has \(dimension.values.count) different values; a dimension may have at most \(MetricDefinition.maxDimensionValues)")
        }
        let frequency = Self.frequency(batch, path: path, log: log)
        Self.reportDuplicates(batch, rows, log: log)
        guard log.errorCount == start, let frequency else { return nil }
        let values = batch.rows.compactMap(\.value)
        let decimals = min(6, values.map { DecimalDigits($0).fractionDigits }.max() ?? 0)
        return ImportPlan(metric: metric, dimensions: dimensions, frequency: frequency,
                          kind: kind(values: values, unit: unit), decimals: decimals, rows: rows)
    }

    /// `count` when every value is whole and the unit is not a rate or
    /// percent; `percent` for a percent or proportion; `rate` otherwise.
    package static func kind(values: [Double], unit: String?) -> MetricDefinition.Kind {
        let words = (unit ?? "").lowercased()
        if words.contains("%") || words.contains("percent") || words.contains("proportion") { return .percent }
        if words.contains("rate") || words.contains("per ") { return .rate }
        return values.allSatisfy { $0 == $0.rounded() } ? .count : .rate
    }

    /// One metric has one frequency: periods of two kinds are an error naming both.
    private static func frequency(_ batch: ImportBatch, path: String, log: DiagnosticLog) -> Period.Granularity? {
        var first: [Period.Granularity: ImportedRow] = [:]
        for row in batch.rows where first[row.period.granularity] == nil { first[row.period.granularity] = row }
        guard first.count > 1 else { return first.keys.first }
        let kinds = Period.Granularity.allCases.compactMap { g in first[g].map { "\(g.rawValue) (\($0.reference.map { "\($0), " } ?? "")line \($0.origin.line): \($0.period))" } }
        log.error(SourceLocation(path: path), "the periods are of different kinds: \(kinds.joined(separator: "; ")); a metric has one frequency: import each kind as its own metric, or give the file one kind")
        return nil
    }

    /// Two figures for the same city, period and breakdown: the second names the first.
    private static func reportDuplicates(_ batch: ImportBatch, _ rows: [TidyRow], log: DiagnosticLog) {
        var seen: [String: Int] = [:]
        for (i, row) in rows.enumerated() {
            let key = ([row.city, row.period.description] + row.values).joined(separator: "\u{1F}")
            if let j = seen[key] {
                let first = batch.rows[j], this = batch.rows[i]
                log.error(this.origin, "\(this.reference.map { "\($0): " } ?? "")a second figure for \(row.city), \(row.period)\(breakdown(row.values)); the first is at \(first.reference ?? "line \(first.origin.line)") (a \"Total\" label and an empty cell both mean the total)")
            } else {
                seen[key] = i
            }
        }
    }

    private static func breakdown(_ values: [String]) -> String {
        let named = values.filter { !$0.isEmpty }
        return named.isEmpty ? " (total)" : " (" + named.joined(separator: ", ") + ")"
    }
}
