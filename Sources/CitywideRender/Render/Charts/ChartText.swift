import Foundation
import CitywideModel
import CitywidePublished
import CitywideWrite

/// Rough text measurement and placement. We cannot measure fonts while
/// generating a static page, so widths are generous estimates per character.
package enum ChartText {
    /// Font size for labels, in viewBox units, which are CSS pixels until a
    /// page is narrower than the chart (see `ChartFrame.width`).
    package static let fontSize = 13.0
    /// Font size for the small print (never below 12).
    package static let smallFontSize = 12.0
    package static let fontFamily = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif"

    /// Estimated rendered width of `text` at `fontSize`.
    package static func width(_ text: String, fontSize: Double = ChartText.fontSize) -> Double {
        var ems = 0.0
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII, nearly every label: a character is a byte, but for
            // "\r\n", one character (measured by its "\r").
            var previous: UInt8 = 0
            for byte in text.utf8 {
                if !(byte == 0x0A && previous == 0x0D) { ems += self.ems(Unicode.Scalar(byte)) }
                previous = byte
            }
        } else {
            for character in text {
                guard let scalar = character.unicodeScalars.first else { continue }
                ems += self.ems(scalar)
            }
        }
        return ems * fontSize
    }

    /// A character's width in ems, from its first scalar.
    private static func ems(_ scalar: Unicode.Scalar) -> Double {
        switch scalar.value {
        case 0x2E80...: 1.0                                  // CJK and other wide scripts
        case 0x49, 0x4A: 0.35                                // I J
        case 0x41...0x5A: 0.7                                // A–Z
        case 0x30...0x39: 0.58                               // digits
        case 0x20, 0x2E, 0x2C, 0x3A, 0x3B, 0x27, 0x21, 0x7C, // space . , : ; ' ! |
             0x69, 0x6A, 0x6C, 0x66, 0x74, 0x72,             // i j l f t r
             0x28, 0x29, 0x5B, 0x5D: 0.33                    // ( ) [ ]
        default: 0.58
        }
    }

    /// `text` cut to at most `limit` characters, ending in "…" when cut.
    /// Only used for visible labels; the full text is always in the
    /// description and in `<title>` tooltips.
    package static func truncated(_ text: String, to limit: Int) -> String {
        guard text.count > limit, limit > 1 else { return text }
        return String(text.prefix(limit - 1)).trimmingCharacters(in: .whitespaces) + "…"
    }

    /// `text` cut (ending in "…") so that its estimated width, with a tenth
    /// to spare (the reader's font is not known), fits `width`.
    package static func fitted(_ text: String, width: Double, fontSize: Double = ChartText.fontSize) -> String {
        // Nearly every label fits: measured once, its Characters never counted.
        guard self.width(text, fontSize: fontSize) * 1.1 > width else { return text }
        var limit = text.count
        var result = text
        while limit > 1, self.width(result, fontSize: fontSize) * 1.1 > width {
            limit -= 1
            result = truncated(text, to: limit)
        }
        return result
    }

    /// `text` wrapped at spaces into at most `maxLines` lines that each fit
    /// `width` (the last cut with "…" if it must be). Widths are estimated
    /// with a tenth to spare, since the reader's font is not known.
    package static func lines(_ text: String, width: Double, fontSize: Double = ChartText.fontSize, maxLines: Int = 2) -> [String] {
        let room = width / 1.1
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if current.isEmpty || self.width(candidate, fontSize: fontSize) <= room || lines.count == maxLines - 1 {
                current = candidate
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines.map { fitted($0, width: width, fontSize: fontSize) }
    }

    /// Moves label centres apart so that neighbours are at least `gap` apart,
    /// staying within `lower...upper` where possible. Returns positions in the
    /// same order as `wanted`. Deterministic: ties keep input order.
    package static func spread(_ wanted: [Double], gap: Double, lower: Double, upper: Double) -> [Double] {
        let order = wanted.indices.sorted { (wanted[$0], $0) < (wanted[$1], $1) }
        var placed = order.map { min(max(wanted[$0], lower), upper) }
        guard !placed.isEmpty else { return [] }
        for i in placed.indices.dropFirst() where placed[i] < placed[i - 1] + gap {
            placed[i] = placed[i - 1] + gap
        }
        if placed[placed.count - 1] > upper {
            placed[placed.count - 1] = upper
            for i in placed.indices.dropLast().reversed() where placed[i] > placed[i + 1] - gap {
                placed[i] = placed[i + 1] - gap
            }
        }
        var result = wanted
        for (rank, index) in order.enumerated() { result[index] = placed[rank] }
        return result
    }
}
