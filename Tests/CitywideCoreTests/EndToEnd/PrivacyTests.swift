import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywidePublish
@testable import CitywideRender
@testable import CitywideWrite

/// Privacy rules 1 and 3 tested as an attacker would: withheld values are
/// distinctive numbers, and every byte of the output is searched for them.
@Suite("Withheld values appear nowhere")
struct PrivacyTests {
    /// min_cell is raised to 1000 so that withheld counts can be distinctive
    /// three-digit numbers that no coordinate or date would contain by chance.
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
        -- Metrics/referrals_rate.yml --
        id: referrals_rate
        title: Referrals per 100,000 residents
        system: labor
        type: rate
        numerator: referrals
        per: 100000
        unit: per 100,000 residents
        decimals: 1
        frequency: quarterly
        -- Data/referrals.csv --
        city,period,metric,trafficking_type,value,status,note
        springfield,2019-Q1,referrals,,5000,,
        springfield,2019-Q1,referrals,sex,4013,,
        springfield,2019-Q1,referrals,labor,987,,
        springfield,2019-Q1,referrals,both,0,,
        springfield,2019-Q2,referrals,,613,,
        springfield,2019-Q3,referrals,,4200,,
        """

    static let withheld = ["987", "613"]

    @Test("no withheld value is in any file, in any form")
    func searchEveryByte() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        let outcome = site.build()
        #expect(outcome.errors.isEmpty, "\(outcome.lines)")
        let files = site.outputFiles()
        #expect(files.count > 10)
        for (path, data) in files {
            let text = String(decoding: data, as: UTF8.self)
            for value in Self.withheld {
                // 987, 9.87e2, "987.0" (a rate per 100,000 of a population of 100,000), 0.987 ...
                for form in [value, value.prefix(1) + "." + value.dropFirst(), value.prefix(1) + "," + value.dropFirst()] {
                    #expect(!text.contains(form), "\(path) contains \(form)")
                }
            }
        }
    }

    @Test("withheld values read as SPEC says, in pages and downloads")
    func wording() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        site.build()
        let page = try #require(site.file("metrics/referrals/index.html"))
        #expect(page.contains(">withheld<") || page.contains("withheld</"))
        #expect(page.contains("3 values are withheld: each counts fewer than 1000 people, or is withheld so that such a count cannot be worked out"))
        let csv = try #require(site.file("data/referrals.csv"))
        #expect(csv.contains("springfield,2019-Q2,,,suppressed,,"))
        #expect(csv.contains("springfield,2019-Q1,both,0,published,,"), "0 is publishable")
        let json = try #require(site.file("data/referrals.json"))
        #expect(json.contains("\"value\": null,\n      \"status\": \"suppressed\""))
        let rate = try #require(site.file("data/referrals_rate.csv"))
        #expect(rate.contains("springfield,2019-Q2,,suppressed"), "a rate of a withheld count is withheld")
        // No rule is named anywhere in the output: every withheld value looks the same.
        for (path, data) in site.outputFiles() {
            let text = String(decoding: data, as: UTF8.self)
            for leak in ["suppressed-primary", "suppressed-complementary", "suppressed_primary", "suppressed_complementary", "to protect another"] {
                #expect(!text.contains(leak), "\(path) names a rule: \(leak)")
            }
        }
        let index = try #require(site.file("data/index.json"))
        #expect(index.contains("\"format_version\": 2"))
    }

    @Test("the published primary count equals the number of small counts")
    func counts() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        let outcome = site.check()
        let published = try #require(outcome.published)
        let referrals = try #require(published.metrics.first { $0.definition.id == "referrals" })
        #expect(referrals.checkOnlyRuleCounts.primary == 2)
        // 5000 - 4013 - 0 would give 987 back: 4013 is withheld to protect it.
        #expect(referrals.checkOnlyRuleCounts.complementary == 1)
        #expect(referrals.counts.withheld == 3, "pages see one count")
        #expect(referrals.counts.published == 3)
    }

    @Test("a metric may raise the threshold but never lower it")
    func metricThreshold() throws {
        let raised = try TestSite(txtar: """
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
            privacy: { min_cell: 20 }
            -- Data/referrals.csv --
            city,period,metric,trafficking_type,value,status,note
            springfield,2019-Q1,referrals,,30,,
            springfield,2019-Q1,referrals,sex,12,,
            springfield,2019-Q1,referrals,labor,18,,
            springfield,2019-Q2,referrals,,35,,
            """)
        defer { raised.cleanUp() }
        raised.build()
        #expect(raised.file("data/referrals.csv")?.contains("springfield,2019-Q1,sex,,suppressed") == true)
        #expect(raised.file("data/referrals.csv")?.contains("springfield,2019-Q1,labor,,suppressed") == true)

        let lowered = try TestSite(txtar: """
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
            privacy: { min_cell: 5 }
            -- Data/referrals.csv --
            city,period,metric,trafficking_type,value,status,note
            springfield,2019-Q1,referrals,,30,,
            springfield,2019-Q1,referrals,sex,12,,
            springfield,2019-Q1,referrals,labor,18,,
            springfield,2019-Q2,referrals,,35,,
            """)
        defer { lowered.cleanUp() }
        #expect(lowered.check().hasError("Metrics/referrals.yml", containing: "never lower it"))
    }
}
