import CCmarkGFM
import Foundation

/// GitHub-flavoured Markdown to HTML with libcmark-gfm, safe by default:
/// raw HTML is omitted and `javascript:`-style links are dropped by cmark's
/// safe mode; `tagfilter` guards the rest.
public enum MarkdownRenderer {
    public struct Output: Sendable {
        /// The text of a leading `# Heading`, taken out so the page template
        /// can make it the page's one `<h1>`.
        public var title: String?
        public var html: String
    }

    static let extensionNames = ["table", "tasklist", "strikethrough", "autolink", "tagfilter"]

    /// cmark-gfm registers its extensions in a global list: do it once.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    public static func render(_ markdown: String) -> Output {
        _ = registered
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_GITHUB_PRE_LANG
        guard let parser = cmark_parser_new(options) else { return Output(title: nil, html: "") }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var bytes = Array(markdown.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        guard let document = cmark_parser_finish(parser) else { return Output(title: nil, html: "") }
        defer { cmark_node_free(document) }

        var title: String?
        if let first = cmark_node_first_child(document),
           cmark_node_get_type(first) == CMARK_NODE_HEADING,
           cmark_node_get_heading_level(first) == 1 {
            title = take(cmark_render_plaintext(first, options, 0))?
                .trimmingCharacters(in: .whitespacesAndNewlines)
            cmark_node_unlink(first)
            cmark_node_free(first)
        }
        nestHeadings(document)
        let html = take(cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser))) ?? ""
        return Output(title: title, html: TaskListMarkup.accessible(html))
    }

    /// The narrative sits inside a page section that has its own `<h2>`, so
    /// its `##` headings become `<h3>` and so on: the page keeps one outline.
    private static func nestHeadings(_ document: OpaquePointer) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator),
                  cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
                  cmark_node_get_type(node) == CMARK_NODE_HEADING else { continue }
            cmark_node_set_heading_level(node, min(6, cmark_node_get_heading_level(node) + 1))
        }
    }

    /// Copies and frees a string cmark allocated.
    private static func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}

/// cmark-gfm renders task list items as bare disabled checkboxes, which have
/// no accessible name. A published plan is read, not ticked: show the state
/// as text a screen reader speaks.
enum TaskListMarkup {
    static func accessible(_ html: String) -> String {
        guard html.contains("<input type=\"checkbox\"") else { return html }
        return html
            .replacingOccurrences(of: "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> ",
                                  with: "<span class=\"task task-done\" role=\"img\" aria-label=\"Done:\">☑</span> ")
            .replacingOccurrences(of: "<input type=\"checkbox\" disabled=\"\" /> ",
                                  with: "<span class=\"task task-open\" role=\"img\" aria-label=\"Not done:\">☐</span> ")
    }
}
