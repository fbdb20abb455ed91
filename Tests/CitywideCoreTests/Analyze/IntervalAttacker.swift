import Foundation
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywidePublish
@testable import CitywideRender
@testable import CitywideWrite

/// A determined reader with the published CSV downloads and a real solver.
///
/// Written apart from the code under test: its own reading of the CSVs, its
/// own equations. Only the solver (CBC, through `IntegerProgram`) is shared.
/// It writes every equation and inequality a reader could:
/// * a cell equals the sum of its breakdown by any one dimension;
/// * for metrics summed over periods, a year equals its quarters or its
///   months, a quarter its months;
/// * for a cumulative metric, each period is the previous one plus an
///   increment ≥ 0, and the increment is a count to protect;
/// * for `part_of`, a cell equals the named cell of the other metric;
/// * every value is a whole number ≥ 0; a published value is what it shows.
/// For each withheld cell (and each increment next to one) it finds the
/// smallest and largest value, and reports every one that is exact or holds
/// fewer than `width` values.
struct IntervalAttacker {
    struct Metric {
        var id: String
        /// Declared values of each dimension, in CSV column order.
        var dimensions: [(name: String, values: [String])]
        var sumsOverPeriods = true
        var cumulative = false
        var partOf: (metric: String, dimension: String, value: String)?
    }

    struct Row {
        var metric: String
        var city: String
        var period: String
        var cell: [String]
        var value: Int?
        var withheld: Bool
    }

    struct Finding: CustomStringConvertible {
        var what: String
        var low: Int
        var high: Int?
        var description: String { "\(what): \(low)...\(high.map(String.init) ?? "∞")" }
    }

    var metrics: [Metric]
    var rows: [Row] = []
    /// Relations the reader guesses between two metrics nobody linked:
    /// the same count twice (`twins`), or a coarser metric that sums a finer
    /// one's periods (`sums`: coarse first).
    var twins: [(String, String)] = []
    var sums: [(coarse: String, fine: String)] = []

    init(metrics: [Metric]) { self.metrics = metrics }

    /// Reads `data/<metric>.csv`: city, period, the dimensions, value, status, ...
    mutating func read(csv: String, metric: String) {
        let records = EquationAttacker.parseCSV(csv)
        guard let header = records.first, let valueColumn = header.firstIndex(of: "value"),
              let statusColumn = header.firstIndex(of: "status") else { return }
        for record in records.dropFirst() where record.count == header.count {
            rows.append(Row(metric: metric, city: record[0], period: record[1], cell: Array(record[2..<valueColumn]),
                            value: Int(record[valueColumn]), withheld: record[statusColumn] == "suppressed"))
        }
    }

