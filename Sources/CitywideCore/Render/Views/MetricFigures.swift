/// Charts and tables of one metric, shared by the city and metric pages.
/// Everything here reads `PublishedMetric`: published figures only.
struct MetricFigures {
    let site: Site
    let metric: PublishedMetric
    let text: FigureText

    init(site: Site, metric: PublishedMetric) {
        self.site = site
        self.metric = metric
        self.text = FigureText(metric)
    }

    var definition: MetricDefinition { metric.definition }
    var unitLabel: String { definition.unit.isEmpty ? "" : " (\(definition.unit))" }

    func cityName(_ city: Int) -> String { site.blueprints[city].city }

    /// A line per city over every period of the metric.
    func lineChart(id: String, cities: [Int], target: (value: Double, label: String)? = nil) -> LineChart {
        let periods = metric.periods
        let series = cities.map { city in
            ChartSeries(name: cityName(city), values: periods.map { text.chartValue(metric.figure(city: city, period: $0)) })
        }
        let who = cities.count == 1 ? cityName(cities[0]) : "\(cities.count) cities"
        let span = periods.isEmpty ? "" : ", \(periods[0]) to \(periods[periods.count - 1])"
        return LineChart(
            id: id,
            title: "\(definition.title), \(who)\(span)",
            summary: "Line chart of \(definition.title.lowercased())\(unitLabel) for \(who)\(span). Gaps mark values that are withheld or not available.",
            unit: definition.unit, xLabels: periods.map(\.description), series: series, target: target
        )
    }

    /// One bar per city, in the latest period any city reported.
    func barChart(id: String, width: Double = ChartFrame.width) -> BarChart? {
        guard let period = metric.periods.last else { return nil }
        let cities = site.blueprints.indices.filter { metric.figure(city: $0, period: period) != nil }
        guard !cities.isEmpty else { return nil }
        return BarChart(
            id: id,
            title: "\(definition.title) by city, \(period)",
            summary: "Bar chart comparing \(definition.title.lowercased())\(unitLabel) across cities in \(period).",
            unit: definition.unit,
            bars: cities.map { (label: cityName($0), value: text.chartValue(metric.figure(city: $0, period: period))) },
            width: width
        )
    }

    /// Periods down, cities across: the numbers of the line chart.
    func seriesTable(cities: [Int]) -> Table {
        Table(
            caption: "\(definition.title)\(unitLabel) by period",
            corner: "Period",
            columns: cities.map(cityName),
            rows: metric.periods.reversed().map { period in
                Table.Row(header: period.description, cells: cities.map { city in
                    let figure = metric.figure(city: city, period: period)
                    return Table.Cell(text: text.text(figure), cssClass: text.cssClass(figure))
                })
            }
        )
    }

    /// For each dimension, its values down and the cities across, in `period`.
    func breakdownTables(cities: [Int], period: Period) -> [Table] {
        definition.dimensions.enumerated().compactMap { d, dimension in
            let rows = dimension.values.enumerated().map { v, value in
                Table.Row(header: humanize(value), cells: cities.map { city in
                    let figure = metric.figure(city: city, period: period, cell: CellKey.total.setting(d, to: v + 1))
                    return Table.Cell(text: text.text(figure), cssClass: text.cssClass(figure))
                })
            }
            let anyData = cities.contains { city in
                dimension.values.indices.contains { metric.figure(city: city, period: period, cell: CellKey.total.setting(d, to: $0 + 1)) != nil }
            }
            guard anyData else { return nil }
            return Table(caption: "\(definition.title) by \(dimension.label.lowercased()), \(period)", corner: dimension.label,
                         columns: cities.map(cityName), rows: rows)
        }
    }

    /// For one city, each dimension's breakdown over time: periods down,
    /// the dimension's values across. Every one-way row of the data is here.
    func breakdownHistory(city: Int) -> [Table] {
        let figures = metric.figures(city: city)
        return definition.dimensions.enumerated().compactMap { d, dimension in
            let periods = metric.periods.filter { period in
                dimension.values.indices.contains { metric.figure(city: city, period: period, cell: CellKey.total.setting(d, to: $0 + 1)) != nil }
            }
            guard !periods.isEmpty, !figures.isEmpty else { return nil }
            return Table(
                caption: "\(definition.title) by \(dimension.label.lowercased()), \(cityName(city))",
                corner: "Period",
                columns: dimension.values.map(humanize),
                rows: periods.reversed().map { period in
                    Table.Row(header: period.description, cells: dimension.values.indices.map { v in
                        let figure = metric.figure(city: city, period: period, cell: CellKey.total.setting(d, to: v + 1))
                        return Table.Cell(text: text.text(figure), cssClass: text.cssClass(figure))
                    })
                }
            )
        }
    }

    /// The latest period in which any of `cities` has a breakdown.
    func latestBreakdownPeriod(cities: [Int]) -> Period? {
        metric.periods.last { period in cities.contains { city in
            metric.figures(city: city).contains { $0.period == period && $0.cell != .total }
        } }
    }

    /// A sentence on what was withheld, so readers know gaps are deliberate.
    func withheldNote(cities: [Int]) -> String? {
        var primary = 0, complementary = 0
        for city in cities {
            for figure in metric.figures(city: city) {
                if case .withheld(.primary) = figure.value { primary += 1 }
                if case .withheld(.complementary) = figure.value { complementary += 1 }
            }
        }
        guard primary + complementary > 0 else { return nil }
        var parts: [String] = []
        if primary > 0, definition.isComputed {
            parts.append("\(primary) \(primary == 1 ? "value is" : "values are") withheld because \(primary == 1 ? "it is" : "they are") made from a count too small to publish")
        } else if primary > 0 {
            parts.append("\(primary) \(primary == 1 ? "value is" : "values are") withheld because \(primary == 1 ? "it counts" : "they count") fewer than \(metric.minCell) (from 1 to \(metric.minCell - 1)) and could identify people")
        }
        if complementary > 0 {
            parts.append("\(complementary) \(complementary == 1 ? "value is" : "values are") withheld so that another withheld value cannot be worked out from the rest")
        }
        return parts.joined(separator: "; ") + "."
    }

    /// The target that applies to a city: its commitment's, else the metric's.
    func target(city: Int?) -> (value: Double, label: String)? {
        if let city {
            let commitmentTarget = site.blueprints[city].commitments.compactMap(\.target).first { $0.metric == definition.id }
            if let t = commitmentTarget {
                return (t.value, "Target \(NumberText.format(t.value, for: definition)) by \(t.by)")
            }
        }
        if let t = definition.target {
            return (t.value, "Target \(NumberText.format(t.value, for: definition)) by \(t.year)")
        }
        return nil
    }
}
