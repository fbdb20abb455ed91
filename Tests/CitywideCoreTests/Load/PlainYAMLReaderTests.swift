import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput

/// `PlainYAMLReader` reads plain YAML without libyaml. Where it answers, its
/// tree must be the one libyaml's events build (every text, style and mark);
/// anything else it leaves to libyaml, so messages stay libyaml's and Yams'.
@Suite("Plain YAML read without libyaml")
struct PlainYAMLReaderTests {
    /// Front matter as the benchmark's ten thousand blueprints have it.
    static let benchmarkFrontMatter = """
        city: City 0
        population: 40000
        fellow: Fellow 0
        adopted: 2018-06-01
        updated: 2020-11-30
        commitments:
          - id: city-00000-0
            system: immigration
            title: Plan labor plan report wage housing
            status: dropped
            due: 2021-06-28
            populations: [labor_trafficking_survivors, low_wage_workers]
            metrics: [m000]
          - id: city-00000-1
            system: youth
            title: Referral outreach trust wage city partners
            status: done
            due: 2020-06-30
            populations: [male_survivors, minors]
            metrics: [m000]
            completed: 2019-06-15

        """

    /// Documents in the reader's subset.
    static let plainDocuments = [
        "",
        "# only a comment\n\n   # and another\n",
        "title: plain\n",
        "title: plain",
        "title:   spaced   words   \nnext: x\n",
        "a: 1\nb: -2\nc: -x\nd: 3.5\ne: ~\nf: null\ng: true\nh: 2024-01-15\n",
        "url: https://example.org/a?b=c#d\ntime: 12:30\nweird: a:b::c\n",
        "chars: a [b] {c} d, e & f * g ! h | i > j % k @ l ` m ' n \" o ? p\n",
        "hash: a#b\ncomment: value # a comment\nafter: x   #   more\n",
        "empty:\nalso:   \nwith_comment: # nothing\nlast:",
        "nested:\n  inner: 1\n  deeper:\n    leaf: x\nback: 2\n",
        "list:\n  - a\n  - b c\n  -   spaced\nother: y\n",
        "indentless:\n- a\n- b\nafter: c\n",
        "items:\n- id: a\n  title: first\n- id: b\n  title: second\nend: x\n",
        "- a\n- b\n",
        "-\n- \n-   # empty items\n- x\n",
        "-\n  - nested\n  - list\n-\n  key: value\n",
        "  indented: root\n  second: key\n",
        "flow: [a, b, c]\nspaced: [ a , b ]\nempty: []\nempty2: [ ]\nwords: [one two, three]\nquoted: ['a', \"b c\", d]\n",
        "- [a, b]\n- []\n",
        "target: { metric: youth_screened, value: 120, by: 2021-06-30 }\nempty: {}\nspaced: {  }\ntight: {a: b}\n",
        "source: { name: City office, url: https://example.org/a:b }\nlist: [http://x, a:b:c]\n",
        "- {a: 1, b: two words}\n- { 'q': \"v w\", \"k\" : 'x' }\n",
        "commitments:\n  - id: a\n    target: { metric: m, value: 30, by: 2020-12-31 }\n    metrics: [m]\n",
        "é: { ü: 日本, 'ß': [x] }\n".replacingOccurrences(of: ", 'ß': [x]", with: ", 'ß': x"),
        "single: 'it is'\ndouble: \"plain text\"\n'quoted key': 1\n\"dq key\": 2\nspaced quoted: '  a  '\nhash: '#not a comment'\ncolon: \"a: b\"\n",
        "'k' : v\nplain : v2\n",
        "café: crème\nkey: ✓ after ✓\nlist: [é, ü, 日本]\n\"ñ\": 'ß'\n𝄞: [𝄞]\n",
        "mapping:\n  - a:\n    - x\n    b: 1\n",
        "a:\n\n  # comment between\n\n  b: 1\n\n# trailing comment\n",
        "dash-key: 1\n-leading: 2\n",
        "a: ---\nb: ...\n",
        "negative: -5\n",
        "many:\n" + (0..<40).map { "  key\($0): \($0)\n" }.joined(),
        "deep:\n" + (1..<30).map { String(repeating: "  ", count: $0) + "l\($0):\n" }.joined() + String(repeating: "  ", count: 30) + "leaf: x\n",
        benchmarkFrontMatter,
    ]

