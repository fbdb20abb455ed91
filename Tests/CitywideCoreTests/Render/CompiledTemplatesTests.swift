import Foundation
import Testing
import Mustache
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywideRender

/// Our compiled renderer against swift-mustache: the same bytes for the same
/// template and values, whitespace rules included, so a forked template
/// renders as it did.
struct CompiledTemplatesTests {
    /// A page's values as plain dictionaries and arrays (Mustache's own kinds).
    let values: [String: Any] = [
        "title": "Fair <Wages> & \"Rights\" 'now'",
        "t": ["key": "Key", "none": "Nothing yet"],
        "cities": [["name": "Atlanta", "state": "GA"], ["name": "Boise", "state": ""]],
        "empty_list": [Any](),
        "yes": true,
        "no": false,
        "count": 3,
        "html": "<b>bold</b>",
    ]

    /// Templates written to hit swift-mustache's whitespace rules: standalone
    /// tags, indented partials, blocks inherited through `{{< }}`, comments,
    /// set delimiters, dotted names, transforms and the context stack.
    let templates: [String: String] = [
        "layout": "<html>\n  <head>{{$head}}<title>{{title}}</title>{{/head}}</head>\n  <body>\n    {{$main}}default{{/main}}\n  </body>\n</html>\n",
        "page": "{{<layout}}\n{{$main}}\n  <h1>{{title}}</h1>\n  {{> list}}\n  {{{html}}} {{& html}}\n{{/main}}\n{{/layout}}\n",
        "list": "<ul>\n{{#cities}}\n  <li>{{name}}{{#state}}, {{.}}{{/state}} {{t.key}} {{count}}</li>\n{{/cities}}\n</ul>\n{{^empty(cities)}}some{{/empty(cities)}}{{#empty(empty_list)}}none{{/empty(empty_list)}}\n",
        "sections": "{{! a comment }}\n{{#yes}}\n  yes {{title}}\n{{/yes}}\n{{^no}}no{{/no}} {{^empty_list}}{{t.none}}{{/empty_list}}\n  {{=<% %>=}}\n<%title%> <%={{ }}=%>{{missing}}|{{.count}}|{{#t}}{{key}}{{/t}}\r\n  {{> list}}\n\tend",
    ]

    @Test func rendersEveryTemplateAsSwiftMustacheDoes() throws {
        var library = MustacheLibrary()
        for (name, text) in templates { library.register(try MustacheTemplate(string: text), named: name) }
        let compiled = try #require(CompiledTemplates(templates.map { (name: $0.key, origin: $0.key, text: $0.value) }))
        for name in templates.keys.sorted() {
            let expected = try #require(library.render(values, withTemplate: name))
            #expect(expected.contains("Fair &lt;Wages&gt;") || expected.contains("Atlanta"), "\(name) renders the values")
            #expect(compiled.render(values, template: name) == expected, "\(name)")
        }
    }

    @Test func compilesEveryBuiltInTemplate() {
        let set = TemplateLoader.load(siteFolder: FileManager.default.temporaryDirectory.appendingPathComponent("no-site-\(UUID().uuidString)"), log: DiagnosticLog())
        #expect(set.sources.count > 10)
        #expect(CompiledTemplates(set.sources) != nil)
    }

    /// A forked template with a feature the compiled renderer does not cover
    /// leaves every page to swift-mustache, rather than rendering it otherwise.
    @Test(arguments: ["{{%CONTENT_TYPE: TEXT}}{{title}}", "{{>*name}}", "{{#first()}}x{{/first()}}", "{{#a}}unclosed"])
    func leavesUncoveredTemplatesToSwiftMustache(text: String) {
        #expect(CompiledTemplates([(name: "layout", origin: "Templates/layout.mustache", text: "{{title}}"),
                                   (name: "city", origin: "Templates/city.mustache", text: text)]) == nil)
    }
}
