/// `methodology/index.html`: how every figure is made and protected, with
/// the thresholds used and how many values each rule withheld.
struct MethodologyPage {
    let context: SiteContext

    func page() -> Page {
        let site = context.site
        let location = PageLocation(path: Paths.methodology)
        var c = context.base(location, title: "Methodology", description: "Data status and sources, privacy rules and how progress is measured.", section: "methodology")
        c["title"] = "Methodology"
        c["min_cell"] = site.config.privacy.minCell
        c["min_cell_minus_one"] = site.config.privacy.minCell - 1
        c["min_rate_numerator"] = site.config.privacy.minRateNumerator
        let totals = context.published.counts
        c["total_published"] = totals.published
        c["total_primary"] = totals.primary
        c["total_complementary"] = totals.complementary
        c["total_unreliable"] = totals.unreliable
        c["disclosure"] = context.published.metrics.map { metric -> [String: Any] in
            [
                "title": metric.definition.title,
                "href": location.href(Paths.metric(metric.definition.id)),
                "min_cell": metric.minCell,
                "published": metric.counts.published,
                "primary": metric.counts.primary,
                "complementary": metric.counts.complementary,
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
        let t = Progress.targetThresholds, g = Progress.growthThresholds
        c["ratio_high"] = NumberText.format(t.high, decimals: 2)
        c["ratio_med"] = NumberText.format(t.med, decimals: 2)
        c["growth_high"] = NumberText.format(g.high * 100, decimals: 1) + "%"
        c["growth_med"] = NumberText.format(g.med * 100, decimals: 1) + "%"
        c["overrides"] = site.metrics.compactMap { metric -> [String: Any]? in
            guard let o = metric.progressThresholds else { return nil }
            return ["title": metric.title, "high": NumberText.plain(o.high), "med": NumberText.plain(o.med), "low": NumberText.plain(o.low)]
        }
        return Page(path: location.path, template: "methodology", context: c)
    }
}
