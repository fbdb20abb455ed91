import Foundation

/// A name as a path segment: a new city's file name, a state's folder.
public enum Slug {
    /// "St. Paul" → "st-paul", "San José" → "san-jose": lowercase, accents
    /// removed, spaces → `-`, anything but `a-z 0-9 - _` dropped, repeated `-`
    /// collapsed, `-` and `_` trimmed from both ends. nil when nothing is left.
    public static func make(_ name: String) -> String? {
        let folded = name.lowercased().folding(options: [.diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var slug = ""
        for scalar in folded.unicodeScalars {
            let c: Character
            if scalar.properties.isWhitespace || scalar == "-" {
                c = "-"
            } else if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" {
                c = Character(scalar)
            } else {
                continue
            }
            if c == "-", slug.hasSuffix("-") { continue }
            slug.append(c)
        }
        let trimmed = slug.trimmingCharacters(in: CharacterSet(charactersIn: "-_"))
        return trimmed.isEmpty ? nil : trimmed
    }
}
