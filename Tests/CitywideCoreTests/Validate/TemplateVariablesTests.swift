import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywidePublish
@testable import CitywideRender
@testable import CitywideWrite

@Suite("Template variables: keys the pages provide, and names templates use")
struct TemplateVariablesTests {
    let known: Set<String> = ["city", "title", "href", "metrics", "cities", "fellow", "status_counts", "table", "rows", "cells", "text", "a", "b"]

    func check(_ text: String, name: String = "home", origin: String = "Templates/home.mustache", known: Set<String>? = nil) -> [Diagnostic] {
        TemplateVariables.check(templates: [(name: name, origin: origin, text: text)], knownKeys: known ?? self.known)
    }

    // MARK: keys(in:)

    @Test("keys of the page contexts, of nested dictionaries, and of dictionaries in lists at any depth")
    func keysRecursive() {
        let contexts: [[String: Any]] = [
            [
                "title": "Home",
                "count": 3,
                "cities": [
                    ["name": "Atlanta", "key_metrics": [["value": "12", "progress": ["status_key": "limited"]]]],
                    ["name": "Chicago", "extra": true],
                ],
                "latest_report": ["label": "2020-Q4", "href": "reports/2020-Q4/"],
                "table": ["rows": [["cells": [["text": "1", "class": "num"]]]]],
                "matrix": [[["deep": 1]]],
                "words": ["not", "keys"],
                "absent": false,
            ],
            ["body_html": "<p>x</p>"],
        ]
        let keys = TemplateVariables.keys(in: contexts)
        #expect(keys == [
            "title", "count", "cities", "name", "key_metrics", "value", "progress", "status_key", "extra",
            "latest_report", "label", "href", "table", "rows", "cells", "text", "class", "matrix", "deep",
            "words", "absent", "body_html",
        ])
    }

    @Test("keys of no contexts, and of dictionaries typed more narrowly than [String: Any]")
    func keysTyped() {
        #expect(TemplateVariables.keys(in: []).isEmpty)
        let labels: [[String: String]] = [["label": "Overview", "href": "index.html"]]
        let optional: [String: Any]? = ["inner": 1]
        let keys = TemplateVariables.keys(in: [["nav": labels, "maybe": optional as Any, "flags": ["on": true] as [String: Bool]]])
        #expect(keys == ["nav", "label", "href", "maybe", "inner", "flags", "on"])
    }

    // MARK: check: what is reported

    @Test("an unknown variable is a warning at the tag's line and column, with a suggestion")
    func unknownVariable() {
        let text = "<h1>{{title}}</h1>\n<p>\n    {{citty}}</p>\n"
        let diagnostics = check(text)
        #expect(diagnostics.map(\.formatted) == [
            "Templates/home.mustache:3:5: warning: '{{citty}}' is not a variable any page provides (did you mean 'city'?)",
        ])
        #expect(diagnostics.first?.severity == .warning)
    }

    @Test("known variables, the current item `.`, and an empty template give nothing")
    func knownVariables() {
        #expect(check("").isEmpty)
        #expect(check("plain text, no tags { } }} {").isEmpty)
        #expect(check("{{title}} {{{title}}} {{&title}} {{#cities}}{{.}}{{/cities}} {{^metrics}}none{{/metrics}} {{ city }}").isEmpty)
    }

    @Test("every kind of variable tag is checked: {{x}}, {{{x}}}, {{&x}}, {{#x}}, {{^x}}")
    func everyKind() {
        let text = "{{v1}}\n{{{v2}}}\n{{&v3}}\n{{#v4}}{{/v4}}\n{{^v5}}{{/v5}}\n{{ & v6 }}\n{{{ v7 }}}\n"
        let diagnostics = check(text)
        #expect(diagnostics.map(\.line) == [1, 2, 3, 4, 5, 6, 7])
        #expect(diagnostics.map(\.column) == [1, 1, 1, 1, 1, 1, 1])
        #expect(diagnostics[1].message.hasPrefix("'{{{v2}}}' is not"))
        #expect(diagnostics[2].message.hasPrefix("'{{&v3}}' is not"))
        #expect(diagnostics[3].message.hasPrefix("'{{#v4}}' is not"))
        #expect(diagnostics[4].message.hasPrefix("'{{^v5}}' is not"))
    }

    @Test("closing tags, partials, blocks, comments and pragmas are not variables")
    func skipped() {
        let text = """
        {{<layout}}
        {{$main}}
        {{> nowhere}}{{>*dynamic}}{{< other}}{{/other}}
        {{! a comment naming {{nothing}} at all }}
        {{!
          a comment over lines
        }}
        {{% CONTENT_TYPE: TEXT }}
        {{/main}}
        {{/layout}}
        """
        #expect(check(text).isEmpty)
    }

    @Test("a section is reported once, at its opening tag, not at its closing tag")
    func sectionOnce() {
        let diagnostics = check("{{#nope}}\n  {{title}}\n{{/nope}}\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first.map { "\($0.line):\($0.column)" } == "1:1")
    }

    @Test("transforms are looked through to the variable they apply to")
    func transforms() {
        #expect(check("{{#empty(metrics)}}x{{/empty(metrics)}} {{^empty(fellow)}}{{/empty(fellow)}} {{uppercased(title)}} {{count(cities)}}").isEmpty)
        let diagnostics = check("{{#empty(metrix)}}x{{/empty(metrix)}}")
        #expect(diagnostics.map(\.message) == ["'{{#empty(metrix)}}': 'metrix' is not a variable any page provides (did you mean 'metrics'?)"])
        #expect(check("{{uppercased(lowercased(titel))}}").map(\.message) == [
            "'{{uppercased(lowercased(titel))}}': 'titel' is not a variable any page provides (did you mean 'title'?)",
        ])
    }

    @Test("context transforms without an argument, such as index() and first(), are always fine")
    func contextTransforms() {
        #expect(check("{{#cities}}{{index()}}{{#first()}}first{{/first()}}{{^last()}}, {{/last()}}{{/cities}}").isEmpty)
    }

    @Test("every segment of a dotted name is checked; a leading dot is fine")
    func dotted() {
        #expect(check("{{a.b}} {{.title}} {{#table.rows}}{{/table.rows}}").isEmpty)
        let diagnostics = check("{{a.bee}} {{zzz.b}} {{.hreff}}")
        #expect(diagnostics.map(\.message) == [
            "'{{a.bee}}': 'bee' is not a variable any page provides",
            "'{{zzz.b}}': 'zzz' is not a variable any page provides",
            "'{{.hreff}}': 'hreff' is not a variable any page provides (did you mean 'href'?)",
        ])
        #expect(diagnostics.map(\.column) == [1, 11, 21])
    }

    @Test("both segments of a dotted name are reported when neither is known")
    func dottedBoth() {
        let diagnostics = check("{{foo.bar}}")
        #expect(diagnostics.count == 2)
        #expect(Set(diagnostics.map(\.message)) == [
            "'{{foo.bar}}': 'foo' is not a variable any page provides",
            "'{{foo.bar}}': 'bar' is not a variable any page provides",
        ])
    }

    @Test("every use is reported, each at its own position")
    func everyUse() {
        let diagnostics = check("{{nope}} {{nope}}\n{{nope}}")
        #expect(diagnostics.map { "\($0.line):\($0.column)" } == ["1:1", "1:10", "2:1"])
    }

    @Test("set-delimiter tags are followed: names in the new delimiters are checked, old-style text is not")
    func setDelimiters() {
        let text = "{{=<% %>=}}\n<% title %> {{not_a_tag}} <% wrong %>\n<%={{ }}=%>{{titl}}\n"
        let diagnostics = check(text)
        #expect(diagnostics.map(\.formatted) == [
            "Templates/home.mustache:2:27: warning: '<% wrong %>' is not a variable any page provides",
            "Templates/home.mustache:3:12: warning: '{{titl}}' is not a variable any page provides (did you mean 'title'?)",
        ])
    }

    @Test("triple braces with new delimiters still close with an extra brace")
    func tripleWithDelimiters() {
        #expect(check("{{=[[ ]]=}}[[{title]]}").isEmpty)
    }

    @Test("columns count characters, not bytes; lines count LF and CRLF")
    func positions() {
        let diagnostics = check("é ñ → {{x1}}\r\n✓ {{x2}}\n")
        #expect(diagnostics.map { "\($0.line):\($0.column)" } == ["1:7", "2:3"])
    }

    @Test("an unclosed tag stops the check of that template without a crash; earlier tags are reported")
    func unclosed() {
        #expect(check("{{nope}} {{title").map(\.line) == [1])
        #expect(check("{{").isEmpty)
        #expect(check("{{{").isEmpty)
        #expect(check("{{=<% %>").isEmpty)
        #expect(check("{{!never closed").isEmpty)
    }

    @Test("a built-in template is reported at Templates/<name>.mustache; a site template at its origin")
    func paths() {
        let diagnostics = TemplateVariables.check(templates: [
            (name: "city", origin: "built-in Templates/city.mustache", text: "{{nope}}"),
            (name: "parts/card", origin: "Templates/parts/card.mustache", text: "{{nope}}"),
        ], knownKeys: known)
        #expect(diagnostics.map(\.path) == ["Templates/city.mustache", "Templates/parts/card.mustache"])
    }

    @Test("diagnostics are sorted by file and position, whatever order the templates come in")
    func sorted() {
        let diagnostics = TemplateVariables.check(templates: [
            (name: "z", origin: "Templates/z.mustache", text: "{{b1}}\n{{a1}}"),
            (name: "a", origin: "Templates/a.mustache", text: "{{c1}}"),
        ], knownKeys: [])
        #expect(diagnostics.map { "\($0.path):\($0.line)" } == ["Templates/a.mustache:1", "Templates/z.mustache:1", "Templates/z.mustache:2"])
    }

    // MARK: suggestions

    @Test("a suggestion is made only when a known key is close")
    func suggestions() {
        let keys = ["city", "commitment_count", "due_commitments", "fellow", "status_counts", "title"]
        #expect(TemplateVariables.closest(to: "citty", in: keys) == "city")
        #expect(TemplateVariables.closest(to: "ctiy", in: keys) == "city") // a swap is one edit
        #expect(TemplateVariables.closest(to: "City", in: keys) == "city")
        #expect(TemplateVariables.closest(to: "felow", in: keys) == "fellow")
        #expect(TemplateVariables.closest(to: "status_count", in: keys) == "status_counts")
        #expect(TemplateVariables.closest(to: "comitment_cont", in: keys) == "commitment_count")
        #expect(TemplateVariables.closest(to: "population", in: keys) == nil)
        #expect(TemplateVariables.closest(to: "x", in: keys) == nil)
        #expect(TemplateVariables.closest(to: "due", in: keys) == nil)
        #expect(TemplateVariables.closest(to: "anything", in: []) == nil)
    }

    @Test("ties go to the first key in alphabetical order")
    func ties() {
        #expect(TemplateVariables.closest(to: "cat", in: ["bat", "cab", "hat"]) == "bat")
    }

    @Test("edit distance")
    func distance() {
        #expect(TemplateVariables.distance("", "") == 0)
        #expect(TemplateVariables.distance("", "abc") == 3)
        #expect(TemplateVariables.distance("abc", "") == 3)
        #expect(TemplateVariables.distance("kitten", "sitting") == 3)
        #expect(TemplateVariables.distance("ab", "ba") == 1)
        #expect(TemplateVariables.distance("city", "city") == 0)
    }

    // MARK: the built-in templates and pages

    @Test("the built-in templates are read to the end: their variables are found, their partials and blocks are not")
    func builtInTemplates() {
        var names: Set<String> = []
        var templates = 0
        for file in BuiltinSite.files {
            guard file.templateName != nil else { continue }
            templates += 1
            let text = String(decoding: file.bytes, as: UTF8.self)
            let tags = TemplateVariables.tags(in: text)
            names.formUnion(tags.flatMap(\.names))
            // Every tag that names a variable opens with `{{` where it says it does.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
            for tag in tags {
                let line = lines[tag.line - 1]
                #expect(String(line[(tag.column - 1)...].prefix(2)) == "{{", "\(file.path):\(tag.line):\(tag.column)")
            }
        }
        #expect(templates >= 13)
        #expect(names.isSuperset(of: ["site_title", "root", "nav", "body_html", "status_counts", "commitments", "caption", "rows"]))
        #expect(names.isDisjoint(with: ["layout", "main", "head", "status-counts"]))
    }

    @Test("builtInNames: every name the built-in templates use, so checking them against it gives nothing")
    func builtInNames() {
        let templates = BuiltinSite.files.compactMap { file -> (name: String, origin: String, text: String)? in
            guard let name = file.templateName else { return nil }
            return (name: name, origin: "built-in \(file.path)", text: String(decoding: file.bytes, as: UTF8.self))
        }
        #expect(TemplateVariables.names(in: templates) == TemplateVariables.builtInNames)
        #expect(TemplateVariables.check(templates: templates, knownKeys: TemplateVariables.builtInNames).isEmpty)
        #expect(!TemplateVariables.check(templates: templates, knownKeys: []).isEmpty)
        #expect(TemplateVariables.builtInNames.contains("body_html"))
    }

    @Test("names(in:) collects the names of every template, skipping partials, blocks and closing tags")
    func namesIn() {
        let names = TemplateVariables.names(in: [
            (name: "a", origin: "Templates/a.mustache", text: "{{<layout}}{{$main}}{{#x}}{{y.z}}{{/x}}{{>p}}{{/main}}{{/layout}}"),
            (name: "b", origin: "Templates/b.mustache", text: "{{^empty(w)}}{{.}}{{/empty(w)}}"),
        ])
        #expect(names == ["x", "y", "z", "w"])
    }
}
