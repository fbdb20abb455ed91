import Foundation
import CitywideModel
import CitywidePublished
import CitywideWrite

/// cmark-gfm renders footnotes as a numbered list at the end, each with a
/// back-link, in a `<section>` with no name and English labels. Give the
/// section a visible heading that names it, point each reference at that
/// heading (as GitHub does), and say the back-links in the page's language.
/// Only cmark writes these patterns: raw HTML never reaches the output.
package enum FootnoteMarkup {
    package static let headingID = "footnote-label"

    static let section = Array("<section class=\"footnotes\" data-footnotes>".utf8)
    private static let reference = Array(" data-footnote-ref>".utf8)
    private static let backLink = Array("aria-label=\"Back to content\"".utf8)

    private static let describedReference = Array(" data-footnote-ref aria-describedby=\"\(headingID)\">".utf8)

    /// What to replace in `html` (cmark's UTF-8 bytes): nothing without
    /// footnotes. `MarkdownRenderer` makes every such change in one pass.
    package static func replacements(in html: [UInt8], labels: MarkdownRenderer.Labels) -> [ByteReplacement] {
        guard html.containsBytes(section) else { return [] }
        return [
            (section, Array("<section class=\"footnotes\" data-footnotes aria-labelledby=\"\(headingID)\">\n<h3 id=\"\(headingID)\">\(MarkupText.escape(labels.footnotes))</h3>".utf8)),
            (reference, describedReference),
            (backLink, Array("aria-label=\"\(MarkupText.escape(labels.backToText))\"".utf8)),
        ]
    }
}
