import CitywideModel

/// Validate stage: the links between metrics that disclosure control relies on.
///
/// * `part_of:` must name a count metric, one of its dimensions and a value of it;
/// * a percent or ratio given as data must name a `denominator:` metric that exists;
/// * two count metrics that give the same numbers in the same cells (city and
///   period totals) without a declared link are probably one count twice: a
///   reader can put them side by side, so they must be protected together.
package enum MetricLinks {
    package static func check(_ site: Site, _ observations: ObservationSet, log: DiagnosticLog) {
        for metric in site.metrics {
            if let link = metric.partOf { checkPartOf(metric, link, site, log: log) }
            if !metric.isComputed, metric.kind == .percent || metric.kind == .ratio, let d = metric.denominator, site.metric(d) == nil {
                log.error(metric.location, "metric '\(metric.id)' names unknown denominator metric '\(d)'")
            }
        }
        warnUndeclaredTwins(site, observations, log: log)
    }

    private static func checkPartOf(_ metric: MetricDefinition, _ link: PartOf, _ site: Site, log: DiagnosticLog) {
        guard let whole = site.metric(link.metric), whole.id != metric.id else {
            log.error(link.location, "'part_of' names unknown metric '\(link.metric)'")
            return
        }
        guard whole.kind == .count, metric.kind == .count else {
            log.error(link.location, "'part_of' links counts; '\(whole.kind == .count ? metric.id : whole.id)' is not a count")
            return
        }
        guard let d = whole.dimensionIndex(link.dimension) else {
            log.error(link.location, "'part_of' names dimension '\(link.dimension)', which metric '\(whole.id)' does not declare (it has: \(whole.dimensions.map(\.name).joined(separator: ", ")))")
            return
        }
        if !whole.dimensions[d].values.contains(link.value) {
            log.error(link.location, "'part_of' names value '\(link.value)', which is not one of \(whole.id)'s \(link.dimension) values (\(whole.dimensions[d].values.joined(separator: ", ")))")
        }
    }

    private static func warnUndeclaredTwins(_ site: Site, _ observations: ObservationSet, log: DiagnosticLog) {
        struct Key: Hashable { var city: Int32; var period: Period }
        let counts = site.metrics.indices.filter { site.metrics[$0].kind == .count && !site.metrics[$0].isComputed && $0 < observations.byMetric.count }
        // Twins take two metrics: one metric's totals are not gathered for nothing.
        guard counts.count > 1 else { return }
        var totals: [Int: [Key: Double]] = [:]
        for m in counts {
            for observation in observations.byMetric[m] where observation.cell == .total {
                if let value = observation.value { totals[m, default: [:]][Key(city: observation.city, period: observation.period)] = value }
            }
        }
        for (i, a) in counts.enumerated() {
            for b in counts[(i + 1)...] {
                let x = site.metrics[a], y = site.metrics[b]
                if x.partOf?.metric == y.id || y.partOf?.metric == x.id { continue }
                guard let ta = totals[a], let tb = totals[b], let shared = sameInEveryCell(ta, tb) else { continue }
                log.warning(y.location, "metrics '\(x.id)' and '\(y.id)' give the same numbers in all \(shared) cells they share: they are protected together, as a reader would put them side by side; if one is a copy of the other, publish only one")
            }
        }
    }

    /// How many cells two metrics' totals share, when they give the same
    /// number in every one and at least two are not 0; nil otherwise (at the
    /// first cell that differs: most pairs of metrics differ at once).
    private static func sameInEveryCell<Key: Hashable>(_ a: [Key: Double], _ b: [Key: Double]) -> Int? {
        var shared = 0, nonZero = 0
        for (key, value) in a {
            guard let other = b[key] else { continue }
            guard value == other else { return nil }
            shared += 1
            if value != 0 { nonZero += 1 }
        }
        return nonZero >= 2 ? shared : nil
    }
}
