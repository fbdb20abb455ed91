import CitywideModel
import CitywidePublished
import CitywideWrite

/// `metrics/<id>/index.html`: one metric across cities.
package struct MetricPage {
    package let context: SiteContext
    package let metric: PublishedMetric

    package func page() -> Page {
        let definition = metric.definition
        let location = context.location(Paths.metric(definition.id))
        let figures = MetricFigures(site: context.site, metric: metric, t: context.t)
        let t = context.t
        let reporting = metric.cities
        // With many cities, the charts and tables show a few (said on the page), the downloads all.
        let selection = MetricCitySelection(metric: metric, cities: reporting, names: figures.cityName, t: t)
        let cities = selection.listed
        let layout = context.layout(location, title: definition.title, description: definition.description, section: "metric", metric: metric)
        let hasData = !reporting.isEmpty
        let breakdownPeriod = hasData ? figures.latestBreakdownPeriod(cities: cities) : nil
        let m = context.site.metricIndex(definition.id) ?? 0
        let views = ProgressViews(metric: definition, t: t)
        let view = MetricView(
            title: definition.title,
            description_text: definition.description.nonEmpty,
            definition: definitionList(definition, figures: figures),
            source_name: definition.source?.name,
            source_url: definition.source?.url,
            line_chart_svg: hasData ? lineChart(figures, selection).svg() : nil,
            selection_note: OrNo(selection.note),
            history_note: OrNo(hasData ? figures.historyNote() : nil),
            bar_chart_svg: hasData ? figures.barChart(id: "chart-\(definition.id)-cities", among: selection.note == nil ? nil : cities)?.svg() : nil,
            table: hasData ? figures.view(figures.seriesTable(cities: cities)) : nil,
            breakdown_period: breakdownPeriod?.description,
            breakdowns: breakdownPeriod.map {
                figures.breakdownTables(cities: cities, period: $0, downloadHref: location.href(Paths.dataCSV(definition.id))).map { figures.view($0) }
            } ?? [],
            no_data: !hasData,
            withheld_note: figures.withheldNote(cities: reporting),
            withheld_href: location.href(Paths.methodology) + "#privacy-heading",
            // The key to the tables' markers, then what "unreliable" means.
            unreliable_note: [figures.text.key(metric.figures.map { $0 }),
                              metric.counts.unreliable > 0 ? t("note_unreliable", ["n": String(context.site.config.privacy.minRateNumerator)]) : nil]
                .compactMap { $0 }.joined(separator: " ").nonEmpty,
            progress: cities.compactMap { city in
                guard var p = views.context(context.published.progress(metric: m, city: city)) else { return nil }
                p.city = context.site.blueprints[city].city
                p.city_href = location.href(Paths.city(context.site.blueprints[city].slug))
                return p
            },
            progress_json_href: location.href(Paths.progress),
            methodology_href: location.href(Paths.methodology),
            csv_href: location.href(Paths.dataCSV(definition.id)),
            json_href: location.href(Paths.dataJSON(definition.id)),
            // Every city's commitments tracking the metric, but only the listed cities' on a large site.
            commitments: (cities.count == reporting.count ? context.site.blueprints : cities.map { context.site.blueprints[$0] }).flatMap { blueprint in
                blueprint.commitments.filter { $0.metrics.contains(definition.id) }.map { commitment in
                    MetricView.Commitment(city: blueprint.city, city_href: location.href(Paths.city(blueprint.slug)), title: commitment.title,
                                          status_label: t("status_\(commitment.status.rawValue)"), status_icon: CommitmentViews.icon(commitment.status),
                                          status_key: commitment.status.rawValue)
                }
            }
        )
        return Page(path: location.outputPath, template: "metric", layout: layout, view: view)
    }

    /// The line chart of the charted cities; its description says which they are.
    private func lineChart(_ figures: MetricFigures, _ selection: MetricCitySelection) -> LineChart {
        var chart = figures.lineChart(id: "chart-\(metric.definition.id)-time", cities: selection.charted, target: figures.target(city: nil))
        if let note = selection.note { chart.summary += " " + note }
        return chart
    }

    private func definitionList(_ d: MetricDefinition, figures: MetricFigures) -> [MetricView.Term] {
        let t = context.t
        var items: [(String, String)] = [
            (t("def_system"), t("system_\(d.system.rawValue)")),
            (t("def_type"), t("type_\(d.kind.rawValue)")),
        ]
        if !d.unit.isEmpty { items.append((t("def_unit"), d.unit)) }
        if let n = d.numerator {
            let name = context.site.metric(n)?.title ?? n
            switch d.kind {
            case .rate:
                items.append((t("def_computed"), t("computed_rate", ["numerator": name, "per": t.number(d.per ?? 100_000)])))
            default:
                let denominator = d.denominator.flatMap { context.site.metric($0)?.title } ?? d.denominator ?? ""
                items.append((t("def_computed"), "\(name) ÷ \(denominator)\(d.kind == .percent ? " × 100" : "")"))
            }
        }
        items.append((t("def_frequency"), t("frequency_\(d.frequency.rawValue)")))
        items.append((t("def_better"), t("direction_\(d.direction.rawValue)")))
        for rate in context.site.metrics where rate.kind == .rate && rate.numerator == d.id {
            items.append((t("def_per_resident"), t("see_rate", ["title": rate.title])))
        }
        if let target = d.target { items.append((t("def_target"), t("value_by", ["value": t.number(target.value, for: d), "by": String(target.year)]))) }
        if !d.dimensions.isEmpty {
            items.append((t("def_breakdowns"), d.dimensions.map { dimension in
                "\(figures.label(of: dimension)) (\(dimension.values.map { figures.label(ofValue: $0, in: dimension) }.joined(separator: ", ")))"
            }.joined(separator: "; ")))
        }
        items.append((t("def_min_cell"), t("min_cell_detail", ["min_cell": String(metric.minCell), "max": String(metric.minCell - 1)])))
        if let sdg = d.sdg { items.append((t("def_sdg"), sdg)) }
        return items.map { MetricView.Term(term: $0.0, detail: $0.1) }
    }
}
