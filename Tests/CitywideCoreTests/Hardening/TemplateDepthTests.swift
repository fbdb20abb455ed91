import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywidePublish
@testable import CitywideRender
@testable import CitywideWrite

/// Partials that include themselves and very deep sections are errors at the
/// tag, from `check` and `build`: never a stack overflow.
@Suite("Template recursion and depth")
struct TemplateDepthTests {
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

    @Test("a partial that includes itself is an error at the include, in check and build")
    func selfInclusion() throws {
        let site = try TestSite(txtar: Self.site + """
            -- Templates/table.mustache --
            <table>
              {{> table}}
            </table>

            """)
        defer { site.cleanUp() }
        let expected = "Templates/table.mustache:2:3: error: template 'table' includes itself: 'table' → 'table'"
        #expect(site.check().lines.contains { $0.hasPrefix(expected) }, "\(site.check().lines)")
        #expect(site.build().lines.contains { $0.hasPrefix(expected) })
    }

    @Test("a loop through other partials is reported at a template of the site")
    func loopThroughOthers() throws {
        let site = try TestSite(txtar: Self.site + """
            -- Templates/ping.mustache --
            {{> pong}}
            -- Templates/pong.mustache --
            x
            {{#a}}{{> ping}}{{/a}}
            -- Templates/table.mustache --
            {{> ping}}

            """)
        defer { site.cleanUp() }
        let outcome = site.build()
        #expect(outcome.lines.contains { $0.contains("includes itself: 'ping' → 'pong' → 'ping'") }, "\(outcome.lines)")
    }

    @Test("20,000 nested sections are an error at the 101st, and the template is not parsed")
    func deepSections() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        try site.write("Templates/table.mustache", String(repeating: "{{#a}}", count: 20_000) + String(repeating: "{{/a}}", count: 20_000))
        let outcome = site.build()
        #expect(outcome.lines.contains { $0.hasPrefix("Templates/table.mustache:1:601: error: sections nest more than 100 deep") }, "\(outcome.lines.prefix(3))")
    }

    @Test("a chain of partials deeper than the limit is an error")
    func deepPartials() throws {
        let site = try TestSite(txtar: Self.site + """
            -- Templates/table.mustache --
            {{> c0}}
            -- Templates/c60.mustache --
            end

            """)
        defer { site.cleanUp() }
        for i in 0..<60 { try site.write("Templates/c\(i).mustache", "{{#x}}{{> c\(i + 1)}}{{/x}}") }
        let outcome = site.build()
        #expect(outcome.lines.contains { $0.contains("nest more than 100 deep through") }, "\(outcome.lines)")
    }
}
