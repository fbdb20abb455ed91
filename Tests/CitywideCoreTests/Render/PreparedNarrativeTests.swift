import CCmarkGFM
import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywideRender

/// A narrative is parsed once, when it is loaded, and each page finishes the
/// prepared HTML: what a page shows must be what rendering its Markdown for
/// that page showed.
@Suite("Prepared narratives")
struct PreparedNarrativeTests {
    /// The URL as cmark writes it in an attribute, set on a link node.
    static func cmarkHref(_ url: String) throws -> String {
        let document = try #require(MarkdownDocument("[x](u)"))
        document.forEachNode { node in
            if MarkdownDocument.type(node) == CMARK_NODE_LINK { cmark_node_set_url(node, url) }
        }
        let html = document.html()
        let start = try #require(html.range(of: "href=\""))
        let end = try #require(html[start.upperBound...].firstIndex(of: "\""))
        return String(html[start.upperBound..<end])
    }

    static func escaped(_ url: String) -> String {
        var bytes: [UInt8] = []
        MarkdownHref.appendEscaped(url, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("a URL is escaped as cmark escapes it: every ASCII byte, characters of each UTF-8 length, and safe mode's refusals")
    func hrefEscaping() throws {
        var urls = (1...0x7F).map { "a\(Character(Unicode.Scalar(UInt8($0))))b/c" }
        urls += ["é", "Zoë's plan & notes.md", "日本/語.png", "😀", "\u{80}\u{7FF}\u{800}\u{FFFF}\u{10FFFF}", "x y\"z<>", "%41%zz",
                 "javascript:alert(1)", "JaVaScRiPt:x", "vbscript:x", "FILE:x", "data:text/html,hi", "data:image/png;base64,AA",
                 "DATA:IMAGE/WEBP,x", "data:image/svg+xml,x", "java", "", "citywide-link:12"]
        for url in urls {
            #expect(Self.escaped(url) == (try Self.cmarkHref(url)), "\(Array(url.utf8))")
        }
    }

    /// Each case of a page: relative links rewritten (with characters that
    /// need escaping), labels and ids of its own.
    static func page(language: String) -> MarkdownRenderer.Page {
        var page = MarkdownRenderer.Page()
        page.href = { url in
            switch url {
            case "other.md": "../\(language)/other city's/&plan/"
            case "other.md#funding": "../other/#funding"
            case "media/map.png": "../../media/map.png"
            case "media/photo one.jpg": "../../media/photo%20one.jpg"
            default: nil
            }
        }
        page.takenIDs = ["metrics", "commitments"]
        page.labels = MarkdownRenderer.Labels(footnotes: "Notes \(language)", backToText: "Back \(language)", sectionLink: { "Section \(language): \($0)" })
        return page
    }

    static let narrative = """
        # Springfield *Blueprint*

        See [the other plan](other.md), its [funding](other.md#funding) and [the other plan again](other.md).
        ![A map of the city](media/map.png) ![](<media/photo one.jpg> "Photo")

        ## Metrics

        The city counted \u{E000}0\u{E001} this quarter.[^1] A [site](https://example.org/a b) and www.example.org.

        ### Commitments & *funding*

        - [x] Sign the agreement
        - [ ] Publish [figures](other.md)

        | a | b |
        |---|---|
        | [x](other.md) | `code` |

        > quoted ~~text~~

        [^1]: Source: [the plan](other.md "A title"), 2020.
        """

    @Test("prepared once, then finished for a page, equals rendering the Markdown for that page, in each language")
    func preparedEqualsOnePass() throws {
        for language in ["en", "es"] {
            let page = Self.page(language: language)
            let prepared = MarkdownRenderer.renderBytes(Self.narrative, page: page)
            let onePass = MarkdownRenderer.renderInOnePass(Self.narrative, page: page)
            #expect(prepared.title == onePass.title)
            #expect(String(decoding: prepared.html, as: UTF8.self) == String(decoding: onePass.html, as: UTF8.self))
            #expect(String(decoding: onePass.html, as: UTF8.self).contains("href=\"../\(language)/other%20city&#x27;s/&amp;plan/\""))
        }
        // One preparation serves both languages.
        let document = try #require(MarkdownDocument(Self.narrative))
        let prepared = try #require(PreparedNarrative(document, isLocal: { ["other.md", "other.md#funding", "media/map.png", "media/photo one.jpg"].contains($0) }))
        #expect(prepared.links.map(\.url) == ["other.md", "other.md#funding", "other.md", "media/map.png", "media/photo one.jpg", "other.md", "other.md", "other.md"])
        #expect(prepared.headings == ["Metrics", "Commitments & funding"])
        for language in ["en", "es"] {
            let page = Self.page(language: language)
            #expect(MarkdownRenderer.renderBytes(prepared, page: page).html == MarkdownRenderer.renderInOnePass(Self.narrative, page: page).html)
        }
    }

    @Test("the compact HTML holds cmark's HTML exactly, a 0x01 of the text among it")
    func compactHTML() throws {
        let html = Array("<p>a\u{1}b\u{2}\u{1F}\u{B} <strong>c</strong></p>\n<table>\n<thead>\n<tr>\n<th>x</th>\n</tr>\n</thead>\n<a href=\"#fnref-1\"><a href=\"q\">r</a><pr".utf8)
        let q = try #require(html.firstIndex(of: UInt8(ascii: "q")))
        let compact = CompactHTML.compact(html, offsets: [3, q, html.count - 3])
        #expect(compact.bytes.count < html.count)
        var expanded: [UInt8] = []
        CompactHTML.expand(compact.bytes[...], into: &expanded)
        #expect(expanded == html)
        #expect(compact.offsets.map { compact.bytes[$0] } == [UInt8(ascii: "a"), UInt8(ascii: "q"), UInt8(ascii: "<")])
    }

    @Test("a narrative that writes a URL like a link marker is rendered from its Markdown; marker text in prose is only text")
    func markerLookalikes() throws {
        let page = Self.page(language: "en")
        let linked = "[a](citywide-link:0) and [b](other.md)\n"
        let document = try #require(MarkdownDocument(linked))
        #expect(PreparedNarrative(document, isLocal: { $0 == "other.md" }) == nil)
        #expect(MarkdownRenderer.renderBytes(linked, page: page).html == MarkdownRenderer.renderInOnePass(linked, page: page).html)
        #expect(String(decoding: MarkdownRenderer.renderBytes(linked, page: page).html, as: UTF8.self)
            == "<p><a href=\"citywide-link:0\">a</a> and <a href=\"../en/other%20city&#x27;s/&amp;plan/\">b</a></p>\n")

        for prose in ["Text citywide-link:0 and `\"citywide-link:0\"` and [b](other.md)\n", "[citywide-link:0](other.md \"citywide-link:0\")\n", "```citywide-link:0\nx\n```\n\n[b](other.md)\n", "![x [y](other.md)](media/map.png)\n"] {
            let document = try #require(MarkdownDocument(prose))
            #expect(PreparedNarrative(document, isLocal: { page.href($0) != nil }) != nil)
            #expect(MarkdownRenderer.renderBytes(prose, page: page).html == MarkdownRenderer.renderInOnePass(prose, page: page).html)
        }
    }

    @Test("a blueprint that writes the marker as a link's URL builds as before, its other links rewritten")
    func markerFallbackSite() throws {
        let site = try TestSite(txtar: NarrativeTests.site() + """
            -- Blueprints/springfield.md --
            \(NarrativeTests.blueprint("# Springfield\n\nSee [marker](citywide-link:0), [Shelbyville](shelbyville.md#funding) and {{< value referrals >}}.\n"))
            -- Blueprints/shelbyville.md --
            \(NarrativeTests.blueprint(city: "Shelbyville", id: "shb-labor", "# Shelbyville\n\n## Funding\n\nText.\n"))
            """)
        defer { site.cleanUp() }
        let outcome = site.build()
        #expect(outcome.succeeded, "\(outcome.lines)")
        let page = try #require(site.file("cities/springfield/index.html"))
        #expect(page.contains("<a href=\"citywide-link:0\">marker</a>, <a href=\"../../cities/shelbyville/index.html#funding\">Shelbyville</a> and "))
        #expect(!page.contains("{{<"))
    }
}

/// The check reads the narrative with its shortcodes replaced by markers
/// (the text `build` renders, parsed once) when `ShortcodeNeutrality` shows
/// that says what reading the text as written says.
@Suite("Narrative check on the rendered text")
struct NarrativeCheckOnceTests {
    static let narratives = [
        "# A\n\nThis quarter the city counted {{< value m000 >}} in its data.[^why] See [b](other.md).\n\n[^why]: Why.\n",
        "[a](other.md \"see {{< value m city=\"x\" >}} now\") and [c](missing.md)\n",
        "[a](other.md \"see {{< value m >}} now\")\n",
        "{{{< value m >}} and {{< value m >}}*x* and *{{< value m >}}* and a*{{< value m >}}*b\n",
        "[a {{< value m >}}][]\n\n[a {{< value m >}}]: missing.md\n",
        "[a\n{{< value m >}}][]\n\n[a\n{{< value m >}}]: missing.md\n",
        "<!DOCTYPE {{< value m >}} x\n\n{{<value m>}} and <b>bold</b>\n",
        "{{ x }} and {{< value m >}} then {% y %}\n",
        "TO WRITE: {{< value m >}} TO WRITE:\n",
        "[x](missing.md) {{< value m >}} ![](media/map.png) ![m](../outside.png)\n",
        "http://x.org/{{< value m >}} and www.x{{< value m >}}\n",
        "[x]:\n{{< value m >}}\n\n[y][x]\n",
        "`{{< value m >}}` and\n\n```\n{{< value m >}}\n```\n\n\\{{< value m >}} {{< value m_ >}} {{< value _m >}}\n",
        "Zoë {{< value m >}}\u{301} and {{< value m city=\"a-b\" >}}.\n",
    ]

