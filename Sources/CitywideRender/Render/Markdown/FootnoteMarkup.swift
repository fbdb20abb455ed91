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

    /// `html`: cmark's UTF-8 bytes.
    package static func accessible(_ html: [UInt8], labels: MarkdownRenderer.Labels) -> [UInt8] {
        guard html.containsBytes(section) else { return html }
        return html
            .replacingBytes(section, with: Array("<section class=\"footnotes\" data-footnotes aria-labelledby=\"\(headingID)\">\n<h3 id=\"\(headingID)\">\(MarkupText.escape(labels.footnotes))</h3>".utf8))
            .replacingBytes(reference, with: Array(" data-footnote-ref aria-describedby=\"\(headingID)\">".utf8))
            .replacingBytes(backLink, with: Array("aria-label=\"\(MarkupText.escape(labels.backToText))\"".utf8))
    }
}
