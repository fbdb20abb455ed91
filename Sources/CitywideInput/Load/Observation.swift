import CitywideModel

// Raw observations: CitywideInput's alone. They are read here (loading, data
// integrity) and in CitywidePublish, which imports this module `internal`ly;
// CitywideRender cannot import it (see docs/architecture.md, "The privacy
// boundary").

/// Where an observation came from, compactly: files are listed in `ObservationSet.files`.
public struct RowOrigin: Sendable, Hashable {
    public var file: Int32
    public var line: Int32
}

/// One aggregate figure as read from the data, before any privacy rule.
public struct Observation: Sendable, Equatable {
    public var city: Int32
    public var period: Period
    public var cell: CellKey
    /// nil when the provider left the value empty (not available).
    public var value: Double?
    public var flag: InputFlag?
    public var note: String?
    public var origin: RowOrigin
}

/// All observations, grouped by metric (index into `Site.metrics`).
public struct ObservationSet: Sendable, Equatable {
    public var byMetric: [[Observation]]
    /// Data file paths, relative to the site, for `RowOrigin.file`.
    public var files: [String]

    public init(byMetric: [[Observation]] = [], files: [String] = []) {
        self.byMetric = byMetric
        self.files = files
    }

    public var count: Int { byMetric.reduce(0) { $0 + $1.count } }

    public func location(_ origin: RowOrigin) -> SourceLocation {
        SourceLocation(path: files.indices.contains(Int(origin.file)) ? files[Int(origin.file)] : "Data", line: Int(origin.line), column: 1)
    }
}
