import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywidePublish
@testable import CitywideRender
@testable import CitywideWrite

/// Inputs that once took seconds or minutes: each is now one pass.
@Suite("Linear time on large inputs")
struct LinearTimeTests {
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

    /// Springfield's front matter, for the tests that write their own body
    /// after it (the body starts on line 18 of the file).
    static let springfieldFrontMatter = """
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

        """

    @Test("1,000 shortcodes on one line and 1,000 in paragraphs build in well under a second each")
    func manyShortcodes() throws {
        let one = "{{< value referrals >}}"
        let body = Array(repeating: one, count: 1000).joined(separator: " ") + "\n\n"
            + Array(repeating: one, count: 1000).joined(separator: "\n\n") + "\n"
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        try site.write("Blueprints/springfield.md", Self.springfieldFrontMatter + body)
        let start = Date()
        let outcome = site.build()
        #expect(outcome.errors.isEmpty, "\(outcome.lines)")
        #expect(Date().timeIntervalSince(start) < 5, "was 17 s before expansion was made linear")
        let page = try #require(site.file("cities/springfield/index.html"))
        #expect(page.components(separatedBy: "class=\"live-figure\"").count == 2001)
        #expect(!page.contains("\u{E000}"))
    }

    @Test("a shortcode's column counts the shortcodes before it on the line")
    func shortcodeColumns() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        try site.write("Blueprints/springfield.md", Self.springfieldFrontMatter + "{{< value referrals >}} and {{< value nothing >}}\n")
        let outcome = site.check()
        #expect(outcome.hasError("Blueprints/springfield.md", line: 18, containing: "unknown metric 'nothing'"), "\(outcome.lines)")
        #expect(outcome.errors.first?.column == 29)
    }

    @Test("20,000 unknown columns are each reported at their column, in about a second")
    func manyUnknownColumns() throws {
        let header = "city,period,metric,value," + (0..<20_000).map { "x\($0)" }.joined(separator: ",")
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        try site.write("Data/wide.csv", header + "\n")
        let start = Date()
        let outcome = site.check()
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(outcome.errors.count == 20_000)
        #expect(outcome.lines.contains { $0.hasPrefix("Data/wide.csv:1:26: error: column 'x0'") })
        #expect(outcome.lines.contains { $0.hasPrefix("Data/wide.csv:1:29: error: column 'x1'") })
    }
}
