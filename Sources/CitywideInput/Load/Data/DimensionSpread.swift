import CitywideModel

/// How a dimension's values spread over the rows that break it down, across
/// every data file. An aggregate breakdown repeats a few values over many
/// cities and periods; a column with a different value on most rows is a
/// list of people (an identifier, a birth date, a postcode) however its
/// values are spelled.
package struct DimensionSpread: Sendable {
    package struct Key: Hashable, Sendable {
        var metric: Int
        var dimension: Int
    }

    /// Rows with a value in this dimension.
    package var rows = 0
    /// Declared value indexes seen.
    package var distinct: Set<Int> = []
    /// Where the dimension's first value was read, for the error.
    package var first: SourceLocation?

    package mutating func count(_ value: Int) {
        rows += 1
        distinct.insert(value)
    }

    /// SPEC: at least 20 values, with a distinct value on at least half the rows.
    package static let minimumValues = 20

    package var looksPersonLevel: Bool {
        distinct.count >= Self.minimumValues && distinct.count * 2 >= rows
    }

    package mutating func merge(_ other: DimensionSpread) {
        rows += other.rows
        distinct.formUnion(other.distinct)
        first = first ?? other.first
    }

    /// Merges the files' spreads (in file order, so `first` is the first
    /// row of the first file) and refuses every person-level dimension.
    package static func check(_ perFile: [[Key: DimensionSpread]], metrics: [MetricDefinition], log: DiagnosticLog) {
        var all: [Key: DimensionSpread] = [:]
        for spreads in perFile {
            for (key, spread) in spreads { all[key, default: DimensionSpread()].merge(spread) }
        }
        for (key, spread) in all where spread.looksPersonLevel {
            guard let first = spread.first else { continue }
            let metric = metrics[key.metric]
            let name = metric.dimensions[key.dimension].name
            log.error(first, "dimension '\(name)' of metric '\(metric.id)' has \(spread.distinct.count) different values over \(spread.rows) rows: a value that changes from row to row identifies people, not groups; Citywide takes only aggregate counts (group the values into a few bands)")
        }
    }
}
