import CitywideModel
import CitywidePublished
internal import CitywideInput

/// Rates, percents and ratios given as data (no `numerator:`): each implies
/// a count, which the count rules protect (SPEC "Metrics").
///
/// * a rate: rate × population / `per`;
/// * a percent or ratio: its value times the raw value of its `denominator:`
///   metric (over 100 for a percent), and it is withheld wherever that
///   denominator is withheld.
/// The figure is withheld when the implied count is from 1 to min_cell - 1.
package enum GivenRates {
    static func apply(
        _ figures: inout [PublishedFigure], reasons: inout [Withholding?], metric: MetricDefinition, site: Site,
        published: [[PublishedFigure]], observations: ObservationSet, minCell: Int
    ) {
        var denominators: [PublishedMetric.Key: (raw: Double?, published: PublishedValue)] = [:]
        if metric.kind != .rate, let d = metric.denominator.flatMap({ site.metricIndex($0) }), d < observations.byMetric.count {
            for (observation, figure) in zip(observations.byMetric[d], published[d]) {
                denominators[PublishedMetric.Key(city: Int(observation.city), period: observation.period, cell: observation.cell)] =
                    (observation.value, figure.value)
            }
        }
        for i in figures.indices {
            guard let value = figures[i].value.number else { continue }
            let figure = figures[i]
            var implied: Double?
            if metric.kind == .rate {
                if let population = site.blueprints.indices.contains(figure.city) ? site.blueprints[figure.city].population : nil {
                    implied = value * Double(population) / (metric.per ?? 100_000)
                }
            } else if let denominator = denominators[PublishedMetric.Key(city: figure.city, period: figure.period, cell: figure.cell)] {
                if denominator.published == .withheld {
                    figures[i].value = .withheld
                    reasons[i] = .complementary
                    continue
                }
                implied = denominator.raw.map { value * $0 / (metric.kind == .percent ? 100 : 1) }
            }
            if let implied, implied > 0, implied.rounded() < Double(minCell) {
                figures[i].value = .withheld
                reasons[i] = .primary
            }
        }
    }
}
