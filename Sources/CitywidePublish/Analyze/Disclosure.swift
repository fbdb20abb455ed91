import CitywideModel
import CitywidePublished
internal import CitywideInput

/// The one place that decides what may be published.
///
/// Every number on every page, chart and download comes out of `publish`;
/// what it withholds leaves as a `PublishedValue.withheld` with no number in
/// it, so nothing after this stage can print a withheld value by accident.
public enum Disclosure {
    /// `recording: false` (serve, which never writes the ledger) leaves out
    /// the new ledger's entries, one per cell; the previous ledger is applied all the same.
    static func publish(_ site: Site, _ observations: ObservationSet, ledger: Ledger? = nil, recording: Bool = true) -> PublishedData {
        publish(site, observations, ledger: ledger, protection: true, recording: recording)
    }

    /// `protection: false` is for the tests' mutation check only: it skips
    /// complementary suppression, and the attacker must then find exposed cells.
    static func publish(_ site: Site, _ observations: ObservationSet, ledger previous: Ledger? = nil, protection: Bool,
                        recording: Bool = true) -> PublishedData {
        let rules = site.config.privacy
        // The key hashes every raw value, on one core: made on a thread of its
        // own while the figures and their tables are made on both.
        let derivedKey = previous == nil ? Background { SecretKey.derive(site, observations) } : nil
        let minCells = site.metrics.map { minCell($0, rules) }
        var figures: [[PublishedFigure]] = ParallelMap.map(site.metrics.indices) { m in
            let list = m < observations.byMetric.count ? observations.byMetric[m] : []
            return PrimarySuppression.apply(list, metric: site.metrics[m], minCell: minCells[m])
        }
        var reasons: [[Withholding?]] = figures.map { list in list.map { $0.value == .withheld ? .primary : nil } }
        // Linked tables of every metric are protected together, not one by one.
        let tables = LinkedTables(site: site, observations: observations, figures: figures)
        let key = previous?.key ?? derivedKey?.value ?? SecretKey.derive(site, observations)
        let (releasedBefore, cellIDs) = protection ? applyLedger(previous, &figures, &reasons, tables, site) : ([], nil)
        if protection {
            ComplementarySuppression.apply(&figures, reasons: &reasons, ComplementarySuppression.Context(
                site: site, tables: tables, key: key, minCell: minCells, releasedBefore: releasedBefore))
        }
        // The ledger's entries (one per count cell, stored one by one in a
        // dictionary) are recorded on a thread of their own while the rest is
        // published: the entries read only count figures as suppression left
        // them, and nothing below changes a count figure (given rates and
        // computed metrics change their own figures alone). Not
        // `ParallelMap.both`: there each side's own `ParallelMap` ran on one
        // core, and one core idled while the other finished the entries.
        // Waited for here: left to run on while progress was assessed and the
        // pages began, it raised the build's peak memory (about 10 MB of
        // cities10k's 210: its cells' tables and figures lived on).
        let suppressed = figures
        let recorder = Background { () -> (ledger: Ledger, changed: Bool) in
            guard recording else { return (Ledger(key: key, entries: previous?.entries ?? [:]), previous == nil) }
            return record(previous, key: key, suppressed, tables, site, ids: cellIDs)
        }
        // Rates and percents given as data imply counts; computed ones are made
        // from their inputs' raw counts and withheld wherever an input is: a
        // rate times the published population must not give a count back.
        for (m, metric) in site.metrics.enumerated() where !metric.isComputed && metric.kind != .count {
            GivenRates.apply(&figures[m], reasons: &reasons[m], metric: metric, site: site, published: figures, observations: observations, minCell: minCells[m])
        }
        for (m, metric) in site.metrics.enumerated() where metric.isComputed {
            (figures[m], reasons[m]) = ComputedMetrics.compute(metric, site: site, observations: observations, published: figures, reasons: reasons, rules: rules)
        }
        // Each metric's indexes are built on every core.
        var metrics = ParallelMap.map(site.metrics.indices) { m in
            PublishedMetric(definition: site.metrics[m], minCell: minCells[m], figures: figures[m])
        }
        for m in metrics.indices {
            for reason in reasons[m] { metrics[m].checkOnlyRuleCounts.count(reason) }
        }
        let periods = Set(metrics.flatMap(\.periods)).sorted()
        for m in metrics.indices { metrics[m].dropNotesOfWithheld() }
        var data = PublishedData(metrics: metrics, periods: periods)
        (data.ledger, data.ledgerChanged) = recorder.value
        return data
    }

    /// The cells of `tables` taken a range of `cellChunk` at a time, on every
    /// core (a million cells on a large site), by `applyLedger` and `record`:
    /// `body`'s results in chunk order.
    private static func inChunks<T>(_ tables: LinkedTables, _ body: (_ chunk: Int, _ cells: Range<Int>) -> T) -> [T] {
        let count = tables.sources.count
        return ParallelMap.map(0 ..< (count + cellChunk - 1) / cellChunk) { c in
            body(c, c * cellChunk ..< min((c + 1) * cellChunk, count))
        }
    }

    private static let cellChunk = 1 << 14

    /// Each raw value's keyed hash, computed once: counts repeat (a few
    /// hundred distinct values in a million cells).
    private struct InputHashes {
        let ledger: Ledger
        private var known: [UInt64?: UInt64] = [:]

