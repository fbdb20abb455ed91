import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideRender

/// A city page holds a card per metric, and a metric page a column per
/// city, and each period adds to every one: a metric's latest
/// `MetricFigures.periodsShown` periods are shown there (and in a chart
/// embedded in the narrative), the page says how many more there are, and
/// the download has them all. A history no longer than the window is shown
/// whole, with no such sentence.
@Suite("Long histories on city and metric pages")
struct LongHistoryTests {
    /// Springfield reports referrals by sex every quarter from 2019-Q1 to
    /// 2024-Q4 (24 quarters, more than a card shows); shelter beds for two
    /// quarters only.
    static let site = """
        -- site.yml --
        title: Test City Progress
        base_url: https://example.org/test/
        languages: [en, es]
        data_status: synthetic
        -- Blueprints/springfield.md --
        ---
        city: Springfield
        state: IL
        commitments:
          - id: spr-labor-screening
            system: labor
            title: Screen wage-theft cases for trafficking
            status: in_progress
            metrics: [referrals]
        ---
        # Springfield Blueprint

        {{< chart referrals >}}
        -- Metrics/referrals.yml --
        id: referrals
        title: Referrals
        description: Referrals to victim services.
        system: labor
        type: count
        unit: referrals
        decimals: 0
        direction: up
        frequency: quarterly
        dimensions:
          sex: [female, male]
        -- Metrics/shelter_beds.yml --
        id: shelter_beds
        title: Shelter beds
        description: Emergency beds for survivors.
        system: housing
        type: count
        unit: beds
        decimals: 0
        direction: up
        frequency: quarterly
        -- Data/beds.csv --
        city,period,metric,value
        springfield,2024-Q3,shelter_beds,40
        springfield,2024-Q4,shelter_beds,42
        -- Data/referrals.csv --
        \(referrals)
        """

    /// 24 quarters of referrals by sex: female 100 + q, male 200 + q, all
    /// above min_cell, so every value is published and each row can be found.
    static var referrals: String {
        let quarters = (0..<24).map { "\(2019 + $0 / 4)-Q\($0 % 4 + 1)" }
        return "city,period,metric,sex,value\n" + quarters.enumerated().map { q, period in
            "springfield,\(period),referrals,,\(300 + 2 * q)\n"
                + "springfield,\(period),referrals,female,\(100 + q)\n"
                + "springfield,\(period),referrals,male,\(200 + q)"
        }.joined(separator: "\n")
    }

    @Test("a card shows the latest periods, says how many there are, and links to the download that has them all")
    func window() throws {
        #expect(MetricFigures.periodsShown == 20)
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        let outcome = site.build()
        #expect(outcome.succeeded, "\(outcome.lines)")
        let html = try #require(site.file("cities/springfield/index.html"))
        let card = try #require(html.components(separatedBy: "<section class=\"metric-card\" aria-labelledby=\"metric-referrals\">").dropFirst().first?
            .components(separatedBy: "</section>").first)

        // 2020-Q1 (the 5th quarter) to 2024-Q4: the latest 20, in the chart,
        // the table by period and the table by sex; 2019 in none of them.
        #expect(card.contains("<title id=\"chart-referrals-title\">Referrals, Springfield, 2020-Q1 to 2024-Q4</title>"))
        #expect(card.contains("<tr><th scope=\"row\">2020-Q1</th><td class=\"num\">308</td></tr>"))
        #expect(card.contains("<tr><th scope=\"row\">2024-Q4</th><td class=\"num\">123</td><td class=\"num\">223</td></tr>"))
        #expect(card.components(separatedBy: "<tr><th scope=\"row\">").count - 1 == 2 * 20)
        let chart = try #require(card.components(separatedBy: "<svg").dropFirst().first?.components(separatedBy: "</svg>").first)
        #expect(!chart.contains("2019-Q") && !card.contains("<th scope=\"row\">2019-Q"))
        // What progress is measured from stays the first period.
        #expect(card.contains("<dt>Base</dt><dd>300 in 2019-Q1</dd>"))
        #expect(card.contains("<p class=\"note\">The chart and tables show the latest 20 of 24 periods, from 2020-Q1. <a href=\"../../data/referrals.csv\">Every period is in the download (CSV).</a></p>"))

        // The chart in the narrative has the same window and says so.
        let embedded = try #require(html.components(separatedBy: "<figure class=\"chart-figure embedded-chart\">").dropFirst().first?
            .components(separatedBy: "</details>").first)
        #expect(embedded.contains("2020-Q1 to 2024-Q4"))
        #expect(!embedded.contains("2019-Q"), "neither in the chart nor in its table")
        #expect(embedded.contains("The chart and tables show the latest 20 of 24 periods, from 2020-Q1. <a href=\"../../data/referrals.csv\">"))

        // Two quarters of beds: shown whole, no sentence.
        let beds = try #require(html.components(separatedBy: "aria-labelledby=\"metric-shelter_beds\">").dropFirst().first?
            .components(separatedBy: "</section>").first)
        #expect(beds.contains("2024-Q3") && !beds.contains("The chart and tables show"))

        // The metric page: the same window in its chart and its table by period.
        let metricPage = try #require(site.file("metrics/referrals/index.html"))
        #expect(metricPage.contains("The chart and tables show the latest 20 of 24 periods, from 2020-Q1. <a href=\"../../data/referrals.csv\">Every period is in the download (CSV).</a>"))
        #expect(metricPage.contains("<tr><th scope=\"row\">2020-Q1</th><td class=\"num\">308</td></tr>"))
        #expect(!metricPage.contains("<th scope=\"row\">2019-Q"))
        let metricChart = try #require(metricPage.components(separatedBy: "<svg").dropFirst().first?.components(separatedBy: "</svg>").first)
        #expect(metricChart.contains("2020-Q1 to 2024-Q4") && !metricChart.contains("2019-Q"))
        let bedsPage = try #require(site.file("metrics/shelter_beds/index.html"))
        #expect(!bedsPage.contains("The chart and tables show"))

        // The download has every period; the page in Spanish says it in Spanish.
        let csv = try #require(site.file("data/referrals.csv"))
        #expect(csv.contains("springfield,2019-Q1,,300,published") && csv.contains("springfield,2024-Q4,male,223,published"))
        let spanish = try #require(site.file("es/cities/springfield/index.html"))
        #expect(spanish.contains("El gráfico y las tablas muestran los últimos 20 de 24 periodos, desde 2020-Q1."))
    }
}
