import CitywideModel
import CitywidePublished

/// Exactly what `Progress.assessAll` and `assessReports` read besides the
/// published figures: each metric's definition, each city's target on it
/// (`Progress.target`, from its commitments or the metric), and the rule for
/// small numbers. With the same figures (the disclosure kept: `generation`)
/// and the same input, progress is the same, and `serve` keeps it.
struct ProgressInput: Equatable {
    /// Which disclosure result the figures are (`DisclosureMemo.generation`).
    var generation: Int
    var metrics: [MetricDefinition]
    /// By metric, then city.
    var targets: [[ProgressAssessment.Target?]]
    var minRateNumerator: Int

    init(_ site: Site, _ published: PublishedData, generation: Int) {
        self.generation = generation
        metrics = published.metrics.map(\.definition)
        targets = published.metrics.map { metric in site.blueprints.map { Progress.target(for: metric.definition, in: $0) } }
        minRateNumerator = site.config.privacy.minRateNumerator
    }
}