    @Test("plain YAML is read to libyaml's tree: texts, styles and every mark")
    func sameTree() {
        for text in Self.plainDocuments {
            guard let plain = Self.readPlain(text) else {
                Issue.record("not read: \(text.debugDescription)")
                continue
            }
            #expect(Self.same(plain, Self.libYAML(text)), "\(text.debugDescription)")
        }
    }

    @Test("the built-in YAML: read to libyaml's tree where plain, left to libyaml where not")
    func builtinFiles() {
        var read: [String] = []
        for file in BuiltinSite.files + BuiltinSite.starter where file.path.hasSuffix(".yml") || file.path.hasSuffix(".md") {
            var text = String(decoding: file.bytes, as: UTF8.self)
            if file.path.hasSuffix(".md") {
                // The front matter, between the `---` lines.
                let parts = text.components(separatedBy: "---\n")
                guard parts.count >= 3 else { continue }
                text = parts[1]
            }
            guard let plain = Self.readPlain(text) else { continue }
            read.append(file.path)
            #expect(Self.same(plain, Self.libYAML(text)), "\(file.path)")
        }
        // The workflow's block scalars are libyaml's to read.
        #expect(read.sorted() == ["Blueprints/our-city.md", "Metrics/labor_trafficking_referrals.yml", "Metrics/survivors_identified.yml", "Metrics/survivors_identified_rate.yml", "Templates/i18n/en.yml", "Templates/i18n/es.yml", "site.yml"], "\(read)")
    }

    @Test("a long line of items beyond ASCII is read in linear time, every column libyaml's")
    func longLine() throws {
        let text = "list: [" + (0..<20_000).map { "é\($0)" }.joined(separator: ", ") + "]\n"
        var plain: YAMLNode?
        let elapsed = ContinuousClock().measure { plain = Self.readPlain(text) }
        #expect(Self.same(try #require(plain), Self.libYAML(text)))
        // Columns counted from the line's start for each item took minutes.
        #expect(elapsed < .seconds(5), "\(elapsed)")
    }

    /// Documents just outside the subset: the reader leaves them to libyaml.
    static let otherDocuments = [
        "just text\n",
        "\u{FEFF}a: 1\n",
        "a: 1\r\n",
        "a:\t1\n",
        "a: \u{1}\n",
        "a: \u{7F}\n",
        "a: x\u{85}y\n",
        "a: x\u{2028}y\n",
        "a: x\u{FEFF}y\n",
        "a: \u{9F}\n",
        "---\na: 1\n",
        "a: 1\n...\n",
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "a: |\n  text\n",
        "a: >\n  text\n",
        "a: {b: c\n",
        "a: {b: c,\n  d: e}\n",
        "a: {b: c, }\n",
        "a: {b: c,, d: e}\n",
        "a: {b:c}\n",
        "a: {b: }\n",
        "a: {b}\n",
        "a: {b: c} d\n",
        "a: {b: c, b: d}\n",
        "a: {b: [c]}\n",
        "a: {b: {c: d}}\n",
        "a: {b: c # d}\n",
        "a: {b: c: d}\n",
        "a: {b: c:}\n",
        "a: {b: c:, d: e}\n",
        "a: [b:]\n",
        "a: [b:[c]]\n",
        "a: {b: c:{d}}\n",
        "a: {? b: c}\n",
        "a: {&x b: c}\n",
        "a: {b: 'it''s'}\n",
        "a: {-: c}\n",
        "a: {b: -}\n",
        "- {b: c}x\n",
        "? a\n: b\n",
        "%YAML 1.1\n---\na: 1\n",
        "a: @x\n",
        "a: `x\n",
        "a: b: c\n",
        "a: multi\n  line\n",
        "a: multi\n\n  line\n",
        "- multi\n  line\n",
        "key:\n- item\n  more\n",
        "a: 'it''s'\n",
        "a: \"tab\\there\"\n",
        "a: 'open\n  quote'\n",
        "a: [b,\n  c]\n",
        "a: [b, [c]]\n",
        "a: [b: c]\n",
        "a: [b, ]\n",
        "a: [b,, c]\n",
        "a: [b]x\n",
        "a: 'b' c\n",
        "a: 1\na: 2\n",
        "a: 1\nb:\n  c: 1\n  c: 2\n",
        "- - a\n",
        "a:\n    b: 1\n  c: 2\n",
        "a:\n  - b\n  c: 1\n",
        "a: 1\n - b\n",
        "  a: 1\nb: 2\n",
        "a: 1\n  b: 2\n",
        "a:\n  text on its own line\n",
        "a: 1 #c\n  b: 2\n",
        String(repeating: "k", count: 600) + ": v\n",
        (0..<70).map { String(repeating: " ", count: $0) + "k:\n" }.joined(),
    ]

