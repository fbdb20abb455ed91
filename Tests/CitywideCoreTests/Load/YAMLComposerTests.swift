import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput

/// `YAMLComposer` builds the node tree in the pass that checks the YAML's
/// shape; Yams composed it before, and still judges what the composer leaves
/// to it. The tree must be the one Yams builds, and Yams' messages the ones
/// users see.
@Suite("YAML composed in one pass")
struct YAMLComposerTests {
    /// Documents the composer reads on its own: every scalar style, tags,
    /// keys in quotes, flow and block collections, text beyond ASCII, a NUL,
    /// byte order marks inside quotes (Yams' decoding drops a leading one).
    static let documents = [
        "",
        "# only a comment\n",
        "---\n",
        "just text\n",
        "- a\n- 'b'\n- [c, {d: e}]\n",
        "title: plain\nsingle: 'it''s'\ndouble: \"tab\\there\"\nliteral: |\n  two\n  lines\nfolded: >\n  one\n  line\nempty:\nnull: ~\n",
        "!!str tagged: !!str x\n!custom other: !foo y\n! bare: z\n'quoted': \"key\"\n",
        "flow: {a: [1, 2, {b: c}], d: }\nnested:\n  - id: x\n    metrics: [m1, m2]\n  - id: y\n",
        "café: crème\n\"e\\u0301\": accent\ncolumn: ✓ after ✓\n",
        "nul: \"a\\0b\"\n",
        "bom: \"\\uFEFFx\"\ntwo: \"\\uFEFF\\uFEFFy\"\nalone: \"\\uFEFF\"\n",
        "? [one key]\n: value\n",
    ]

    @Test("the composer's tree is the tree Yams composes, marks, styles and tags included")
    func sameTree() throws {
        for text in Self.documents {
            guard case let .node(node) = YAMLComposer.compose(text, firstLine: 2) else {
                Issue.record("the composer left \(text.debugDescription) to Yams")
                continue
            }
            let log = DiagnosticLog()
            let yams = try #require(YAMLDocument.composeWithYams(text, path: "site.yml", firstLine: 2, log: log))
            #expect(log.diagnostics.isEmpty)
            #expect(node.outline.utf8.elementsEqual(yams.outline.utf8), "\(text.debugDescription)")
        }
    }

    @Test("what only Yams can judge is left to Yams, and its message is the one reported")
    func leftToYams() throws {
        let cases: [(text: String, message: String)] = [
            ("title: [a\n", "site.yml:2:1: error: YAML syntax: did not find expected ',' or ']' (while parsing a flow sequence at line 1)"),
            ("title: a\n---\ntitle: b\n", "site.yml:2:1: error: YAML syntax: but found another document (expected a single document in the stream at line 1)"),
            ("? [a, b]\n: 1\n? [a, b]\n: 2\n", "site.yml:1:3: error: duplicate key '<uncovertable>' in the same mapping"),
        ]
        for (text, message) in cases {
            guard case .needsYams = YAMLComposer.compose(text, firstLine: 1) else {
                Issue.record("the composer judged \(text.debugDescription) itself")
                continue
            }
            let log = DiagnosticLog()
            #expect(YAMLDocument.parse(text, path: "site.yml", log: log) == nil)
            #expect(log.diagnostics.map(\.formatted) == [message])
        }
        // Two different keys that are lists: Yams compares them and composes.
        guard case .needsYams = YAMLComposer.compose("? [a, b]\n: 1\n? [a, c]\n: 2\n", firstLine: 1) else {
            Issue.record("two list keys were not left to Yams")
            return
        }
        #expect(YAMLDocument.parse("? [a, b]\n: 1\n? [a, c]\n: 2\n", path: "site.yml", log: DiagnosticLog()) != nil)
    }

    @Test("every duplicate key in front matter is reported where it is repeated, with the line of the first")
    func duplicateKeys() throws {
        let site = try TestSite(txtar: """
            -- site.yml --
            title: Test City Progress
            -- Blueprints/springfield.md --
            ---
            city: Springfield
            state: IL
            city: Shelbyville
            commitments:
              - id: a
                system: labor
                title: Screen cases
                status: planned
                status: done
            ---
            # Springfield
            """)
        defer { site.cleanUp() }
        let lines = site.check().lines
        #expect(lines.contains("Blueprints/springfield.md:4:1: error: duplicate key 'city' in the same mapping (first at line 2)"), "\(lines)")
        #expect(lines.contains("Blueprints/springfield.md:10:5: error: duplicate key 'status' in the same mapping (first at line 9)"), "\(lines)")
    }
}
