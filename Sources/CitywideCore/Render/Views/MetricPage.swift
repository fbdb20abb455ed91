/// `metrics/<id>/index.html`: one metric across cities.
struct MetricPage {
    let context: SiteContext
    let metric: PublishedMetric

    func page() -> Page {
        let definition = metric.definition
        let location = PageLocation(path: Paths.metric(definition.id))
        let figures = MetricFigures(site: context.site, metric: metric)
        let cities = metric.cities
        var c = context.base(location, title: definition.title, description: definition.description, section: "metric")
        c["breakdowns"] = [[String: Any]]()
        c["title"] = definition.title
        c["description_text"] = definition.description.nonEmpty
        c["definition"] = definitionList(definition)
        if let source = definition.source {
            c["source_name"] = source.name
            c["source_url"] = source.url
        }
        if !cities.isEmpty {
            c["line_chart_svg"] = figures.lineChart(id: "chart-\(definition.id)-time", cities: cities, target: figures.target(city: nil)).svg()
            c["bar_chart_svg"] = figures.barChart(id: "chart-\(definition.id)-cities")?.svg()
            c["table"] = figures.seriesTable(cities: cities).context
            if let period = figures.latestBreakdownPeriod(cities: cities) {
                c["breakdown_period"] = period.description
                c["breakdowns"] = figures.breakdownTables(cities: cities, period: period).map(\.context)
            }
        } else {
            c["no_data"] = true
        }
        c["withheld_note"] = figures.withheldNote(cities: cities)
        c["unreliable_note"] = metric.counts.unreliable > 0
            ? "Values marked unreliable are made from fewer than \(context.site.config.privacy.minRateNumerator) events: small changes move them a lot."
            : nil
        let m = context.site.metricIndex(definition.id) ?? 0
        let views = ProgressViews(metric: definition)
        c["progress"] = cities.compactMap { city -> [String: Any]? in
            guard var p = views.context(context.published.progress(metric: m, city: city)) else { return nil }
            p["city"] = context.site.blueprints[city].city
            p["city_href"] = location.href(Paths.city(context.site.blueprints[city].slug))
            return p
        }
        c["progress_json_href"] = location.href(Paths.progress)
        c["methodology_href"] = location.href(Paths.methodology)
        c["csv_href"] = location.href(Paths.dataCSV(definition.id))
        c["json_href"] = location.href(Paths.dataJSON(definition.id))
        c["commitments"] = context.site.blueprints.flatMap { blueprint in
            blueprint.commitments.filter { $0.metrics.contains(definition.id) }.map { commitment -> [String: Any] in
                ["city": blueprint.city, "city_href": location.href(Paths.city(blueprint.slug)), "title": commitment.title,
                 "status_label": commitment.status.label, "status_icon": CommitmentViews.icon(commitment.status), "status_key": commitment.status.rawValue]
            }
        }
        return Page(path: location.path, template: "metric", context: c)
    }

    private func definitionList(_ d: MetricDefinition) -> [[String: String]] {
        var items: [(String, String)] = [
            ("System", d.system.label),
            ("Type", d.kind.rawValue.capitalized),
        ]
        if !d.unit.isEmpty { items.append(("Unit", d.unit)) }
        if let n = d.numerator {
            let name = context.site.metric(n)?.title ?? n
            switch d.kind {
            case .rate: items.append(("Computed as", "\(name) per \(NumberText.format(d.per ?? 100_000)) residents"))
            default: items.append(("Computed as", "\(name) ÷ \(d.denominator.flatMap { context.site.metric($0)?.title } ?? d.denominator ?? "")\(d.kind == .percent ? " × 100" : "")"))
            }
        }
        items.append(("Frequency", d.frequency.rawValue.capitalized))
        items.append(("Better when", d.direction == .up ? "higher" : d.direction == .down ? "lower" : "neither (context only)"))
        for rate in context.site.metrics where rate.kind == .rate && rate.numerator == d.id {
            items.append(("Per resident", "see \(rate.title), which compares cities of different size fairly"))
        }
        if let t = d.target { items.append(("Default target", "\(NumberText.format(t.value, for: d)) by \(t.year)")) }
        if !d.dimensions.isEmpty {
            items.append(("Breakdowns", d.dimensions.map { "\($0.label) (\($0.values.map(humanize).joined(separator: ", ")))" }.joined(separator: "; ")))
        }
        items.append(("Smallest count published", "\(metric.minCell) (counts from 1 to \(metric.minCell - 1) are withheld)"))
        if let sdg = d.sdg { items.append(("SDG indicator", sdg)) }
        return items.map { ["term": $0.0, "detail": $0.1] }
    }
}
