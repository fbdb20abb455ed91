import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywidePublish
@testable import CitywideRender
@testable import CitywideWrite

/// Issue 12: the overview's two tables, key metrics in one order, provider
/// notes beside their figures, and breakdowns folded when mostly withheld.
@Suite("Overview matrices, notes and compact city pages")
struct OverviewAndCityPageTests {
    /// Springfield's 2019-Q1 total is missing with a note, its 2019-Q3 total
    /// published with a note, and its 2019-Q2 labor count (4) withheld with
    /// a note that must never be published. At least two of the three
    /// 2019-Q2 breakdown values are withheld (5 and 4 are under min_cell).
    static let site = """
        -- site.yml --
        title: Test City Progress
        base_url: https://example.org/test/
        languages: [en, es]
        privacy:
          min_cell: 11
          min_rate_numerator: 20
        data_status: synthetic
        key_metrics: [shelter_beds, referrals]
        -- Blueprints/springfield.md --
        ---
        city: Springfield
        state: IL
        population: 100000
        fellow: Senior fellow
        adopted: 2019-01-15
        commitments:
          - id: spr-labor-screening
            system: labor
            title: Screen wage-theft cases for trafficking
            status: in_progress
            due: 2019-06-30
            metrics: [referrals]
          - id: spr-housing-beds
            system: housing
            title: Open emergency beds
            status: done
            due: 2019-06-30
            completed: 2019-05-01
            metrics: [shelter_beds]
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
        -- Metrics/shelter_beds.yml --
        id: shelter_beds
        title: Shelter beds
        system: housing
        type: count
        unit: beds
        decimals: 0
        direction: up
        frequency: quarterly
        -- Data/referrals.csv --
        city,period,metric,trafficking_type,value,status,note
        springfield,2019-Q1,referrals,,,,data-sharing agreement not yet signed
        springfield,2019-Q2,referrals,,40,,
        springfield,2019-Q2,referrals,sex,5,,
        springfield,2019-Q2,referrals,labor,4,,remark beside a withheld cell
        springfield,2019-Q2,referrals,both,31,,
        springfield,2019-Q3,referrals,,44,,intake moved to the new shelter
        -- Data/beds.csv --
        city,period,metric,value,status,note
        springfield,2019-Q2,shelter_beds,20,,
        springfield,2019-Q3,shelter_beds,24,,
        """

    @Test("a note on a published or missing value shows beside it, in every language; a withheld value's note nowhere")
    func notes() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        let outcome = site.build()
        #expect(outcome.errors.isEmpty, "\(outcome.lines)")
        for page in ["cities/springfield/index.html", "metrics/referrals/index.html",
                     "es/cities/springfield/index.html", "es/metrics/referrals/index.html"] {
            let html = try #require(site.file(page))
            #expect(html.contains("data-sharing agreement not yet signed"), "\(page)")
            #expect(html.contains("intake moved to the new shelter"), "\(page)")
            #expect(html.contains("<sup class=\"note-mark\">"), "\(page): the cell is marked")
        }
        // On the Spanish pages the provider's English words say so.
        let spanish = try #require(site.file("es/cities/springfield/index.html"))
        #expect(spanish.contains("<span lang=\"en\">intake moved to the new shelter</span>"))
        for (path, data) in site.outputFiles() {
            #expect(!String(decoding: data, as: UTF8.self).contains("remark beside a withheld cell"), "\(path)")
        }
    }

    @Test("a breakdown with more than half its values withheld is one sentence")
    func folded() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        site.build()
        let city = try #require(site.file("cities/springfield/index.html"))
        #expect(city.contains("By trafficking type: 2 of 3 values withheld.") || city.contains("By trafficking type: 3 of 3 values withheld."))
        #expect(!city.contains("<caption>Referrals by trafficking type"))
        #expect(city.contains("<details class=\"metric-details\">"), "tables are one click away")
        // Narrative, then commitments, then metrics.
        let order = ["id=\"blueprint\"", "id=\"commitments\"", "id=\"metrics\""].compactMap { city.range(of: $0)?.lowerBound }
        #expect(order.count == 3 && order == order.sorted())
    }

    @Test("the overview crosses cities with systems and with key metrics, in key_metrics order")
    func overview() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        site.build()
        let home = try #require(site.file("index.html"))
        #expect(home.contains("Commitments of each city in each city system, by status"))
        #expect(home.contains("1 overdue"), "the labor commitment was due before the latest report")
        let beds = try #require(home.range(of: ">Shelter beds</a></th>"))
        let referrals = try #require(home.range(of: ">Referrals</a></th>"))
        #expect(beds.lowerBound < referrals.lowerBound, "site.yml's order, not id order")
        let city = try #require(site.file("cities/springfield/index.html"))
        let cardBeds = try #require(city.range(of: "id=\"metric-shelter_beds\""))
        let cardReferrals = try #require(city.range(of: "id=\"metric-referrals\""))
        #expect(cardBeds.lowerBound < cardReferrals.lowerBound, "one order everywhere")
    }

    @Test("key_metrics names an unknown metric: error at its place in site.yml")
    func unknownKeyMetric() throws {
        let site = try TestSite(txtar: Self.site.replacingOccurrences(of: "key_metrics: [shelter_beds, referrals]", with: "key_metrics:\n  - shelter_beds\n  - referals"))
        defer { site.cleanUp() }
        let outcome = site.check()
        #expect(outcome.hasError("site.yml", line: 10, containing: "key_metrics names unknown metric 'referals'"), "\(outcome.lines)")
        #expect(outcome.errors.count == 1)
    }

    @Test("with many cities the matrix rows are grouped by state, cities without one under Other")
    func groupedByState() {
        func row(_ name: String, _ state: String) -> HomeView.CityRow {
            HomeView.CityRow(name: name, href: "", state: state, systems: [], metrics: [])
        }
        let groups = HomePage.byState([row("Salem", "OR"), row("Nowhere", ""), row("Austin", "TX"), row("Eugene", "OR")], other: "Other")
        #expect(groups.map { $0.state.value } == ["OR", "TX", "Other"])
        #expect(groups.map { $0.cities.map(\.name) } == [["Salem", "Eugene"], ["Austin"], ["Nowhere"]])
    }
}
