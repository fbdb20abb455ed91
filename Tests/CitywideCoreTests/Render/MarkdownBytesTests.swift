import Testing
@testable import CitywideModel
@testable import CitywideRender

/// The renderer's steps after cmark work on UTF-8 bytes; these are the cases
/// where bytes and Characters could disagree: text outside ASCII, marks that
/// join a neighbour, repeats, entities, and markup-like text.
@Suite("Markdown over UTF-8 bytes")
struct MarkdownBytesTests {
    @Test("slugs: ASCII byte by byte, anything else by Characters, markers dropped whole", arguments: [
        ("Funding & staff", "funding--staff"),
        ("Step 2: Fund_it-now", "step-2-fund_it-now"),
        ("Árbol de decisión", "árbol-de-decisión"),
        ("Cafe\u{301} y ni\u{303}os", "cafe\u{301}-y-ni\u{303}os"),
        ("Straße ΣΟΦΊΑ 東京", "straße-σοφία-東京"),
        ("\u{E000}0\u{E001} referrals", "-referrals"),
        ("\u{E000}12\u{E001}\u{E000}3\u{E001}", "section"),
        // A marker joined to a combining mark is not a marker: its digits stay.
        ("\u{E000}\u{301}7\u{E001}x", "7x"),
        ("!!! ***", "-"),
        ("?!", "section"),
    ])
    func slugs(text: String, slug: String) {
        #expect(HeadingAnchors.slug(text) == slug)
    }

    @Test("non-ASCII headings and repeats get distinct ids, and each link names its heading")
    func nonASCIIRepeats() {
        let html = MarkdownRenderer.render("# Title\n\n## Año 2024\n\n## Año 2024\n\n## AÑO 2024\n\n### 東京\n\n## &nbsp;Ñu&nbsp;\n").html
        #expect(html.contains("<div class=\"section-heading\"><h3 id=\"año-2024\">Año 2024</h3> <a class=\"heading-link\" href=\"#año-2024\" aria-label=\"Link to this section: Año 2024\">#</a></div>"))
        #expect(html.contains("<h3 id=\"año-2024-1\">Año 2024</h3>"))
        #expect(html.contains("<h3 id=\"año-2024-2\">AÑO 2024</h3>"))
        #expect(html.contains("<h4 id=\"東京\">東京</h4>"))
        // Unicode spaces around a heading's words are trimmed from its name, as before.
        #expect(html.contains("<h3 id=\"ñu\">\u{A0}Ñu\u{A0}</h3> <a class=\"heading-link\" href=\"#ñu\" aria-label=\"Link to this section: Ñu\">#</a>"))
    }

    @Test("a heading that looks like markup, or holds a footnote reference, keeps its text and gets one id")
    func markupLikeHeadings() {
        let html = MarkdownRenderer.render("## a <h3> b &lt;/h3&gt;\n\n## Why[^a&b]\n\n[^a&b]: Because.\n").html
        #expect(html.contains("<h3 id=\"a--b-h3\">a <!-- raw HTML omitted --> b &lt;/h3&gt;</h3> <a class=\"heading-link\" href=\"#a--b-h3\""))
        // A heading's name is cmark's plain text, which writes the reference as `[^1]`.
        #expect(html.contains("<h3 id=\"why1\">Why<sup class=\"footnote-ref\"><a href=\"#fn-a&amp;b\" id=\"fnref-a&amp;b\" data-footnote-ref aria-describedby=\"footnote-label\">1</a></sup></h3> <a class=\"heading-link\" href=\"#why1\" aria-label=\"Link to this section: Why[^1]\">#</a>"))
        #expect(html.contains("<li id=\"fn-a&amp;b\">"))
        #expect(html.contains("aria-label=\"Back to the text\""))
        #expect(!html.contains("Back to content"))
    }

