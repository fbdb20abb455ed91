import CitywideModel
import CitywidePublished

/// Which cities a metric page draws. A reader tells about 12 lines apart:
/// past that, the line chart draws the 6 cities with the highest and the 6
/// with the lowest latest published value, and says so. Past a page of
/// cities (`CityListing.pageSize`), the bar chart, the tables and the lists
/// of the page show the same cities; every city's figures stay in the
/// downloads and on its own page. Ranked on published values only, so
/// withheld values choose nothing.
package struct MetricCitySelection {
    /// The most lines a chart draws.
    package static let seriesLimit = 12

    /// The cities the line chart draws.
    package let charted: [Int]
    /// The cities the bar chart, the tables and the lists show.
    package let listed: [Int]
    /// Says which cities are drawn, when not all are (for the chart's
    /// description and the page).
    package let note: String?

    package init(metric: PublishedMetric, cities: [Int], names: (Int) -> String, t: Translation) {
        guard cities.count > Self.seriesLimit else {
            charted = cities
            listed = cities
            note = nil
            return
        }
        // Highest first; equal values by name, so the choice is stable.
        let ranked = cities.compactMap { city in metric.latestPublished(city: city)?.value.number.map { (city, $0) } }
            .sorted { ($0.1, names($1.0)) > ($1.1, names($0.0)) }
            .map(\.0)
        let half = Self.seriesLimit / 2
        let chosen = ranked.count <= Self.seriesLimit ? ranked : Array(ranked.prefix(half)) + Array(ranked.suffix(half))
        charted = chosen
        listed = cities.count > CityListing.pageSize ? chosen : cities
        note = t("metric_cities_selected", ["count": String(cities.count), "shown": String(chosen.count / 2 + chosen.count % 2),
                                            "lowest": String(chosen.count / 2)])
    }
}
