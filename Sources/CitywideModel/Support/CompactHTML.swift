import Foundation

/// cmark's HTML held in less memory: each of its fixed pieces of markup
/// (`<p>`, `</td>\n`, the footnotes' section...) as one control byte (the
/// most common) or two, 0x01 and the piece's number; a control byte of the
/// text itself as 0x01 and the byte with its high bit set. A prepared narrative
/// is held from load until its pages are made, and cmark's HTML is about a
/// quarter larger than the Markdown it replaces: with the pieces this
/// small, holding the HTML costs no more than holding the Markdown did.
package enum CompactHTML {
    static let escape: UInt8 = 0x01
    /// After `escape`: a byte of the text, not a piece.
    static let literalBit: UInt8 = 0x80
    /// Control bytes that stand for the first pieces alone (not tab, line
    /// feed or carriage return, which cmark's HTML is full of).
    static let shortCodes: [UInt8] = Array(0x02...0x08) + [0x0B, 0x0C] + Array(0x0E...0x1F)
    /// For each byte: 0 when it is itself, else 1 + the piece it stands for
    /// (255 for `escape`).
    private static let meaning: [UInt8] = {
        var meaning = [UInt8](repeating: 0, count: 256)
        for (piece, code) in shortCodes.enumerated() { meaning[Int(code)] = UInt8(piece + 1) }
        meaning[Int(escape)] = 255
        return meaning
    }()

    /// Every piece starts with `<` or `"` (which cmark writes only in
    /// markup: a text's is `&quot;`), so only those are looked at.
    /// The first (as many as `shortCodes`) are the most common, in the
    /// benchmark's narratives.
    static let pieces: [[UInt8]] = [
        "<td>", "</td>\n", "</td>\n<td>", "<li>", "</li>\n", "</li>\n<li>", "<p>", "</p>\n", "</p>\n<p>",
        "</a>", "<strong>", "</strong>", "<tr>\n", "</tr>\n", "</tr>\n<tr>\n", "<h3>", "</h3>\n",
        "<a href=\"", "<a href=\"https://", "<ul>\n", "</ul>\n", "<ol>\n", "</ol>\n", "<th>", "</th>\n", "</th>\n<th>", "<em>",
        "</em>", "<del>", "</del>", "<code>", "</code>",
        "<h2>", "</h2>\n", "<h4>", "</h4>\n", "<h5>", "</h5>\n", "<h6>", "</h6>\n",
        "<table>\n", "<thead>\n", "</thead>\n", "<tbody>\n", "</tbody>\n", "</table>\n",
        "<img src=\"",
        "<sup class=\"footnote-ref\"><a href=\"#fn-", "</a></sup>",
        "<section class=\"footnotes\" data-footnotes>\n<ol>\n", "</ol>\n</section>\n", "<li id=\"fn-", "<a href=\"#fnref-",
        "<blockquote>\n", "</blockquote>\n", "<hr />\n", "<br />\n", "<pre><code>", "</code></pre>\n",
        "<input type=\"checkbox\" disabled=\"\" /> ", "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> ",
        "<li>\n<p>", "</p>\n</li>\n", "<a href=\"http://",
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

    /// Where the first byte at or after `start` that `meaning` marks is (or
    /// `bytes.count`). Eight bytes are read at a time: a word with no byte
    /// below 0x20 holds none (SWAR: a byte below 0x20 borrows in x - 0x20..20
    /// and keeps its high bit clear), and only a word with one, a line feed
    /// mostly, is looked at byte by byte.
    static func nextMarked(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ meaning: [UInt8]) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        let raw = UnsafeRawPointer(base)
        var i = start
        while i < bytes.count {
            if bytes.count - i >= 8 {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                if (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
                for j in i..<(i + 8) where meaning[Int(bytes[j])] != 0 { return j }
                i += 8
            } else {
                if meaning[Int(bytes[i])] != 0 { return i }
                i += 1
            }
        }
        return bytes.count
    }

    /// `html` with its pieces made small, and `offsets` (ascending, of bytes
    /// no piece covers) moved to where those bytes are now.
    package static func compact(_ html: [UInt8], offsets: [Int]) -> (bytes: [UInt8], offsets: [Int]) {
        html.withUnsafeBufferPointer { compact($0, offsets: offsets) }
    }

    package static func compact(_ bytes: UnsafeBufferPointer<UInt8>, offsets: [Int]) -> (bytes: [UInt8], offsets: [Int]) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var moved: [Int] = []
        moved.reserveCapacity(offsets.count)
        var next = 0
        let lookup = Self.lookup, members = Self.members, pieces = Self.pieces, shortCodes = Self.shortCodes
        do {
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
                guard i + 2 < bytes.count else { return nil }
                let entry = lookup[Int(bytes[i + 1]) << 8 | Int(bytes[i + 2])]
                let start = Int(entry & 0xFF)
                for member in members[start..<(start + Int(entry >> 8))]
                where UTF8Bytes.hasPrefix(pieces[Int(member)], in: bytes, at: i, end: bytes.count) {
                    return Int(member)
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
            // Control bytes are rare in HTML: one pass finds the first, if any.
            let meaning = Self.meaning
            func nextControl(from start: Int) -> Int { nextMarked(in: bytes, from: start, meaning) }
            var nextEscape = nextControl(from: 0)
            while true {
                let i = min(nextTag, nextQuote, nextEscape)
                guard i < bytes.count else { break }
                if i == nextEscape {
                    copy(upTo: i)
                    out.append(escape)
                    out.append(bytes[i] | literalBit)
                    copied = i + 1
                } else if let found = piece(at: i) {
                    copy(upTo: i)
                    if found < shortCodes.count {
                        out.append(shortCodes[found])
                    } else {
                        out.append(escape)
                        out.append(UInt8(found))
                    }
                    copied = i + pieces[found].count
                }
                // Past the piece, or past the byte that starts none.
                let resume = max(copied, i + 1)
                if nextTag < resume { nextTag = nextIndex(UInt8(ascii: "<"), from: resume) }
                if nextQuote < resume { nextQuote = nextIndex(UInt8(ascii: "\""), from: resume) }
                if nextEscape < resume { nextEscape = nextControl(from: resume) }
            }
            copy(upTo: bytes.count)
        }
        // Held until the pages are made: exactly as long as it is, not as
        // long as the HTML it was reserved for.
        return (out.withUnsafeBufferPointer { Array($0) }, moved)
    }

    /// Appends `bytes` (compact) as the HTML they hold.
    package static func expand(_ bytes: ArraySlice<UInt8>, into output: inout [UInt8]) {
        let meaning = Self.meaning, pieces = Self.pieces
        bytes.withUnsafeBufferPointer { bytes in
            var copied = 0
            var i = nextMarked(in: bytes, from: 0, meaning)
            while i < bytes.count {
                let code = meaning[Int(bytes[i])]
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<i]))
                if code != 255 {
                    output.append(contentsOf: pieces[Int(code) - 1])
                    i += 1
                } else if i + 1 < bytes.count {
                    let next = bytes[i + 1]
                    if next & literalBit != 0 {
                        output.append(next & ~literalBit)
                    } else if Int(next) < pieces.count {
                        output.append(contentsOf: pieces[Int(next)])
                    }
                    i += 2
                } else {
                    i += 1
                }
                copied = i
                i = nextMarked(in: bytes, from: i, meaning)
            }
            if copied < bytes.count { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...])) }
        }
    }
}
