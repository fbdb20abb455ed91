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
        for character in text {
            guard let scalar = character.unicodeScalars.first else { continue }
            switch scalar.value {
            case 0x2E80...: ems += 1.0                       // CJK and other wide scripts
            case 0x41...0x5A: ems += "IJ".unicodeScalars.contains(scalar) ? 0.35 : 0.7  // A–Z
            case 0x30...0x39: ems += 0.58                     // digits
            default:
                ems += " .,:;'!|ijlftr()[]".unicodeScalars.contains(scalar) ? 0.33 : 0.58
            }
        }
        return ems * fontSize
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
