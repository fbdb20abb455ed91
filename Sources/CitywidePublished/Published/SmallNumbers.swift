import CitywideModel

/// A status that rests on small counts is marked, so a swing of a few events
/// is not read as a trend (SPEC "Progress"). Large counts are left alone:
/// there the status is exactly Open SDG's.
package enum SmallNumbers {
    /// Marks `result` when a count it rests on is below `below`
    /// (`min_rate_numerator`): the base and current values, or the value at
    /// the deadline once a target has fallen due. A computed rate or percent
    /// counts by its numerator, through the flag its figure already carries,
    /// so no withheld numerator is read; a rate given as data has no count to judge.
    package static func mark(_ result: inout ProgressAssessment, series: [PublishedFigure],
                             metric: MetricDefinition, below: Int) {
        let points: [ProgressAssessment.Point?]
        switch result.status {
        case .none, .notEnoughData:
            return
        case .targetAchieved, .targetMissed:
            points = result.deadline != nil ? [result.deadline] : [result.current]
        case .substantial, .moderate, .limited, .deterioration:
            points = [result.base, result.current]
        }
        let small = points.compactMap { $0 }.filter { point in
            if metric.numerator != nil {
                return series.contains { $0.period == point.period && $0.unreliable }
            }
            return metric.kind == .count && point.value < Double(below)
        }
        guard !small.isEmpty else { return }
        result.smallNumbers = ProgressAssessment.SmallNumbers(periods: small.map(\.period), below: below)
    }
}
