import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideRender

/// `data/opensdg/<metric>.csv`: Open SDG's layout, from published figures
/// only. min_cell is 1000 so that withheld counts are distinctive numbers
/// the whole file can be searched for, as `PrivacyTests` does.
@Suite("Open SDG export")
struct OpenSDGExportTests {
    static let site = """
        -- site.yml --
        title: Test City Progress
        base_url: https://example.org/test/
        languages: [en]
        privacy:
          min_cell: 1000
          min_rate_numerator: 20
        data_status: synthetic
        -- Blueprints/springfield.md --
        ---
        city: Springfield
        state: IL
        population: 100000
        fellow: Senior fellow
        adopted: 2019-01-15
        updated: 2020-02-01
        commitments:
          - id: spr-referrals
            system: labor
            title: Refer survivors to services
            status: in_progress
            due: 2020-12-31
            populations: [immigrants]
            metrics: [referrals]
        ---
        # Springfield Blueprint
        -- Blueprints/shelbyville.md --
        ---
        city: Shelbyville
        state: IL
        fellow: Senior fellow
        adopted: 2019-01-15
        updated: 2020-02-01
        commitments: []
        ---
        # Shelbyville Blueprint
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
        sdg: "16.2.2"
        dimensions:
          sex: [female, male]
        -- Data/referrals.csv --
        city,period,metric,sex,value,status,note
        springfield,2019-Q1,referrals,,5000,,
        springfield,2019-Q1,referrals,female,4013,,
        springfield,2019-Q1,referrals,male,987,,
        springfield,2019-Q2,referrals,,613,,
        springfield,2019-Q3,referrals,,4200,provisional,
        shelbyville,2019-Q1,referrals,,3100,,
        shelbyville,2019-Q2,referrals,,,,
        """

    /// Which cells the rules withhold is theirs to choose (here the total
    /// 5000 protects 987, rather than 4013); the test reads what they chose.
    static let withheld = ["987", "613", "5000"]

    @Test("one row per published figure, Year first and Value last, totals first; withheld values blank and suppressed")
    func layout() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        let outcome = site.build()
        #expect(outcome.errors.isEmpty, "\(outcome.lines)")
        let export = try #require(site.file("data/opensdg/referrals.csv"))
        #expect(export == """
            Year,GeoCode,sex,Units,Observation status,Value\r
            2019-Q1,shelbyville,,referrals,,3100\r
            2019-Q2,shelbyville,,referrals,not-available,\r
            2019-Q1,springfield,,referrals,suppressed,\r
            2019-Q2,springfield,,referrals,suppressed,\r
            2019-Q3,springfield,,referrals,provisional,4200\r
            2019-Q1,springfield,female,referrals,,4013\r
            2019-Q1,springfield,male,referrals,suppressed,\r

            """)
        let catalog = try #require(site.file("data/index.json"))
        #expect(catalog.contains("\"opensdg\": \"opensdg/referrals.csv\""))
    }

    @Test("the export holds exactly the cells of data/<metric>.csv: no sum the site does not publish, every withheld cell blank")
    func sameCellsAsTheDownload() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        site.build()
        // city,period,sex,value,status,flag,note
        let download = try #require(site.file("data/referrals.csv")).split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        // Year,GeoCode,sex,Units,Observation status,Value
        let export = try #require(site.file("data/opensdg/referrals.csv")).split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(Set(download.map { [$0[0], $0[1], $0[2]] }) == Set(export.map { [$0[1], $0[0], $0[2]] }))
        #expect(download.count == export.count)
        for row in download where row[4] == "suppressed" {
            let match = export.first { [$0[1], $0[0], $0[2]] == [row[0], row[1], row[2]] }
            #expect(match?[4] == "suppressed" && match?[5] == "", "\(row)")
        }
        let text = try #require(site.file("data/opensdg/referrals.csv"))
        for value in Self.withheld {
            for form in [value, value.prefix(1) + "." + value.dropFirst(), value.prefix(1) + "," + value.dropFirst()] {
                #expect(!text.contains(form), "the export holds \(form)")
            }
        }
    }

    @Test("the same site gives the same bytes")
    func deterministic() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        site.build()
        let first = site.file("data/opensdg/referrals.csv")
        site.build()
        #expect(first != nil && site.file("data/opensdg/referrals.csv") == first)
    }

    @Test("rows are ordered by breakdown, city and period, as comparing the figures themselves orders them (3,000 generated figures)")
    func rowOrder() {
        var random = SeededRandom(seed: 7)
        let periods = [Period(year: 2023), Period(year: 2024, quarter: 4), Period(year: 2024, month: 12), Period(year: 2024),
                       Period(year: 2024, quarter: 1), Period(year: 2023, month: 3)]
        let cells = [CellKey.total, CellKey(raw: 1), CellKey(raw: 2), CellKey(raw: 0x100), CellKey(raw: 0x201), CellKey(raw: 0x0301_0000)]
        let figures = (0 ..< 3_000).map { _ in
            PublishedFigure(city: random.next(in: 0 ... 40), period: periods[random.next(in: 0 ... 5)], cell: cells[random.next(in: 0 ... 5)],
                            value: .number(1), unreliable: false)
        }
        let expected = figures.indices.sorted { a, b in
            let x = (figures[a].cell, figures[a].city, figures[a].period), y = (figures[b].cell, figures[b].city, figures[b].period)
            return x != y ? x < y : a < b
        }
        #expect(OpenSDGExport.rowOrder(figures) == expected)
        #expect(OpenSDGExport.rowOrder([]) == [])
    }
}
