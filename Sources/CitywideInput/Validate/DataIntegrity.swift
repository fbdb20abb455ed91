import CitywideModel

/// Checks that breakdowns agree with their totals, and fills in a total the
/// data left out but whose parts it gives in full. Nothing is silently
/// inconsistent: parts that do not add up are errors, a filled-in total is
/// marked `derived` and reported, and rows no page shows are reported too.
public enum DataIntegrity {
    /// `memo`: `serve`'s last checks, reused for each metric whose rows are unchanged.
    public static func check(_ site: Site, _ observations: ObservationSet, log: DiagnosticLog) -> ObservationSet {
        check(site, observations, log: log, memo: nil)
    }

    package static func check(_ site: Site, _ observations: ObservationSet, log: DiagnosticLog, memo: DataIntegrityMemo?) -> ObservationSet {
        var result = observations
        var twoWayRows: [Int32: (count: Int, firstLine: Int32)] = [:]
        memo?.begin(site, observations)
        let checked = site.metrics.indices.filter { !site.metrics[$0].dimensions.isEmpty && $0 < observations.byMetric.count }
        for m in checked {
            for observation in observations.byMetric[m] where observation.cell.depth >= 2 {
                let seen = twoWayRows[observation.origin.file]
                twoWayRows[observation.origin.file] = ((seen?.count ?? 0) + 1, min(seen?.firstLine ?? .max, observation.origin.line))
            }
        }
        if let memo {
            for m in checked {
                result.byMetric[m] = memo.check(site.metrics[m], observations.byMetric[m], log: log) { log in
                    let ranges = CityRanges(observations.byMetric[m], cities: site.blueprints.count)
                    return ranges.merged(observations.byMetric[m], ParallelMap.map(ranges.indices) { checkTables(site, m, observations, ranges, $0, log: log) })
                }
            }
        } else {
            // A build checks ranges of cities of every metric on every core: a
            // city's tables read and fix only its own observations (the log is
            // thread-safe and sorted when read). One metric of many cities
            // keeps both cores busy as well as many metrics do.
            let ranges = checked.map { CityRanges(observations.byMetric[$0], cities: site.blueprints.count) }
            let jobs = checked.indices.flatMap { k in ranges[k].indices.map { (k, $0) } }
            let added = ParallelMap.map(jobs.indices) { j in
                checkTables(site, checked[jobs[j].0], observations, ranges[jobs[j].0], jobs[j].1, log: log)
            }
            var next = 0
            for (k, m) in checked.enumerated() {
                result.byMetric[m] = ranges[k].merged(observations.byMetric[m], Array(added[next ..< next + ranges[k].count]))
                next += ranges[k].count
            }
        }
        for (file, rows) in twoWayRows.sorted(by: { $0.key < $1.key }) {
            log.warning(observations.location(RowOrigin(file: file, line: rows.firstLine)),
                        "\(rows.count) \(rows.count == 1 ? "row breaks" : "rows break") down by two or more dimensions at once (the first here): they are published in the data downloads and protected like every other cell, but no page shows them")
        }
        return result
    }

    /// Every table of metric `m` in one range of cities, sums checked:
    /// the derived totals to append to the metric's rows, in the order of
    /// the tables (city, period), as checking every table in that order would.
    /// Reads the metric, its rows, the city slugs and the data file names alone
    /// (`DataIntegrityMemo` keeps the result while they are the same).
    private static func checkTables(_ site: Site, _ m: Int, _ observations: ObservationSet, _ ranges: CityRanges, _ r: Int,
                                    log: DiagnosticLog) -> [Observation] {
        let metric = site.metrics[m]
        // The range's rows, in the metric's order: a later row of a cell replaces an earlier one, as before.
        var list = ranges.rows[r].map { observations.byMetric[m][Int($0)] }
        let given = list.count
        // The rows in table order (city, period), each table's in the metric's
        // order: a run of rows is a table. Sorted, not grouped in a dictionary
        // of tables, whose growth and hashing of each row's key cost more than
        // the checks themselves.
        let order = list.indices.sorted { a, b in
            (list[a].city, list[a].period, a) < (list[b].city, list[b].period, b)
        }
        // One context, its table changed in place (a copy per table retained the whole site).
        var context = Context(site: site, metric: metric, observations: observations, key: TableKey(city: 0, period: list.first?.period ?? Period(year: 0)))
        var start = 0
        while start < order.count {
            let first = list[order[start]]
            var end = start + 1
            while end < order.count, list[order[end]].city == first.city, list[order[end]].period == first.period { end += 1 }
            var table: [CellKey: Int] = [:]
            table.reserveCapacity(end - start)
            for i in order[start ..< end] { table[list[i].cell] = i }
            context.key = TableKey(city: Int(first.city), period: first.period)
            deriveMissingTotals(&table, &list, context, log: log)
            checkSums(table, list, context, log: log)
            start = end
        }
        return Array(list[given...])
    }

