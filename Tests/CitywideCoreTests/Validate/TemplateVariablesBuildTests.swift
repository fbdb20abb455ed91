import Foundation
import Testing
@testable import CitywideCore

/// `build` warns about template variables no page provides, as `check`
/// does, from the pages it renders anyway (no page is made twice).
@Suite("Template variables in build")
struct TemplateVariablesBuildTests {
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

    @Test("a misspelled variable in a forked template is the same warning from build and check, and build still writes the site")
    func buildWarnsLikeCheck() throws {
        let site = try TestSite(txtar: Self.site + """
            -- Templates/coverage.mustache --
            {{<layout}}
            {{$main}}
            <h1>{{titel}}</h1>
            {{/main}}
            {{/layout}}

            """)
        defer { site.cleanUp() }
        let expected = "Templates/coverage.mustache:3:5: warning: '{{titel}}' is not a variable any page provides (did you mean 'title'?)"
        let checked = site.check()
        #expect(checked.lines.contains(expected), "\(checked.lines)")
        let built = site.build()
        #expect(built.succeeded)
        #expect(built.lines.contains(expected), "\(built.lines)")
        #expect(built.lines.filter { $0 == expected }.count == 1, "once, not once per page or language")
        #expect(site.file("coverage/index.html") != nil)
    }
}
