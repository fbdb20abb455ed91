import CitywideModel

/// Links between count metrics that nobody declared, but that a reader can
/// find by putting two published tables side by side:
///
/// * twins: two metrics of one frequency that give the same number in every
///   cell they share (the same count published twice, or a breakdown metric
///   and a total-only one);
/// * period sums: a coarser metric (annual, or quarterly) whose every value is
///   the sum of a finer metric's periods within it (an annual report beside
///   the quarterly one).
///
/// A metric holds one frequency, so "an annual value and its quarters" only
/// ever meet across two metrics, and a fellow who publishes both rarely thinks
/// of declaring it. The relation is found on the raw values, and used only
/// when it holds in every cell the two metrics share (with at least two
/// non-zero cells for twins, one for sums): a chance match of a few small
/// counts must not tie unrelated metrics together, while a real duplicate or
/// total always matches everywhere. Each shared cell then gets its equation,
/// so suppression protects the two tables together.
enum InferredLinks {
    /// A cell by city, period and breakdown named by dimension and value
    /// names, so that two metrics' cells can be matched. The breakdown is
    /// the number of its `name` in the site (`LinkedTables` numbers each
    /// name once): hashing three numbers, not a text, for every cell.
    struct Key: Hashable {
        var city: Int
        var period: Period
        var cell: Int
    }

    /// A breakdown by names (`sex=male,age_group=under_18`, dimensions in name
    /// order; empty for the total), the same in any metric that declares them.
    static func name(_ cell: CellKey, of metric: MetricDefinition) -> String {
        if cell == .total { return "" }
        return cell.parts.map { "\(metric.dimensions[$0.dimension].name)=\(metric.dimensions[$0.dimension].values[$0.value])" }
            .sorted().joined(separator: ",")
    }

    /// One count metric's cells: key → cell number in `LinkedTables`.
    struct Cells {
        var metric: Int
        var frequency: Period.Granularity
        var byKey: [Key: Int]
    }

    /// The extra lines (parent first, then parts) for `metrics`, given each
    /// cell's raw value.
    static func lines(_ metrics: [Cells], raw: [Double?], declared: Set<[Int]>) -> [[Int]] {
        var result: [[Int]] = []
        for a in metrics.indices {
            for b in metrics.indices where a != b {
                let x = metrics[a], y = metrics[b]
                if declared.contains([x.metric, y.metric]) || declared.contains([y.metric, x.metric]) { continue }
                if x.frequency == y.frequency {
                    if a < b { result += twinLines(x, y, raw: raw) }
                } else if isCoarser(x.frequency, than: y.frequency) {
                    result += sumLines(x, y, raw: raw)
                }
            }
        }
        return result
    }

    static func isCoarser(_ a: Period.Granularity, than b: Period.Granularity) -> Bool {
        rank(a) < rank(b)
    }

    private static func rank(_ g: Period.Granularity) -> Int {
        switch g {
        case .annual: 0
        case .quarterly: 1
        case .monthly: 2
        }
    }

    /// The periods of granularity `finer` that make up `period`.
    static func parts(of period: Period, in finer: Period.Granularity) -> [Period] {
        switch (period.granularity, finer) {
        case (.annual, .quarterly): (1...4).map { Period(year: period.year, quarter: $0) }
        case (.annual, .monthly): (1...12).map { Period(year: period.year, month: $0) }
        case (.quarterly, .monthly): (1...3).map { Period(year: period.year, month: (period.index - 1) * 3 + $0) }
        default: []
        }
    }

    private static func twinLines(_ x: Cells, _ y: Cells, raw: [Double?]) -> [[Int]] {
        var pairs: [[Int]] = []
        var nonZero = 0
        for (key, cx) in x.byKey {
            guard let cy = y.byKey[key] else { continue }
            guard let vx = raw[cx], let vy = raw[cy] else { continue }
            guard abs(vx - vy) < 1e-6 else { return [] }
            if vx != 0 { nonZero += 1 }
            pairs.append([cx, cy])
        }
        return nonZero >= 2 ? pairs.sorted { $0.lexicographicallyPrecedes($1) } : []
    }

    private static func sumLines(_ coarse: Cells, _ fine: Cells, raw: [Double?]) -> [[Int]] {
        var lines: [[Int]] = []
        var nonZero = 0
        for (key, parent) in coarse.byKey {
            let parts = parts(of: key.period, in: fine.frequency).map { fine.byKey[Key(city: key.city, period: $0, cell: key.cell)] }
            guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else { continue }
            let cells = parts.compactMap { $0 }
            guard let total = raw[parent] else { continue }
            let values = cells.map { raw[$0] }
            guard values.allSatisfy({ $0 != nil }) else { continue }
            guard abs(total - values.reduce(0) { $0 + ($1 ?? 0) }) < 1e-6 else { return [] }
            if total != 0 { nonZero += 1 }
            lines.append([parent] + cells)
        }
        return nonZero >= 1 ? lines.sorted { $0.lexicographicallyPrecedes($1) } : []
    }
}