    @Test("a heading never takes a footnote's id, with an entity in its label or not")
    func footnoteIDsTaken() {
        let html = MarkdownRenderer.render("## Fn a&amp;b\n\n## fn 1\n\n## Footnote label\n\nText.[^a&amp;b] More.[^1]\n\n[^a&amp;b]: One.\n[^1]: Two.\n").html
        #expect(html.contains("<h3 id=\"fn-ab\">"))
        #expect(html.contains("<h3 id=\"fn-1-1\">"))
        #expect(html.contains("<h3 id=\"footnote-label-1\">"))
        #expect(html.contains("<section class=\"footnotes\" data-footnotes aria-labelledby=\"footnote-label\">\n<h3 id=\"footnote-label\">Notes</h3>"))
    }

    @Test("task lists are said as text, next to non-ASCII words")
    func taskLists() {
        let html = MarkdownRenderer.render("- [x] Año hecho\n- [ ] 東京 pendiente\n").html
        #expect(html.contains("<span class=\"task task-done\" role=\"img\" aria-label=\"Done:\">☑</span> Año hecho"))
        #expect(html.contains("<span class=\"task task-open\" role=\"img\" aria-label=\"Not done:\">☐</span> 東京 pendiente"))
        #expect(!html.contains("<input"))
    }

    @Test("a marker or tag stands alone unless a mark outside ASCII joins it")
    func standsAlone() {
        func alone(_ text: String, _ piece: String) -> Bool {
            let bytes = Array(text.utf8)
            let start = bytes.withUnsafeBufferPointer { $0.firstOffset(of: Array(piece.utf8)) } ?? -1
            return bytes.withUnsafeBufferPointer { ShortcodeMarkers.standsAlone($0, start..<(start + piece.utf8.count)) }
        }
        #expect(alone("a\u{E000}0", "\u{E000}"))
        #expect(alone("é\u{E000}0", "\u{E000}"))
        #expect(alone("x\u{E001}日本", "\u{E001}"))
        #expect(!alone("x\u{E001}\u{301}", "\u{E001}"), "a combining mark joins the marker")
        #expect(!alone("\u{600}<p>", "<p>"), "a prepended mark joins the tag")
        #expect(alone("é<p>", "<p>"))
        #expect(!alone("</p>\u{308}", "</p>"))
    }
}

@Suite("Shortcodes filled over UTF-8 bytes")
struct ShortcodeBytesTests {
    @Test("a live figure between words outside ASCII is filled; one alone in its paragraph replaces the paragraph")
    func nonASCIINeighbours() throws {
        let site = try ShortcodeTests.springfield(body: "# Springfield Blueprint\n\nÉl{{< value referrals >}}ñ y 東京{{< value referrals period=false >}}\n\n{{< value referrals >}}\n")
        defer { site.cleanUp() }
        #expect(site.build().errors.isEmpty)
        let html = try #require(site.file("cities/springfield/index.html"))
        #expect(html.contains("<p>Él<span class=\"live-figure\""))
        #expect(html.contains(">35 (2019-Q2)</span>ñ y 東京<span class=\"live-figure\""))
        #expect(html.contains(">35</span></p>"))
        #expect(!html.contains("<p><span class=\"live-figure\""))
        #expect(!html.contains("\u{E000}") && !html.contains("\u{E001}"))
    }
}

@Suite("Typed shortcode markers")
struct TypedMarkerTests {
    @Test("marker characters typed into a narrative with a number no shortcode has are kept as written, never a crash")
    func typedMarkers() throws {
        let site = try ShortcodeTests.springfield(body: "# Springfield Blueprint\n\n{{< value referrals >}} and \u{E000}-1\u{E001} and \u{E000}7\u{E001}\n")
        defer { site.cleanUp() }
        #expect(site.build().errors.isEmpty)
        let html = try #require(site.file("cities/springfield/index.html"))
        #expect(html.contains("</span> and \u{E000}-1\u{E001} and \u{E000}7\u{E001}</p>"))
    }
}
