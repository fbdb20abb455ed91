import Testing
@testable import CitywideModel
@testable import CitywideRender

/// `replacingBytes` stands in for Foundation's `replacingOccurrences` on
/// cmark's markup: every occurrence, none twice, the text around untouched.
@Suite("Literal replacement over UTF-8 bytes")
struct ReplacingBytesTests {
    @Test("replaces every occurrence, adjacent ones and at both ends, and keeps non-ASCII text around them")
    func everyOccurrence() {
        let text = "<b>Año</b><b>é</b> · <b>日本</b>"
        #expect(text.replacingBytes("<b>", with: "<strong>") == "<strong>Año</b><strong>é</b> · <strong>日本</b>")
        #expect("aaaa".replacingBytes("aa", with: "b") == "bb")
        #expect("xyz".replacingBytes("xyz", with: "") == "")
    }

    @Test("text without the target, or shorter than it, comes back as it was")
    func noMatch() {
        #expect("Back to the text".replacingBytes("Back to content", with: "x") == "Back to the text")
        #expect("ab".replacingBytes("abc", with: "x") == "ab")
        #expect("".replacingBytes("a", with: "x") == "")
        #expect("abc".replacingBytes("", with: "x") == "abc")
    }

    @Test("on cmark's footnote markup, gives what splitting at the target and joining with the replacement gives")
    func agreesWithSplitAndJoin() {
        let html = "<p>Text<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup> and<sup class=\"footnote-ref\"><a href=\"#fn-2\" id=\"fnref-2\" data-footnote-ref>2</a></sup></p>"
        let replacement = " data-footnote-ref aria-describedby=\"footnote-label\">"
        #expect(html.replacingBytes(" data-footnote-ref>", with: replacement)
                == html.split(separator: " data-footnote-ref>", omittingEmptySubsequences: false).joined(separator: replacement))
    }

    @Test("several pairs in one pass: left to right, the first pair listed wins a tie, and no target at all returns the text")
    func severalPairs() {
        let text = Array("ab-cd-ab".utf8)
        let pairs: [ByteReplacement] = [(Array("ab".utf8), Array("X".utf8)), (Array("a".utf8), Array("Y".utf8)), (Array("cd".utf8), Array("Z".utf8))]
        #expect(String(decoding: text.replacingBytes(pairs), as: UTF8.self) == "X-Z-X")
        #expect(String(decoding: Array("b-d".utf8).replacingBytes(pairs), as: UTF8.self) == "b-d")
        #expect(String(decoding: Array("cdcdaa".utf8).replacingBytes(pairs), as: UTF8.self) == "ZZYY")
    }

    @Test("on cmark's footnotes and task lists, one pass gives what one pass per pair gives")
    func onePassAgreesWithPassPerPair() throws {
        let markdown = """
        # Plan

        - [x] Fund the shelter[^1]
        - [ ] Train inspectors[^2] and [^1] again

        Text with a note.[^2]

        [^1]: The first note.
        [^2]: The second note, with <b>markup</b> & "quotes".
        """
        let document = try #require(MarkdownDocument(markdown))
        let html = document.htmlBytes()
        let labels = MarkdownRenderer.Labels(footnotes: "Notes \" data-footnote-ref> <input type=\"checkbox\"", backToText: "aria-label=\"Back to content\"",
                                             sectionLink: { $0 })
        let pairs = FootnoteMarkup.replacements(in: html, labels: labels) + TaskListMarkup.replacements(in: html)
        #expect(pairs.count == 5)
        let passPerPair = pairs.reduce(html) { $0.replacingBytes($1.target, with: $1.replacement) }
        #expect(html.replacingBytes(pairs) == passPerPair)
        #expect(passPerPair != html)
    }
}
