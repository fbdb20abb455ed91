import CitywideModel
import CitywidePublished
import CitywideWrite

/// `index.html`: the overview a funder opens first.
package struct HomePage {
    package let context: SiteContext

    package func page() -> Page {
        let site = context.site
        let published = context.published
        let location = context.location(Paths.home)
        let layout = context.layout(location, title: site.config.title, section: "home")
        let t = context.t
        let commitmentCount = site.blueprints.reduce(0) { $0 + $1.commitments.count }
        let view = HomeView(
            intro: site.config.description.nonEmpty,
            summary: [
                t.plural("cities_count", site.blueprints.count),
                t.plural("commitments_count", commitmentCount),
                t.plural("metrics_count", site.metrics.count),
            ].joined(separator: " · "),
            city_count: site.blueprints.count,
            commitment_count: commitmentCount,
            metric_count: site.metrics.count,
            latest_report: context.latestReportPeriod.map { ReportLink(label: $0.description, href: location.href(Paths.report($0))) },
            cities: site.blueprints.enumerated().map { city, blueprint in
                HomeView.City(
                    name: blueprint.displayName,
                    href: location.href(Paths.city(blueprint.slug)),
                    slug: blueprint.slug,
                    status_counts: CommitmentViews.statusCounts(blueprint, t),
                    commitments_label: t.plural("commitments_colon", blueprint.commitments.count),
                    commitment_count: blueprint.commitments.count,
                    fellow: OrNo(blueprint.fellow.nonEmpty),
                    updated: OrNo(blueprint.updated.map { t("blueprint_updated", ["date": t.date($0)]) }),
                    key_metrics: keyMetrics(city: city, blueprint: blueprint, location: location),
                    systems: CommitmentViews(site: site, published: published, t: t, asOf: context.latestReportPeriod?.lastDay)
                        .bySystem(blueprint, city: city, location: location)
                )
            },
            systems: CitySystem.allCases.compactMap { system in
                let metrics = published.metrics.filter { $0.definition.system == system }
                guard !metrics.isEmpty else { return nil }
                return HomeView.SystemMetrics(system: t("system_\(system.rawValue)"), metrics: metrics.map { metricRow($0, location: location) })
            },
            city_columns: site.blueprints.map { TableView.Column(label: $0.city) },
            reports_href: location.href(Paths.reports),
            coverage_href: location.href(Paths.coverage),
            methodology_href: location.href(Paths.methodology),
            data_href: location.href(Paths.dataCatalog)
        )
        return Page(path: location.outputPath, template: "home", layout: layout, view: view)
    }

    /// The metrics the city's commitments name, with latest value and trend.
    private func keyMetrics(city: Int, blueprint: Blueprint, location: PageLocation) -> [HomeView.KeyMetric] {
        var seen: Set<String> = []
        let ids = blueprint.commitments.flatMap(\.metrics).filter { seen.insert($0).inserted }
        return ids.compactMap { id in
            guard let m = context.site.metricIndex(id) else { return nil }
            let metric = context.published.metrics[m]
            let text = FigureText(metric, context.t)
            let latest = metric.latestPublished(city: city)
            let trend = Trend.latest(metric, city: city)
            let progress = context.published.progress(metric: m, city: city)
            return HomeView.KeyMetric(
                title: metric.definition.title,
                href: location.href(Paths.metric(id)),
                value: latest.map(text.text) ?? context.t(metric.series(city: city).isEmpty ? "no_data_yet" : "none_published"),
                period: latest?.period.description,
                trend: trend?.text(metric.definition, context.t),
                trend_arrow: trend?.arrow,
                trend_class: trend?.judgement.rawValue,
                progress_label: context.t("progress_\(progress?.status.rawValue ?? "not_enough_data")"),
                progress_icon: progress?.status.icon ?? "○",
                progress_key: progress?.status.rawValue ?? "not_enough_data"
            )
        }
    }

    /// A metric's latest published value in every city, as a small bar chart
    /// (one of a set of small multiples) and as table cells.
    private func metricRow(_ metric: PublishedMetric, location: PageLocation) -> HomeView.MetricRow {
        let text = FigureText(metric, context.t)
        let chart = MetricFigures(site: context.site, metric: metric, t: context.t).barChart(id: "overview-\(metric.definition.id)", width: 420)
        return HomeView.MetricRow(
            id: metric.definition.id,
            chart_svg: OrNo(chart?.svg()),
            title: metric.definition.title,
            href: location.href(Paths.metric(metric.definition.id)),
            cells: context.site.blueprints.indices.map { city in
                guard let latest = metric.latestPublished(city: city) else {
                    return TableView.Cell(text: context.t(metric.series(city: city).isEmpty ? "no_data" : "none_published"), class: "num missing")
                }
                return TableView.Cell(text: "\(text.text(latest)) (\(latest.period))", class: text.cssClass(latest))
            }
        )
    }
}
