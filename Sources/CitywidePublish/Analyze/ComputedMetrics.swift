import CitywideModel
import CitywidePublished
internal import CitywideInput

/// Rates, percents and ratios made from count metrics (SPEC "Metrics").
///
/// A computed figure is withheld when any input is withheld or missing (a
/// rate times the published population would otherwise give the count
/// back), and flagged unreliable when its numerator is below
/// `min_rate_numerator`.
package enum ComputedMetrics {
    static func compute(
        _ metric: MetricDefinition, site: Site, observations: ObservationSet,
        published: [[PublishedFigure]], reasons: [[Withholding?]], rules: PrivacyRules
    ) -> ([PublishedFigure], [Withholding?]) {
        guard let numeratorID = metric.numerator, let n = site.metricIndex(numeratorID) else { return ([], []) }
        let d = metric.denominator.flatMap { site.metricIndex($0) }
        if metric.denominator != nil, d == nil { return ([], []) }

        // Raw totals and their published state, by (city, period).
        struct Input { var raw: Double?; var published: PublishedValue; var reason: Withholding?; var flag: InputFlag? }
        func totals(_ m: Int) -> [PublishedMetric.Key: Input] {
            var result: [PublishedMetric.Key: Input] = [:]
            let raw = m < observations.byMetric.count ? observations.byMetric[m] : []
            for (i, (observation, figure)) in zip(raw, published[m]).enumerated() where observation.cell == .total {
                result[PublishedMetric.Key(city: Int(observation.city), period: observation.period, cell: .total)] =
                    Input(raw: observation.value, published: figure.value, reason: reasons[m][i], flag: observation.flag)
            }
            return result
        }
        let numerators = totals(n)
        let denominators = d.map(totals)

        var figures: [PublishedFigure] = []
        var figureReasons: [Withholding?] = []
        for (key, numerator) in numerators {
            var value = PublishedValue.notAvailable
            var unreliable = false
            var flag = numerator.flag
            var note: String?
            let denominatorInput = denominators.map { $0[key] }
            var reason: Withholding?
            if numerator.published == .withheld {
                value = .withheld
                reason = numerator.reason
            } else if let denominatorInput, denominatorInput?.published == .withheld {
                value = .withheld
                reason = denominatorInput?.reason
            } else if let top = numerator.raw {
                if metric.kind == .rate {
                    if let population = site.blueprints[key.city].population {
                        value = .number(top / Double(population) * (metric.per ?? 100_000))
                    } else {
                        note = "no population given for this city"
                    }
                } else if let denominatorInput {
                    flag = flag ?? denominatorInput?.flag
                    if let bottom = denominatorInput?.raw, bottom > 0 {
                        value = .number(top / bottom * (metric.kind == .percent ? 100 : 1))
                    } else {
                        note = denominatorInput?.raw == 0 ? "the denominator is zero" : "the denominator is not available"
                    }
                }
                unreliable = value.number != nil && top < Double(rules.minRateNumerator)
            }
            figures.append(PublishedFigure(city: key.city, period: key.period, cell: .total, value: value,
                                           unreliable: unreliable, flag: flag, note: note))
            figureReasons.append(reason)
        }
        return (figures, figureReasons)
    }
}
