import CitywideModel
import CitywidePublished
import CitywideWrite

/// `cities/<slug>/index.html`: the blueprint, its commitments, and the
/// city's metrics as charts with tables.
package struct CityPage {
    package let context: SiteContext
    package let city: Int

    package func page() -> Page {
        let site = context.site
        let blueprint = site.blueprints[city]
        let location = context.location(Paths.city(blueprint.slug))
        let shortcodes = ShortcodeRenderer(context: context, city: city, location: location)
        let markdown = MarkdownRenderer.render(blueprint.body, page: narrativePage(blueprint, location: location, shortcodes: shortcodes))
        let t = context.t
        let title = markdown.title.map { shortcodes.text($0, shortcodes: blueprint.shortcodes) } ?? t("blueprint_title", ["city": blueprint.city])
        let layout = context.layout(location, title: title, description: t("city_description", ["place": blueprint.displayName]), section: "city")
        var c: [String: Any] = [:]
        c["title"] = title
        c["city"] = blueprint.city
        c["place"] = blueprint.displayName
        c["fellow"] = blueprint.fellow.nonEmpty
        c["adopted"] = blueprint.adopted.map(t.date)
        c["updated"] = blueprint.updated.map(t.date)
        c["population"] = blueprint.population.map { t.number(Double($0)) }
        // A blueprint not yet translated is shown in its own language, said so
        // and marked with `lang`, so screen readers pronounce it right.
        if let written = blueprint.writtenIn, written != context.language {
            c["body_lang"] = written
            c["translation_notice"] = t("translation_missing", ["language": t.strings["language_\(written)"] ?? SiteContext.languageNames[written] ?? written])
        } else {
            c["body_lang"] = false
            c["translation_notice"] = false
        }
        c["body_html"] = shortcodes.render(markdown.html, shortcodes: blueprint.shortcodes)
        c["status_counts"] = CommitmentViews.statusCounts(blueprint, t)
        c["commitment_count"] = blueprint.commitments.count
        c["commitments_summary"] = t.plural("commitments_across_systems", blueprint.commitments.count)
        let views = CommitmentViews(site: site, published: context.published, t: t, asOf: context.latestReportPeriod?.lastDay)
        c["systems"] = views.bySystem(blueprint, city: city, location: location)
        c["metrics"] = context.published.metrics.enumerated().compactMap { m, metric in
            metricSection(metric, index: m, location: location)
        }
        c["data_href"] = location.href(Paths.dataCatalog)
        return Page(path: location.outputPath, template: "city", layout: layout, view: c)
    }

    /// How the narrative fits this page: its local links made relative to
    /// this page (in this page's language), the ids the template uses, and
    /// the footnote and section-link labels in the page's language.
    private func narrativePage(_ blueprint: Blueprint, location: PageLocation, shortcodes: ShortcodeRenderer) -> MarkdownRenderer.Page {
        let t = context.t
        let config = context.site.config
        var page = MarkdownRenderer.Page()
        page.href = { url in
            switch blueprint.links[url] {
            case nil:
                return nil
            case let .media(sitePath):
                return location.href(Paths.media(sitePath))
            case let .city(slug, language, fragment):
                // A section id belongs to the file the link names: `x.md#funding`
                // leads to the page showing x.md, not to a translation of it,
                // whose headings (and so ids) are other words.
                var target = language
                if target == nil, fragment != nil, context.language != config.defaultLanguage,
                   context.site.translations[slug]?[context.language] != nil {
                    target = config.defaultLanguage
                }
                let page = Paths.city(slug)
                let href = target.flatMap { config.languages.contains($0) ? location.root + SiteContext.prefix(for: $0, in: config) + page : nil }
                    ?? location.href(page)
                return href + (fragment.map { "#" + $0 } ?? "")
            }
        }
        // The ids city.mustache and its partials give; a heading named
        // "Metrics" becomes `metrics-1`, never a second `metrics`.
        page.takenIDs = Set(["main", "commitments", "commitments-heading", "blueprint", "blueprint-heading",
                             "metrics", "metrics-heading", FootnoteMarkup.headingID])
            .union(CitySystem.allCases.map { "system-\($0.rawValue)" })
            .union(context.site.metrics.flatMap { ["metric-\($0.id)", "chart-\($0.id)"] })
            .union(blueprint.commitments.map(\.id))
        page.labels = MarkdownRenderer.Labels(
            footnotes: t("footnotes"), backToText: t("footnote_back"),
            // An attribute takes no markup: a live figure in a heading is said as text.
            sectionLink: { t("section_link", ["section": shortcodes.text($0, shortcodes: blueprint.shortcodes)]) }
        )
        return page
    }

    private func metricSection(_ metric: PublishedMetric, index: Int, location: PageLocation) -> [String: Any]? {
        guard !metric.series(city: city).isEmpty else { return nil }
        let figures = MetricFigures(site: context.site, metric: metric, t: context.t)
        let definition = metric.definition
        var s: [String: Any] = [
            "id": definition.id,
            "title": definition.title,
            "href": location.href(Paths.metric(definition.id)),
            "system": context.t("system_\(definition.system.rawValue)"),
            "chart_svg": figures.lineChart(id: "chart-\(definition.id)", cities: [city], target: figures.target(city: city)).svg(),
            "table": figures.seriesTable(cities: [city]).context,
        ]
        // `false`, not nil: a missing key would resolve to the page's own description.
        s["description"] = definition.description.nonEmpty ?? false
        if let latest = metric.latestPublished(city: city) {
            s["latest"] = figures.text.text(latest)
            s["latest_period"] = latest.period.description
            s["latest_sentence"] = context.t("latest_in", ["value": figures.text.text(latest), "period": latest.period.description])
        }
        if let trend = Trend.latest(metric, city: city) {
            s["trend"] = trend.text(definition, context.t)
            s["trend_arrow"] = trend.arrow
            s["trend_class"] = trend.judgement.rawValue
        }
        s["breakdowns"] = figures.breakdownHistory(city: city).map(\.context)
        s["withheld_note"] = figures.withheldNote(cities: [city])
        s["withheld_href"] = location.href(Paths.methodology) + "#privacy-heading"
        s["progress"] = ProgressViews(metric: definition, t: context.t).context(context.published.progress(metric: index, city: city)).map { $0 as Any } ?? false
        return s
    }
}
