/// `cities/<slug>/index.html`: the blueprint, its commitments, and the
/// city's metrics as charts with tables.
struct CityPage {
    let context: SiteContext
    let city: Int

    func page() -> Page {
        let site = context.site
        let blueprint = site.blueprints[city]
        let location = PageLocation(path: Paths.city(blueprint.slug))
        let markdown = MarkdownRenderer.render(blueprint.body)
        let shortcodes = ShortcodeRenderer(context: context, city: city, location: location)
        let title = markdown.title.map { shortcodes.text($0, shortcodes: blueprint.shortcodes) } ?? "\(blueprint.city) Blueprint"
        var c = context.base(location, title: title, description: "\(blueprint.displayName): policy blueprint, commitments and progress on human trafficking.", section: "city")
        c["title"] = title
        c["city"] = blueprint.city
        c["place"] = blueprint.displayName
        c["fellow"] = blueprint.fellow.nonEmpty
        c["adopted"] = blueprint.adopted?.description
        c["updated"] = blueprint.updated?.description
        c["population"] = blueprint.population.map { NumberText.format(Double($0)) }
        c["body_html"] = shortcodes.render(markdown.html, shortcodes: blueprint.shortcodes)
        c["status_counts"] = CommitmentViews.statusCounts(blueprint)
        c["commitment_count"] = blueprint.commitments.count
        let views = CommitmentViews(site: site, published: context.published, asOf: context.latestReportPeriod?.lastDay)
        c["systems"] = views.bySystem(blueprint, city: city, location: location)
        c["metrics"] = context.published.metrics.enumerated().compactMap { m, metric in
            metricSection(metric, index: m, location: location)
        }
        c["data_href"] = location.href(Paths.dataCatalog)
        return Page(path: location.path, template: "city", context: c)
    }

    private func metricSection(_ metric: PublishedMetric, index: Int, location: PageLocation) -> [String: Any]? {
        guard !metric.series(city: city).isEmpty else { return nil }
        let figures = MetricFigures(site: context.site, metric: metric)
        let definition = metric.definition
        var s: [String: Any] = [
            "id": definition.id,
            "title": definition.title,
            "href": location.href(Paths.metric(definition.id)),
            "system": definition.system.label,
            "chart_svg": figures.lineChart(id: "chart-\(definition.id)", cities: [city], target: figures.target(city: city)).svg(),
            "table": figures.seriesTable(cities: [city]).context,
        ]
        // `false`, not nil: a missing key would resolve to the page's own description.
        s["description"] = definition.description.nonEmpty ?? false
        if let latest = metric.latestPublished(city: city) {
            s["latest"] = figures.text.text(latest)
            s["latest_period"] = latest.period.description
        }
        if let trend = Trend.latest(metric, city: city) {
            s["trend"] = trend.text(definition)
            s["trend_arrow"] = trend.arrow
            s["trend_class"] = trend.judgement.rawValue
        }
        s["breakdowns"] = figures.breakdownHistory(city: city).map(\.context)
        s["withheld_note"] = figures.withheldNote(cities: [city])
        s["progress"] = ProgressViews(metric: definition).context(context.published.progress(metric: index, city: city)) ?? false
        return s
    }
}
