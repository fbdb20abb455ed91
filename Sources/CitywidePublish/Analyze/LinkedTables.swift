import CitywideModel
import CitywidePublished
internal import CitywideInput

/// Every cell a reader sees, across all count metrics, and every equation a
/// reader can write between them (SPEC "Privacy" rule 2):
///
/// * within a table (a metric, city and period), a cell equals the sum of its
///   breakdown by any one dimension (`TableLines`);
/// * for `aggregation: sum`, an annual value equals its quarters or its
///   months, and a quarter its months (same city and cell);
/// * for `cumulative: true`, each period's value equals the previous one plus
///   an increment: the increments are cells of their own, never published,
///   and they are the counts that carry people;
/// * for `part_of:`, a cell equals the named cell of the other metric.
///
/// Each equation is a line: the parent first, then its parts
/// (parent = Σ parts). A link between periods or metrics that the raw data do
/// not satisfy is left out: a reader who wrote it would be misled, not helped,
/// and the audit of a contradiction would prove nothing.
package struct LinkedTables {
    package enum Source: Equatable {
        case figure(metric: Int, index: Int)
        /// `later` minus `earlier`, two figures of one cumulative metric.
        case increment(metric: Int, later: Int, earlier: Int)

        var metric: Int {
            switch self {
            case let .figure(metric, _), let .increment(metric, _, _): metric
            }
        }
    }

    private(set) var sources: [Source] = []
    /// The input value of each cell (nil: not available).
    private(set) var raw: [Double?] = []
    private(set) var lines: [[Int]] = []
    /// [metric][figure index] → cell, for count metrics.
    private(set) var cellOfFigure: [[Int]]

    init(site: Site, observations: ObservationSet, figures: [[PublishedFigure]]) {
        cellOfFigure = Array(repeating: [], count: site.metrics.count)
        for (m, metric) in site.metrics.enumerated() where metric.kind == .count && !metric.isComputed {
            let rawValues = m < observations.byMetric.count ? observations.byMetric[m].map(\.value) : []
            cellOfFigure[m] = figures[m].indices.map { i in
                add(.figure(metric: m, index: i), raw: i < rawValues.count ? rawValues[i] : nil)
            }
            addTableLines(metric, m, figures[m], cities: site.blueprints.count)
            if metric.cumulative {
                addIncrements(m, figures[m])
            } else if metric.aggregation == .sum {
                addPeriodLines(figures[m], cells: cellOfFigure[m])
            }
        }
        for (m, metric) in site.metrics.enumerated() {
            if let link = metric.partOf, let whole = site.metricIndex(link.metric), !cellOfFigure[m].isEmpty, !cellOfFigure[whole].isEmpty {
                addPartOf(part: metric, m, whole: site.metrics[whole], whole, link, figures)
            }
        }
        addInferredLinks(site, figures)
    }

    /// Twins and period sums across metrics that nobody declared (`InferredLinks`).
    private mutating func addInferredLinks(_ site: Site, _ figures: [[PublishedFigure]]) {
        // A link takes two metrics with cells: one metric's keys are not gathered for nothing.
        guard site.metrics.indices.filter({ !cellOfFigure[$0].isEmpty }).count > 1 else { return }
        var metrics: [InferredLinks.Cells] = []
        var declared: Set<[Int]> = []
        // Each breakdown's name, numbered in the order first met.
        var nameNumbers: [String: Int] = [:]
        for (m, metric) in site.metrics.enumerated() where !cellOfFigure[m].isEmpty {
            if let link = metric.partOf, let whole = site.metricIndex(link.metric) { declared.insert([m, whole]) }
            var byKey: [InferredLinks.Key: Int] = [:]
            byKey.reserveCapacity(figures[m].count)
            // A metric has few breakdowns and many cities and periods: each name is made once.
            var names: [CellKey: Int] = [:]
            for (i, figure) in figures[m].enumerated() {
                let name: Int
                if let known = names[figure.cell] {
                    name = known
                } else {
                    let text = InferredLinks.name(figure.cell, of: metric)
                    name = nameNumbers[text] ?? nameNumbers.count
                    nameNumbers[text] = name
                    names[figure.cell] = name
                }
                byKey[InferredLinks.Key(city: figure.city, period: figure.period, cell: name)] = cellOfFigure[m][i]
            }
            metrics.append(InferredLinks.Cells(metric: m, frequency: metric.frequency, byKey: byKey))
        }
        lines += InferredLinks.lines(metrics, raw: raw, declared: declared)
    }

    private mutating func add(_ source: Source, raw value: Double?) -> Int {
        sources.append(source)
        raw.append(value)
        return sources.count - 1
    }

    /// Adds `line` when the raw values satisfy it (or some are not available).
    private mutating func addIfTrue(_ line: [Int]) {
        let values = line.map { raw[$0] }
        if values.allSatisfy({ $0 != nil }) {
            let parts = values.dropFirst().reduce(0) { $0 + ($1 ?? 0) }
            guard abs((values[0] ?? 0) - parts) < 1e-6 else { return }
        }
        lines.append(line)
    }

    private mutating func addTableLines(_ metric: MetricDefinition, _ m: Int, _ figures: [PublishedFigure], cities: Int) {
        guard !metric.dimensions.isEmpty else { return }
        // A table is one city's: ranges of cities on every core, their lines
        // joined in range order (city, then period, as one pass gives them).
        let ranges = CityRanges(figures.count, cities: cities) { figures[$0].city }
        let cells = cellOfFigure[m]
        let made = ParallelMap.map(ranges.indices) { r in
            Self.tableLines(metric, figures, rows: ranges.rows[r], cells: cells)
        }
        for rangeLines in made { lines += rangeLines }
    }

    /// The lines of the tables of `rows` (figures of one metric), in city and period order.
    private static func tableLines(_ metric: MetricDefinition, _ figures: [PublishedFigure], rows: [Int], cells: [Int]) -> [[Int]] {
        var tables: [PublishedMetric.Key: [Int]] = [:]
        for i in rows {
            tables[PublishedMetric.Key(city: figures[i].city, period: figures[i].period, cell: .total), default: []].append(i)
        }
        // Most tables of a metric hold the same breakdowns: their lines are worked out once.
        var linesOfShape: [[CellKey]: [[Int]]] = [:]
        var lines: [[Int]] = []
        for key in tables.keys.sorted(by: { ($0.city, $0.period) < ($1.city, $1.period) }) {
            let members = (tables[key] ?? []).sorted { figures[$0].cell < figures[$1].cell }
            let shape = members.map { figures[$0].cell }
            let shapeLines: [[Int]]
            if let known = linesOfShape[shape] {
                shapeLines = known
            } else {
                shapeLines = TableLines(cells: shape, dimensions: metric.dimensions).lines
                linesOfShape[shape] = shapeLines
            }
            for line in shapeLines {
                lines.append(line.map { cells[members[$0]] })
            }
        }
        return lines
    }

    /// One series per city and cell, in period order.
    private func series(_ figures: [PublishedFigure]) -> [[Int]] {
        struct Key: Hashable { var city: Int; var cell: CellKey }
        var result: [Key: [Int]] = [:]
        for (i, figure) in figures.enumerated() { result[Key(city: figure.city, cell: figure.cell), default: []].append(i) }
        return result.keys.sorted { ($0.city, $0.cell) < ($1.city, $1.cell) }
            .map { (result[$0] ?? []).sorted { figures[$0].period < figures[$1].period } }
    }

    private mutating func addPeriodLines(_ figures: [PublishedFigure], cells: [Int]) {
        // Every line joins two granularities: a metric of one has none.
        let first = figures.first?.period.granularity
        guard figures.contains(where: { $0.period.granularity != first }) else { return }
        for run in series(figures) {
            var at: [Period: Int] = [:]
            for i in run { at[figures[i].period] = cells[i] }
            func all(_ periods: [Period]) -> [Int]? {
                let found = periods.compactMap { at[$0] }
                return found.count == periods.count ? found : nil
            }
            for i in run {
                let period = figures[i].period
                switch period.granularity {
                case .annual:
                    if let quarters = all((1...4).map { Period(year: period.year, quarter: $0) }) { addIfTrue([cells[i]] + quarters) }
                    if let months = all((1...12).map { Period(year: period.year, month: $0) }) { addIfTrue([cells[i]] + months) }
                case .quarterly:
                    let first = (period.index - 1) * 3 + 1
                    if let months = all((first..<(first + 3)).map { Period(year: period.year, month: $0) }) { addIfTrue([cells[i]] + months) }
                case .monthly:
                    break
                }
            }
        }
    }

    /// later = earlier + increment, for consecutive periods of one granularity.
    private mutating func addIncrements(_ m: Int, _ figures: [PublishedFigure]) {
        for run in series(figures) {
            for granularity in Period.Granularity.allCases {
                let periods = run.filter { figures[$0].period.granularity == granularity }
                for (earlier, later) in zip(periods, periods.dropFirst()) {
                    let a = raw[cellOfFigure[m][earlier]], b = raw[cellOfFigure[m][later]]
                    let increment = add(.increment(metric: m, later: later, earlier: earlier), raw: a.flatMap { a in b.map { $0 - a } })
                    lines.append([cellOfFigure[m][later], cellOfFigure[m][earlier], increment])
                }
            }
        }
    }

    /// Each cell of `part` equals the cell of `whole` with the same breakdown
    /// (by dimensions of the same name and value) and `link.value` of `link.dimension`.
    private mutating func addPartOf(part: MetricDefinition, _ p: Int, whole: MetricDefinition, _ w: Int,
                                    _ link: PartOf, _ figures: [[PublishedFigure]]) {
        guard let d = whole.dimensionIndex(link.dimension), let v = whole.dimensions[d].values.firstIndex(of: link.value) else { return }
        var index: [PublishedMetric.Key: Int] = [:]
        for (i, figure) in figures[w].enumerated() { index[PublishedMetric.Key(city: figure.city, period: figure.period, cell: figure.cell)] = i }
        for (i, figure) in figures[p].enumerated() {
            var cell = CellKey.total.setting(d, to: v + 1)
            var matched = true
            for (dimension, value) in figure.cell.parts {
                let name = part.dimensions[dimension].name
                guard let wd = whole.dimensionIndex(name), wd != d,
                      let wv = whole.dimensions[wd].values.firstIndex(of: part.dimensions[dimension].values[value])
                else { matched = false; break }
                cell = cell.setting(wd, to: wv + 1)
            }
            guard matched, let j = index[PublishedMetric.Key(city: figure.city, period: figure.period, cell: cell)] else { continue }
            addIfTrue([cellOfFigure[w][j], cellOfFigure[p][i]])
        }
    }
}
