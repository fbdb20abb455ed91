import CCmarkGFM

/// A narrative parsed, changed and written as HTML once, when it is loaded,
/// for a page to finish: cmark's HTML with the leading `# Heading` taken
/// out and headings one level lower, in which each relative link or image
/// has a marker for a URL, to be replaced by that URL as the page leads to
/// it (its language, its folder). Parsing again for each page, as the
/// renderer did, was 11% of a 10,000-city build.
public struct PreparedNarrative: Sendable {
    /// The text of the leading `# Heading`, for the page's one `<h1>`.
    public var title: String?
    /// Each heading's words, in document order (for its id and section link).
    public var headings: [String] {
        // Joined, each ended by a NUL (which cmark never writes: it reads
        // one as U+FFFD): one allocation held, not one per heading. Split as
        // bytes: a NUL and a combining mark after it are one Character.
        headingTexts.utf8.split(separator: 0, omittingEmptySubsequences: false).dropLast().map { String(decoding: $0, as: UTF8.self) }
    }
    private var headingTexts: String
    /// cmark's HTML, UTF-8, as `CompactHTML` holds it.
    public var html: [UInt8]
    /// Where each marker is in `html`, in order, and the URL as written.
    public var links: [Link]

    public struct Link: Sendable, Equatable {
        /// The marker's first byte in `html` (inside the attribute's quotes;
        /// no compact piece covers it).
        public var offset: Int
        /// The marker's length in bytes.
        public var length: Int
        public var url: String
    }

    /// What a marked URL is set to before cmark writes the HTML, followed by
    /// the link's number: letters, digits, `-` and `:`, which cmark writes
    /// in an attribute as they are (`MarkdownHref`).
    package static let markerPrefix = "citywide-link:"
    private static let attributeMarker = Array("\"\(markerPrefix)".utf8)
    private static let linkStart = Array("<a href=".utf8)
    private static let imageStart = Array("<img src=".utf8)

    /// Whether the bytes before the quote at `offset` are `<a href=` or `<img src=`.
    private static func opensURL(_ bytes: UnsafeBufferPointer<UInt8>, before offset: Int) -> Bool {
        func ends(with start: [UInt8]) -> Bool {
            offset >= start.count && UnsafeBufferPointer(rebasing: bytes[(offset - start.count)..<offset]).elementsEqual(start)
        }
        return ends(with: linkStart) || ends(with: imageStart)
    }

    /// Takes out the leading `# Heading`, lowers the headings, sets each
    /// link's or image's URL that `isLocal` to a marker, and writes the
    /// HTML: what `MarkdownRenderer` did on every page. Nil when the
    /// narrative itself writes a URL starting with the marker (its own
    /// markers could not be told apart): render it from its Markdown.
    package init?(_ document: MarkdownDocument, isLocal: (String) -> Bool) {
        title = document.takeTitle()
        var headings: [String] = []
        var urls: [String] = []
        var collides = false
        document.forEachNode { node in
            switch MarkdownDocument.type(node) {
            case CMARK_NODE_HEADING:
                headings.append(MarkdownDocument.lowerHeading(node))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                guard let url = MarkdownDocument.url(node) else { return }
                if isLocal(url) {
                    cmark_node_set_url(node, Self.markerPrefix + String(urls.count))
                    urls.append(url)
                } else if url.utf8.starts(with: Self.markerPrefix.utf8) {
                    collides = true
                }
            default:
                break
            }
        }
        guard !collides else { return nil }
        headingTexts = headings.map { $0 + "\u{0}" }.joined()
        // Find the markers cmark wrote. In cmark's HTML a `"` outside markup
        // is always `&quot;`, so `<a href="citywide-link:` or `<img
        // src="citywide-link:` starts a URL, and no URL of the narrative's
        // own starts so (checked above). A title or a code block's language
        // may read `"citywide-link:...`, but after `title=` or `lang=`. A
        // marked link inside an image's alt text is not written at all, so
        // not every number need be found. Read in cmark's buffer: only the
        // compact HTML is copied out of it.
        let prepared = document.withHTMLBytes { bytes -> (html: [UInt8], links: [Link])? in
            var links: [Link] = []
            var search = 0
            while let quote = UTF8Bytes.firstIndex(of: Self.attributeMarker, in: bytes, search..<bytes.count) {
                let start = quote + 1
                search = start
                guard Self.opensURL(bytes, before: quote) else { continue }
                var end = start + Self.markerPrefix.utf8.count
                var number = 0
                while end < bytes.count, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9"), number < urls.count {
                    number = number * 10 + Int(bytes[end] - UInt8(ascii: "0"))
                    end += 1
                }
                guard end > start + Self.markerPrefix.utf8.count, end < bytes.count, bytes[end] == UInt8(ascii: "\""),
                      number < urls.count else { return nil }
                links.append(Link(offset: start, length: end - start, url: urls[number]))
                search = end
            }
            let compact = CompactHTML.compact(bytes, offsets: links.map(\.offset))
            for i in links.indices { links[i].offset = compact.offsets[i] }
            return (compact.bytes, links)
        }
        guard let prepared else { return nil }
        html = prepared.html
        links = prepared.links
    }
}
