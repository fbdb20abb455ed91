import Foundation
import CitywideModel
import CitywidePublished
import CitywideWrite

/// Stable ids for a narrative's headings, as GitHub makes them (lowercase,
/// punctuation removed, spaces to `-`, `-1`, `-2` added on repeats), so a
/// link to `chicago.md#funding` works on GitHub and on the site; and a
/// visible link to each section, beside (not inside) its heading, so the
/// heading's name stays its text.
package struct HeadingAnchors {
    /// Ids already on the page: the template's, the footnotes'.
    package var takenIDs: Set<String>
    /// Ids cmark's HTML already has (`ids(in:)`), taken as well: kept apart
    /// so that no page copies the template's set to join them.
    package var htmlIDs: Set<String> = []
    package var sectionLink: (String) -> String

    /// GitHub's slug: letters, digits, `-` and `_` kept (lowercased), spaces
    /// to `-`, everything else dropped. Shortcode markers are dropped whole.
    package static func slug(_ text: String) -> String {
        var text = text
        if let ascii = text.withUTF8(asciiSlug) {
            return ascii.isEmpty ? "section" : ascii
        }
        var slug = ""
        var inMarker = false
        for character in text.lowercased() {
            if character == ShortcodeParser.open { inMarker = true; continue }
            if character == ShortcodeParser.close { inMarker = false; continue }
            guard !inMarker else { continue }
            if character == " " {
                slug.append("-")
            } else if character == "-" || character == "_" || character.isLetter || character.isNumber {
                slug.append(character)
            }
        }
        return slug.isEmpty ? "section" : slug
    }

    /// The slug of a heading of ASCII and shortcode markers, byte by byte
    /// (each byte a Character, as `slug`'s loop sees it); nil for any other
    /// text, which needs Unicode's letters and grapheme clusters.
    private static func asciiSlug(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var slug: [UInt8] = []
        slug.reserveCapacity(bytes.count)
        var inMarker = false
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte >= 0x80 {
                // U+E000 or U+E001, as its own Character: what follows is
                // ASCII, another marker, or the end.
                guard byte == 0xEE, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] & 0xFE == 0x80 else { return nil }
                let next = i + 3
                guard next == bytes.count || bytes[next] < 0x80 || bytes.hasBytes(marker, at: next) || bytes.hasBytes(closeMarker, at: next) else { return nil }
                inMarker = bytes[i + 2] == 0x80
                i = next
                continue
            }
            i += 1
            guard !inMarker else { continue }
            switch byte {
            case UInt8(ascii: " "): slug.append(UInt8(ascii: "-"))
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): slug.append(byte + 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"): slug.append(byte)
            default: break
            }
        }
        return String(decoding: slug, as: UTF8.self)
    }

    private static let marker = Array(String(ShortcodeParser.open).utf8)
    private static let closeMarker = Array(String(ShortcodeParser.close).utf8)

    /// One id per heading, in order; each unique on the page.
    package func ids(for headings: [String]) -> [String] {
        var given: Set<String> = []
        return headings.map { text in
            let base = Self.slug(text)
            var id = base
            var n = 0
            while takenIDs.contains(id) || htmlIDs.contains(id) || given.contains(id) {
                n += 1
                id = "\(base)-\(n)"
            }
            given.insert(id)
            return id
        }
    }

    private static let headingStart = Array("<h".utf8)

    /// Gives each `<h2>`…`<h6>` of cmark's HTML (UTF-8 bytes), in order, its
    /// id and link. `headings` are their texts, in the same order (document order).
    package func apply(to html: [UInt8], headings: [String]) -> [UInt8] {
        guard !headings.isEmpty else { return html }
        let ids = ids(for: headings)
        return html.withUnsafeBufferPointer { bytes -> [UInt8] in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 200 * ids.count)
            var copied = 0
            var index = 0
            while index < ids.count, let (open, level) = Self.nextHeading(in: bytes, from: copied) {
                let closeTag = Self.closeTags[level]
                guard let close = bytes.firstOffset(of: closeTag, from: open + 4) else { break }
                let id = Self.escapedID(ids[index])
                result.append(contentsOf: bytes[copied..<open])
                // `<div class="section-heading"><h3 id="{id}">`, a piece at a time.
                result.append(contentsOf: Self.headingStartTag)
                result.append(UInt8(ascii: "0") + UInt8(level))
                result.append(contentsOf: Self.idStart)
                result.append(contentsOf: id.utf8)
                result.append(contentsOf: Self.tagEnd)
                result.append(contentsOf: bytes[(open + 4)..<close])
                // The name is an attribute, not hidden text: a stylesheet forked
                // before this link existed shows it right too.
                // `</h3> <a class="heading-link" href="#{id}" aria-label="{label}">#</a></div>`
                result.append(contentsOf: closeTag)
                result.append(contentsOf: Self.linkStart)
                result.append(contentsOf: id.utf8)
                result.append(contentsOf: Self.labelStart)
                result.append(contentsOf: MarkupText.escape(sectionLink(headings[index])).utf8)
                result.append(contentsOf: Self.linkEnd)
                copied = close + closeTag.count
                index += 1
            }
            result.append(contentsOf: bytes[copied...])
            return result
        }
    }

    private static let closeTags = (0...6).map { Array("</h\($0)>".utf8) }
    private static let headingStartTag = Array("<div class=\"section-heading\"><h".utf8)
    private static let idStart = Array(" id=\"".utf8)
    private static let tagEnd = Array("\">".utf8)
    private static let linkStart = Array(" <a class=\"heading-link\" href=\"#".utf8)
    private static let labelStart = Array("\" aria-label=\"".utf8)
    private static let linkEnd = Array("\">#</a></div>".utf8)

    /// An id as markup: a slug of ASCII letters, digits, `-` and `_` (nearly
    /// every id) is its own escape.
    private static func escapedID(_ id: String) -> String {
        let plain = id.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
        return plain ? id : MarkupText.escape(id)
    }

    /// cmark writes a heading's start tag without attributes: `<h3>`.
    /// Where the next one starts at or after `start`, and its level.
    private static func nextHeading(in html: UnsafeBufferPointer<UInt8>, from start: Int) -> (offset: Int, level: Int)? {
        var search = start
        while let found = html.firstOffset(of: headingStart, from: search) {
            let digit = found + 2
            if digit + 1 < html.count, (UInt8(ascii: "2")...UInt8(ascii: "6")).contains(html[digit]), html[digit + 1] == UInt8(ascii: ">") {
                return (found, Int(html[digit] - UInt8(ascii: "0")))
            }
            search = digit
        }
        return nil
    }

    private static let idAttribute = Array(" id=\"".utf8)

    /// Every `id="..."` already in some HTML's UTF-8 bytes (cmark's footnote ids).
    package static func ids(in html: [UInt8]) -> Set<String> {
        html.withUnsafeBufferPointer { bytes in
            var ids: Set<String> = []
            var search = 0
            while let start = bytes.firstOffset(of: idAttribute, from: search) {
                let value = start + idAttribute.count
                guard let end = bytes[value...].firstIndex(of: UInt8(ascii: "\"")) else { break }
                ids.insert(String(decoding: bytes[value..<end], as: UTF8.self))
                search = end
            }
            return ids
        }
    }
}
