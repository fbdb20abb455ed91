import CitywideModel
import CitywidePublished
import CitywideWrite

/// `reports/index.html` and `reports/<period>/index.html`: what changed in
/// each quarter, city by city.
package struct ReportPages {
    package let context: SiteContext

    /// On a large site (past `CityListing.pageSize` cities), the most cities
    /// a report lists: those where most changed in the quarter.
    package static let citiesLimit = 20

    package var periods: [Period] { ReportPeriods.all(context.published) }

    package func index() -> Page {
        let location = context.location(Paths.reports)
        let layout = context.layout(location, title: context.t("reports_title"), description: context.t("reports_description"), section: "reports")
        let latest = periods.last
        let view = ReportsView(title: context.t("reports_title"), reports: periods.reversed().map { period in
            ReportsView.Report(label: period.description, href: location.href(Paths.report(period)), is_latest: period == latest)
        })
        return Page(path: location.outputPath, template: "reports", layout: layout, view: view)
    }

    /// Each quarter's report, and `reports/latest/` (the newest report; its
    /// canonical address is the quarter's own), made when asked for: the
    /// preview makes only the reports a reader opens.
    package func plan() -> [PlannedPage] {
        let periods = self.periods
        // Progress as it stood at the end of each report's quarter, so a
        // report can say which statuses changed since the one before:
        // computed once, in CitywidePublish, for every language.
        let asOf = periods.map { context.published.progressByReport[$0] ?? [] }
        let quarters = periods.indices.map { ($0, Paths.report(periods[$0])) }
        let latest = periods.indices.last.map { [($0, Paths.latestReport)] } ?? []
        return (quarters + latest).map { i, path in
            PlannedPage(context.location(path).outputPath) {
                report(periods[i], previous: i > 0 ? periods[i - 1] : nil, next: i + 1 < periods.count ? periods[i + 1] : nil,
                       progress: asOf[i], before: i > 0 ? asOf[i - 1] : nil, at: path)
            }
        }
    }

    private func report(_ period: Period, previous: Period?, next: Period?,
                        progress: [[ProgressAssessment?]], before: [[ProgressAssessment?]]?, at path: String) -> Page {
        let site = context.site
        let location = context.location(path)
        let title = context.t("report_title", ["period": period.description])
        var layout = context.layout(location, title: title, description: context.t.plural("report_description", site.blueprints.count, ["period": period.description]), section: "reports")
        layout.canonical_url = PageLocation.absolute(context.location(Paths.report(period)).outputPath, base: site.config.baseURL)
        let views = CommitmentViews(site: site, published: context.published, t: context.t, asOf: period.lastDay)
        let metrics = context.published.metrics
        func changes(_ city: Int) -> ReportChanges {
            ReportChanges(city: city, commitments: site.blueprints[city].commitments, quarter: period, metrics: metrics.count,
                          progress: progress, before: before)
        }
        func cityView(_ city: Int, _ changes: ReportChanges) -> ReportView.City {
            let blueprint = site.blueprints[city]
            var rows: [ReportView.MetricRow] = []
            var marks = Set<FigureText.Mark>()
            for metric in metrics {
                guard let current = ReportPeriods.figure(metric, city: city, in: period) else { continue }
                let text = FigureText(metric, context.t)
                let before = ReportPeriods.previousPublished(metric, city: city, before: current.period)
                let trend = Trend.between(before, current, metric, city: city)
                marks.formUnion(text.marks(current) + text.marks(before))
                rows.append(ReportView.MetricRow(
                    title: metric.definition.title,
                    href: location.href(Paths.metric(metric.definition.id)),
                    period: current.period.description,
                    value: text.text(current.value),
                    value_marks: OrNo(text.marks(current).map(\.symbol).joined().nonEmpty),
                    value_marks_label: OrNo(text.marks(current).map { context.t($0.key) }.joined(separator: ", ").nonEmpty),
                    value_class: text.cssClass(current),
                    previous: before.map { "\(text.cellText($0)) (\($0.period))" } ?? "–",
                    change: trend?.text(metric.definition, context.t) ?? "–",
                    trend_arrow: trend?.arrow,
                    trend_class: trend?.judgement.rawValue
                ))
            }
            let statusChanges = changes.statusChanges.compactMap { m -> ReportView.StatusChange? in
                guard let now = progress[m][city] else { return nil }
                let then = before.flatMap { $0.indices.contains(m) && $0[m].indices.contains(city) ? $0[m][city] : nil }
                return ReportView.StatusChange(
                    title: metrics[m].definition.title,
                    href: location.href(Paths.metric(metrics[m].definition.id)),
                    from: then.map { "\($0.status.icon) " + context.t("progress_\($0.status.rawValue)") } ?? context.t("no_status"),
                    to_label: context.t("progress_\(now.status.rawValue)"), to_icon: now.status.icon, to_key: now.status.rawValue
                )
            }
            let due = dueTargets(changes.dueTargets, city: city, progress: progress, location: location)
            return ReportView.City(
                name: blueprint.displayName,
                slug: blueprint.slug,
                href: location.href(Paths.city(blueprint.slug)),
                metrics: rows,
                has_metrics: !rows.isEmpty,
                marks_key: OrNo(FigureText.key(marks, context.t)),
                status_changes: statusChanges,
                has_status_changes: !statusChanges.isEmpty,
                due_commitments: changes.due.map { views.context(blueprint.commitments[$0], city: city, location: location) },
                has_due: !changes.due.isEmpty,
                completed_commitments: changes.completed.map { views.context(blueprint.commitments[$0], city: city, location: location) },
                has_completed: !changes.completed.isEmpty,
                target_groups: targetGroups(due)
            )
        }
        let (shown, selection) = mostChanged(changes: changes, view: cityView, location: location)
        let view = ReportView(
            title: title,
            period: period.description,
            period_intro: context.t("report_intro", ["date": context.t.date(period.lastDay)]),
            previous: previous.map { ReportLink(label: $0.description, href: location.href(Paths.report($0))) },
            next: next.map { ReportLink(label: $0.description, href: location.href(Paths.report($0))) },
            selection: OrNo(selection),
            cities: shown
        )
        return Page(path: location.outputPath, template: "report", layout: layout, view: view)
    }

    /// Every city on a small site; on a large one, the `citiesLimit` cities
    /// with the most status changes, commitments due or completed and targets
    /// due in the quarter (ties by name), and a sentence saying so.
    /// Cities are ranked by `changes` alone: only those shown get a `view`.
    private func mostChanged(changes: (Int) -> ReportChanges, view: (Int, ReportChanges) -> ReportView.City,
                             location: PageLocation) -> ([ReportView.City], ReportView.Selection?) {
        let blueprints = context.site.blueprints
        guard CityListing.isPaged(context.site) else { return (blueprints.indices.map { view($0, changes($0)) }, nil) }
        // The best `citiesLimit` so far, best first: most changes, then name
        // A to Z; a city ranking equal to one kept goes after it (site
        // order, as a stable sort puts it).
        var ranked: [(city: Int, changes: ReportChanges, name: String)] = []
        var changed = 0
        for city in blueprints.indices {
            let cityChanges = changes(city)
            let count = cityChanges.count
            guard count > 0 else { continue }
            changed += 1
            // Fewer changes than the last one kept: it cannot rank (no name needed).
            if ranked.count == Self.citiesLimit, let last = ranked.last, count < last.changes.count { continue }
            let name = blueprints[city].displayName
            let position = ranked.firstIndex { (count, $0.name) > ($0.changes.count, name) } ?? ranked.count
            guard position < Self.citiesLimit else { continue }
            ranked.insert((city, cityChanges, name), at: position)
            if ranked.count > Self.citiesLimit { ranked.removeLast() }
        }
        let shown = ranked.map { view($0.city, $0.changes) }
        let t = context.t
        return (shown, ReportView.Selection(
            text: t("report_cities_selected", ["shown": String(shown.count), "changed": String(changed), "count": String(blueprints.count)]),
            href: location.href(Paths.cityIndex(page: 1)), label: t("cities_index_title")))
    }

    /// Met, missed, then the rest (withheld at the deadline, or not yet judged).
    private func targetGroups(_ due: [(ProgressAssessment.Status, ReportView.DueTarget)]) -> [ReportView.TargetGroup] {
        let groups: [(key: String, heading: String, holds: (ProgressAssessment.Status) -> Bool)] = [
            ("met", "targets_met_this_quarter", { $0 == .targetAchieved }),
            ("missed", "targets_missed_this_quarter", { $0 == .targetMissed }),
            ("unjudged", "targets_unjudged_this_quarter", { $0 != .targetAchieved && $0 != .targetMissed }),
        ]
        return groups.compactMap { group in
            let targets = due.filter { group.holds($0.0) }.map(\.1)
            return targets.isEmpty ? nil : ReportView.TargetGroup(heading: context.t(group.heading), status_key: group.key, targets: targets)
        }
    }

    /// The city's targets whose date falls in the quarter (`metrics`, from
    /// `ReportChanges`), each with its status as of the end of the quarter:
    /// judged at its date (`Deadline`) when the quarter's data reach it.
    private func dueTargets(_ metrics: [Int], city: Int, progress: [[ProgressAssessment?]],
                            location: PageLocation) -> [(ProgressAssessment.Status, ReportView.DueTarget)] {
        metrics.compactMap { m in
            let metric = context.published.metrics[m]
            guard let p = progress[m][city], let view = ProgressViews(metric: metric.definition, t: context.t).context(p) else { return nil }
            return (p.status, ReportView.DueTarget(title: metric.definition.title,
                                                   href: location.href(Paths.metric(metric.definition.id)), progress: view))
        }
    }
}