        init(_ ledger: Ledger) {
            self.ledger = ledger
        }

        mutating func callAsFunction(_ raw: Double?) -> UInt64 {
            if let hash = known[raw?.bitPattern] { return hash }
            let hash = ledger.inputHash(raw)
            known[raw?.bitPattern] = hash
            return hash
        }
    }

    /// The previous ledger with each count cell released now: withheld or
    /// not, and a keyed hash of its input. `ids`: the cells' ids as
    /// `applyLedger` made them, by chunk (nil when there was no ledger
    /// before). `changed` is false when every cell is in the previous ledger
    /// as it is now (a build after an edit of text alone): that ledger is
    /// then the new one, neither copied nor written again.
    private static func record(_ previous: Ledger?, key: KeyedHash, _ figures: [[PublishedFigure]], _ tables: LinkedTables, _ site: Site,
                               ids: [[String]]?) -> (ledger: Ledger, changed: Bool) {
        // The cells' ids and entries are made on every core, a range of cells
        // each, then stored in cell order.
        let made = inChunks(tables) { c, cells in
            var inputHash = InputHashes(Ledger(key: key))
            var entries: [(id: String, entry: Ledger.Entry)] = []
            var differs = previous == nil
            var made = 0 // figure cells of this chunk so far: the index into its ids
            for cell in cells {
                guard case let .figure(m, i) = tables.sources[cell] else { continue }
                let id = ids?[c][made] ?? Ledger.cellID(site, metric: m, figures[m][i])
                made += 1
                let entry = Ledger.Entry(withheld: figures[m][i].value == .withheld, input: inputHash(tables.raw[cell]))
                if !differs, previous?.entries[id] != entry { differs = true }
                entries.append((id, entry))
            }
            return (entries, differs)
        }
        if let previous, !made.contains(where: \.1) { return (previous, false) }
        var ledger = Ledger(key: key, entries: previous?.entries ?? [:])
        // Room for this release's cells, most of them already in the previous
        // ledger on a later build: reserving for both would rehash every
        // entry of the previous ledger into a table twice its size.
        ledger.entries.reserveCapacity(max(ledger.entries.count, tables.sources.count))
        for (entries, _) in made {
            for (id, entry) in entries { ledger.entries[id] = entry }
        }
        return (ledger, true)
    }

    /// What earlier releases fix: a cell withheld before, with the same input,
    /// stays withheld; a cell published before, with the same input, is known
    /// to a reader who kept that release (returned: cells of `tables`). Also
    /// returned: the id of each figure cell, by chunk of `cellChunk` cells, for `record`.
    private static func applyLedger(_ previous: Ledger?, _ figures: inout [[PublishedFigure]], _ reasons: inout [[Withholding?]],
                                    _ tables: LinkedTables, _ site: Site) -> (released: Set<Int>, ids: [[String]]?) {
        guard let previous else { return ([], nil) }
        // Each cell's id is made and looked up, and its input hashed, on every
        // core, a range of cells each; the figures change afterwards, in order.
        let chunks = { (figures: [[PublishedFigure]]) in
            inChunks(tables) { _, cells in
                var inputHash = InputHashes(previous)
                var found: [(cell: Int, withheld: Bool)] = []
                var ids: [String] = []
                for cell in cells {
                    guard case let .figure(m, i) = tables.sources[cell] else { continue }
                    let id = Ledger.cellID(site, metric: m, figures[m][i])
                    ids.append(id)
                    guard let entry = previous.entries[id] else { continue }
                    if entry.input == inputHash(tables.raw[cell]) { found.append((cell, entry.withheld)) }
                }
                return (found, ids)
            }
        }(figures)
        var released: Set<Int> = []
        for (cell, withheld) in chunks.lazy.flatMap(\.0) {
            guard case let .figure(m, i) = tables.sources[cell] else { continue }
            if withheld, figures[m][i].value.number != nil {
                figures[m][i].value = .withheld
                reasons[m][i] = .complementary
            } else if !withheld, figures[m][i].value == .withheld {
                released.insert(cell)
            }
        }
        return (released, chunks.map(\.1))
    }

    /// A metric may raise the site's threshold, never lower it.
    package static func minCell(_ metric: MetricDefinition, _ rules: PrivacyRules) -> Int {
        max(rules.minCell, metric.minCell ?? rules.minCell)
    }
}

/// SPEC privacy rule 1: a count with 0 < value < min_cell is withheld; 0 is
/// publishable (it says no one, which singles out no one).
package enum PrimarySuppression {
    static func apply(_ observations: [Observation], metric: MetricDefinition, minCell: Int) -> [PublishedFigure] {
        observations.map { observation in
            var value = PublishedValue.notAvailable
            if let v = observation.value {
                value = isPrimary(v, metric: metric, minCell: minCell) ? .withheld : .number(v)
            }
            return PublishedFigure(
                city: Int(observation.city), period: observation.period, cell: observation.cell,
                value: value, unreliable: false, flag: observation.flag, note: observation.note
            )
        }
    }

    package static func isPrimary(_ value: Double, metric: MetricDefinition, minCell: Int) -> Bool {
        metric.kind == .count && value > 0 && value < Double(minCell)
    }
}
