import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywideRender

/// A flagged figure gets one marker in a table and a key under it, not
/// "(unreliable) (provisional)" stacked in the cell.
@Suite("Figure marks")
struct FigureMarkTests {
    @Test("a table cell carries one marker, the page a key in each language")
    func markerAndKey() throws {
        let site = try TestSite(txtar: """
            -- site.yml --
            title: Test City Progress
            base_url: https://example.org/test/
            languages: [en, es]
            data_status: synthetic
            -- Blueprints/springfield.md --
            ---
            city: Springfield
            state: IL
            population: 100000
            fellow: Senior fellow
            adopted: 2019-01-15
            updated: 2020-02-01
            ---
            # Springfield Blueprint

            We will act.
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
              trafficking_type: [sex, labor, both]
            -- Data/referrals.csv --
            city,period,metric,trafficking_type,value,status,note
            springfield,2020-Q1,referrals,,31,,
            springfield,2020-Q2,referrals,,37,estimated,
            springfield,2020-Q3,referrals,,42,provisional,

            """)
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        for page in ["metrics/referrals/index.html", "cities/springfield/index.html"] {
            let html = try #require(site.file(page))
            #expect(html.contains(#"<td class="num">42 ‡</td>"#), "\(page)")
            #expect(html.contains(#"<td class="num">37 §</td>"#), "\(page)")
            #expect(html.contains(#"<td class="num">31</td>"#), "\(page)")
            #expect(!html.contains(#"<td class="num">42 (provisional)</td>"#), "\(page)")
            #expect(html.contains("Marks: ‡ provisional; § estimated."), "\(page)")
        }
        #expect(site.file("es/metrics/referrals/index.html")?.contains("Marcas: ‡ provisional; § estimado.") == true)
        // A report's key covers the quarter's values and the previous ones beside them.
        let q3 = try #require(site.file("reports/2020-Q3/index.html"))
        // There the marker has its words for screen readers.
        #expect(q3.contains(#"42 <span class="mark" role="img" aria-label="provisional" title="provisional">‡</span>"#))
        #expect(q3.contains("37 § (2020-Q2)"))
        #expect(q3.contains("Marks: ‡ provisional; § estimated."))
        #expect(site.file("reports/2020-Q1/index.html")?.contains("Marks:") == false)
    }

    @Test("two flags: one marker of two symbols in the cell, words in one parenthesis in sentences")
    func twoFlags() throws {
        let log = DiagnosticLog()
        let interface = TranslationLoader.load(siteFolder: URL(fileURLWithPath: "/nonexistent-citywide-site"), languages: ["en"], log: log)
        let t = try #require(interface["en"])
        let definition = MetricDefinition(
            id: "share", title: "Share", description: "", system: .labor, kind: .percent, numerator: "a", denominator: "b", per: nil,
            unit: "%", decimals: 0, direction: .up, frequency: .quarterly, dimensions: [], target: nil, minCell: nil,
            source: nil, sdg: nil, progressThresholds: nil, progressBaseline: nil, location: SourceLocation(path: "Metrics/share.yml"))
        let figure = PublishedFigure(city: 0, period: Period(year: 2020, quarter: 1), cell: .total, value: .number(41),
                                     unreliable: true, flag: .provisional)
        let text = FigureText(PublishedMetric(definition: definition, minCell: 11, figures: [figure]), t)
        #expect(text.cellText(figure) == "41% †‡")
        #expect(text.text(figure) == "41% (unreliable, provisional)")
        #expect(text.key([figure]) == "Marks: † unreliable; ‡ provisional.")
        // A withheld figure has no number, so no marker.
        let withheld = PublishedFigure(city: 0, period: Period(year: 2020, quarter: 2), cell: .total, value: .withheld,
                                       unreliable: false, flag: .provisional)
        #expect(text.cellText(withheld) == "withheld")
        #expect(text.key([withheld]) == nil)
    }
}
