import CitywideModel

/// Finding the loader's shortcode markers (`ShortcodeParser.open`, `.close`)
/// and the `<p>` around them in UTF-8 bytes, with the same answers as
/// comparing Characters: a marker or tag counts only where it is a grapheme
/// of its own, not joined to a neighbouring combining mark or prefix. Only a
/// neighbour outside ASCII can join, so only then is a String built to ask.
enum ShortcodeMarkers {
    static let open = Array(String(ShortcodeParser.open).utf8)
    static let close = Array(String(ShortcodeParser.close).utf8)
    private static let paragraphStart = Array("<p>".utf8)
    private static let paragraphEndTag = Array("</p>".utf8)

    /// Whether `text` has a byte that starts a marker: when not, it holds
    /// no shortcode (most titles and headings).
    static func mayHold(_ text: String) -> Bool {
        text.utf8.contains(open[0])
    }

    /// Where the next `marker` standing alone starts at or after `start`.
    static func next(_ marker: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var search = start
        while let found = bytes.firstOffset(of: marker, from: search) {
            if standsAlone(bytes, found..<(found + marker.count)) { return found }
            search = found + 1
        }
        return nil
    }

    /// Whether `result` ends with `<p>` as three Characters.
    static func endsWithParagraphStart(_ result: [UInt8]) -> Bool {
        result.withUnsafeBufferPointer { bytes in
            let start = bytes.count - paragraphStart.count
            return bytes.hasBytes(paragraphStart, at: start) && standsAlone(bytes, start..<bytes.count)
        }
    }

    /// Whether `</p>` starts at `offset`, as four Characters, within the
    /// bytes before `end`.
    static func paragraphEnd(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int, before end: Int) -> Bool {
        offset + paragraphEndTag.count <= end && bytes.hasBytes(paragraphEndTag, at: offset)
            && standsAlone(UnsafeBufferPointer(rebasing: bytes[..<end]), offset..<(offset + paragraphEndTag.count))
    }

    /// Whether grapheme clusters break at both ends of `range` (which starts
    /// and ends at whole scalars): only a scalar outside ASCII beside it can
    /// join it (a prepended mark before, a combining mark after).
    static func standsAlone(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let joinsBefore = range.lowerBound > 0 && bytes[range.lowerBound - 1] >= 0x80
        let joinsAfter = range.upperBound < bytes.count && bytes[range.upperBound] >= 0x80
        guard joinsBefore || joinsAfter else { return true }
        var start = range.lowerBound
        if joinsBefore {
            start -= 1
            while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        }
        var end = range.upperBound
        if joinsAfter {
            end += 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        }
        let alone = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self).count
        let together = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).count
        return together == alone + (joinsBefore ? 1 : 0) + (joinsAfter ? 1 : 0)
    }
}
