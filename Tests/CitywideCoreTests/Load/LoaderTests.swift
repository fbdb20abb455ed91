import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywidePublish
@testable import CitywideRender
@testable import CitywideWrite

@Suite("Loading a site")
struct LoaderTests {
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

    @Test("dimension values are kept as written, even those YAML would read as numbers or booleans")
    func dimensionValuesAreText() throws {
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
              age_group: [under_18, 18_24, no, 1e3]
            -- Data/referrals.csv --
            city,period,metric,age_group,value
            springfield,2019-Q1,referrals,18_24,12
            """)
        defer { site.cleanUp() }
        let outcome = site.check()
        #expect(outcome.errors.isEmpty, "\(outcome.lines)")
        #expect(outcome.site?.metrics.first?.dimensions.first?.values == ["under_18", "18_24", "no", "1e3"])
    }

    @Test("site.yml defaults and the default populations")
    func defaults() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        try site.write("site.yml", "title: Only a title\n")
        let config = try #require(site.check().site?.config)
        #expect(config.privacy.minCell == 11)
        #expect(config.languages == ["en"])
        #expect(config.populations.map(\.key).contains("labor_trafficking_survivors"))
        #expect(config.populations.count == 11)
    }

    @Test("person-level column names, in any case or spacing", arguments: ["name", "First Name", "DOB", "date_of_birth", "Street Address", "phone", "E-mail", "case_id", "CLIENT ID", "ssn"])
    func personLevel(column: String) {
        #expect(PersonLevelColumns.identifies(column))
    }

    @Test("aggregate columns are not mistaken for people", arguments: ["city", "period", "metric", "value", "trafficking_type", "sex", "age_group", "industry", "status", "note"])
    func aggregateColumns(column: String) {
        #expect(!PersonLevelColumns.identifies(column))
    }

    @Test("front matter needs its fences")
    func frontMatter() {
        #expect(FrontMatter.split("---\ncity: A\n---\n# Body\n")?.body == "# Body")
        #expect(FrontMatter.split("---\ncity: A\n---\n# Body\n")?.bodyLine == 4)
        #expect(FrontMatter.split("city: A\n# Body\n") == nil)
        #expect(FrontMatter.split("---\ncity: A\n") == nil)
    }
}
