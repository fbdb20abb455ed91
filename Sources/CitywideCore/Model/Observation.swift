/// Which breakdown a figure is: one byte per dimension of its metric, in the
/// metric's declared order; 0 means "total over that dimension", k the k-th
/// declared value. Packed into 64 bits so a million observations cost no
/// allocations to key.
public struct CellKey: Sendable, Hashable, Comparable {
    public var raw: UInt64

    public static let total = CellKey(raw: 0)

    public init(raw: UInt64) { self.raw = raw }

    /// 0 for the total over `dimension`, else 1 + the value's index.
    public func code(_ dimension: Int) -> Int { Int((raw >> (8 * UInt64(dimension))) & 0xFF) }

    public func setting(_ dimension: Int, to code: Int) -> CellKey {
        let shift = 8 * UInt64(dimension)
        return CellKey(raw: (raw & ~(0xFF << shift)) | (UInt64(code & 0xFF) << shift))
    }

    /// How many dimensions are broken down (0 for the total).
    public var depth: Int {
        var n = 0
        var r = raw
        while r != 0 {
            if r & 0xFF != 0 { n += 1 }
            r >>= 8
        }
        return n
    }

    /// The broken-down dimensions, as (dimension index, value index).
    public var parts: [(dimension: Int, value: Int)] {
        (0..<8).compactMap { d in code(d) == 0 ? nil : (d, code(d) - 1) }
    }

    /// Totals first, then one-way breakdowns (by the first declared
    /// dimension, then the next), then two-way ones; within a breakdown, by
    /// the values' declared order.
    public static func < (a: CellKey, b: CellKey) -> Bool {
        if a.depth != b.depth { return a.depth < b.depth }
        for d in 0..<8 {
            // A dimension broken down sorts before one that is not.
            let x = a.code(d) == 0 ? 256 : a.code(d), y = b.code(d) == 0 ? 256 : b.code(d)
            if x != y { return x < y }
        }
        return false
    }
}

/// A status the data provider gave a row (SPEC's `status` column), or
/// `derived` for a total Citywide added as the sum of its given parts.
public enum InputFlag: String, Sendable, CaseIterable {
    case provisional, estimated
    case seriesBreak = "break"
    case derived

    /// What a data file may write in its `status` column.
    public static let allowedInData: [InputFlag] = [.provisional, .estimated, .seriesBreak]
}

/// Where an observation came from, compactly: files are listed in `ObservationSet.files`.
public struct RowOrigin: Sendable, Hashable {
    public var file: Int32
    public var line: Int32
}

/// One aggregate figure as read from the data, before any privacy rule.
public struct Observation: Sendable {
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
public struct ObservationSet: Sendable {
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
