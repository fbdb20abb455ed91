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
        var c: [String: Any] = [:]
        c["intro"] = site.config.description.nonEmpty
        let t = context.t
        c["summary"] = [
            t.plural("cities_count", site.blueprints.count),
            t.plural("commitments_count", site.blueprints.reduce(0) { $0 + $1.commitments.count }),
            t.plural("metrics_count", site.metrics.count),
        ].joined(separator: " · ")
        c["city_count"] = site.blueprints.count
        c["commitment_count"] = site.blueprints.reduce(0) { $0 + $1.commitments.count }
        c["metric_count"] = site.metrics.count
        if let latest = context.latestReportPeriod {
            c["latest_report"] = ["label": latest.description, "href": location.href(Paths.report(latest))]
        }
        c["cities"] = site.blueprints.enumerated().map { city, blueprint -> [String: Any] in
            var b: [String: Any] = [
                "name": blueprint.displayName,
                "href": location.href(Paths.city(blueprint.slug)),

                "status_counts": CommitmentViews.statusCounts(blueprint, context.t),
                "commitments_label": context.t.plural("commitments_colon", blueprint.commitments.count),
                "commitment_count": blueprint.commitments.count,
            ]
            b["fellow"] = blueprint.fellow.nonEmpty ?? false
            b["updated"] = blueprint.updated.map { context.t("blueprint_updated", ["date": context.t.date($0)]) } ?? false
            b["key_metrics"] = keyMetrics(city: city, blueprint: blueprint, location: location)
            b["slug"] = blueprint.slug
            b["systems"] = CommitmentViews(site: site, published: published, t: context.t, asOf: context.latestReportPeriod?.lastDay)
                .bySystem(blueprint, city: city, location: location)
            return b
        }
        c["systems"] = CitySystem.allCases.compactMap { system -> [String: Any]? in
            let metrics = published.metrics.filter { $0.definition.system == system }
            guard !metrics.isEmpty else { return nil }
            return [
                "system": context.t("system_\(system.rawValue)"),
                "metrics": metrics.map { metricRow($0, location: location) },
            ]
        }
        c["city_columns"] = site.blueprints.map { ["label": $0.city] }
        c["reports_href"] = location.href(Paths.reports)
        c["coverage_href"] = location.href(Paths.coverage)
        c["methodology_href"] = location.href(Paths.methodology)
        c["data_href"] = location.href(Paths.dataCatalog)
        return Page(path: location.outputPath, template: "home", layout: layout, view: c)
    }

    /// The metrics the city's commitments name, with latest value and trend.
    private func keyMetrics(city: Int, blueprint: Blueprint, location: PageLocation) -> [[String: Any]] {
        var seen: Set<String> = []
        let ids = blueprint.commitments.flatMap(\.metrics).filter { seen.insert($0).inserted }
        return ids.compactMap { id -> [String: Any]? in
            guard let m = context.site.metricIndex(id) else { return nil }
            let metric = context.published.metrics[m]
            let text = FigureText(metric, context.t)
            var row: [String: Any] = ["title": metric.definition.title, "href": location.href(Paths.metric(id))]
            if let latest = metric.latestPublished(city: city) {
                row["value"] = text.text(latest)
                row["period"] = latest.period.description
            } else {
                row["value"] = context.t(metric.series(city: city).isEmpty ? "no_data_yet" : "none_published")
            }
            if let trend = Trend.latest(metric, city: city) {
                row["trend"] = trend.text(metric.definition, context.t)
                row["trend_arrow"] = trend.arrow
                row["trend_class"] = trend.judgement.rawValue
            }
            let progress = context.published.progress(metric: m, city: city)
            row["progress_label"] = context.t("progress_\(progress?.status.rawValue ?? "not_enough_data")")
            row["progress_icon"] = progress?.status.icon ?? "○"
            row["progress_key"] = progress?.status.rawValue ?? "not_enough_data"
            return row
        }
    }

    /// A metric's latest published value in every city, as a small bar chart
    /// (one of a set of small multiples) and as table cells.
    private func metricRow(_ metric: PublishedMetric, location: PageLocation) -> [String: Any] {
        let text = FigureText(metric, context.t)
        let chart = MetricFigures(site: context.site, metric: metric, t: context.t).barChart(id: "overview-\(metric.definition.id)", width: 420)
        return [
            "id": metric.definition.id,
            "chart_svg": chart?.svg() ?? false,
            "title": metric.definition.title,
            "href": location.href(Paths.metric(metric.definition.id)),
            "cells": context.site.blueprints.indices.map { city -> [String: Any] in
                guard let latest = metric.latestPublished(city: city) else {
                    return ["text": context.t(metric.series(city: city).isEmpty ? "no_data" : "none_published"), "class": "num missing"]
                }
                return ["text": "\(text.text(latest)) (\(latest.period))", "class": text.cssClass(latest)]
            },
        ]
    }
}
