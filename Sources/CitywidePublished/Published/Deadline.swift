import CitywideModel

/// A target whose date has come is judged, not extrapolated: SPEC
/// "Progress", deadlines. The growth ratio says whether a city is on its way;
/// once the date is past, only "reached" or "not reached" is honest.
package enum Deadline {
    /// Judges `result` at `target.due`, from published values only.
    ///
    /// The value judged is that of the period the due date falls in, or, when
    /// the provider gave none for it, the latest period before. A withheld
    /// value there gives no status: "missed" beside a withheld value would tell
    /// the reader that it lies short of the target.
    /// - Parameter series: the city's totals up to the report's period.
    package static func judge(_ result: inout ProgressAssessment, target: ProgressAssessment.Target,
                              series: [PublishedFigure], direction: MetricDefinition.Direction) {
        result.method = .target
        result.value = nil
        result.neededGrowth = nil
        result.thresholds = nil
        result.reason = nil
        result.status = .notEnoughData
        guard let figure = series.last(where: { $0.period.firstDay <= target.due && $0.value != .notAvailable }) else {
            result.reason = .noValueAtDeadline
            return
        }
        guard let value = figure.value.number else {
            result.reason = .withheldAtDeadline
            return
        }
        result.deadline = ProgressAssessment.Point(period: figure.period, value: value)
        let reached = direction == .down ? value <= target.value : value >= target.value
        result.status = reached ? .targetAchieved : .targetMissed
    }
}

extension Period {
    /// The first day of the period: a due date on or after it falls in this period or later.
    package var firstDay: Day {
        switch granularity {
        case .annual: Day(year: year, month: 1, day: 1)
        case .quarterly: Day(year: year, month: (index - 1) * 3 + 1, day: 1)
        case .monthly: Day(year: year, month: index, day: 1)
        }
    }
}
