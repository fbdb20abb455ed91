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

    package static func accessible(_ html: String, labels: MarkdownRenderer.Labels) -> String {
        guard html.contains("<section class=\"footnotes\" data-footnotes>") else { return html }
        return html
            .replacingBytes("<section class=\"footnotes\" data-footnotes>",
                            with: "<section class=\"footnotes\" data-footnotes aria-labelledby=\"\(headingID)\">\n<h3 id=\"\(headingID)\">\(MarkupText.escape(labels.footnotes))</h3>")
            .replacingBytes(" data-footnote-ref>", with: " data-footnote-ref aria-describedby=\"\(headingID)\">")
            .replacingBytes("aria-label=\"Back to content\"", with: "aria-label=\"\(MarkupText.escape(labels.backToText))\"")
    }
}