    @Test("links and messages are those of checking the text as written", arguments: narratives)
    func sameCheck(_ narrative: String) throws {
        let site = try TestSite(["Blueprints/other.md": "x", "media/map.png": "x"])
        defer { site.cleanUp() }
        let path = "Blueprints/springfield.md"
        let written = DiagnosticLog()
        let links = NarrativeCheck(path: path, bodyLine: 10, folder: site.folder, log: written).scan(narrative)
        _ = ShortcodeParser.extract(narrative, path: path, firstLine: 10, log: written)
        let once = DiagnosticLog()
        let read = Blueprint.readNarrative(narrative, path: path, bodyLine: 10, folder: site.folder, log: once)
        #expect(read.links == links)
        #expect(once.diagnostics.map(\.formatted) == written.diagnostics.map(\.formatted))
    }

    @Test("a narrative like the benchmark's is parsed once, and its Markdown not kept")
    func parsedOnce() throws {
        let narrative = Self.narratives[0]
        #expect(ShortcodeNeutrality.holds(narrative))
        let site = try TestSite(["Blueprints/other.md": "x"])
        defer { site.cleanUp() }
        let read = Blueprint.readNarrative(narrative, path: "Blueprints/springfield.md", bodyLine: 10, folder: site.folder, log: DiagnosticLog())
        #expect(read.prepared != nil && read.body.isEmpty)
        #expect(read.prepared?.title == "A")
        #expect(!ShortcodeNeutrality.holds("[a {{< value m >}}][]"))
        #expect(!ShortcodeNeutrality.holds("*{{< value m >}}*"))
        #expect(!ShortcodeNeutrality.holds("<b>{{< value m >}}</b>"))
    }
}
