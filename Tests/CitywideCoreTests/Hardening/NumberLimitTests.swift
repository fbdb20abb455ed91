import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywidePublish
@testable import CitywideRender
@testable import CitywideWrite

/// Numbers beyond docs/limits.md are refused where they are written; every
/// accepted number is formatted without a trap, and downloads keep its digits.
@Suite("Numbers within limits")
struct NumberLimitTests {
    /// One city, one metric, a little data: the site these tests start from.
    /// A test that breaks one file writes that file over this site.
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
        -- Data/referrals.csv --
        city,period,metric,trafficking_type,value,status,note
        springfield,2019-Q1,referrals,,30,,
        springfield,2019-Q1,referrals,sex,12,,
        springfield,2019-Q1,referrals,labor,18,,
        springfield,2019-Q2,referrals,,35,,

        """

    /// A metric whose values come from the data and may have decimals.
    static let shareMetric = """
    id: share
    title: Share of cases closed
    system: justice
    type: rate
    unit: per case
    decimals: 1
    direction: up
    frequency: quarterly

    """

    @Test("a data value of 1e15 or more, below 1e-9, or not finite is refused at its field",
          arguments: ["1e15", "-1e20", "1e308", "1e-10", "1e-310", "1e-400"])
    func dataValues(value: String) throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        try site.write("Data/referrals.csv", """
        city,period,metric,value
        springfield,2019-Q1,referrals,30
        springfield,2019-Q2,referrals,\(value)

        """)
        let outcome = site.build()
        #expect(outcome.lines.contains { $0.hasPrefix("Data/referrals.csv:3:31: error: value '\(value)' is too") }, "\(outcome.lines)")
    }

    @Test("per below 1 is refused at its line and column", arguments: ["0", "-5", "0.5"])
    func perBelowOne(per: String) throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        try site.write("Metrics/referral_rate.yml", """
        id: referral_rate
        title: Referrals per residents
        system: labor
        type: rate
        numerator: referrals
        per: \(per)
        frequency: quarterly

        """)
        let outcome = site.check()
        #expect(outcome.lines.contains("Metrics/referral_rate.yml:6:6: error: 'per' must be at least 1, found \(per)"), "\(outcome.lines)")
    }

    @Test("targets and populations beyond the limits are refused at their position")
    func yamlNumbers() throws {
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
            population: 100000000000000000000
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
                target: { metric: referrals, value: -1e300, by: 2021-12-31 }
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
            springfield,2019-Q1,referrals,,30,,
            springfield,2019-Q1,referrals,sex,12,,
            springfield,2019-Q1,referrals,labor,18,,
            springfield,2019-Q2,referrals,,35,,
            """)
        defer { site.cleanUp() }
        let outcome = site.check()
        #expect(outcome.hasError("Blueprints/springfield.md", line: 4, containing: "'population' is too large"), "\(outcome.lines)")
        #expect(outcome.hasError("Blueprints/springfield.md", line: 16, containing: "'value' is too large"), "\(outcome.lines)")
    }

    @Test("a value with 16 significant digits is published in the downloads exactly as given, rounded on pages")
    func exactDownloads() throws {
        let site = try TestSite(txtar: Self.site + """
            -- Data/share.csv --
            city,period,metric,value
            springfield,2019-Q1,share,123456789012345.5
            springfield,2019-Q2,share,5000.000000001

            """)
        defer { site.cleanUp() }
        try site.write("Metrics/share.yml", Self.shareMetric)
        let outcome = site.build()
        #expect(outcome.errors.isEmpty, "\(outcome.lines)")
        let csv = try #require(site.file("data/share.csv"))
        #expect(csv.contains(",123456789012345.5,"), "\(csv)")
        // (A rate given as data implying a count below 11 would be withheld: this one implies 5,000.)
        #expect(csv.contains(",5000.000000001,"), "\(csv)")
        #expect(site.file("data/share.json")?.contains("123456789012345.5") == true)
        #expect(site.file("metrics/share/index.html")?.contains("123,456,789,012,345.5") == true)
    }

    @Test("formatting never traps, whatever the magnitude")
    func formatting() {
        #expect(NumberText.format(1e20) == "100,000,000,000,000,000,000")
        #expect(NumberText.format(-1e300).hasPrefix("-1,000,000,000"))
        #expect(NumberText.format(Double.greatestFiniteMagnitude).count > 300)
        #expect(NumberText.format(1e-310, decimals: 2) == "0.00")
        #expect(NumberText.format(-0.004, decimals: 2) == "0.00")
        #expect(NumberText.format(2.5) == "3")
        #expect(NumberText.format(999.96, decimals: 1) == "1,000.0")
        #expect(NumberText.plain(123456789012345.5) == "123456789012345.5")
        #expect(NumberText.plain(1e-9) == "0.000000001")
        #expect(NumberText.plain(1e20) == "100000000000000000000")
        #expect(NumberText.plain(0.1 + 0.2) == "0.3")
    }

    @Test("chart axes cope with tiny, huge and equal values",
          arguments: [[1e-310], [5e-324, 1e-300], [1e300, -1e300], [Double.greatestFiniteMagnitude, -Double.greatestFiniteMagnitude], [7, 7], [1e14, 1e14 + 1]])
    func chartScale(values: [Double]) {
        let scale = ChartScale(including: values)
        #expect(scale.step > 0 && scale.step.isFinite)
        #expect(scale.upper > scale.lower)
        #expect(scale.ticks.count <= 12)
        #expect(!scale.label(scale.upper).isEmpty)
    }
}
