import CCmarkGFM
import Foundation

/// A narrative parsed by libcmark-gfm with the options and extensions both the
/// loader's checks and the renderer use, so `check` sees the document `build`
/// renders. Safe mode is cmark's default (`CMARK_OPT_UNSAFE` is never set):
/// raw HTML is omitted and `javascript:`-style links are dropped.
package final class MarkdownDocument {
    package static let extensionNames = ["table", "tasklist", "strikethrough", "autolink", "tagfilter"]
    package static let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_GITHUB_PRE_LANG | CMARK_OPT_FOOTNOTES

    /// cmark-gfm registers its extensions in a global list: do it once.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    private let parser: OpaquePointer
    package let root: OpaquePointer

    package init?(_ markdown: String) {
        _ = Self.registered
        guard let parser = cmark_parser_new(Self.options) else { return nil }
        for name in Self.extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        // Fed from the string's own storage, not a copy.
        UTF8Bytes.withBytes(of: markdown) { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else {
            cmark_parser_free(parser)
            return nil
        }
        self.parser = parser
        self.root = root
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// Every node below the root, in document order (the order the HTML
    /// has them). Nodes may be changed, not moved, while walking.
    package func forEachNode(_ body: (OpaquePointer) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
                  let node = cmark_iter_get_node(iterator), node != root else { continue }
            body(node)
        }
    }

    package func html() -> String {
        Self.take(cmark_render_html(root, Self.options, cmark_parser_get_syntax_extensions(parser))) ?? ""
    }

    /// The HTML as UTF-8 bytes, for the renderer's byte-level steps.
    package func htmlBytes() -> [UInt8] {
        guard let pointer = cmark_render_html(root, Self.options, cmark_parser_get_syntax_extensions(parser)) else { return [] }
        defer { free(pointer) }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: 1) { Array(UnsafeBufferPointer(start: $0, count: strlen(pointer))) }
    }

    /// Takes out a leading `# Heading` and gives its text: the page template
    /// makes it the page's one `<h1>`.
    package func takeTitle() -> String? {
        guard let first = cmark_node_first_child(root), cmark_node_get_type(first) == CMARK_NODE_HEADING,
              cmark_node_get_heading_level(first) == 1 else { return nil }
        let title = Self.plainText(first)
        cmark_node_unlink(first)
        cmark_node_free(first)
        return title
    }

    /// Puts a heading one level lower and gives its text: the narrative sits
    /// inside a page section that has its own `<h2>`, so its `##` headings
    /// become `<h3>` and so on.
    package static func lowerHeading(_ node: OpaquePointer) -> String {
        cmark_node_set_heading_level(node, min(6, cmark_node_get_heading_level(node) + 1))
        return plainText(node)
    }

    /// The HTML as UTF-8 bytes in cmark's own buffer, for as long as `body`
    /// runs: what is kept of it is copied once, not the whole first.
    package func withHTMLBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard let pointer = cmark_render_html(root, Self.options, cmark_parser_get_syntax_extensions(parser)) else {
            return body(UnsafeBufferPointer(start: nil, count: 0))
        }
        defer { free(pointer) }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: 1) { body(UnsafeBufferPointer(start: $0, count: strlen(pointer))) }
    }

    /// A node's text without markup: a heading's words, an image's alt text.
    package static func plainText(_ node: OpaquePointer) -> String {
        guard let pointer = cmark_render_plaintext(node, options, 0) else { return "" }
        defer { free(pointer) }
        let bytes = pointer.withMemoryRebound(to: UInt8.self, capacity: 1) { UnsafeBufferPointer(start: $0, count: strlen(pointer)) }
        // Trim ASCII white space byte by byte; when what is left starts or
        // ends with another character, let Foundation trim (its set includes
        // Unicode's spaces) as it always did.
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        guard start == end || (bytes[start] < 0x80 && bytes[end - 1] < 0x80) else {
            return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    package static func type(_ node: OpaquePointer) -> cmark_node_type { cmark_node_get_type(node) }

    package static func url(_ node: OpaquePointer) -> String? {
        cmark_node_get_url(node).map { String(cString: $0) }
    }

    package static func title(_ node: OpaquePointer) -> String? {
        cmark_node_get_title(node).map { String(cString: $0) }
    }

    /// Whether the node's title has `byte`, without making it a String.
    package static func titleHoldsByte(_ node: OpaquePointer, _ byte: UInt8) -> Bool {
        guard let title = cmark_node_get_title(node) else { return false }
        return strchr(title, Int32(byte)) != nil
    }

    package static func literal(_ node: OpaquePointer) -> String? {
        cmark_node_get_literal(node).map { String(cString: $0) }
    }

    /// A node's literal as UTF-8 bytes, without copying it into a String
    /// (empty when it has none).
    package static func withLiteralBytes<R>(_ node: OpaquePointer, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard let literal = cmark_node_get_literal(node) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        let count = strlen(literal)
        return literal.withMemoryRebound(to: UInt8.self, capacity: count) {
            body(UnsafeBufferPointer(start: $0, count: count))
        }
    }

    /// Line and byte column (both from 1) where the node starts in the text parsed.
    package static func start(_ node: OpaquePointer) -> (line: Int, byteColumn: Int) {
        (Int(cmark_node_get_start_line(node)), Int(cmark_node_get_start_column(node)))
    }

    /// Copies and frees a string cmark allocated.
    package static func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
