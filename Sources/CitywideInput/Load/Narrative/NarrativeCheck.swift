import CCmarkGFM
import Foundation
import CitywideModel

/// Reads a blueprint's narrative as `build` will render it and reports what
/// would otherwise fail without a word: an image or local link that leads
/// nowhere (errors), and raw HTML, another generator's template syntax,
/// placeholder text and images without alt text (warnings). Returns where
/// each relative link and image leads, for the renderer.
package struct NarrativeCheck {
    package let path: String
    /// Line of the file on which the narrative starts.
    package let bodyLine: Int
    package let folder: URL
    package let log: DiagnosticLog
    /// What the loader listed (`LocalLinkResolver.listedFiles`).
    package var listedFiles: Set<String> = []

    package func scan(_ body: String) -> [String: LocalLink] {
        guard let document = MarkdownDocument(body) else { return [:] }
        return scan(document, text: body).links
    }

    /// `scan` of the document parsed from `body`; also says whether a link's
    /// or image's URL or title holds a shortcode marker (of a body whose
    /// shortcodes were replaced: see `ShortcodeNeutrality`).
    package func scan(_ document: MarkdownDocument, text body: String) -> (links: [String: LocalLink], markerInLink: Bool) {
        // Split only when a message needs a column: most narratives have none.
        var lines: [Substring]?
        let resolver = LocalLinkResolver(folder: folder, blueprintPath: path, listedFiles: listedFiles)
        var links: [String: LocalLink] = [:]
        var markerInLink = false

        func location(_ node: OpaquePointer, byteOffset: Int = 0) -> SourceLocation {
            let (line, byteColumn) = MarkdownDocument.start(node)
            if lines == nil { lines = body.split(separator: "\n", omittingEmptySubsequences: false) }
            guard let lines, line >= 1, line <= lines.count else { return SourceLocation(path: path, line: bodyLine) }
            // cmark counts bytes; messages count characters.
            let prefix = lines[line - 1].utf8.prefix(max(0, byteColumn - 1 + byteOffset))
            let column = String(decoding: prefix, as: UTF8.self).count + 1
            return SourceLocation(path: path, line: bodyLine + line - 1, column: column)
        }

        document.forEachNode { node in
            switch MarkdownDocument.type(node) {
            case CMARK_NODE_IMAGE, CMARK_NODE_LINK:
                let isImage = MarkdownDocument.type(node) == CMARK_NODE_IMAGE
                guard let url = MarkdownDocument.url(node) else { return }
                if Self.holdsMarker(url) || MarkdownDocument.titleHoldsByte(node, 0xEE) && Self.holdsMarker(MarkdownDocument.title(node)) { markerInLink = true }
                switch resolver.resolve(url, isImage: isImage) {
                case .notLocal: break
                case let .link(link): links[url] = link
                case let .refused(reason): log.error(location(node), (isImage ? "image " : "link ") + reason)
                }
                if isImage, MarkdownDocument.plainText(node).isEmpty {
                    log.warning(location(node), "image '\(url)' has no alt text: say what it shows for readers who cannot see it, e.g. ![Survivors' advisory board at City Hall](\(url))")
                }
            case CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK:
                let html = MarkdownDocument.literal(node) ?? ""
                // Comments are meant to stay unpublished; closing tags were warned about with their opening tag.
                guard !html.hasPrefix("<!--"), !html.hasPrefix("</") else { return }
                log.warning(location(node), "raw HTML is not published: '\(Self.excerpt(html))' is dropped from the page; write it in Markdown")
            case CMARK_NODE_TEXT:
                MarkdownDocument.withLiteralBytes(node) { text in
                    checkText(text) { offset, message in
                        log.warning(location(node, byteOffset: offset), message)
                    }
                }
            default:
                break
            }
        }
        return (links, markerInLink)
    }

    private static let markerBytes = Array(String(ShortcodeParser.open).utf8)

    private static func holdsMarker(_ text: String?) -> Bool {
        guard let text, text.utf8.contains(where: { $0 >= 0x80 }) else { return false }
        return UTF8Bytes.withBytes(of: text) { UTF8Bytes.firstIndex(of: markerBytes, in: $0, 0..<$0.count) != nil }
    }

    /// Template syntax of other generators and `new city`'s placeholders, in
    /// text (code spans and blocks are not text, so examples stay quiet).
    private func checkText(_ bytes: UnsafeBufferPointer<UInt8>, warn: (Int, String) -> Void) {
        if let marker = Self.placeholderOffset(in: bytes) {
            warn(marker, "placeholder text left from `citywide new city`: replace it with the city's own words, or delete it")
        }
        var i = 0
        // memchr jumps from brace to brace: most text has none.
        while i + 1 < bytes.count, let brace = UTF8Bytes.firstIndex(of: UInt8(ascii: "{"), in: bytes, i..<(bytes.count - 1)) {
            i = brace
            let open = (bytes[i], bytes[i + 1])
            guard open.1 == UInt8(ascii: "{") || open.1 == UInt8(ascii: "%") else {
                i += 1
                continue
            }
            let third = i + 2 < bytes.count ? bytes[i + 2] : 0
            if open.1 == UInt8(ascii: "{"), third == UInt8(ascii: "<") || third == UInt8(ascii: "{") {
                // Citywide's own `{{<`, read by ShortcodeParser; `{{{` is looked at from its second brace.
                i += third == UInt8(ascii: "<") ? 3 : 1
                continue
            }
            let written = Self.excerpt(String(decoding: bytes[i...].prefix(60), as: UTF8.self), upTo: open.1 == UInt8(ascii: "%") ? "%}" : "}}")
            let syntax = third == UInt8(ascii: "%") ? "Hugo's shortcode syntax" : open.1 == UInt8(ascii: "%") ? "Liquid (Jekyll) syntax" : "the template syntax of another generator"
            warn(i, "'\(written)' is \(syntax) and is printed as text: Citywide's live figures are written {{< value metric_id >}}, {{< progress metric_id >}} or {{< chart metric_id >}}")
            i += 2
        }
    }

    private static let placeholderBytes = Array(BlueprintScaffold.placeholderMarker.utf8)

    /// The byte offset of the first placeholder marker: compared as bytes in
    /// ASCII text, by Foundation in other text (where a combining mark after
    /// the colon makes it another character).
    package static func placeholderOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if UTF8Bytes.isASCII(bytes, 0..<bytes.count) || isASCIIAndMarkers(bytes) {
            return UTF8Bytes.firstIndex(of: placeholderBytes, in: bytes, 0..<bytes.count)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return text.range(of: BlueprintScaffold.placeholderMarker).map { text.utf8.distance(from: text.startIndex, to: $0.lowerBound) }
    }

    /// Whether the only bytes outside ASCII are shortcode markers (U+E000,
    /// U+E001: EE 80 80, EE 80 81), as in most text of a narrative checked
    /// with its shortcodes replaced. A marker is a character of its own that
    /// nothing joins and that decomposes to nothing, so comparing bytes
    /// finds what Foundation finds.
    private static func isASCIIAndMarkers(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            if bytes[i] < 0x80 {
                i += 1
            } else if i + 2 < bytes.count, bytes[i] == 0xEE, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 || bytes[i + 2] == 0x81 {
                i += 3
            } else {
                return false
            }
        }
        return true
    }

    package static func placeholderOffset(in text: String) -> Int? {
        UTF8Bytes.withBytes(of: text) { placeholderOffset(in: $0) }
    }

    /// The start of some markup, up to `end` or the end of its first line, for a message.
    package static func excerpt(_ text: String, upTo end: String = ">") -> String {
        let line = text.prefix { $0 != "\n" }
        if let close = line.range(of: end) { return String(line[..<close.upperBound]) }
        return line.count > 40 ? line.prefix(40) + "..." : String(line)
    }
}
