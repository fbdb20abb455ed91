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
        let privacy = site.config.privacy
        let limits = ["min_cell": String(privacy.minCell), "max": String(privacy.minCell - 1), "n": String(privacy.minRateNumerator)]
        let totals = context.published.counts
        let ratio = Progress.targetThresholds, g = Progress.growthThresholds
        let view = MethodologyView(
            title: t("methodology_title"),
            rule_primary: t("rule_primary_text", limits),
            rule_complementary: t("rule_complementary_text", limits),
            rule_computed: t("rule_computed_text", limits),
            rule_unreliable: t("rule_unreliable_text", limits),
            build_counts: t("build_counts", [
                "published": t.number(Double(totals.published)), "unreliable": t.number(Double(totals.unreliable)),
                "withheld": t.number(Double(totals.withheld)),
            ]),
            min_cell: privacy.minCell,
            min_cell_minus_one: privacy.minCell - 1,
            min_rate_numerator: privacy.minRateNumerator,
            total_published: totals.published,
            total_withheld: totals.withheld,
            total_unreliable: totals.unreliable,
            disclosure: context.published.metrics.map { metric in
                MethodologyView.Disclosure(
                    title: metric.definition.title,
                    href: location.href(Paths.metric(metric.definition.id)),
                    min_cell: metric.minCell,
                    published: metric.counts.published,
                    withheld: metric.counts.withheld,
                    unreliable: metric.counts.unreliable,
                    not_available: metric.counts.notAvailable
                )
            },
            sources: site.metrics.compactMap { metric in
                metric.source.map { MethodologyView.Source(metric: metric.title, name: $0.name, url: OrNo($0.url?.nonEmpty)) }
            },
            data_href: location.href(Paths.dataPage),
            progress_href: location.href(Paths.progress),
            progress_with_target: t("progress_with_target_text", ["high": t.number(ratio.high, decimals: 2), "med": t.number(ratio.med, decimals: 2)]),
            progress_without_target: t("progress_without_target_text", [
                "high": t("percent", ["value": t.number(g.high * 100, decimals: 1)]),
                "med": t("percent", ["value": t.number(g.med * 100, decimals: 1)]),
            ]),
            overrides: site.metrics.compactMap { metric in
                metric.progressThresholds.map { o in
                    MethodologyView.Override(title: metric.title, high: t.number(o.high, decimals: 3), med: t.number(o.med, decimals: 3), low: t.number(o.low, decimals: 3))
                }
            }
        )
        return Page(path: location.outputPath, template: "methodology", layout: layout, view: view)
    }
}

/// The `methodology` template's own values.
package struct MethodologyView {
    package struct Disclosure {
        let title: String
        let href: String
        let min_cell: Int
        let published: Int
        let withheld: Int
        let unreliable: Int
        let not_available: Int
    }

    package struct Source {
        let metric: String
        let name: String
        let url: OrNo<String>
    }

    /// A metric's own progress thresholds.
    package struct Override {
        let title: String
        let high: String
        let med: String
        let low: String
    }

    let title: String
    let rule_primary: String
    let rule_complementary: String
    let rule_computed: String
    let rule_unreliable: String
    let build_counts: String
    let min_cell: Int
    let min_cell_minus_one: Int
    let min_rate_numerator: Int
    let total_published: Int
    let total_withheld: Int
    let total_unreliable: Int
    let disclosure: [Disclosure]
    let sources: [Source]
    let data_href: String
    let progress_href: String
    let progress_with_target: String
    let progress_without_target: String
    let overrides: [Override]
}
