/// The one place that decides what may be published.
///
/// Every number on every page, chart and download comes out of `publish`;
/// what it withholds leaves as a `PublishedValue.withheld` with no number in
/// it, so nothing after this stage can print a withheld value by accident.
public enum Disclosure {
    public static func publish(_ site: Site, _ observations: ObservationSet) -> PublishedData {
        let rules = site.config.privacy
        var figures: [[PublishedFigure]] = ParallelMap.map(site.metrics.indices) { m in
            let metric = site.metrics[m]
            let list = m < observations.byMetric.count ? observations.byMetric[m] : []
            var figures = PrimarySuppression.apply(list, metric: metric, minCell: minCell(metric, rules))
            ComplementarySuppression.apply(&figures, metric: metric)
            return figures
        }
        // Computed metrics are made from their inputs' raw counts, and are
        // withheld wherever an input is withheld, by either rule: a rate
        // times the published population must not give a count back.
        for (m, metric) in site.metrics.enumerated() where metric.isComputed {
            figures[m] = ComputedMetrics.compute(metric, site: site, observations: observations, published: figures, rules: rules)
        }
        var metrics = site.metrics.indices.map { m in
            PublishedMetric(definition: site.metrics[m], minCell: minCell(site.metrics[m], rules), figures: figures[m])
        }
        let periods = Set(metrics.flatMap(\.periods)).sorted()
        for m in metrics.indices { metrics[m].dropNotesOfWithheld() }
        return PublishedData(metrics: metrics, periods: periods)
    }

    /// A metric may raise the site's threshold, never lower it.
    static func minCell(_ metric: MetricDefinition, _ rules: PrivacyRules) -> Int {
        max(rules.minCell, metric.minCell ?? rules.minCell)
    }
}

/// SPEC privacy rule 1: a count with 0 < value < min_cell is withheld; 0 is
/// publishable (it says no one, which singles out no one).
enum PrimarySuppression {
    static func apply(_ observations: [Observation], metric: MetricDefinition, minCell: Int) -> [PublishedFigure] {
        observations.map { observation in
            var value = PublishedValue.notAvailable
            if let v = observation.value {
                value = isPrimary(v, metric: metric, minCell: minCell) ? .withheld(.primary) : .number(v)
            }
            return PublishedFigure(
                city: Int(observation.city), period: observation.period, cell: observation.cell,
                value: value, unreliable: false, flag: observation.flag, note: observation.note
            )
        }
    }

    static func isPrimary(_ value: Double, metric: MetricDefinition, minCell: Int) -> Bool {
        metric.kind == .count && value > 0 && value < Double(minCell)
    }
}