    /// Every withheld value (or increment) narrower than `width(metric)` values.
    func narrowed(width: (String) -> Int) -> [Finding] {
        var labels = rows.map { "\($0.metric) \($0.city) \($0.period) [\($0.cell.joined(separator: ","))]" }
        var known: [Int?] = rows.map { $0.withheld ? nil : $0.value }
        var audited: [Bool] = rows.map(\.withheld)
        var metricOf = rows.map(\.metric)
        var equations: [[(node: Int, coefficient: Double)]] = []
        var index: [String: Int] = [:]
        func key(_ metric: String, _ city: String, _ period: String, _ cell: [String]) -> String {
            "\(metric)|\(city)|\(period)|\(cell.joined(separator: "|"))"
        }
        for (i, row) in rows.enumerated() { index[key(row.metric, row.city, row.period, row.cell)] = i }

        for (i, row) in rows.enumerated() {
            guard let metric = metrics.first(where: { $0.id == row.metric }) else { continue }
            // Breakdowns.
            for d in metric.dimensions.indices where row.cell[d].isEmpty {
                let parts = metric.dimensions[d].values.map { value -> Int? in
                    var cell = row.cell
                    cell[d] = value
                    return index[key(row.metric, row.city, row.period, cell)]
                }
                if parts.allSatisfy({ $0 != nil }) { equations.append([(i, 1)] + parts.compactMap { $0 }.map { ($0, -1.0) }) }
            }
            // Periods.
            if metric.sumsOverPeriods, !metric.cumulative {
                var parts: [[String]] = []
                if row.period.count == 4 {
                    parts = [(1...4).map { "\(row.period)-Q\($0)" }, (1...12).map { String(format: "%@-%02d", row.period, $0) }]
                } else if row.period.contains("-Q"), let q = Int(row.period.suffix(1)) {
                    parts = [((q - 1) * 3 + 1...(q * 3)).map { String(format: "%@-%02d", String(row.period.prefix(4)), $0) }]
                }
                for periods in parts {
                    let found = periods.compactMap { index[key(row.metric, row.city, $0, row.cell)] }
                    if found.count == periods.count { equations.append([(i, 1)] + found.map { ($0, -1.0) }) }
                }
            }
            // Part of another metric.
            if let link = metric.partOf, let whole = metrics.first(where: { $0.id == link.metric }),
               let d = whole.dimensions.firstIndex(where: { $0.name == link.dimension }) {
                var cell = [String](repeating: "", count: whole.dimensions.count)
                cell[d] = link.value
                var matched = true
                for (pd, dimension) in metric.dimensions.enumerated() where !row.cell[pd].isEmpty {
                    guard let wd = whole.dimensions.firstIndex(where: { $0.name == dimension.name }) else { matched = false; break }
                    cell[wd] = row.cell[pd]
                }
                if matched, let j = index[key(link.metric, row.city, row.period, cell)] { equations.append([(j, 1), (i, -1)]) }
            }
        }
        // Guessed relations between metrics, matching cells by dimension names.
        func named(_ row: Row) -> String {
            guard let metric = metrics.first(where: { $0.id == row.metric }) else { return "" }
            return zip(metric.dimensions, row.cell).filter { !$0.1.isEmpty }.map { "\($0.0.name)=\($0.1)" }.sorted().joined(separator: ",")
        }
        var byName: [String: Int] = [:]
        for (i, row) in rows.enumerated() { byName["\(row.metric)|\(row.city)|\(row.period)|\(named(row))"] = i }
        for (a, b) in twins {
            for (i, row) in rows.enumerated() where row.metric == a {
                if let j = byName["\(b)|\(row.city)|\(row.period)|\(named(row))"] { equations.append([(i, 1), (j, -1)]) }
            }
        }
        for (coarse, fine) in sums {
            let quarterly = rows.contains { $0.metric == fine && $0.period.contains("-Q") }
            for (i, row) in rows.enumerated() where row.metric == coarse {
                let year = String(row.period.prefix(4))
                let periods: [String]
                if row.period.count == 4 {
                    periods = quarterly ? (1...4).map { "\(year)-Q\($0)" } : (1...12).map { String(format: "%@-%02d", year, $0) }
                } else if let q = Int(row.period.suffix(1)), row.period.contains("-Q") {
                    periods = ((q - 1) * 3 + 1...(q * 3)).map { String(format: "%@-%02d", year, $0) }
                } else { continue }
                let found = periods.compactMap { byName["\(fine)|\(row.city)|\($0)|\(named(row))"] }
                if found.count == periods.count { equations.append([(i, 1)] + found.map { ($0, -1.0) }) }
            }
        }
        // Increments of cumulative metrics: later - earlier - increment = 0.
        for metric in metrics where metric.cumulative {
            let series = Dictionary(grouping: rows.indices.filter { rows[$0].metric == metric.id }) { "\(rows[$0].city)|\(rows[$0].cell)|\(rows[$0].period.count)|\(rows[$0].period.contains("Q"))" }
            for name in series.keys.sorted() {
                let run = (series[name] ?? []).sorted { rows[$0].period < rows[$1].period }
                for (earlier, later) in zip(run, run.dropFirst()) {
                    labels.append("increment \(labels[earlier]) → \(rows[later].period)")
                    known.append(known[earlier].flatMap { a in known[later].map { $0 - a } })
                    audited.append(known[earlier] == nil || known[later] == nil)
                    metricOf.append(metric.id)
                    equations.append([(later, 1), (earlier, -1), (labels.count - 1, -1)])
                }
            }
        }

        // Components of unknowns, one program each.
        var components = UnionFind(count: labels.count)
        for equation in equations {
            let unknown = equation.filter { known[$0.node] == nil }
            for term in unknown.dropFirst() { components.union(unknown[0].node, term.node) }
        }
        var members: [Int: [Int]] = [:]
        for node in labels.indices where known[node] == nil { members[components.find(node), default: []].append(node) }
        var findings: [Finding] = []
        for root in members.keys.sorted() {
            let nodes = members[root] ?? []
            guard nodes.contains(where: { audited[$0] }) else { continue }
            var program = IntegerProgram()
            var variable: [Int: Int] = [:]
            for node in nodes { variable[node] = program.addVariable() }
            for equation in equations where equation.contains(where: { variable[$0.node] != nil }) {
                var rhs = 0.0
                var terms: [(Int32, Double)] = []
                for term in equation {
                    if let v = variable[term.node] { terms.append((Int32(v), term.coefficient)) } else { rhs -= term.coefficient * Double(known[term.node] ?? 0) }
                }
                program.equations.append(IntegerProgram.Equation(variables: terms.map(\.0), coefficients: terms.map(\.1), rhs: rhs))
            }
            let solver = program.solver()
            for node in nodes where audited[node] {
                guard let v = variable[node] else { continue }
                let need = width(metricOf[node])
                switch (solver.minimum(of: v), solver.maximum(of: v)) {
                case (.value(let low), .unbounded): _ = low
                case let (.value(low), .value(high)) where high - low + 1 >= need: break
                case let (.value(low), .value(high)): findings.append(Finding(what: labels[node], low: low, high: high))
                default: findings.append(Finding(what: labels[node] + " (infeasible)", low: 0, high: 0))
                }
            }
        }
        return findings
    }
}
