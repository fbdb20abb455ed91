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
    @Test("1,000 shortcodes on one line and 1,000 in paragraphs build in well under a second each")
    func manyShortcodes() throws {
        let one = "{{< value referrals >}}"
        let body = Array(repeating: one, count: 1000).joined(separator: " ") + "\n\n"
            + Array(repeating: one, count: 1000).joined(separator: "\n\n") + "\n"
        let site = try TestSite(Fixtures.site(["Blueprints/springfield.md": Fixtures.blueprint(body: body)]))
        defer { site.cleanUp() }
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
        let site = try TestSite(Fixtures.site([
            "Blueprints/springfield.md": Fixtures.blueprint(body: "{{< value referrals >}} and {{< value nothing >}}\n"),
        ]))
        defer { site.cleanUp() }
        let outcome = site.check()
        #expect(outcome.hasError("Blueprints/springfield.md", line: 18, containing: "unknown metric 'nothing'"), "\(outcome.lines)")
        #expect(outcome.errors.first?.column == 29)
    }

    @Test("20,000 unknown columns are each reported at their column, in about a second")
    func manyUnknownColumns() throws {
        let header = "city,period,metric,value," + (0..<20_000).map { "x\($0)" }.joined(separator: ",")
        let site = try TestSite(Fixtures.site(["Data/wide.csv": header + "\n"]))
        defer { site.cleanUp() }
        let start = Date()
        let outcome = site.check()
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(outcome.errors.count == 20_000)
        #expect(outcome.lines.contains { $0.hasPrefix("Data/wide.csv:1:26: error: column 'x0'") })
        #expect(outcome.lines.contains { $0.hasPrefix("Data/wide.csv:1:29: error: column 'x1'") })
    }
}
