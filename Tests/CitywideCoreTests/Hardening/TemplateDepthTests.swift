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
    @Test("a partial that includes itself is an error at the include, in check and build")
    func selfInclusion() throws {
        let site = try TestSite(Fixtures.site([
            "Templates/table.mustache": "<table>\n  {{> table}}\n</table>\n",
        ]))
        defer { site.cleanUp() }
        let expected = "Templates/table.mustache:2:3: error: template 'table' includes itself: 'table' → 'table'"
        #expect(site.check().lines.contains { $0.hasPrefix(expected) }, "\(site.check().lines)")
        #expect(site.build().lines.contains { $0.hasPrefix(expected) })
    }

    @Test("a loop through other partials is reported at a template of the site")
    func loopThroughOthers() throws {
        let site = try TestSite(Fixtures.site([
            "Templates/ping.mustache": "{{> pong}}",
            "Templates/pong.mustache": "x\n{{#a}}{{> ping}}{{/a}}",
            "Templates/table.mustache": "{{> ping}}",
        ]))
        defer { site.cleanUp() }
        let outcome = site.build()
        #expect(outcome.lines.contains { $0.contains("includes itself: 'ping' → 'pong' → 'ping'") }, "\(outcome.lines)")
    }

    @Test("20,000 nested sections are an error at the 101st, and the template is not parsed")
    func deepSections() throws {
        let site = try TestSite(Fixtures.site([
            "Templates/table.mustache": String(repeating: "{{#a}}", count: 20_000) + String(repeating: "{{/a}}", count: 20_000),
        ]))
        defer { site.cleanUp() }
        let outcome = site.build()
        #expect(outcome.lines.contains { $0.hasPrefix("Templates/table.mustache:1:601: error: sections nest more than 100 deep") }, "\(outcome.lines.prefix(3))")
    }

    @Test("a chain of partials deeper than the limit is an error")
    func deepPartials() throws {
        var files = Fixtures.site(["Templates/table.mustache": "{{> c0}}", "Templates/c60.mustache": "end"])
        for i in 0..<60 { files["Templates/c\(i).mustache"] = "{{#x}}{{> c\(i + 1)}}{{/x}}" }
        let site = try TestSite(files)
        defer { site.cleanUp() }
        let outcome = site.build()
        #expect(outcome.lines.contains { $0.contains("nest more than 100 deep through") }, "\(outcome.lines)")
    }
}
