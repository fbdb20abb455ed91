import Foundation
import Testing
@testable import CitywideInput
@testable import CitywideRender

/// The names typed views provide are read from their types, once per type:
/// a field that is nil (or a list that is empty) on every page still counts.
@Suite("Template variables of typed views")
struct TemplateVariableTypesTests {
    struct Report { let headline: String; let href: String }
    struct Row { let label: String; let cells: [Cell] }
    struct Cell { let text: String; let note: String? }
    struct Page {
        let title: String
        let latest: Report?
        let rows: [Row]
        let shown: OrNo<Report>
        let extra: [String: Any]
    }
    /// A type that leads back to itself.
    struct Section { let heading: String; let subsections: [Section] }

    @Test("a nil optional, an empty list and an OrNo with no value still give their types' names")
    func namesFromTypes() {
        let page = Page(title: "Home", latest: nil, rows: [], shown: OrNo(nil), extra: [:])
        #expect(TemplateVariables.keys(in: [page]) == ["title", "latest", "headline", "href", "rows", "label", "cells", "text", "note", "shown", "extra"])
    }

    @Test("a template using a field that is nil on every page gets no warning; a typo still does")
    func nilFieldIsKnown() {
        let page = Page(title: "Home", latest: nil, rows: [], shown: OrNo(nil), extra: [:])
        let known = TemplateVariables.keys(in: [page])
        let template = (name: "home", origin: "Templates/home.mustache", text: "{{#latest}}{{headline}}{{/latest}}\n{{headlin}}\n")
        let warnings = TemplateVariables.check(templates: [template], knownKeys: known).map(\.message)
        #expect(warnings == ["'{{headlin}}' is not a variable any page provides (did you mean 'headline'?)"])
    }

    @Test("a dictionary inside a typed view is still read value by value")
    func dictionaryInView() {
        let page = Page(title: "Home", latest: nil, rows: [], shown: OrNo(nil), extra: ["banner": ["tone": "calm"]])
        let keys = TemplateVariables.keys(in: [page])
        #expect(keys.isSuperset(of: ["extra", "banner", "tone"]))
        #expect(!TemplateVariables.keys(in: [Page(title: "", latest: nil, rows: [], shown: OrNo(nil), extra: [:])]).contains("banner"))
    }

    @Test("a recursive type gives its names, at any depth of its values")
    func recursiveType() {
        let outline = Section(heading: "A", subsections: [Section(heading: "B", subsections: [])])
        #expect(TemplateVariables.keys(in: [outline]) == ["heading", "subsections"])
    }
}
