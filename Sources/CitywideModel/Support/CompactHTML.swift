import Foundation

/// cmark's HTML held in less memory: each of its fixed pieces of markup
/// (`<p>`, `</td>\n`, the footnotes' section...) as two bytes, 0x01 and the
/// piece's number (a 0x01 of the text as 0x01 0xFF). A prepared narrative
/// is held from load until its pages are made, and cmark's HTML is about a
/// quarter larger than the Markdown it replaces: with the pieces this
/// small, holding the HTML costs no more than holding the Markdown did.
package enum CompactHTML {
    static let escape: UInt8 = 0x01
    static let literalEscape: UInt8 = 0xFF

    /// Every piece starts with `<` or `"` (which cmark writes only in
    /// markup: a text's is `&quot;`), so only those are looked at.
    static let pieces: [[UInt8]] = [
        "<p>", "</p>\n", "<strong>", "</strong>", "<em>", "</em>", "<del>", "</del>", "<code>", "</code>",
        "<li>", "</li>\n", "<ul>\n", "</ul>\n", "<ol>\n", "</ol>\n",
        "<h2>", "</h2>\n", "<h3>", "</h3>\n", "<h4>", "</h4>\n", "<h5>", "</h5>\n", "<h6>", "</h6>\n",
        "<table>\n", "<thead>\n", "</thead>\n", "<tbody>\n", "</tbody>\n", "</table>\n",
        "<tr>\n", "</tr>\n", "<th>", "</th>\n", "<td>", "</td>\n",
        "<a href=\"", "</a>", "<img src=\"",
        "<sup class=\"footnote-ref\"><a href=\"#fn-", "</a></sup>",
        "<section class=\"footnotes\" data-footnotes>\n<ol>\n", "</ol>\n</section>\n", "<li id=\"fn-", "<a href=\"#fnref-",
        "<blockquote>\n", "</blockquote>\n", "<hr />\n", "<br />\n", "<pre><code>", "</code></pre>\n",
        "<input type=\"checkbox\" disabled=\"\" /> ", "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> ",
        // Neighbours that come together most.
        "</p>\n<p>", "</li>\n<li>", "</td>\n<td>", "</th>\n<th>", "</tr>\n<tr>\n", "<li>\n<p>", "</p>\n</li>\n",
        "<a href=\"https://", "<a href=\"http://",
        // A footnote's reference, its definition and the way back, as
        // libcmark-gfm 0.29.0.gfm.6 writes them (markup another version
        // writes otherwise is only held as it is).
        "\" id=\"fnref-", "\" data-footnote-ref>", "\">\n",
        "\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to content\">↩</a>",
    ].map { Array($0.utf8) }
    /// The pieces by their second and third bytes, longest first (so
    /// `<a href="#fnref-` wins over `<a href="`): a `<` is compared with a
    /// few pieces, not all. `lookup[second << 8 | third]` is where its
    /// pieces start in `members` and how many there are (start | count << 8).
    private static let (lookup, members): ([UInt16], [UInt8]) = {
        var lookup = [UInt16](repeating: 0, count: 1 << 16)
        var members: [UInt8] = []
        let groups = Dictionary(grouping: pieces.indices.sorted { pieces[$0].count > pieces[$1].count }) { Int(pieces[$0][1]) << 8 | Int(pieces[$0][2]) }
        for (key, group) in groups {
            lookup[key] = UInt16(members.count) | UInt16(group.count) << 8
            members += group.map(UInt8.init)
        }
        return (lookup, members)
    }()

    /// `html` with its pieces made small, and `offsets` (ascending, of bytes
    /// no piece covers) moved to where those bytes are now.
    package static func compact(_ html: [UInt8], offsets: [Int]) -> (bytes: [UInt8], offsets: [Int]) {
        var out: [UInt8] = []
        out.reserveCapacity(html.count)
        var moved: [Int] = []
        moved.reserveCapacity(offsets.count)
        var next = 0
        let lookup = Self.lookup, members = Self.members, pieces = Self.pieces
        html.withUnsafeBufferPointer { bytes in
            var copied = 0
            func copy(upTo end: Int) {
                while next < offsets.count, offsets[next] < end {
                    moved.append(out.count + offsets[next] - copied)
                    next += 1
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<end]))
                copied = end
            }
            /// The piece at `i`, if one is.
            func piece(at i: Int) -> Int? {
                guard i + 2 < bytes.count, let base = bytes.baseAddress else { return nil }
                let entry = lookup[Int(bytes[i + 1]) << 8 | Int(bytes[i + 2])]
                let start = Int(entry & 0xFF)
                for member in members[start..<(start + Int(entry >> 8))] {
                    let piece = pieces[Int(member)]
                    if bytes.count - i >= piece.count, piece.withUnsafeBufferPointer({ $0.baseAddress.map { memcmp(base + i, $0, piece.count) == 0 } ?? false }) {
                        return Int(member)
                    }
                }
                return nil
            }
            // memchr jumps from one byte that may start a piece (or must be
            // escaped) to the next: text between them is copied whole.
            func nextIndex(_ byte: UInt8, from start: Int) -> Int {
                UTF8Bytes.firstIndex(of: byte, in: bytes, start..<bytes.count) ?? bytes.count
            }
            var nextTag = nextIndex(UInt8(ascii: "<"), from: 0)
            var nextQuote = nextIndex(UInt8(ascii: "\""), from: 0)
            var nextEscape = nextIndex(escape, from: 0)
            while true {
                let i = min(nextTag, nextQuote, nextEscape)
                guard i < bytes.count else { break }
                if i == nextEscape {
                    copy(upTo: i)
                    out.append(escape)
                    out.append(literalEscape)
                    copied = i + 1
                } else if let found = piece(at: i) {
                    copy(upTo: i)
                    out.append(escape)
                    out.append(UInt8(found))
                    copied = i + pieces[found].count
                }
                // Past the piece, or past the byte that starts none.
                let resume = max(copied, i + 1)
                if nextTag < resume { nextTag = nextIndex(UInt8(ascii: "<"), from: resume) }
                if nextQuote < resume { nextQuote = nextIndex(UInt8(ascii: "\""), from: resume) }
                if nextEscape < resume { nextEscape = nextIndex(escape, from: resume) }
            }
            copy(upTo: bytes.count)
        }
        // Held until the pages are made: exactly as long as it is, not as
        // long as the HTML it was reserved for.
        return (out.withUnsafeBufferPointer { Array($0) }, moved)
    }

    /// Appends `bytes` (compact) as the HTML they hold.
    package static func expand(_ bytes: ArraySlice<UInt8>, into output: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { bytes in
            var copied = 0
            while copied < bytes.count, let found = UTF8Bytes.firstIndex(of: escape, in: bytes, copied..<bytes.count), found + 1 < bytes.count {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<found]))
                let code = bytes[found + 1]
                if code == literalEscape {
                    output.append(escape)
                } else if Int(code) < pieces.count {
                    output.append(contentsOf: pieces[Int(code)])
                }
                copied = found + 2
            }
            if copied < bytes.count { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...])) }
        }
    }
}

