import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywidePublish
@testable import CitywideRender
@testable import CitywideWrite

/// Citywide's YAML never needs anchors or aliases, and an alias used as a
/// mapping key made composition exponential: both are refused at their
/// position, before the tree is built.
@Suite("YAML anchors, aliases and depth")
struct YAMLAliasTests {
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

    @Test("an alias used as a mapping key, nested, is refused at once at the anchor")
    func aliasKeys() throws {
        var front = "k0: &k0 {x: 1, y: 2}\n"
        for i in 1..<20 { front += "k\(i): &k\(i) { *k\(i - 1) : 1, [*k\(i - 1)]: 2 }\n" }
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        try site.write("Blueprints/springfield.md", "---\ncity: Springfield\n\(front)---\nBody.\n")
        let start = Date()
        let outcome = site.check()
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(outcome.lines.contains("Blueprints/springfield.md:3:5: error: YAML anchors (&name) are not accepted in Citywide's files: write the value out"), "\(outcome.lines)")
    }

    @Test("an alias without an anchor, in a metric file, is refused at the alias")
    func alias() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        try site.write("Metrics/referrals.yml", """
        id: referrals
        title: Referrals
        system: labor
        type: count
        unit: *u
        frequency: quarterly

        """)
        let outcome = site.check()
        #expect(outcome.lines.contains { $0.hasPrefix("Metrics/referrals.yml:5:7: error: YAML aliases") }, "\(outcome.lines)")
    }

    @Test("lists nested 100 deep in site.yml are refused at the 64th; 20,000 deep too, by libyaml's own limit")
    func deepNesting() throws {
        for (depth, expected) in [(100, "site.yml:1:71: error: lists and mappings nest more than 64 deep"), (20_000, "site.yml:1:")] {
            let site = try TestSite(txtar: Self.site)
            defer { site.cleanUp() }
            try site.write("site.yml", "title: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n")
            let outcome = site.check()
            #expect(outcome.lines.contains { $0.hasPrefix(expected) }, "\(outcome.lines)")
        }
    }

    @Test("a character YAML cannot read is reported where it is, not at 1:1")
    func readerErrorPosition() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        try site.write("site.yml", "title: Test\ndescription: a\u{1}b\n")
        let outcome = site.check()
        #expect(outcome.lines.contains { $0.hasPrefix("site.yml:2:15: error: YAML cannot be read") }, "\(outcome.lines)")
    }

    @Test("every duplicate key is reported where it is repeated, not at the first")
    func duplicateKeys() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        try site.write("site.yml", "title: a\nprivacy:\n  min_cell: 11\n  min_cell: 12\ntitle: b\n")
        let outcome = site.check()
        #expect(outcome.lines.contains("site.yml:4:3: error: duplicate key 'min_cell' in the same mapping (first at line 3)"), "\(outcome.lines)")
        #expect(outcome.lines.contains("site.yml:5:1: error: duplicate key 'title' in the same mapping (first at line 1)"), "\(outcome.lines)")
    }

    @Test("front matter that is never closed says so")
    func unclosedFrontMatter() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        try site.write("Blueprints/springfield.md", "---\ncity: Springfield\n# Plan\n")
        let outcome = site.check()
        #expect(outcome.lines.contains { $0.hasPrefix("Blueprints/springfield.md:1:1: error: the front matter that starts on line 1 is never closed") }, "\(outcome.lines)")
    }
}
