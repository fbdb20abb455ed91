import CitywideModel
import CitywidePublished
internal import CitywideInput

/// SPEC privacy rule 2: after the small counts are withheld, no withheld cell
/// may be worked out, exactly or to fewer than `min_cell - 1` possible values,
/// from everything published (`LinkedTables`, audited by `DisclosureAudit`).
///
/// The loop, per connected component of linked tables that holds a withheld
/// cell:
/// 1. audit the withheld cells (and unknown increments);
/// 2. for each cell still exposed, withhold one more published cell on an
///    equation through it (or, if none is left there, on any equation of the
///    component that has an unknown), and audit again;
/// 3. if nothing is left to withhold, withhold the whole component.
/// Which cell: non-zero cells first (a withheld zero beside small counts
/// narrows them), then the lowest keyed hash of the cell's identity (metric,
/// city, period, breakdown) under the ledger's secret key. Not the smallest:
/// a reader who can replay the choice learns that the protecting cell was no
/// larger than the rest of its line.
///
/// Withholding a cell turns a constant into an unknown, which can only widen
/// every range, so a cell once proven protected stays protected: each round
/// audits only the cells still exposed and the newly unknown ones.
package enum ComplementarySuppression {
    package struct Context {
        let site: Site
        let tables: LinkedTables
        let key: KeyedHash
        /// Each metric's min_cell.
        let minCell: [Int]
        /// Cells an earlier release published with the same input: a reader has them.
        var releasedBefore: Set<Int> = []
    }

    package static func apply(_ figures: inout [[PublishedFigure]], reasons: inout [[Withholding?]], _ context: Context) {
        let tables = context.tables
        let cellCount = tables.sources.count
        func known(_ cell: Int) -> Double? {
            switch tables.sources[cell] {
            case let .figure(m, i): return figures[m][i].value.number ?? (context.releasedBefore.contains(cell) ? tables.raw[cell] : nil)
            case let .increment(m, later, earlier):
                guard let a = known(tables.cellOfFigure[m][later]), let b = known(tables.cellOfFigure[m][earlier]) else { return nil }
                return a - b
            }
        }
        func withhold(_ cell: Int, _ reason: Withholding) {
            guard case let .figure(m, i) = tables.sources[cell], figures[m][i].value.number != nil else { return }
            figures[m][i].value = .withheld
            reasons[m][i] = reason
        }

        // A cumulative metric's increments are counts: a small one is withheld
        // by withholding the later of its two periods (read as it goes: once a
        // period is withheld, the next increment is unknown too).
        for (cell, source) in tables.sources.enumerated() {
            guard case let .increment(m, later, _) = source, let value = tables.raw[cell], known(cell) != nil else { continue }
            if value > 0, value < Double(context.minCell[m]) { withhold(tables.cellOfFigure[m][later], .primary) }
        }

        // Lines through each cell, and connected components of cells, each
        // in the order of its root (its smallest cell), its cells in order.
        let linesOf = CellLines(tables.lines, cellCount: cellCount)
        var components = UnionFind(count: cellCount)
        for line in tables.lines { for cell in line.dropFirst() { components.union(line[0], cell) } }
        var members: [[Int]] = []
        var roots: [Int] = []
        var memberSlot = [Int](repeating: -1, count: cellCount)
        for cell in 0..<cellCount where !linesOf[cell].isEmpty {
            let root = components.find(cell)
            if memberSlot[root] < 0 {
                memberSlot[root] = members.count
                members.append([])
                roots.append(root)
            }
            members[memberSlot[root]].append(cell)
        }
        let order = roots.indices.sorted { roots[$0] < roots[$1] }

        // Components share no cell and no line, so each is decided on its own,
        // on both cores, against the figures as they stand now; a component
        // reads and withholds only its own cells, so applying the choices in
        // component order gives exactly what deciding them one after another would.
        // (In a closure: its copy of the figures is let go before they change.)
        let choices: [[Int]] = {
            let standing = figures
            let start = Component(tables: tables, figures: standing, releasedBefore: context.releasedBefore)
            let audited = order.filter { members[$0].contains(where: start.isAudited) }
            return ParallelMap.map(audited.indices) { r -> [Int] in
                let component = Component(tables: tables, figures: standing, releasedBefore: context.releasedBefore)
                component.decide(members[audited[r]], linesOf: linesOf, minCell: context.minCell,
                                 order: { identity($0, context, standing) })
                return component.withheld
            }
        }()
        for cells in choices {
            for cell in cells { withhold(cell, .complementary) }
        }
    }

    /// One connected component's suppression, decided without touching the
    /// shared figures: what it withholds is kept in `withheld`, in order.
    /// A class, one per component: the audit's closures (`known`,
    /// `isPublished`) capture it by reference; as a struct, every closure made
    /// in `decide` copied it whole (the tables, the figures, the sets), about
    /// a tenth of a `serve` data edit's CPU.
    private final class Component {
        let tables: LinkedTables
        let figures: [[PublishedFigure]]
        let releasedBefore: Set<Int>
        /// Cells this component withheld, in the order it chose them.
        private(set) var withheld: [Int] = []
        private var withheldSet: Set<Int> = []

        init(tables: LinkedTables, figures: [[PublishedFigure]], releasedBefore: Set<Int>) {
            self.tables = tables
            self.figures = figures
            self.releasedBefore = releasedBefore
        }

        func known(_ cell: Int) -> Double? {
            switch tables.sources[cell] {
            case let .figure(m, i):
                if withheldSet.contains(cell) { return nil }
                return figures[m][i].value.number ?? (releasedBefore.contains(cell) ? tables.raw[cell] : nil)
            case let .increment(m, later, earlier):
                guard let a = known(tables.cellOfFigure[m][later]), let b = known(tables.cellOfFigure[m][earlier]) else { return nil }
                return a - b
            }
        }
        func isFigure(_ cell: Int) -> Bool {
            if case .figure = tables.sources[cell] { return true }
            return false
        }
        /// A published figure: the only kind of cell withholding can hide.
        func isPublished(_ cell: Int) -> Bool {
            if case let .figure(m, i) = tables.sources[cell] { return figures[m][i].value.number != nil && !withheldSet.contains(cell) }
            return false
        }
        func isAudited(_ cell: Int) -> Bool {
            switch tables.sources[cell] {
            case let .figure(m, i): return (figures[m][i].value == .withheld || withheldSet.contains(cell)) && !releasedBefore.contains(cell)
            case .increment: return known(cell) == nil
            }
        }
        func withhold(_ cell: Int) {
            guard isPublished(cell) else { return }
            withheldSet.insert(cell)
            withheld.append(cell)
        }

        func decide(_ cells: [Int], linesOf: CellLines, minCell: [Int], order identity: (Int) -> UInt64) {
            // The keyed hash of each candidate's identity, computed once when first needed.
            var identities: [Int: UInt64] = [:]
            func order(_ cell: Int) -> UInt64 {
                if let known = identities[cell] { return known }
                let value = identity(cell)
                identities[cell] = value
                return value
            }
            let tables = self.tables
            let componentLines = Set(cells.flatMap { linesOf[$0] }).sorted().map { tables.lines[$0] }
            var toCheck = cells.filter(isAudited)
            // Increments stay free columns: the equations fix them when both ends are known.
            let audit = DisclosureAudit(cells: cells, lines: componentLines, fixed: { isFigure($0) ? known($0) : nil }, truth: { tables.raw[$0] })
            while !toCheck.isEmpty {
                let exposed = audit.violations(
                    toCheck, known: known,
                    width: { max(2, minCell[tables.sources[$0].metric] - 1) },
                    truth: { tables.raw[$0] })
                if exposed.isEmpty { break }
                let before = Set(cells.filter { known($0) == nil })
                var covered: Set<Int> = []
                var stuck = false
                for cell in exposed where covered.isDisjoint(with: linesOf[cell]) {
                    var candidates = linesOf[cell].flatMap { tables.lines[$0] }.filter(isPublished)
                    if candidates.isEmpty {
                        candidates = componentLines.filter { $0.contains { known($0) == nil } }.flatMap { $0 }.filter(isPublished)
                    }
                    guard let choice = candidates.min(by: { (known($0) == 0 ? 1 : 0, order($0)) < (known($1) == 0 ? 1 : 0, order($1)) }) else {
                        stuck = true
                        break
                    }
                    withhold(choice)
                    audit.free(choice)
                    covered.formUnion(linesOf[cell])
                }
                if stuck {
                    for cell in cells { withhold(cell) }
                    break
                }
                let newlyUnknown = cells.filter { known($0) == nil && !before.contains($0) && isAudited($0) }
                toCheck = Array(Set(exposed + newlyUnknown)).sorted()
            }
        }
    }

    /// The keyed hash of a cell's identity (metric, city, period, breakdown): the order of choice.
    private static func identity(_ cell: Int, _ context: Context, _ figures: [[PublishedFigure]]) -> UInt64 {
        guard case let .figure(m, i) = context.tables.sources[cell] else { return .max }
        let figure = figures[m][i]
        let city = context.site.blueprints.indices.contains(figure.city) ? context.site.blueprints[figure.city].slug : String(figure.city)
        // "metric|city|period|cell", made as bytes (no String joined per candidate).
        var text = ByteText(capacity: 64)
        text.append(context.site.metrics[m].id)
        text.append("|" as StaticString)
        text.append(city)
        text.append("|" as StaticString)
        text.append(figure.period.description)
        text.append("|" as StaticString)
        text.append(String(figure.cell.raw))
        return context.key.hash(text.bytes)
    }
}

/// Disjoint sets with path halving: the components of linked tables.
package struct UnionFind {
    private var parent: [Int]

    package init(count: Int) { parent = Array(0..<count) }

    package mutating func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }

    package mutating func union(_ a: Int, _ b: Int) {
        let ra = find(a), rb = find(b)
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
}