    /// One city's table of one period: the cells that must add up.
    package struct TableKey: Hashable {
        let city: Int
        let period: Period
    }

    package struct Context {
        let site: Site
        let metric: MetricDefinition
        let observations: ObservationSet
        var key: TableKey

        var what: String { "\(site.blueprints[key.city].slug), \(key.period), \(metric.id)" }

        func describe(_ cell: CellKey) -> String {
            let parts = cell.parts.map { "\(metric.dimensions[$0.dimension].name)=\(metric.dimensions[$0.dimension].values[$0.value])" }
            return parts.isEmpty ? "the total" : parts.joined(separator: ", ")
        }

        func lines(_ rows: [Observation]) -> String {
            let numbers = rows.map { String($0.origin.line) }
            return (numbers.count == 1 ? "line " : "lines ") + numbers.joined(separator: ", ")
        }
    }

    /// A cell missing from the data whose parts by some dimension are all
    /// given is their sum. Deeper cells first, so margins are filled in
    /// before the totals above them.
    package static func deriveMissingTotals(_ table: inout [CellKey: Int], _ list: inout [Observation], _ context: Context, log: DiagnosticLog) {
        let dimensions = context.metric.dimensions
        var candidates: Set<CellKey> = []
        for cell in table.keys {
            for part in cell.parts { candidates.insert(cell.setting(part.dimension, to: 0)) }
        }
        for parent in candidates.filter({ table[$0] == nil }).sorted(by: { ($0.depth, $0.raw) > ($1.depth, $1.raw) }) {
            guard table[parent] == nil else { continue }
            for (d, dimension) in dimensions.enumerated() where parent.code(d) == 0 {
                let children = dimension.values.indices.map { table[parent.setting(d, to: $0 + 1)] }
                let present = children.compactMap { $0 }
                guard !present.isEmpty else { continue }
                let values = present.compactMap { list[$0].value }
                let first = list[present[0]]
                if present.count == children.count, values.count == present.count {
                    list.append(Observation(
                        city: first.city, period: first.period, cell: parent, value: values.reduce(0, +),
                        flag: .derived, note: "Derived: the sum of its breakdown by \(dimension.name).", origin: first.origin
                    ))
                    table[parent] = list.count - 1
                    log.warning(context.observations.location(first.origin),
                                "\(context.what): \(context.describe(parent)) is not given; it is computed from its breakdown by \(dimension.name) (\(context.lines(present.map { list[$0] }))) and published marked 'derived'")
                    break
                } else if d == dimensions.indices.last(where: { parent.code($0) == 0 }) {
                    log.warning(context.observations.location(first.origin),
                                "\(context.what): \(context.describe(parent)) is not given and its breakdown by \(dimension.name) is incomplete, so it cannot be computed")
                }
            }
        }
    }

    /// Parts must add up to their total exactly; given parts may never exceed it.
    package static func checkSums(_ table: [CellKey: Int], _ list: [Observation], _ context: Context, log: DiagnosticLog) {
        for (parent, p) in table.sorted(by: { $0.key < $1.key }) {
            guard let total = list[p].value else { continue }
            for (d, dimension) in context.metric.dimensions.enumerated() where parent.code(d) == 0 {
                let present = dimension.values.indices.compactMap { table[parent.setting(d, to: $0 + 1)] }
                guard !present.isEmpty else { continue }
                let values = present.compactMap { list[$0].value }
                let sum = values.reduce(0, +)
                let complete = present.count == dimension.values.count && values.count == present.count
                var rows: [Observation] { present.map { list[$0] } }
                // Located and worded only when there is a problem (most tables have none).
                var at: SourceLocation { context.observations.location(list[p].origin) }
                if complete, abs(sum - total) > 1e-9 * max(1, abs(total)) {
                    log.error(at, "\(context.what): the breakdown by \(dimension.name) of \(context.describe(parent)) adds up to \(NumberText.plain(sum)) (\(context.lines(rows))) but \(context.describe(parent)) is \(NumberText.plain(total))")
                } else if !complete, sum > total + 1e-9 * max(1, abs(total)) {
                    log.error(at, "\(context.what): the given parts by \(dimension.name) of \(context.describe(parent)) already add up to \(NumberText.plain(sum)) (\(context.lines(rows))), more than \(context.describe(parent)), \(NumberText.plain(total))")
                } else if present.count < dimension.values.count, list[p].flag != .derived {
                    let missing = dimension.values.indices.filter { table[parent.setting(d, to: $0 + 1)] == nil }.map { dimension.values[$0] }
                    log.warning(at, "\(context.what): the breakdown by \(dimension.name) of \(context.describe(parent)) is incomplete (no \(missing.joined(separator: ", "))); readers cannot check it adds up")
                }
            }
        }
    }
}
