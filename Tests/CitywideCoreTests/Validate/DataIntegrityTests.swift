import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywidePublish
@testable import CitywideRender
@testable import CitywideWrite

/// Breakdowns must agree with their totals; a missing total is computed and
/// marked, never left silently inconsistent.
@Suite("Data integrity")
struct DataIntegrityTests {
    /// One city and one metric; each test gives the data.
    static let site = """
        -- site.yml --
        title: Test City Progress
        base_url: https://example.org/test/
        languages: [en]
        privacy:
          min_cell: 11
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
          - id: spr-labor-screening
            system: labor
            title: Screen wage-theft cases for trafficking
            status: in_progress
            due: 2020-12-31
            populations: [immigrants]
            metrics: [referrals]
            target: { metric: referrals, value: 40, by: 2021-12-31 }
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
        """

    /// The site with `rows` under the header of Data/referrals.csv.
    func outcome(_ rows: String) throws -> (Pipeline.Outcome, TestSite) {
        let site = try TestSite(txtar: Self.site + """

            -- Data/referrals.csv --
            city,period,metric,trafficking_type,value,status,note
            """ + "\n" + rows)
        return (site.build(), site)
    }

    @Test("parts that add up to more than their total are an error at the total's line")
    func partsExceedTotal() throws {
        let (outcome, site) = try outcome("springfield,2019-Q1,referrals,,30,,\nspringfield,2019-Q1,referrals,sex,22,,\nspringfield,2019-Q1,referrals,labor,18,,\n")
        defer { site.cleanUp() }
        #expect(outcome.hasError("Data/referrals.csv", line: 2, containing: "already add up to 40 (lines 3, 4), more than the total, 30"), "\(outcome.lines)")
    }

    @Test("a complete breakdown that does not add up to its total is an error")
    func completeBreakdownMismatch() throws {
        let (outcome, site) = try outcome("springfield,2019-Q1,referrals,,30,,\nspringfield,2019-Q1,referrals,sex,12,,\nspringfield,2019-Q1,referrals,labor,12,,\nspringfield,2019-Q1,referrals,both,0,,\n")
        defer { site.cleanUp() }
        #expect(outcome.hasError("Data/referrals.csv", line: 2, containing: "adds up to 24 (lines 3, 4, 5) but the total is 30"), "\(outcome.lines)")
    }

    @Test("a missing total whose parts are all given is computed, marked derived, and reported")
    func derivedTotal() throws {
        let (outcome, site) = try outcome("springfield,2019-Q1,referrals,sex,12,,\nspringfield,2019-Q1,referrals,labor,18,,\nspringfield,2019-Q1,referrals,both,0,,\n")
        defer { site.cleanUp() }
        #expect(outcome.succeeded, "\(outcome.lines)")
        #expect(outcome.diagnostics.contains { $0.severity == .warning && $0.message.contains("is computed from its breakdown by trafficking_type") })
        #expect(site.file("data/referrals.csv")?.contains("springfield,2019-Q1,,30,published,derived,Derived: the sum of its breakdown by trafficking_type.") == true)
    }

    @Test("a missing total with an incomplete breakdown is reported, not invented")
    func incompleteWithoutTotal() throws {
        let (outcome, site) = try outcome("springfield,2019-Q1,referrals,sex,12,,\nspringfield,2019-Q1,referrals,labor,18,,\nspringfield,2019-Q2,referrals,,35,,\n")
        defer { site.cleanUp() }
        #expect(outcome.diagnostics.contains { $0.message.contains("is not given and its breakdown by trafficking_type is incomplete") })
        #expect(site.file("data/referrals.csv")?.contains("springfield,2019-Q1,,30") == false)
    }

