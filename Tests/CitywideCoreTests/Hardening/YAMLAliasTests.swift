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
    @Test("an alias used as a mapping key, nested, is refused at once at the anchor")
    func aliasKeys() throws {
        var front = "k0: &k0 {x: 1, y: 2}\n"
        for i in 1..<20 { front += "k\(i): &k\(i) { *k\(i - 1) : 1, [*k\(i - 1)]: 2 }\n" }
        let site = try TestSite(Fixtures.site([
            "Blueprints/springfield.md": "---\ncity: Springfield\n\(front)---\nBody.\n",
        ]))
        defer { site.cleanUp() }
        let start = Date()
        let outcome = site.check()
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(outcome.lines.contains("Blueprints/springfield.md:3:5: error: YAML anchors (&name) are not accepted in Citywide's files: write the value out"), "\(outcome.lines)")
    }

    @Test("an alias without an anchor, in a metric file, is refused at the alias")
    func alias() throws {
        let site = try TestSite(Fixtures.site([
            "Metrics/referrals.yml": """
            id: referrals
            title: Referrals
            system: labor
            type: count
            unit: *u
            frequency: quarterly

            """,
        ]))
        defer { site.cleanUp() }
        let outcome = site.check()
        #expect(outcome.lines.contains { $0.hasPrefix("Metrics/referrals.yml:5:7: error: YAML aliases") }, "\(outcome.lines)")
    }

    @Test("lists nested 100 deep in site.yml are refused at the 64th; 20,000 deep too, by libyaml's own limit")
    func deepNesting() throws {
        for (depth, expected) in [(100, "site.yml:1:71: error: lists and mappings nest more than 64 deep"), (20_000, "site.yml:1:")] {
            let site = try TestSite(Fixtures.site([
                "site.yml": "title: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n",
            ]))
            defer { site.cleanUp() }
            let outcome = site.check()
            #expect(outcome.lines.contains { $0.hasPrefix(expected) }, "\(outcome.lines)")
        }
    }

    @Test("a character YAML cannot read is reported where it is, not at 1:1")
    func readerErrorPosition() throws {
        let site = try TestSite(Fixtures.site(["site.yml": "title: Test\ndescription: a\u{1}b\n"]))
        defer { site.cleanUp() }
        let outcome = site.check()
        #expect(outcome.lines.contains { $0.hasPrefix("site.yml:2:15: error: YAML cannot be read") }, "\(outcome.lines)")
    }

    @Test("every duplicate key is reported where it is repeated, not at the first")
    func duplicateKeys() throws {
        let site = try TestSite(Fixtures.site([
            "site.yml": "title: a\nprivacy:\n  min_cell: 11\n  min_cell: 12\ntitle: b\n",
        ]))
        defer { site.cleanUp() }
        let outcome = site.check()
        #expect(outcome.lines.contains("site.yml:4:3: error: duplicate key 'min_cell' in the same mapping (first at line 3)"), "\(outcome.lines)")
        #expect(outcome.lines.contains("site.yml:5:1: error: duplicate key 'title' in the same mapping (first at line 1)"), "\(outcome.lines)")
    }

    @Test("front matter that is never closed says so")
    func unclosedFrontMatter() throws {
        let site = try TestSite(Fixtures.site(["Blueprints/springfield.md": "---\ncity: Springfield\n# Plan\n"]))
        defer { site.cleanUp() }
        let outcome = site.check()
        #expect(outcome.lines.contains { $0.hasPrefix("Blueprints/springfield.md:1:1: error: the front matter that starts on line 1 is never closed") }, "\(outcome.lines)")
    }
}
