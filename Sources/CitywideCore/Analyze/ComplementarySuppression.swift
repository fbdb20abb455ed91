/// SPEC privacy rule 2: no withheld value may be worked out from what is
/// published. Within each table (a metric, a city, a period: the total and
/// its breakdowns), further cells are withheld until no withheld cell has a
/// unique solution in the equations a reader could write.
///
/// The rule, deterministic and documented in docs/privacy.md:
/// 1. A line (a cell and all of its parts) with exactly one unknown cell
///    gives that cell away by subtraction: withhold the smallest published
///    non-zero cell of the line as well (the smallest costs readers least;
///    zeros only when nothing else is left, since a withheld zero beside a
///    withheld small count narrows the count down).
/// 2. When no line has a single unknown, solve the whole table at once
///    (`LinearDisclosure`); for a withheld cell still determined, withhold
///    the smallest published cell on a line through it, and repeat.
/// Ties go to the cell that sorts first (totals, then by dimension order).
///
/// Citywide publishes no sums across cities or periods, so tables of
/// different cities and periods share no equation and are protected apart.
enum ComplementarySuppression {
    static func apply(_ figures: inout [PublishedFigure], metric: MetricDefinition) {
        guard !metric.dimensions.isEmpty else { return }
        // Group by city and period without moving figures: order matters to callers.
        var groups: [PublishedMetric.Key: [Int]] = [:]
        var anyWithheld: Set<PublishedMetric.Key> = []
        for (i, figure) in figures.enumerated() {
            let key = PublishedMetric.Key(city: figure.city, period: figure.period, cell: .total)
            groups[key, default: []].append(i)
            if case .withheld = figure.value { anyWithheld.insert(key) }
        }
        for key in anyWithheld {
            guard let members = groups[key] else { continue }
            protect(&figures, members: members.sorted { figures[$0].cell < figures[$1].cell }, metric: metric)
        }
    }

    /// Protects one table; `members` are indices into `figures`, in cell order.
    static func protect(_ figures: inout [PublishedFigure], members: [Int], metric: MetricDefinition) {
        let lines = TableLines(cells: members.map { figures[$0].cell }, dimensions: metric.dimensions).lines
        guard !lines.isEmpty else { return }
        func isUnknown(_ m: Int) -> Bool { figures[members[m]].value.number == nil }
        func isWithheld(_ m: Int) -> Bool {
            if case .withheld = figures[members[m]].value { return true }
            return false
        }
        func withholdSmallest(in line: [Int]) -> Bool {
            let candidates = line.filter { !isUnknown($0) }
            func value(_ m: Int) -> Double { figures[members[m]].value.number ?? 0 }
            let nonZero = candidates.filter { value($0) > 0 }
            guard let choice = (nonZero.isEmpty ? candidates : nonZero).min(by: { (value($0), $0) < (value($1), $1) }) else { return false }
            figures[members[choice]].value = .withheld(.complementary)
            return true
        }

        // Each pass withholds one more cell, so this ends within members.count passes.
        for _ in 0...members.count {
            if let line = lines.first(where: { line in
                let unknown = line.filter(isUnknown)
                return unknown.count == 1 && isWithheld(unknown[0])
            }) {
                if withholdSmallest(in: line) { continue }
            }
            let determined = LinearDisclosure.determined(unknown: members.indices.map(isUnknown), lines: lines)
                .filter(isWithheld)
            guard let exposed = determined.first else { return }
            let through = lines.filter { $0.contains(exposed) && $0.contains(where: { !isUnknown($0) }) }
            var protected = false
            for line in through where withholdSmallest(in: line) {
                protected = true
                break
            }
            if !protected { return }
        }
    }
}