    @Test("two-way rows that no page shows are reported")
    func twoWayRowsReported() throws {
        let site = try TestSite(txtar: """
            -- site.yml --
            title: Test City Progress
            base_url: https://example.org/test/
            languages: [en]
            privacy:
              min_cell: 11
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
              - id: spr-labor-screening
                system: labor
                title: Screen wage-theft cases for trafficking
                status: in_progress
                due: 2020-12-31
                populations: [immigrants]
                metrics: [referrals]
                target: { metric: referrals, value: 40, by: 2021-12-31 }
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
              sex: [female, male]
            -- Data/referrals.csv --
            city,period,metric,trafficking_type,sex,value
            springfield,2019-Q1,referrals,,,40
            springfield,2019-Q1,referrals,sex,,20
            springfield,2019-Q1,referrals,labor,,20
            springfield,2019-Q1,referrals,both,,0
            springfield,2019-Q1,referrals,,female,25
            springfield,2019-Q1,referrals,,male,15
            springfield,2019-Q1,referrals,sex,female,12
            springfield,2019-Q1,referrals,sex,male,8
            springfield,2019-Q1,referrals,labor,female,13
            springfield,2019-Q1,referrals,labor,male,7
            springfield,2019-Q1,referrals,both,female,0
            springfield,2019-Q1,referrals,both,male,0
            """)
        defer { site.cleanUp() }
        let outcome = site.build()
        #expect(outcome.succeeded, "\(outcome.lines)")
        #expect(outcome.diagnostics.contains { $0.path == "Data/referrals.csv" && $0.line == 8 && $0.message.contains("6 rows break down by two or more dimensions") })
    }

    @Test("'derived' cannot be claimed by a data file")
    func derivedIsNotAnInputStatus() throws {
        let (outcome, site) = try outcome("springfield,2019-Q1,referrals,,30,derived,\n")
        defer { site.cleanUp() }
        #expect(outcome.hasError("Data/referrals.csv", line: 2, containing: "status 'derived' must be empty or one of"))
    }
    /// Checked by ranges of cities on every core: the derived totals must still
    /// follow the rows in city and period order, as one pass over the tables gives them.
    @Test("derived totals of many cities come in city and period order")
    func derivedTotalsInCityOrder() throws {
        // 40 cities, 60 quarters, parts without their total: 9,600 rows, more
        // than one range of cities, and one derived total per table.
        let cities = (0..<40).map { "city\($0)" }
        var files: [String: String] = [
            "site.yml": "title: Many cities\nbase_url: https://example.org/\nlanguages: [en]\nprivacy:\n  min_cell: 11\n  min_rate_numerator: 20\ndata_status: synthetic\n",
            "Metrics/referrals.yml": "id: referrals\ntitle: Referrals\ndescription: Referrals.\nsystem: labor\ntype: count\nunit: referrals\ndecimals: 0\ndirection: up\nfrequency: quarterly\ndimensions:\n  trafficking_type: [sex, labor, both, other]\n",
        ]
        for city in cities {
            files["Blueprints/\(city).md"] = "---\ncity: \(city)\nstate: IL\npopulation: 1000\nfellow: Fellow\nadopted: 2019-01-15\nupdated: 2020-02-01\ncommitments: []\n---\n# \(city)\n"
        }
        // Rows given newest city first, so that row order and city order differ.
        var rows = "city,period,metric,trafficking_type,value\n"
        for city in cities.reversed() {
            for year in 2001...2015 {
                for quarter in 1...4 {
                    for (k, type) in ["sex", "labor", "both", "other"].enumerated() { rows += "\(city),\(year)-Q\(quarter),referrals,\(type),\(k + quarter)\n" }
                }
            }
        }
        files["Data/referrals.csv"] = rows
        let site = try TestSite(files)
        defer { site.cleanUp() }
        let log = DiagnosticLog()
        let loaded = SiteLoader.load(site.folder, log: log)
        try #require(!log.hasErrors, "\(log.diagnostics.filter { $0.severity == .error }.prefix(3).map(\.formatted))")
        let checked = DataIntegrity.check(loaded.site, loaded.observations, log: log)
        let given = loaded.observations.byMetric[0].count
        let derived = checked.byMetric[0][given...]
        #expect(given == 9_600)
        #expect(derived.count == 2_400)
        let order = derived.map { (loaded.site.blueprints[Int($0.city)].slug, $0.period) }
        let expected = loaded.site.blueprints.indices.flatMap { c in
            (2001...2015).flatMap { year in (1...4).map { (loaded.site.blueprints[c].slug, Period(year: year, quarter: $0)) } }
        }
        #expect(order.map(\.0) == expected.map(\.0))
        #expect(order.map(\.1) == expected.map(\.1))
        #expect(derived.allSatisfy { $0.flag == .derived && $0.cell == .total })
        #expect(derived.first?.value == Double(1 + 2 + 3 + 4))
        #expect(log.diagnostics.filter { $0.message.contains("is computed from its breakdown by trafficking_type") }.count == 2_400)
    }
}

