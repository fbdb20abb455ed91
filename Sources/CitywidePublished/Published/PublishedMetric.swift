import Dispatch
import CitywideModel

/// Everything that may be published about one metric, indexed for the
/// questions pages ask: a city's series, a period across cities, a breakdown.
public struct PublishedMetric: Sendable {
    public struct Key: Hashable, Sendable {
        package init(city: Int, period: Period, cell: CellKey) {
            self.city = city
            self.period = period
            self.cell = cell
        }

        public var city: Int
        public var period: Period
        public var cell: CellKey
    }

    public package(set) var definition: MetricDefinition
    /// The minimum cell size used for this metric (site's, or the metric's higher one).
    public let minCell: Int
    /// Sorted by city, period, then breakdown (totals first).
    public package(set) var figures: [PublishedFigure]
    /// Every period with a figure, sorted.
    public let periods: [Period]
    public let counts: DisclosureCounts
    /// Per rule: for `check` only (see `CheckOnlyRuleCounts`).
    public package(set) var checkOnlyRuleCounts = CheckOnlyRuleCounts()
    /// Where each city's figures start in `figures`: city `c`'s are
    /// `cityStarts[c]..<cityStarts[c + 1]` (a city past the end has none).
    /// Pages look figures up by city, period and cell millions of times;
    /// this finds them without hashing, and holds one Int per city where a
    /// dictionary of every figure's key held several words per figure.
    private let cityStarts: [Int]

    package init(definition: MetricDefinition, minCell: Int, figures unsorted: [PublishedFigure]) {
        self.definition = definition
        self.minCell = minCell
        let figures = Self.sorted(unsorted)
        self.figures = figures
        var cityStarts: [Int] = []
        var periods: Set<Period> = []
        var counts = DisclosureCounts()
        for (i, figure) in figures.enumerated() {
            // Cities from the last one's up to this one start here (those between have no figure).
            while cityStarts.count <= figure.city { cityStarts.append(i) }
            // A period's cells are next to each other (sorted): one insert for them all.
            if i == 0 || figures[i - 1].period != figure.period { periods.insert(figure.period) }
            counts.count(figure)
        }
        cityStarts.append(figures.count)
        self.cityStarts = cityStarts
        self.periods = periods.sorted()
        self.counts = counts
    }

    /// By city, period, then breakdown; equal keys in the order given (as a
    /// stable sort leaves them). Ranges of cities are sorted on every core
    /// (a city's figures sort among themselves), each written straight to its
    /// place in the result: ranges follow in city order.
    private static func sorted(_ unsorted: [PublishedFigure]) -> [PublishedFigure] {
        guard !unsorted.isEmpty else { return [] }
        let cities = (unsorted.lazy.map(\.city).max() ?? -1) + 1
        let ranges = CityRanges(unsorted.count, cities: cities) { unsorted[$0].city }
        var starts = [0]
        for rows in ranges.rows { starts.append(starts[starts.count - 1] + rows.count) }
        return Array(unsafeUninitializedCapacity: unsorted.count) { buffer, initialized in
            guard let base = buffer.baseAddress else { preconditionFailure("a buffer of one or more figures has an address") }
            // Each range writes only its own part of the buffer.
            DispatchQueue.concurrentPerform(iterations: ranges.count) { r in
                // Fields read in place: a copied figure would retain its note.
                let order = ranges.rows[r].sorted { a, b in
                    (unsorted[a].city, unsorted[a].period, unsorted[a].cell, a) < (unsorted[b].city, unsorted[b].period, unsorted[b].cell, b)
                }
                for (k, i) in order.enumerated() { (base + starts[r] + k).initialize(to: unsorted[i]) }
            }
            initialized = unsorted.count
        }
    }

    /// A provider's note is free text: beside a withheld value it could say
    /// what the value hides ("three sisters from one family"). Not published.
    package mutating func dropNotesOfWithheld() {
        for i in figures.indices {
            if case .withheld = figures[i].value { figures[i].note = nil }
        }
    }

