import Foundation
import Testing
@testable import CitywideCore

/// `build` warns about template variables no page provides, as `check`
/// does, from the pages it renders anyway (no page is made twice).
@Suite("Template variables in build")
struct TemplateVariablesBuildTests {
    @Test("a misspelled variable in a forked template is the same warning from build and check, and build still writes the site")
    func buildWarnsLikeCheck() throws {
        let site = try TestSite(Fixtures.site([
            "Templates/coverage.mustache": "{{<layout}}\n{{$main}}\n<h1>{{titel}}</h1>\n{{/main}}\n{{/layout}}\n",
        ]))
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
