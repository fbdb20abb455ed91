import Foundation
import CitywideModel

/// A progress status for one city and metric, computed the way the SDG
/// national reporting platforms do (Open SDG's method, after Statistics
/// Canada): compound annual growth, compared with the growth a target needs
/// or with fixed thresholds. Made from published totals only, and keeping
/// every input so a reader can check the status by hand.
public struct ProgressAssessment: Sendable {
    public enum Status: String, Sendable, CaseIterable {
        case targetAchieved = "target_achieved"
        case substantial, moderate, limited, deterioration
        /// The target's date has come and the value at that date falls short.
        case targetMissed = "target_missed"
        case notEnoughData = "not_enough_data"
        /// A neutral metric: no direction is better, so no status.
        case none

        /// A shape beside the words, so the status never rests on colour.
        public var icon: String {
            switch self {
            case .targetAchieved: "★"
            case .substantial: "▲"
            case .moderate: "◆"
            case .limited: "■"
            case .deterioration: "▼"
            case .targetMissed: "✗"
            case .notEnoughData: "○"
            case .none: "–"
            }
        }
    }

    public enum Method: String, Sendable {
        /// Ratio of actual growth to the growth needed to reach the target.
        case target
        /// Growth rate against fixed thresholds (no target).
        case growth
    }

    public struct Point: Sendable, Equatable {
        public var period: Period
        public var value: Double
    }

    public struct Target: Sendable, Equatable {
        public var value: Double
        /// The target's time on the same scale as `Period.time`.
        public var time: Double
        public var label: String
        /// As written: a date (a commitment's `by:`) or a year (a metric's `year:`).
        public var by: String
        /// When the target falls due: a commitment's `by:` date, or the last
        /// day of a metric target's year.
        public var due: Day
        /// "commitment <id>" or "metric".
        public var source: String
    }

    public var status: Status
    public var method: Method?
    public var base: Point?
    public var current: Point?
    public var target: Target?
    /// The ratio (target method) or the growth rate (growth method).
    public var value: Double?
    /// The growth a target needs (target method).
    public var neededGrowth: Double?
    public var thresholds: ProgressThresholds?
    /// Why there is no status. A value, not words: each page words it in
    /// its own language (`reason_*` in the interface text).
    public var reason: Reason?
    /// The value judged once the target fell due (`Deadline`): the period
    /// the due date falls in, or the latest one before it with a value.
    public var deadline: Point?
    /// Set when a count the status rests on is below `min_rate_numerator`:
    /// a few events more or less could change the status.
    public var smallNumbers: SmallNumbers?

    public struct SmallNumbers: Sendable, Equatable {
        /// The periods whose counts are small, in order.
        public var periods: [Period]
        /// `min_rate_numerator`.
        public var below: Int
    }

    public enum Reason: String, Sendable, CaseIterable {
        case neutral, noValue, oneValue, zeroBase, targetNotAfterBase, noGrowthRate
        /// The target fell due, and the value of that period is withheld.
        case withheldAtDeadline
        /// The target fell due, and no value was given at or before that date.
        case noValueAtDeadline

        /// The interface-text key that words it; `{period}` is the base period.
        public var key: String {
            switch self {
            case .neutral: "reason_neutral"
            case .noValue: "reason_no_value"
            case .oneValue: "reason_one_value"
            case .zeroBase: "reason_zero_base"
            case .targetNotAfterBase: "reason_target_not_after_base"
            case .noGrowthRate: "reason_no_growth_rate"
            case .withheldAtDeadline: "reason_withheld_at_deadline"
            case .noValueAtDeadline: "reason_no_value_at_deadline"
            }
        }
    }
}

public enum Progress {
    /// Every city's status on every metric it has published totals for.
    /// Reads `PublishedData` only: progress is never computed on withheld values.
    /// Progress as it stood at the end of each report's quarter (so a report
    /// can say which statuses changed since the one before), computed once
    /// for every language.
    public static func assessReports(_ site: Site, _ published: PublishedData) -> [Period: [[ProgressAssessment?]]] {
        assessLatestAndReports(site, published).reports
    }

