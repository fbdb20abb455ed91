import Testing
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
}
