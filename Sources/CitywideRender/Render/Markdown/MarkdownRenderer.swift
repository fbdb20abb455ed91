import CCmarkGFM
import Foundation
import CitywideModel
import CitywidePublished
import CitywideWrite

/// GitHub-flavoured Markdown to HTML with libcmark-gfm, safe by default:
/// raw HTML is omitted and `javascript:`-style links are dropped by cmark's
/// safe mode; `tagfilter` guards the rest. Footnotes are on; headings get
/// ids and a link to their section.
public enum MarkdownRenderer {
    public struct Output: Sendable {
        /// The text of a leading `# Heading`, taken out so the page template
        /// can make it the page's one `<h1>`.
        public var title: String?
        public var html: String
    }

    /// What the page around the narrative decides.
    package struct Page {
        /// The href for a relative URL of the narrative (a blueprint, an
        /// image), or nil to leave it as written.
        var href: (String) -> String? = { _ in nil }
        /// Ids the page's own markup uses: a heading never takes one.
        var takenIDs: Set<String> = []
        var labels = Labels()
    }

    /// Interface text the narrative's markup needs, in the page's language.
    package struct Labels {
        var footnotes = "Notes"
        var backToText = "Back to the text"
        /// "Link to the section {section}"
        var sectionLink: (String) -> String = { "Link to this section: \($0)" }
    }

    public static func render(_ markdown: String) -> Output {
        render(markdown, page: Page())
    }

    package static func render(_ markdown: String, page: Page) -> Output {
        let rendered = renderBytes(markdown, page: page)
        return Output(title: rendered.title, html: String(decoding: rendered.html, as: UTF8.self))
    }

    /// `render`'s HTML as UTF-8 bytes (valid: cmark's output and our ASCII
    /// markup), for a page that changes it further (its shortcodes) before
    /// it is made a String: a String made here would be checked and copied
    /// only to be taken apart again.
    package static func renderBytes(_ markdown: String, page: Page) -> (title: String?, html: [UInt8]) {
        guard let document = MarkdownDocument(markdown) else { return (nil, []) }
        guard let prepared = PreparedNarrative(document, isLocal: { page.href($0) != nil }) else {
            // Preparing changed the document: read it again.
            return renderInOnePass(markdown, page: page)
        }
        return renderBytes(prepared, page: page)
    }

    /// A narrative prepared when it was loaded, finished for this page: each
    /// marked URL replaced by the page's href for it (escaped as cmark
    /// escapes a URL), then the page's labels and ids.
    package static func renderBytes(_ prepared: PreparedNarrative, page: Page) -> (title: String?, html: [UInt8]) {
        var html: [UInt8] = []
        html.reserveCapacity(prepared.html.count * 5 / 4 + prepared.links.count * 32)
        var copied = 0
        for link in prepared.links {
            CompactHTML.expand(prepared.html[copied..<link.offset], into: &html)
            MarkdownHref.appendEscaped(page.href(link.url) ?? link.url, to: &html)
            copied = link.offset + link.length
        }
        CompactHTML.expand(prepared.html[copied...], into: &html)
        return (prepared.title, finish(html, headings: prepared.headings, page: page))
    }

    /// A narrative whose own URLs look like the prepared HTML's markers:
    /// rendered from its document with the page's hrefs set in it, as every
    /// narrative once was (and what tests compare the prepared with).
    package static func renderInOnePass(_ markdown: String, page: Page) -> (title: String?, html: [UInt8]) {
        guard let document = MarkdownDocument(markdown) else { return (nil, []) }
        let title = document.takeTitle()
        var headings: [String] = []
        document.forEachNode { node in
            switch MarkdownDocument.type(node) {
            case CMARK_NODE_HEADING:
                headings.append(MarkdownDocument.lowerHeading(node))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if let url = MarkdownDocument.url(node), let href = page.href(url) {
                    cmark_node_set_url(node, href)
                }
            default:
                break
            }
        }
        return (title, finish(document.htmlBytes(), headings: headings, page: page))
    }

    /// cmark's bytes through each step. Footnotes and task lists are
    /// changed in one pass (none of their patterns can appear in another's
    /// replacement, nor in a heading's link: see `replacingBytes(_:)`), and
    /// heading ids are chosen after, among the footnotes' ids.
    private static func finish(_ cmarkHTML: [UInt8], headings: [String], page: Page) -> [UInt8] {
        let changes = FootnoteMarkup.replacements(in: cmarkHTML, labels: page.labels) + TaskListMarkup.replacements(in: cmarkHTML)
        let html = changes.isEmpty ? cmarkHTML : cmarkHTML.replacingBytes(changes)
        return HeadingAnchors(takenIDs: page.takenIDs, htmlIDs: HeadingAnchors.ids(in: html), sectionLink: page.labels.sectionLink)
            .apply(to: html, headings: headings)
    }
}