    /// - Parameter asOf: the report period to judge as of; nil for the
    ///   latest. Deadlines are judged against it: a target whose date falls
    ///   on or before its last day has come due, whatever the clock says.
    public static func assessAll(_ site: Site, _ published: PublishedData, asOf: Period? = nil) -> [[ProgressAssessment?]] {
        assess(site, published, asOf: [asOf])[0]
    }

    /// `assessAll` and `assessReports` in one pass: what the analysis keeps.
    public static func assessLatestAndReports(_ site: Site, _ published: PublishedData)
        -> (latest: [[ProgressAssessment?]], reports: [Period: [[ProgressAssessment?]]]) {
        let quarters = ReportPeriods.all(published)
        let all = assess(site, published, asOf: [nil] + quarters.map { $0.lastPeriod(in: published.periods) })
        return (all[0], Dictionary(uniqueKeysWithValues: zip(quarters, all.dropFirst())))
    }

    /// Every city's status on every metric, as of each of `asOf` (indexed
    /// like it, then by metric, then by city). A city's series is taken from
    /// the figures once and judged as of each period: `serve` and `build`
    /// judge every report quarter, and taking the series again for each
    /// (copying its figures) was most of the work.
    static func assess(_ site: Site, _ published: PublishedData, asOf moments: [Period?]) -> [[[ProgressAssessment?]]] {
        let dataEnds = moments.map { ($0 ?? published.periods.last)?.lastDay }
        // Ranges of cities of every metric are assessed on every core (a
        // city's status reads only its own figures): a site of one metric
        // keeps both cores busy too. Joined back in metric and city order.
        let cities = site.blueprints.indices
        let perRange = max(256, (cities.count + 7) / 8)
        let ranges = stride(from: cities.lowerBound, to: cities.upperBound, by: perRange).map { $0 ..< min($0 + perRange, cities.upperBound) }
        let jobs = published.metrics.indices.flatMap { m in ranges.map { (m, $0) } }
        let minRateNumerator = site.config.privacy.minRateNumerator
        // Each job: for each moment, its range's assessments in city order.
        let assessed = ParallelMap.map(jobs.indices) { j -> [[ProgressAssessment?]] in
            let (m, range) = jobs[j]
            let metric = published.metrics[m]
            var byMoment = [[ProgressAssessment?]](repeating: [], count: moments.count)
            for k in moments.indices { byMoment[k].reserveCapacity(range.count) }
            for city in range {
                let series = metric.series(city: city)
                guard !series.isEmpty else {
                    for k in moments.indices { byMoment[k].append(nil) }
                    continue
                }
                let target = target(for: metric.definition, in: site.blueprints[city])
                for k in moments.indices {
                    byMoment[k].append(assess(series: series, metric: metric.definition, target: target, asOf: moments[k],
                                              dataEnd: dataEnds[k], minRateNumerator: minRateNumerator))
                }
            }
            return byMoment
        }
        var result = [[[ProgressAssessment?]]](repeating: [[ProgressAssessment?]](repeating: [], count: published.metrics.count), count: moments.count)
        for (j, (m, _)) in jobs.enumerated() {
            for k in moments.indices { result[k][m] += assessed[j][k] }
        }
        return result
    }

    /// Open SDG's defaults.
    public static let targetThresholds = ProgressThresholds(high: 0.95, med: 0.6, low: 0)
    public static let growthThresholds = ProgressThresholds(high: 0.015, med: 0.005, low: 0)

    /// Compound annual growth from `b` at `tb` to `a` at `ta`.
    public static func growth(_ a: Double, _ b: Double, _ ta: Double, _ tb: Double) -> Double {
        pow(a / b, 1 / (ta - tb)) - 1
    }

