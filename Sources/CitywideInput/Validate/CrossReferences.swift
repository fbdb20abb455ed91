import CitywideModel

/// Validate stage: checks what no single file can check alone: that names
/// used in one file exist in another, and that no observation is given twice.
public enum CrossReferences {
    public static func check(_ site: Site, _ observations: ObservationSet, log: DiagnosticLog) {
        checkSite(site, log: log)
        checkData(site, observations, log: log)
    }

    /// The checks that read no observation: the validate stage runs them
    /// while the data is checked.
    package static func checkSite(_ site: Site, log: DiagnosticLog) {
        checkCommitments(site, log: log)
        checkShortcodes(site, log: log)
        checkFormulas(site, log: log)
        KeyMetricNames.check(site, log: log)
    }

    /// The checks of the observations: duplicates and the links between metrics.
    package static func checkData(_ site: Site, _ observations: ObservationSet, log: DiagnosticLog) {
        checkDuplicates(site, observations, log: log)
        MetricLinks.check(site, observations, log: log)
    }

    package static func checkCommitments(_ site: Site, log: DiagnosticLog) {
        let metricIDs = Set(site.metrics.map(\.id))
        /// Where an id was first used: the blueprint and commitment, as
        /// indexes (not the location, whose path each use retained).
        struct Use { var blueprint: Int; var commitment: Int }
        var firstUse: [String: Use] = [:]
        firstUse.reserveCapacity(site.blueprints.reduce(0) { $0 + $1.commitments.count })
        // Read in place by index: a blueprint or commitment copied retained each of its fields.
        for b in site.blueprints.indices {
            for c in site.blueprints[b].commitments.indices {
                // One lookup per id: an id seen before gets its first use back.
                if let other = firstUse.updateValue(Use(blueprint: b, commitment: c), forKey: site.blueprints[b].commitments[c].id) {
                    firstUse[site.blueprints[b].commitments[c].id] = other
                    let first = site.blueprints[other.blueprint].commitments[other.commitment].location
                    log.error(site.blueprints[b].commitments[c].location,
                              "commitment id '\(site.blueprints[b].commitments[c].id)' is already used at \(first.path):\(first.line)")
                }
                // Unknown metric names were reported while reading the blueprint.
                if let target = site.blueprints[b].commitments[c].target, metricIDs.contains(target.metric) {
                    if !site.blueprints[b].commitments[c].metrics.contains(target.metric) {
                        log.warning(target.location, "the target's metric '\(target.metric)' is not in the commitment's metrics list")
                    }
                }
            }
        }
    }

    package static func checkShortcodes(_ site: Site, log: DiagnosticLog) {
        let slugs = Set(site.blueprints.map(\.slug))
        func check(_ blueprint: Blueprint) {
            for shortcode in blueprint.shortcodes {
                if site.metric(shortcode.metric) == nil, !site.unreadable.metrics.contains(shortcode.metric) {
                    let suggestion = NameSuggestion.phrase(for: shortcode.metric, in: site.metrics.map(\.id))
                    log.error(shortcode.location, "shortcode names unknown metric '\(shortcode.metric)': no Metrics/\(shortcode.metric).yml\(suggestion)")
                }
                if let city = shortcode.city, !slugs.contains(city), !site.unreadable.cities.contains(city) {
                    let suggestion = NameSuggestion.phrase(for: city, in: site.blueprints.map(\.slug))
                    log.error(shortcode.location, "shortcode names unknown city '\(city)'\(suggestion) (known: \(site.blueprints.map(\.slug).joined(separator: ", ")))")
                }
            }
        }
        // Blueprints and their translations, read in place (joining them copied every blueprint).
        for b in site.blueprints.indices { check(site.blueprints[b]) }
        for byCity in site.translations.values {
            for blueprint in byCity.values { check(blueprint) }
        }
    }

    package static func checkFormulas(_ site: Site, log: DiagnosticLog) {
        for metric in site.metrics where metric.isComputed {
            for input in [metric.numerator, metric.denominator].compactMap({ $0 }) {
                guard let definition = site.metric(input) else {
                    if site.unreadable.metrics.contains(input) { continue }
                    log.error(metric.location, "metric '\(metric.id)' is computed from unknown metric '\(input)'")
                    continue
                }
                if definition.kind != .count {
                    log.error(metric.location, "metric '\(metric.id)' is computed from '\(input)', which must be a count (it is a \(definition.kind.rawValue))")
                }
                if definition.frequency != metric.frequency {
                    log.error(metric.location, "metric '\(metric.id)' is \(metric.frequency.rawValue) but its input '\(input)' is \(definition.frequency.rawValue)")
                }
            }
            if metric.kind == .rate {
                for blueprint in site.blueprints where blueprint.population == nil {
                    log.warning(blueprint.location, "no 'population' in the front matter: the rate '\(metric.id)' cannot be computed for \(blueprint.city)")
                }
            }
        }
    }

    /// The same city, period, metric and breakdown twice (in one file or two).
    package static func checkDuplicates(_ site: Site, _ observations: ObservationSet, log: DiagnosticLog) {
        /// What rows are sorted by, without the row: comparing rows copied
        /// each one's note (a retain and a release per comparison).
        struct Row {
            var city: Int32
            var period: Period
            var cell: UInt64
            var origin: RowOrigin
            var index: Int

            func precedes(_ y: Row) -> Bool {
                (city, period, cell, origin.file, origin.line) < (y.city, y.period, y.cell, y.origin.file, y.origin.line)
            }
        }
        // A duplicate is always within one city: ranges of cities of every
        // metric are sorted on every core (the log is thread-safe and sorted when read).
        let metrics = observations.byMetric.indices.filter { observations.byMetric[$0].count > 1 }
        let ranges = metrics.map { CityRanges(observations.byMetric[$0], cities: site.blueprints.count) }
        let jobs = metrics.indices.flatMap { k in ranges[k].indices.map { (k, $0) } }
        _ = ParallelMap.map(jobs.indices) { (j: Int) -> Void in
            let m = metrics[jobs[j].0], list = observations.byMetric[m]
            let order = ranges[jobs[j].0].rows[jobs[j].1].map { i in
                Row(city: list[i].city, period: list[i].period, cell: list[i].cell.raw, origin: list[i].origin, index: i)
            }.sorted { $0.precedes($1) }
            for (a, b) in zip(order, order.dropFirst()) {
                guard a.city == b.city, a.period == b.period, a.cell == b.cell else { continue }
                let first = observations.location(a.origin)
                log.error(observations.location(b.origin),
                          "the same observation twice: \(site.blueprints[Int(b.city)].slug), \(b.period), \(site.metrics[m].id)\(describe(list[b.index].cell, site.metrics[m])) is also given at \(first.path):\(first.line)")
            }
        }
    }

    package static func describe(_ cell: CellKey, _ metric: MetricDefinition) -> String {
        let parts = cell.parts.map { "\(metric.dimensions[$0.dimension].name)=\(metric.dimensions[$0.dimension].values[$0.value])" }
        return parts.isEmpty ? " (total)" : " (" + parts.joined(separator: ", ") + ")"
    }
}
