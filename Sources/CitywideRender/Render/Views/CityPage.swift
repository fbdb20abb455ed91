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
        let narrativePage = narrativePage(blueprint, location: location, shortcodes: shortcodes)
        let markdown = blueprint.prepared.map { MarkdownRenderer.renderBytes($0, page: narrativePage) }
            ?? MarkdownRenderer.renderBytes(blueprint.body, page: narrativePage)
        let t = context.t
        let title = markdown.title.map { shortcodes.text($0, shortcodes: blueprint.shortcodes) } ?? t("blueprint_title", ["city": blueprint.city])
        let layout = context.layout(location, title: title, description: t("city_description", ["place": blueprint.displayName]), section: "city")
        // A blueprint not yet translated is shown in its own language, said so
        // and marked with `lang`, so screen readers pronounce it right.
        let untranslated = blueprint.writtenIn.flatMap { $0 != context.language ? $0 : nil }
        let views = CommitmentViews(site: site, published: context.published, t: t, asOf: context.latestReportPeriod?.lastDay)
        let view = CityView(
            title: title,
            city: blueprint.city,
            place: blueprint.displayName,
            fellow: blueprint.fellow.nonEmpty,
            adopted: blueprint.adopted.map(t.date),
            updated: blueprint.updated.map(t.date),
            population: blueprint.population.map { t.number(Double($0)) },
            body_lang: OrNo(untranslated),
            translation_notice: OrNo(untranslated.map { written in
                t("translation_missing", ["language": t.languageName(written)])
            }),
            body_html: shortcodes.render(bytes: markdown.html, shortcodes: blueprint.shortcodes),
            status_counts: CommitmentViews.statusCounts(blueprint, t),
            commitment_count: blueprint.commitments.count,
            commitments_summary: t.plural("commitments_across_systems", blueprint.commitments.count),
            systems: views.bySystem(blueprint, city: city, location: location),
            // Key metrics first, in the overview's order, then the others in id order.
            metrics: (site.keyMetrics + site.metrics.indices.filter { !site.keyMetrics.contains($0) }).compactMap { m in
                metricSection(context.published.metrics[m], index: m, location: location)
            },
            data_href: location.href(Paths.dataPage)
        )
        return Page(path: location.outputPath, template: "city", layout: layout, view: view)
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
        // A heading named "Metrics" becomes `metrics-1`, never a second `metrics`.
        page.takenIDs = context.cityPageIDs.union(blueprint.commitments.map(\.id))
        page.labels = MarkdownRenderer.Labels(
            footnotes: t("footnotes"), backToText: t("footnote_back"),
            // An attribute takes no markup: a live figure in a heading is said as text.
            // Every heading asks: its one value given without a dictionary.
            sectionLink: { heading in
                let section = shortcodes.text(heading, shortcodes: blueprint.shortcodes)
                return t("section_link") { $0 == "section" ? section : nil }
            }
        )
        return page
    }

    private func metricSection(_ metric: PublishedMetric, index: Int, location: PageLocation) -> CityView.MetricSection? {
        guard metric.hasSeries(city: city) else { return nil }
        let figures = context.metricFigures[index]
        let definition = metric.definition
        let latest = metric.latestPublished(city: city)
        let trend = Trend.latest(metric, city: city)
        let t = context.t
        let table = figures.seriesTable(cities: [city])
        let downloadHref = location.href(Paths.dataCSV(definition.id))
        let breakdowns = figures.breakdownHistory(city: city, downloadHref: downloadHref)
        let notes = ([table] + breakdowns).reduce(0) { $0 + $1.noteCount }
        let shownLatest = latest.map { (value: figures.text.text($0), period: $0.period.description) }
        return CityView.MetricSection(
            id: definition.id,
            title: definition.title,
            href: location.href(Paths.metric(definition.id)),
            system: t("system_\(definition.system.rawValue)"),
            description: OrNo(definition.description.nonEmpty),
            chart_svg: figures.lineChart(id: "chart-\(definition.id)", cities: [city], target: figures.target(city: city)).svg(),
            history_note: OrNo(figures.historyNote()),
            history_href: downloadHref,
            table: figures.view(table),
            latest: OrNo(shownLatest?.value),
            latest_period: OrNo(shownLatest?.period),
            latest_sentence: OrNo(shownLatest.map { latest in
                t("latest_in") { $0 == "value" ? latest.value : $0 == "period" ? latest.period : nil }
            }),
            trend: OrNo(trend?.text(definition, t)),
            trend_arrow: OrNo(trend?.arrow),
            trend_class: OrNo(trend?.judgement.rawValue),
            breakdowns: breakdowns.map { figures.view($0) },
            withheld_note: OrNo(figures.withheldNote(cities: [city])),
            withheld_href: location.href(Paths.methodology) + "#privacy-heading",
            marks_key: OrNo(figures.text.key(metric.figures(city: city).lazy.map { Optional($0) })),
            progress: OrNo(ProgressViews(metric: definition, t: t).context(context.published.progress(metric: index, city: city))),
            details_label: t("metric_details") + (notes > 0 ? " (" + t.plural("notes_count", notes) + ")" : "")
        )
    }
}