    /// - Parameters:
    ///   - series: the city's published totals (withheld and missing ones are skipped).
    ///   - asOf: only periods up to this one count (for "status as of a report").
    ///   - dataEnd: the last day the report covers; a target due on or before
    ///     it is judged at its date (`Deadline`). Nil: the end of the series.
    ///   - minRateNumerator: counts below it mark the status as resting on small numbers.
    public static func assess(
        series: [PublishedFigure], metric: MetricDefinition, target: ProgressAssessment.Target?,
        asOf: Period? = nil, dataEnd: Day? = nil, minRateNumerator: Int = 20
    ) -> ProgressAssessment {
        var result = assessGrowth(series: series, metric: metric, target: target, asOf: asOf)
        let inReach = series.filter { figure in figure.cell == .total && asOf.map { figure.period <= $0 } ?? true }
        if result.status != .none, let target, let end = dataEnd ?? inReach.last?.period.lastDay, target.due <= end {
            Deadline.judge(&result, target: target, series: inReach, direction: metric.direction)
        }
        SmallNumbers.mark(&result, series: inReach, metric: metric, below: minRateNumerator)
        return result
    }

    /// Open SDG's method proper: the status before any deadline has come.
    private static func assessGrowth(
        series: [PublishedFigure], metric: MetricDefinition, target: ProgressAssessment.Target?, asOf: Period?
    ) -> ProgressAssessment {
        var result = ProgressAssessment(status: .notEnoughData, target: target)
        if metric.direction == .neutral {
            result.status = .none
            result.reason = .neutral
            return result
        }
        let baseline = metric.progressBaseline
        let points = series.compactMap { figure -> ProgressAssessment.Point? in
            guard figure.cell == .total, let value = figure.value.number else { return nil }
            if let asOf, asOf < figure.period { return nil }
            if let baseline, figure.period < baseline { return nil }
            return ProgressAssessment.Point(period: figure.period, value: value)
        }
        guard let base = points.first, let current = points.last, points.count >= 2 else {
            result.reason = points.isEmpty ? .noValue : .oneValue
            result.base = points.first
            result.current = points.last
            return result
        }
        result.base = base
        result.current = current
        guard base.value > 0 else {
            result.reason = .zeroBase
            return result
        }
        let up = metric.direction == .up
        if let target {
            result.method = .target
            let thresholds = metric.progressThresholds ?? targetThresholds
            result.thresholds = thresholds
            if up ? current.value >= target.value : current.value <= target.value {
                result.status = .targetAchieved
                return result
            }
            guard target.time > base.period.time else {
                result.reason = .targetNotAfterBase
                return result
            }
            let actual = growth(current.value, base.value, current.period.time, base.period.time)
            let needed = growth(max(target.value, 0.001), base.value, target.time, base.period.time)
            result.neededGrowth = needed
            guard needed != 0, actual.isFinite, needed.isFinite else {
                // The target equals the base and has not been reached: the series moved the wrong way.
                result.status = .deterioration
                return result
            }
            let ratio = actual / needed
            result.value = ratio
            result.status = classify(ratio, thresholds)
        } else {
            result.method = .growth
            let thresholds = metric.progressThresholds ?? growthThresholds
            result.thresholds = thresholds
            var g = growth(current.value, base.value, current.period.time, base.period.time)
            if !up { g = -g }
            guard g.isFinite else {
                result.reason = .noGrowthRate
                return result
            }
            result.value = g
            result.status = classify(g, thresholds)
        }
        return result
    }

    package static func classify(_ x: Double, _ t: ProgressThresholds) -> ProgressAssessment.Status {
        x >= t.high ? .substantial : x >= t.med ? .moderate : x >= t.low ? .limited : .deterioration
    }

    /// The target that applies to a city: its commitment's (the first that
    /// names this metric), else the metric's default.
    public static func target(for metric: MetricDefinition, in blueprint: Blueprint) -> ProgressAssessment.Target? {
        if let (commitment, t) = blueprint.commitments.lazy.compactMap({ c in c.target.map { (c, $0) } }).first(where: { $0.1.metric == metric.id }) {
            return ProgressAssessment.Target(value: t.value, time: t.by.time, label: "\(NumberText.format(t.value, for: metric)) by \(t.by)", by: t.by.description, due: t.by, source: "commitment \(commitment.id)")
        }
        if let t = metric.target {
            // Open SDG measures a year's target from the year's start (time Y.0);
            // it falls due when the year is over.
            return ProgressAssessment.Target(value: t.value, time: Double(t.year), label: "\(NumberText.format(t.value, for: metric)) by \(t.year)", by: String(t.year), due: Day(year: t.year, month: 12, day: 31), source: "metric")
        }
        return nil
    }
}
