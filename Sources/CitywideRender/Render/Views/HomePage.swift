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
        let keyMetrics = site.keyMetrics
        let rows = site.blueprints.indices.map { cityRow($0, keyMetrics: keyMetrics, location: location) }
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
            system_columns: CitySystem.seven.map { TableView.Column(label: t("system_\($0.rawValue)")) },
            key_metrics: keyMetrics.map { m in
                HomeView.MetricColumn(title: site.metrics[m].title, href: location.href(Paths.metric(site.metrics[m].id)))
            },
            system_span: CitySystem.seven.count + 1,
            metric_span: keyMetrics.count + 1,
            systems: fewCities ? CitySystem.allCases.compactMap { system in
                let metrics = published.metrics.filter { $0.definition.system == system }
                guard !metrics.isEmpty else { return nil }
                return HomeView.SystemMetrics(system: t("system_\(system.rawValue)"), metrics: metrics.map { metricRow($0, location: location) })
            } : [],
            city_columns: site.blueprints.map { TableView.Column(label: $0.city) },
            reports_href: location.href(Paths.reports),
            coverage_href: location.href(Paths.coverage),
            methodology_href: location.href(Paths.methodology),
            data_href: location.href(Paths.dataCatalog)
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

    private func cityRow(_ city: Int, keyMetrics: [Int], location: PageLocation) -> HomeView.CityRow {
        let blueprint = context.site.blueprints[city]
        let t = context.t
        let views = CommitmentViews(site: context.site, published: context.published, t: t, asOf: context.latestReportPeriod?.lastDay)
        return HomeView.CityRow(
            name: blueprint.city,
            href: location.href(Paths.city(blueprint.slug)),
            state: blueprint.state,
            systems: CitySystem.seven.map { system in
                let commitments = blueprint.commitments.filter { $0.system == system }
                let shown = commitments.map { views.context($0, city: city, location: location) }
                let overdue = shown.filter(\.overdue).count
                let missed = commitments.filter { missedTarget($0, city: city) }.count
                return HomeView.SystemCell(
                    counts: Commitment.Status.allCases.compactMap { status in
                        let count = commitments.filter { $0.status == status }.count
                        guard count > 0 else { return nil }
                        return StatusCountView(status_key: status.rawValue, status_label: t("status_\(status.rawValue)"),
                                               status_icon: CommitmentViews.icon(status), count: count)
                    },
                    none: commitments.isEmpty,
                    overdue: OrNo(overdue > 0 ? t("overview_overdue", ["count": String(overdue)]) : nil),
                    missed: OrNo(missed > 0 ? t("overview_missed", ["count": String(missed)]) : nil)
                )
            },
            metrics: keyMetrics.map { m in
                guard let progress = context.published.progress(metric: m, city: city) else {
                    let reported = !context.published.metrics[m].series(city: city).isEmpty
                    return HomeView.MetricCell(status_key: reported ? "not_enough_data" : "none",
                                               status_label: reported ? t("progress_not_enough_data") : t("overview_no_data"),
                                               status_icon: reported ? "○" : "–")
                }
                let key = progress.status.rawValue
                return HomeView.MetricCell(status_key: key, status_label: t("progress_\(key)"), status_icon: progress.status.icon)
            }
        )
    }

    /// The commitment's target fell due and was not reached: its metric's
    /// progress status in the city says so (`target_missed`).
    private func missedTarget(_ commitment: Commitment, city: Int) -> Bool {
        guard let target = commitment.target, let m = context.site.metricIndex(target.metric) else { return false }
        return context.published.progress(metric: m, city: city)?.status.rawValue == "target_missed"
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
