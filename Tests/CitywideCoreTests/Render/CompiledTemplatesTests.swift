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

    /// Partials that neither indent nor override blocks leave the context
    /// as it is (the renderer saves nothing for them): blocks overridden
    /// further out still reach into them, an indented partial inside one
    /// indents as before, and an overriding partial inside one ends where it ends.
    @Test func plainPartialsKeepTheBlocksAndIndentationAroundThem() throws {
        let templates = [
            "page": "{{<frame}}{{$title}}Page {{title}}{{/title}}{{$item}}* {{name}}{{/item}}{{/frame}}\n{{>plain}}|{{$title}}own{{/title}}\n",
            "frame": "<h1>{{$title}}Frame{{/title}}</h1>\n{{>plain}}|{{#cities}}{{>plain}};{{/cities}}\n  {{>indented}}\n{{<inner}}{{$title}}Inner{{/title}}{{/inner}} after {{$title}}x{{/title}}\n",
            "plain": "[{{$title}}plain{{/title}} {{#cities}}{{$item}}- {{name}}{{/item}} {{/cities}}{{name}}]",
            "indented": "one\n{{>plain}}\ntwo {{$item}}{{/item}}\n",
            "inner": "({{$title}}inner default{{/title}} {{>plain}})",
        ]
        var library = MustacheLibrary()
        for (name, text) in templates { library.register(try MustacheTemplate(string: text), named: name) }
        let compiled = try #require(CompiledTemplates(templates.map { (name: $0.key, origin: $0.key, text: $0.value) }))
        let expected = try #require(library.render(values, withTemplate: "page"))
        #expect(expected.contains("<h1>Page Fair &lt;Wages&gt;"), "\(expected)")
        #expect(compiled.render(values, template: "page") == expected)
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

    /// Typed views, as pages give them: read in place by our renderer, by
    /// `Mirror` in swift-mustache. Optionals (nil: looked up further out),
    /// `OrNo` (its value or `false`), lists of views (empty too), dotted
    /// names, transforms and the enclosing views' names inside sections.
    struct Cell { let text: String; let note: String? }
    struct Row { let name: String; let cells: [Cell]; let flagged: Bool; let detail: OrNo<Cell>; let title: String? }
    struct View {
        let title: String
        let rows: [Row]
        let none: [Row]
        let first: Row?
        let missing: Cell?
        let count: Int
        let shown: OrNo<String>
        let hidden: OrNo<String>
    }

    @Test func rendersTypedViewsAsSwiftMustacheDoes() throws {
        let rows = [
            Row(name: "Atlanta <GA>", cells: [Cell(text: "1", note: "a & b"), Cell(text: "2", note: nil)], flagged: true,
                detail: OrNo(Cell(text: "d", note: nil)), title: nil),
            Row(name: "Boise", cells: [], flagged: false, detail: OrNo(nil), title: "Own title"),
        ]
        let view = View(title: "Cities", rows: rows, none: [], first: rows[1], missing: nil, count: 2,
                        shown: OrNo("shown"), hidden: OrNo(nil))
        let text = """
            {{title}} {{count}}
            {{#rows}}
            <li>{{name}} {{title}}{{#flagged}}!{{/flagged}}{{^flagged}}.{{/flagged}}{{#cells}}[{{text}}{{#note}}({{.}}){{/note}}{{^note}}-{{/note}} {{name}}]{{/cells}}{{^cells}}no cells{{/cells}}
            {{#detail}}<{{text}}>{{/detail}}{{^detail}}none{{/detail}} {{detail.text}}</li>
            {{/rows}}
            {{^none}}no rows{{/none}}{{#none}}x{{/none}} {{#first}}{{name}}{{/first}} {{first.name}} {{first.cells}}
            {{#missing}}x{{/missing}}{{^missing}}y{{/missing}} {{missing.text}}|{{#empty(none)}}E{{/empty(none)}}{{^empty(rows)}}R{{/empty(rows)}}
            {{#first(rows)}}{{name}}{{/first(rows)}} {{shown}} {{#hidden}}h{{/hidden}}{{^hidden}}H{{/hidden}} {{.title}} {{#rows}}{{.title}};{{/rows}}

            """
        var library = MustacheLibrary()
        library.register(try MustacheTemplate(string: text), named: "page")
        let compiled = try #require(CompiledTemplates([(name: "page", origin: "page", text: text)]))
        let expected = try #require(library.render(view, withTemplate: "page"))
        #expect(expected.contains("Atlanta &lt;GA&gt; Cities!"), "\(expected)")
        #expect(compiled.render(view, template: "page") == expected)
    }
}