    @Test("anything outside the subset is left to libyaml")
    func notMine() {
        for text in Self.otherDocuments {
            #expect(Self.readPlain(text) == nil, "\(text.debugDescription)")
        }
        // Bytes that are not UTF-8.
        let invalid: [[UInt8]] = [[0x61, 0x3A, 0x20, 0xFF], [0x61, 0x3A, 0x20, 0xC3], [0x61, 0x3A, 0x20, 0xED, 0xA0, 0x80], [0x61, 0x3A, 0x20, 0xC0, 0xAF]]
        for bytes in invalid {
            #expect(bytes.withUnsafeBufferPointer { PlainYAMLReader.read($0) } == nil, "\(bytes)")
        }
    }

    @Test("documents put together from plain pieces: wherever the reader answers, it answers libyaml's tree")
    func generated() {
        // Lines and pieces near the subset's edges, joined at random (a fixed
        // seed): the reader must answer libyaml's tree or nil.
        let keys = ["a", "b c", "'q'", "\"d\"", "-k", "k#", "é", "a:b", "k "]
        let values = ["", " x", " x y ", " -1", " [a, b]", " []", " 'v'", " \"v\"", " # c", " x # c", " a:b", " a: b", " [a, b", " - x",  " {a: b}", " {a: b, c: 'd e'}", " { a: 1 }", " {}", " {a: b,}", " {a:b}", " {a: [b]}", " {a: b", " {u: http://x}", " [a:b, c:]", " &a x", " é ü"]
        let indents = ["", " ", "  ", "    "]
        var random = SeededRandom(seed: 20_261_202)
        var answered = 0
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<random.next(upTo: 8) {
                let indent = indents[random.next(upTo: indents.count)]
                switch random.next(upTo: 5) {
                case 0: text += indent + "- " + keys[random.next(upTo: keys.count)] + ":" + values[random.next(upTo: values.count)] + "\n"
                case 1: text += indent + "-" + values[random.next(upTo: values.count)] + "\n"
                case 2: text += random.next(upTo: 2) == 0 ? "\n" : indent + "# comment\n"
                default: text += indent + keys[random.next(upTo: keys.count)] + ":" + values[random.next(upTo: values.count)] + "\n"
                }
            }
            guard let plain = Self.readPlain(text) else { continue }
            answered += 1
            #expect(Self.same(plain, Self.libYAML(text)), "\(text.debugDescription)")
        }
        // Enough of them in the subset for the comparison to mean something.
        #expect(answered > 300, "\(answered)")
    }

    @Test("front matter read without libyaml reports as before")
    func frontMatterSite() throws {
        let site = try TestSite(txtar: """
            -- site.yml --
            title: Test City Progress
            -- Blueprints/springfield.md --
            ---
            city: Springfield
            state: IL
            commitments:
              - id: a
                system: labor
                title: Screen cases
                status: finished
            ---
            # Springfield
            """)
        defer { site.cleanUp() }
        let lines = site.check().lines
        #expect(lines.contains { $0.hasPrefix("Blueprints/springfield.md:8:13: error:") }, "\(lines)")
    }

    static func readPlain(_ text: String) -> YAMLNode? {
        UTF8Bytes.withBytes(of: text) { PlainYAMLReader.read($0) }
    }

    static func libYAML(_ text: String) -> YAMLNode? {
        guard case let .node(node) = UTF8Bytes.withBytes(of: text, { YAMLComposer.composeWithLibYAML($0, firstLine: 1) }) else { return nil }
        return node
    }

    /// Byte for byte (`String`'s == takes é and e + U+0301 as equal).
    static func same(_ plain: YAMLNode, _ libYAML: YAMLNode?) -> Bool {
        guard let libYAML else { return false }
        return plain.outline.utf8.elementsEqual(libYAML.outline.utf8)
    }
}
