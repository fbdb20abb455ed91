import CitywideModel
import CitywidePublished
import CitywideWrite

/// Charts and tables of one metric, shared by the city and metric pages.
/// Everything here reads `PublishedMetric`: published figures only.
///
/// A class, though nothing in it changes: every city page takes each
/// metric's from `SiteContext.metricFigures`, and a struct was copied (a
/// retain and a release per reference in it) each time.
package final class MetricFigures: Sendable {
    package let site: Site
    package let metric: PublishedMetric
    package let text: FigureText
    package let t: Translation

    package init(site: Site, metric: PublishedMetric, t: Translation) {
        self.site = site
        self.metric = metric
        self.text = FigureText(metric, t)
        self.t = t
        chartWords = ChartWords(t)
        wrappedGapNote = LineChart.WrappedNote(chartWords.lineGapNote, chartWidth: ChartFrame.width)
        // Each dimension's words, worked out once: every city's tables use them.
        let dimensions = metric.definition.dimensions
        dimensionLabels = dimensions.map { t.strings["dimension_\($0.name)"] ?? $0.label }
        valueLabels = dimensions.map { dimension in
            dimension.values.map { dimension.labels[$0] ?? t.strings["value_\($0)"] ?? humanize($0) }
        }
        foldLabels = dimensionLabels.map { t("breakdown_by", ["dimension": $0.lowercased()]) }
        shownPeriods = Array(metric.periods.suffix(Self.periodsShown))
    }

    /// `label(of:)` and `label(ofValue:in:)` of the metric's dimensions, by position.
    private let dimensionLabels: [String]
    private let valueLabels: [[String]]
    /// "By sex": how each dimension's folded breakdown starts.
    private let foldLabels: [String]

    /// A dimension's name and values in the page's language: a value's
    /// label from the metric file (`labels:`, translated by `LocalizedSite`),
    /// else from the translation file (`dimension_sex`, `value_female`),
    /// else the code made readable.
    package func label(of dimension: CitywideModel.Dimension) -> String { t.strings["dimension_\(dimension.name)"] ?? dimension.label }
    package func label(ofValue value: String, in dimension: CitywideModel.Dimension) -> String {
        dimension.labels[value] ?? t.strings["value_\(value)"] ?? humanize(value)
    }

    package var definition: MetricDefinition { metric.definition }
    package var unitLabel: String { definition.unit.isEmpty ? "" : " (\(definition.unit))" }

    package let chartWords: ChartWords
    /// The line charts' gap note, wrapped once: every city's chart may show it.
    private let wrappedGapNote: LineChart.WrappedNote

    package func cityName(_ city: Int) -> String { site.blueprints[city].city }

    /// A table cell for a figure: its text, its class, and the provider's note.
    package func cell(_ figure: PublishedFigure?) -> Table.Cell {
        Table.Cell(text: text.cellText(figure), cssClass: text.cssClass(figure), note: figure?.value == .withheld ? nil : figure?.note)
    }

    /// The language provider notes are written in (the site's default), when
    /// the page is in another: the notes are shown as written, marked with `lang`.
    package var noteLanguage: String? {
        t.language == site.config.defaultLanguage ? nil : site.config.defaultLanguage
    }

    /// A table as the `table` partial receives it, in the page's language.
    package func view(_ table: Table) -> TableView { table.context(t, noteLanguage: noteLanguage) }

    /// How a breakdown by dimension `d` folds when most of it is withheld.
    private func fold(_ d: Int, downloadHref: String?) -> Table.Fold? {
        downloadHref.map { Table.Fold(label: foldLabels[d], downloadHref: $0) }
    }

    /// How many periods a page's chart of a metric and its tables show: the
    /// latest 20, five years of quarters (a city page's cards, a chart
    /// embedded in a narrative, a metric page). Each period adds a point, a
    /// line of the chart's description and a row to each table: on a city
    /// page about 600 bytes a card (unbounded, 20 metrics × 96 periods made
    /// 1.12 MB; now 0.33 MB), on a metric page a column per city (100 cities
    /// × 96 periods: 0.76 MB; now 0.33 MB). The download holds every period,
    /// and the page says so (`historyNote`).
    package static let periodsShown = 20

    /// The metric's latest `periodsShown` periods (all of them when it has
    /// no more), oldest first: what the charts and tables below show.
    package let shownPeriods: [Period]

    /// A line per city over `shownPeriods`.
    package func lineChart(id: String, cities: [Int], target: (value: Double, label: String)? = nil) -> LineChart {
        let periods = shownPeriods
        let series = cities.map { city in
            ChartSeries(name: cityName(city), values: periods.map { text.chartValue(metric.figure(city: city, period: $0)) })
        }
        let who = cities.count == 1 ? cityName(cities[0]) : t.plural("cities_count", cities.count)
        // Texts filled in without a dictionary each: every city page asks.
        let span = periods.isEmpty ? "" : ", " + t("period_span") { name in
            switch name {
            case "from": periods[0].description
            case "to": periods[periods.count - 1].description
            default: nil
            }
        }
        let summaryTitle = definition.title.lowercased() + unitLabel
        var chart = LineChart(
            id: id,
            title: "\(definition.title), \(who)\(span)",
            summary: t("line_chart_summary") { name in
                switch name {
                case "title": summaryTitle
                case "who": who + span
                default: nil
                }
            },
            unit: definition.unit, xLabels: periods.map(\.description), series: series, target: target
        )
        chart.words = chartWords
        chart.wrappedGapNote = wrappedGapNote
        return chart
    }

    /// One bar per city (of `among`, else every city), in the latest period any city reported.
    package func barChart(id: String, width: Double = ChartFrame.width, among: [Int]? = nil) -> BarChart? {
        guard let period = metric.periods.last else { return nil }
        let cities = (among ?? Array(site.blueprints.indices)).filter { metric.figure(city: $0, period: period) != nil }
        guard !cities.isEmpty else { return nil }
        var chart = BarChart(
            id: id,
            title: t("bar_chart_title", ["title": definition.title, "period": period.description]),
            summary: t("bar_chart_summary", ["title": definition.title.lowercased() + unitLabel, "period": period.description]),
            unit: definition.unit,
            bars: cities.map { (label: cityName($0), value: text.chartValue(metric.figure(city: $0, period: period))) },
            width: width
        )
        chart.words = chartWords
        return chart
    }

    /// What `shownPeriods` leaves out, in a sentence; nil when it leaves nothing out.
    package func historyNote() -> String? {
        let count = metric.periods.count
        guard count > shownPeriods.count, let first = shownPeriods.first else { return nil }
        return t("history_shown") { name in
            switch name {
            case "shown": t.number(Double(shownPeriods.count))
            case "count": t.number(Double(count))
            case "from": first.description
            default: nil
            }
        }
    }

    /// Periods down (`shownPeriods`, newest first), cities across: the numbers of the line chart.
    package func seriesTable(cities: [Int]) -> Table {
        Table(
            caption: t("caption_by_period") { $0 == "title" ? definition.title + unitLabel : nil },
            corner: t("period"),
            columns: cities.map { cityName($0) },
            rows: shownPeriods.reversed().map { period in
                Table.Row(header: period.description, cells: cities.map { city in cell(metric.figure(city: city, period: period)) })
            }
        )
    }

    /// For each dimension, its values down and the cities across, in `period`.
    /// With `downloadHref`, a table more than half withheld folds into a sentence.
    package func breakdownTables(cities: [Int], period: Period, downloadHref: String? = nil) -> [Table] {
        definition.dimensions.enumerated().compactMap { d, dimension in
            let rows = dimension.values.indices.map { v in
                Table.Row(header: valueLabels[d][v], cells: cities.map { city in
                    cell(metric.figure(city: city, period: period, cell: CellKey.total.setting(d, to: v + 1)))
                })
            }
            let anyData = cities.contains { city in
                dimension.values.indices.contains { metric.figure(city: city, period: period, cell: CellKey.total.setting(d, to: $0 + 1)) != nil }
            }
            guard anyData else { return nil }
            return Table(caption: t("caption_by_dimension", ["title": definition.title, "dimension": dimensionLabels[d].lowercased(), "where": period.description]), corner: dimensionLabels[d],
                         columns: cities.map { cityName($0) }, rows: rows, fold: fold(d, downloadHref: downloadHref))
        }
    }

    /// For one city, each dimension's breakdown over time: periods down,
    /// the dimension's values across. Every one-way row of the data in
    /// `shownPeriods` is here.
    /// With `downloadHref`, a table more than half withheld folds into a sentence.
    package func breakdownHistory(city: Int, downloadHref: String? = nil) -> [Table] {
        // Each period's few figures, found once for every dimension: a
        // cell is then picked out of them, not looked up in all the metric's.
        var periods = metric.figuresByPeriod(city: city)
        if shownPeriods.count < metric.periods.count, let first = shownPeriods.first {
            periods.removeAll { ($0.first?.period).map { $0 < first } ?? true }
        }
        guard !periods.isEmpty else { return [] }
        return definition.dimensions.enumerated().compactMap { d, dimension in
            let cells = dimension.values.indices.map { CellKey.total.setting(d, to: $0 + 1) }
            // Periods down, newest first; only those with a value of this breakdown.
            let rows: [Table.Row] = periods.reversed().compactMap { run in
                let figures = cells.map { key in run.last { $0.cell == key } }
                guard figures.contains(where: { $0 != nil }), let period = run.first?.period else { return nil }
                return Table.Row(header: period.description, cells: figures.map { cell($0) })
            }
            guard !rows.isEmpty else { return nil }
            let dimensionLabel = dimensionLabels[d].lowercased()
            return Table(
                caption: t("caption_by_dimension") { name in
                    switch name {
                    case "title": definition.title
                    case "dimension": dimensionLabel
                    case "where": cityName(city)
                    default: nil
                    }
                },
                corner: t("period"),
                columns: valueLabels[d],
                rows: rows,
                fold: fold(d, downloadHref: downloadHref)
            )
        }
    }

    /// The latest period in which any of `cities` has a breakdown.
    package func latestBreakdownPeriod(cities: [Int]) -> Period? {
        metric.periods.last { period in cities.contains { city in
            metric.figures(city: city).contains { $0.period == period && $0.cell != .total }
        } }
    }

    /// A sentence on what was withheld, so readers know gaps are deliberate.
    package func withheldNote(cities: [Int]) -> String? {
        // One count, whatever rule withheld each value (SPEC "Privacy" rule 3).
        var withheld = 0
        for city in cities {
            for figure in metric.figures(city: city) where figure.value == .withheld { withheld += 1 }
        }
        guard withheld > 0 else { return nil }
        return t.plural("note_withheld", withheld, ["min_cell": String(metric.minCell)])
    }

    /// The target that applies to a city: its commitment's, else the metric's.
    package func target(city: Int?) -> (value: Double, label: String)? {
        if let city {
            let commitmentTarget = site.blueprints[city].commitments.compactMap(\.target).first { $0.metric == definition.id }
            if let target = commitmentTarget {
                return (target.value, t("chart_target", ["value": t.number(target.value, for: definition), "by": t.date(target.by)]))
            }
        }
        if let target = definition.target {
            return (target.value, t("chart_target", ["value": t.number(target.value, for: definition), "by": String(target.year)]))
        }
        return nil
    }
}
