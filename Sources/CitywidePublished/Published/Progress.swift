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

    public enum Reason: String, Sendable, CaseIterable {
        case neutral, noValue, oneValue, zeroBase, targetNotAfterBase, noGrowthRate

        /// The interface-text key that words it; `{period}` is the base period.
        public var key: String {
            switch self {
            case .neutral: "reason_neutral"
            case .noValue: "reason_no_value"
            case .oneValue: "reason_one_value"
            case .zeroBase: "reason_zero_base"
            case .targetNotAfterBase: "reason_target_not_after_base"
            case .noGrowthRate: "reason_no_growth_rate"
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
        var result: [Period: [[ProgressAssessment?]]] = [:]
        for quarter in ReportPeriods.all(published) {
            result[quarter] = assessAll(site, published, asOf: quarter.lastPeriod(in: published.periods))
        }
        return result
    }

    public static func assessAll(_ site: Site, _ published: PublishedData, asOf: Period? = nil) -> [[ProgressAssessment?]] {
        published.metrics.map { metric in
            site.blueprints.indices.map { city in
                let series = metric.series(city: city)
                guard !series.isEmpty else { return nil }
                return assess(series: series, metric: metric.definition,
                              target: target(for: metric.definition, in: site.blueprints[city]), asOf: asOf)
            }
        }
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
    public static func assess(
        series: [PublishedFigure], metric: MetricDefinition, target: ProgressAssessment.Target?,
        asOf: Period? = nil
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
            return ProgressAssessment.Target(value: t.value, time: t.by.time, label: "\(NumberText.format(t.value, for: metric)) by \(t.by)", by: t.by.description, source: "commitment \(commitment.id)")
        }
        if let t = metric.target {
            return ProgressAssessment.Target(value: t.value, time: Double(t.year), label: "\(NumberText.format(t.value, for: metric)) by \(t.year)", by: String(t.year), source: "metric")
        }
        return nil
    }
}
