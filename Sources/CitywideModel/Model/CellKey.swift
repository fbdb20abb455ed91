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
