import CitywideModel
import CitywidePublished
import CitywideWrite

/// `index.html`: the overview a funder opens first. Two tables answer at a
/// glance: cities by the seven systems (commitments by status, overdue and
/// missed named), and cities by key metrics (progress statuses).
package struct HomePage {
    package let context: SiteContext

    package func page() -> Page {
        let site = context.site
        let published = context.published
        let location = context.location(Paths.home)
        let layout = context.layout(location, title: site.config.title, section: "home")
        let t = context.t
        let commitmentCount = site.blueprints.reduce(0) { $0 + $1.commitments.count }
        let matrix = CityMatrix(context: context)
        // Past a page of cities, the matrices move to each state's page and
        // the city index; the overview sums up by state and links to them.
        let paged = CityListing.isPaged(site)
        let listing = paged ? CityListing(site, other: t("state_other")) : nil
        let rows = paged ? [] : site.blueprints.indices.map { matrix.row($0, location: location) }
        // Across the page, cities fit while there are as few as the city menu lists.
        let fewCities = site.blueprints.count <= SiteContext.cityMenuLimit
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
            groups: fewCities ? [HomeView.StateGroup(state: OrNo(nil), cities: rows)] : Self.byState(rows, other: t("state_other")),
            system_columns: matrix.systemColumns,
            key_metrics: matrix.metricColumns(location: location),
            system_span: matrix.systemSpan,
            metric_span: matrix.metricSpan,
            status_counts: paged ? CommitmentViews.statusCounts(site.blueprints, t) : [],
            states: listing.map { $0.states.map { state in
                HomeView.StateSummary(name: state.name, href: location.href(Paths.state(state.slug)),
                                      cities: state.cities.count,
                                      status_counts: CommitmentViews.statusCounts(state.cities.lazy.map { site.blueprints[$0] }, t))
            } } ?? [],
            city_index: OrNo(listing.map { listing in
                HomeView.IndexLink(href: location.href(Paths.cityIndex(page: 1)),
                                   pages: t.plural("pages_count", CityListing.pageCount(listing.alphabetical.count)))
            }),
            systems: fewCities ? CitySystem.allCases.compactMap { system in
                let metrics = published.metrics.filter { $0.definition.system == system }
                guard !metrics.isEmpty else { return nil }
                return HomeView.SystemMetrics(system: t("system_\(system.rawValue)"), metrics: metrics.map { metricRow($0, location: location) })
            } : [],
            city_columns: site.blueprints.map { TableView.Column(label: $0.city) },
            reports_href: location.href(Paths.reports),
            coverage_href: location.href(Paths.coverage),
            methodology_href: location.href(Paths.methodology),
            data_href: location.href(Paths.dataPage)
        )
        return Page(path: location.outputPath, template: "home", layout: layout, view: view)
    }

    /// Rows grouped by state, states in alphabetical order, cities without a
    /// state last under "Other"; within a group, the rows' own order.
    static func byState(_ rows: [HomeView.CityRow], other: String) -> [HomeView.StateGroup] {
        let states = Set(rows.map(\.state).filter { !$0.isEmpty }).sorted()
        var groups = states.map { state in HomeView.StateGroup(state: OrNo(state), cities: rows.filter { $0.state == state }) }
        let stateless = rows.filter { $0.state.isEmpty }
        if !stateless.isEmpty { groups.append(HomeView.StateGroup(state: OrNo(other), cities: stateless)) }
        return groups
    }

    /// A metric's latest published value in every city, as a small bar chart
    /// (one of a set of small multiples) and as table cells.
    private func metricRow(_ metric: PublishedMetric, location: PageLocation) -> HomeView.MetricRow {
        let text = FigureText(metric, context.t)
        let chart = MetricFigures(site: context.site, metric: metric, t: context.t).barChart(id: "overview-\(metric.definition.id)")
        return HomeView.MetricRow(
            id: metric.definition.id,
            chart_svg: OrNo(chart?.svg()),
            title: metric.definition.title,
            href: location.href(Paths.metric(metric.definition.id)),
            cells: context.site.blueprints.indices.map { city in
                guard let latest = metric.latestPublished(city: city) else {
                    return TableView.Cell(text: context.t(metric.series(city: city).isEmpty ? "no_data" : "none_published"), class: "num missing", note_mark: OrNo(nil))
                }
                return TableView.Cell(text: "\(text.text(latest)) (\(latest.period))", class: text.cssClass(latest), note_mark: OrNo(nil))
            }
        )
    }
}
