import CitywideModel
import CitywidePublished

/// Rows and columns of the overview's two matrices (cities × systems,
/// cities × key metrics), for any list of cities: the overview's, a state's
/// page, a page of the city index.
package struct CityMatrix {
    package let context: SiteContext
    let keyMetrics: [Int]

    package init(context: SiteContext) {
        self.context = context
        keyMetrics = context.site.keyMetrics
    }

    var systemColumns: [TableView.Column] {
        CitySystem.seven.map { TableView.Column(label: context.t("system_\($0.rawValue)")) }
    }

    func metricColumns(location: PageLocation) -> [HomeView.MetricColumn] {
        keyMetrics.map { m in
            HomeView.MetricColumn(title: context.site.metrics[m].title, href: location.href(Paths.metric(context.site.metrics[m].id)))
        }
    }

    /// Columns of the systems matrix and of the metrics matrix, with the city's (for `colspan`).
    var systemSpan: Int { CitySystem.seven.count + 1 }
    var metricSpan: Int { keyMetrics.count + 1 }

    /// One group of rows without a state heading.
    func ungrouped(_ cities: [Int], location: PageLocation) -> [HomeView.StateGroup] {
        [HomeView.StateGroup(state: OrNo(nil), cities: cities.map { row($0, location: location) })]
    }

    func row(_ city: Int, location: PageLocation) -> HomeView.CityRow {
        // The blueprint's fields read in place: a copy of it would retain each.
        let blueprints = context.site.blueprints
        let t = context.t
        let asOf = context.latestReportPeriod?.lastDay
        let commitments = blueprints[city].commitments
        return HomeView.CityRow(
            name: blueprints[city].city,
            href: location.href(Paths.city(blueprints[city].slug)),
            state: blueprints[city].state,
            systems: CitySystem.seven.map { system in
                // Positions: a row counts commitments, it copies none.
                let inSystem = commitments.indices.filter { commitments[$0].system == system }
                let overdue = inSystem.count { CommitmentViews.isOverdue(commitments[$0], asOf: asOf) }
                let missed = inSystem.count { missedTarget(commitments[$0], city: city) }
                return HomeView.SystemCell(
                    counts: Commitment.Status.allCases.compactMap { status in
                        let count = inSystem.count { commitments[$0].status == status }
                        guard count > 0 else { return nil }
                        return StatusCountView(status_key: status.rawValue, status_label: t("status_\(status.rawValue)"),
                                               status_icon: CommitmentViews.icon(status), count: count)
                    },
                    none: inSystem.isEmpty,
                    overdue: OrNo(overdue > 0 ? t("overview_overdue", ["count": String(overdue)]) : nil),
                    missed: OrNo(missed > 0 ? t("overview_missed", ["count": String(missed)]) : nil)
                )
            },
            metrics: keyMetrics.map { m in
                guard let progress = context.published.progress(metric: m, city: city) else {
                    let reported = context.published.metrics[m].hasSeries(city: city)
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
        return context.published.progress(metric: m, city: city)?.status == .targetMissed
    }

}
