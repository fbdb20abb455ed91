import CitywideModel
import CitywidePublished
import CitywideWrite

/// `methodology/index.html`: how every figure is made and protected, with
/// the thresholds used and how many values were withheld (one count: per
/// rule counts stay in `check`'s output).
package struct MethodologyPage {
    package let context: SiteContext

    package func page() -> Page {
        let site = context.site
        let location = context.location(Paths.methodology)
        let t = context.t
        let layout = context.layout(location, title: t("methodology_title"), description: t("methodology_description"), section: "methodology")
        var c: [String: Any] = [:]
        c["title"] = t("methodology_title")
        let privacy = site.config.privacy
        let limits = ["min_cell": String(privacy.minCell), "max": String(privacy.minCell - 1), "n": String(privacy.minRateNumerator)]
        c["rule_primary"] = t("rule_primary_text", limits)
        c["rule_complementary"] = t("rule_complementary_text", limits)
        c["rule_computed"] = t("rule_computed_text", limits)
        c["rule_unreliable"] = t("rule_unreliable_text", limits)
        let totals = context.published.counts
        c["build_counts"] = t("build_counts", [
            "published": t.number(Double(totals.published)), "unreliable": t.number(Double(totals.unreliable)),
            "withheld": t.number(Double(totals.withheld)),
        ])
        c["min_cell"] = site.config.privacy.minCell
        c["min_cell_minus_one"] = site.config.privacy.minCell - 1
        c["min_rate_numerator"] = site.config.privacy.minRateNumerator
        c["total_published"] = totals.published
        c["total_withheld"] = totals.withheld
        c["total_unreliable"] = totals.unreliable
        c["disclosure"] = context.published.metrics.map { metric -> [String: Any] in
            [
                "title": metric.definition.title,
                "href": location.href(Paths.metric(metric.definition.id)),
                "min_cell": metric.minCell,
                "published": metric.counts.published,
                "withheld": metric.counts.withheld,
                "unreliable": metric.counts.unreliable,
                "not_available": metric.counts.notAvailable,
            ]
        }
        c["sources"] = site.metrics.compactMap { metric -> [String: Any]? in
            guard let source = metric.source else { return nil }
            var s: [String: Any] = ["metric": metric.title, "name": source.name]
            s["url"] = source.url?.nonEmpty ?? false
            return s
        }
        c["data_href"] = location.href(Paths.dataCatalog)
        c["progress_href"] = location.href(Paths.progress)
        let ratio = Progress.targetThresholds, g = Progress.growthThresholds
        c["progress_with_target"] = t("progress_with_target_text", ["high": t.number(ratio.high, decimals: 2), "med": t.number(ratio.med, decimals: 2)])
        c["progress_without_target"] = t("progress_without_target_text", [
            "high": t("percent", ["value": t.number(g.high * 100, decimals: 1)]),
            "med": t("percent", ["value": t.number(g.med * 100, decimals: 1)]),
        ])
        c["overrides"] = site.metrics.compactMap { metric -> [String: Any]? in
            guard let o = metric.progressThresholds else { return nil }
            return ["title": metric.title, "high": t.number(o.high, decimals: 3), "med": t.number(o.med, decimals: 3), "low": t.number(o.low, decimals: 3)]
        }
        return Page(path: location.outputPath, template: "methodology", layout: layout, view: c)
    }
}
