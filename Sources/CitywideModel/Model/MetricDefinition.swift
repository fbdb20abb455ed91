import Foundation

/// `Metrics/<id>.yml`: what a figure means and how it may be broken down.
public struct MetricDefinition: Sendable, Equatable {
    package init(id: String, title: String, description: String, system: CitySystem, kind: Kind, numerator: String? = nil, denominator: String? = nil, per: Double? = nil, unit: String, decimals: Int, direction: Direction, frequency: Period.Granularity, dimensions: [Dimension], target: MetricTarget? = nil, minCell: Int? = nil, source: Source? = nil, sdg: String? = nil, progressThresholds: ProgressThresholds? = nil, progressBaseline: Period? = nil, localized: [String: LocalizedText] = [:], location: SourceLocation, aggregation: Aggregation = .sum, partOf: PartOf? = nil) {
        self.id = id
        self.title = title
        self.description = description
        self.system = system
        self.kind = kind
        self.numerator = numerator
        self.denominator = denominator
        self.per = per
        self.unit = unit
        self.decimals = decimals
        self.direction = direction
        self.frequency = frequency
        self.dimensions = dimensions
        self.target = target
        self.minCell = minCell
        self.source = source
        self.sdg = sdg
        self.progressThresholds = progressThresholds
        self.progressBaseline = progressBaseline
        self.localized = localized
        self.location = location
        self.aggregation = aggregation
        self.partOf = partOf
    }

    public enum Kind: String, Sendable, CaseIterable {
        case count, rate, percent, ratio
    }

    public enum Direction: String, Sendable, CaseIterable {
        case up, down, neutral
    }

    public var id: String
    public var title: String
    public var description: String
    public var system: CitySystem
    public var kind: Kind
    /// For computed metrics: the metric ids they are made of.
    public var numerator: String?
    public var denominator: String?
    /// For a computed rate: per how many residents (100,000 by default).
    public var per: Double?
    public var unit: String
    public var decimals: Int
    public var direction: Direction
    public var frequency: Period.Granularity
    /// Allowed breakdowns, in the order the file declares them.
    public var dimensions: [Dimension]
    public var target: MetricTarget?
    /// The metric's own threshold, already raised to at least the site's.
    public var minCell: Int?
    public var source: Source?
    public var sdg: String?
    public var progressThresholds: ProgressThresholds?
    /// The first period progress is measured from (default: the earliest).
    public var progressBaseline: Period?
    /// Title, description and unit in other languages.
    public var localized: [String: LocalizedText] = [:]
    public var location: SourceLocation
    /// How periods combine: `sum` links an annual value to its quarters and months.
    public var aggregation: Aggregation = .sum
    /// Each period's value includes every earlier one; the increments carry people.
    public var cumulative = false
    /// This metric's cells are the named cell of another metric (SPEC `part_of:`).
    public var partOf: PartOf?

    /// A metric Citywide computes from others rather than reads from data.
    public var isComputed: Bool { numerator != nil }

    public func dimensionIndex(_ name: String) -> Int? { dimensions.firstIndex { $0.name == name } }
}

public enum Aggregation: String, Sendable, CaseIterable {
    /// A flow: a year is the sum of its quarters or months.
    case sum
    /// A stock or a rate: a year is its last period's value, linked to nothing.
    case last
}

/// `part_of: { metric, dimension, value }`: each cell of this metric equals the
/// cell of `metric` broken down to `value` of `dimension` (and alike elsewhere).
public struct PartOf: Sendable, Hashable {
    package init(metric: String, dimension: String, value: String, location: SourceLocation) {
        self.metric = metric
        self.dimension = dimension
        self.value = value
        self.location = location
    }

    public var metric: String
    public var dimension: String
    public var value: String
    public var location: SourceLocation
}

/// A metric's words in another language (from its `translations:`).
public struct LocalizedText: Sendable, Hashable {
    package init(title: String? = nil, description: String? = nil, unit: String? = nil, labels: [String: [String: String]] = [:]) {
        self.title = title
        self.description = description
        self.unit = unit
        self.labels = labels
    }

    public var title: String?
    public var description: String?
    public var unit: String?
    /// Dimension name → value → label, in this language.
    public var labels: [String: [String: String]] = [:]
}

public struct Dimension: Sendable, Hashable {
    package init(name: String, values: [String], labels: [String: String] = [:]) {
        self.name = name
        self.values = values
        self.labels = labels
    }

    public var name: String
    public var values: [String]
    /// Value → label for people (`18_24` → "18–24"), from the metric's
    /// `labels:`; on a page in another language, that language's labels.
    public var labels: [String: String] = [:]

    /// "trafficking_type" → "Trafficking type"
    public var label: String { humanize(name) }
}

public struct MetricTarget: Sendable, Hashable {
    package init(value: Double, year: Int) {
        self.value = value
        self.year = year
    }

    public var value: Double
    public var year: Int
}

public struct Source: Sendable, Hashable {
    package init(name: String, url: String? = nil) {
        self.name = name
        self.url = url
    }

    public var name: String
    public var url: String?
}

/// Per-metric override of the progress thresholds (SPEC "Progress").
public struct ProgressThresholds: Sendable, Hashable {
    package init(high: Double, med: Double, low: Double) {
        self.high = high
        self.med = med
        self.low = low
    }

    public var high: Double
    public var med: Double
    public var low: Double
}

/// Turns a snake_case key into words for people: `under_18` → "Under 18".
public func humanize(_ key: String) -> String {
    // Not Foundation's replacingOccurrences: pages ask for labels per table.
    let words = String(key.map { $0 == "_" ? " " : $0 })
    guard let first = words.first else { return words }
    return first.uppercased() + words.dropFirst()
}