    public func figure(city: Int, period: Period, cell: CellKey = .total) -> PublishedFigure? {
        let run = figures(city: city, period: period)
        // A period has a few cells (tens at most): comparing them beats hashing.
        // The last of equal keys, as the index by key kept.
        return run.last { $0.cell == cell }
    }

    /// The city's figures of one period, totals first (a contiguous run).
    public func figures(city: Int, period: Period) -> ArraySlice<PublishedFigure> {
        let cityFigures = figures(city: city)
        var low = cityFigures.startIndex, high = cityFigures.endIndex
        while low < high {
            let mid = (low + high) / 2
            if cityFigures[mid].period < period { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < cityFigures.endIndex, cityFigures[end].period == period { end += 1 }
        return cityFigures[low..<end]
    }

    /// The city's figures cut by period (each run totals first), in period order.
    public func figuresByPeriod(city: Int) -> [ArraySlice<PublishedFigure>] {
        let cityFigures = figures(city: city)
        var runs: [ArraySlice<PublishedFigure>] = []
        var start = cityFigures.startIndex
        while start < cityFigures.endIndex {
            let period = cityFigures[start].period
            var end = start + 1
            while end < cityFigures.endIndex, cityFigures[end].period == period { end += 1 }
            runs.append(cityFigures[start..<end])
            start = end
        }
        return runs
    }

    /// The city's totals over time, in period order.
    public func series(city: Int) -> [PublishedFigure] {
        figures(city: city).filter { $0.cell == .total }
    }

    /// All figures of a city (a contiguous run of the sorted list).
    public func figures(city: Int) -> ArraySlice<PublishedFigure> {
        guard city >= 0, city + 1 < cityStarts.count else { return figures[figures.endIndex...] }
        return figures[cityStarts[city]..<cityStarts[city + 1]]
    }

    /// Whether the city has a published total in any period (`series` not empty).
    public func hasSeries(city: Int) -> Bool {
        figures(city: city).contains { $0.cell == .total }
    }

    /// The cities that have any figure for this metric.
    public var cities: [Int] {
        var result: [Int] = []
        for figure in figures where result.last != figure.city { result.append(figure.city) }
        return result
    }

    /// The latest period in which `city` has a published total.
    public func latestPublished(city: Int) -> PublishedFigure? {
        figures(city: city).last { $0.cell == .total && $0.value.number != nil }
    }
}

/// What analysis hands to rendering: published figures only.
public struct PublishedData: Sendable {
    package init(metrics: [PublishedMetric], periods: [Period], progress: [[ProgressAssessment?]] = []) {
        self.metrics = metrics
        self.periods = periods
        self.progress = progress
    }

    /// In the order of `Site.metrics`.
    public var metrics: [PublishedMetric]
    /// Every period with data, sorted.
    public var periods: [Period]
    /// Progress of each city on each metric it has data for: [metric][city].
    /// Progress as of each report quarter (`Progress.assessReports`).
    public var progressByReport: [Period: [[ProgressAssessment?]]] = [:]
    public var progress: [[ProgressAssessment?]] = []
    /// What `build` records of this release (see `Ledger`); never rendered.
    public package(set) var ledger: Ledger?
    /// Whether `ledger` differs from the one the build read (or there was
    /// none): an unchanged ledger is not written again.
    public package(set) var ledgerChanged = true

    public func progress(metric: Int, city: Int) -> ProgressAssessment? {
        guard progress.indices.contains(metric), progress[metric].indices.contains(city) else { return nil }
        return progress[metric][city]
    }

    public var checkOnlyRuleCounts: CheckOnlyRuleCounts {
        metrics.reduce(CheckOnlyRuleCounts()) { $0 + $1.checkOnlyRuleCounts }
    }

    public var counts: DisclosureCounts {
        metrics.reduce(into: DisclosureCounts()) { total, metric in
            total.published += metric.counts.published
            total.unreliable += metric.counts.unreliable
            total.withheld += metric.counts.withheld
            total.notAvailable += metric.counts.notAvailable
        }
    }
}
