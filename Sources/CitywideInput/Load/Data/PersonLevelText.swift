import Foundation
import CitywideModel

/// Text that looks like it identifies a person: a name, a date (of birth),
/// an identifier, a phone number or an e-mail address. A dimension value of
/// that shape means the data is person-level, not aggregate; a note of that
/// shape would publish it beside the figures.
///
/// Aggregate dimension values are short keys (`under_18`, `18_24`,
/// `25_plus`, `labor`): lowercase words, and numbers of at most a few digits
/// joined by `_`. None of them match.
package enum PersonLevelText {
    /// What `text` looks like, as words for a message ("a name"), or nil.
    /// A dimension value must not match as a whole.
    package static func kind(ofValue text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return patterns.first { matches($0.whole, trimmed) }?.kind
    }

    /// What some part of a note looks like, or nil.
    package static func kind(inNote text: String) -> String? {
        patterns.first { matches($0.search, text) }?.kind
    }

    /// The first whole number from 1 to `limit - 1` written in a note, in
    /// digits ("3") or in words ("three"), or nil. Numbers inside words
    /// (`COVID-19`, `2020-Q2`) are not counts and are skipped.
    package static func smallNumber(inNote text: String, below limit: Int) -> String? {
        for token in text.split(whereSeparator: { $0.isWhitespace }) {
            let word = token.trimmingCharacters(in: CharacterSet(charactersIn: ",.;:!?()[]\"'“”‘’"))
            let value = Int(word) ?? numberWords[word.lowercased()]
            if let value, value >= 1, value < limit { return word }
        }
        return nil
    }

    private static let numberWords: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "single": 1, "twice": 2,
    ]

    private struct Pattern {
        var kind: String
        /// Finds the shape anywhere in a text.
        var search: NSRegularExpression?
        /// Matches only a text that is the shape as a whole.
        var whole: NSRegularExpression?
        init(_ kind: String, _ pattern: String) {
            self.kind = kind
            // Constants, compiled by a test: nil never happens in practice.
            search = try? NSRegularExpression(pattern: pattern)
            whole = try? NSRegularExpression(pattern: "^(?:" + pattern + ")$")
        }
    }

    // Order matters: an e-mail address holds digits, a phone number is a digit run.
    private static let patterns: [Pattern] = [
        Pattern("an e-mail address", #"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"#),
        Pattern("a social security number", #"(?<![0-9])[0-9]{3}-[0-9]{2}-[0-9]{4}(?![0-9])"#),
        Pattern("a date", #"(?<![0-9])([0-9]{4}[-/._][0-9]{1,2}[-/._][0-9]{1,2}|[0-9]{1,2}[-/._][0-9]{1,2}[-/._]([0-9]{4}|[0-9]{2}))(?![0-9])"#),
        Pattern("a phone number", #"(?<![0-9])(\+[0-9]{1,3}[ .-]?)?(\([0-9]{3}\)[ .-]?|[0-9]{3}[ .-])[0-9]{3}[ .-][0-9]{4}(?![0-9])|(?<![0-9-])[0-9]{3}[ .-][0-9]{4}(?![0-9-])"#),
        Pattern("an identifier", #"[0-9]{7,}"#),
        // A code mixing letters and at least four digits (A123456, CASE-0042, x7y9z2w4),
        // but not a period written as one word (2020Q2, FY2019).
        Pattern("an identifier", #"\b(?!(?i:fy|cy)?[0-9]{4}(?i:[qhm][0-9]{1,2})?\b)(?=[A-Za-z0-9]*[A-Za-z])(?=(?:[A-Za-z]*[0-9]){4})[A-Za-z0-9]{5,}\b|\b[A-Z]{1,4}[-_][0-9]{4,}\b"#),
        // Two or more capitalised words (Maria Lopez), or "Lopez, Maria".
        Pattern("a name", #"\b[A-Z][a-z]+(?:'[A-Za-z]+)?(?:,? [A-Z][a-z]+(?:['-][A-Za-z]+)?)+\b"#),
    ]

    private static func matches(_ regex: NSRegularExpression?, _ text: String) -> Bool {
        guard let regex else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// For the test that every pattern compiles.
    package static var allPatternsCompile: Bool { patterns.allSatisfy { $0.search != nil && $0.whole != nil } }
}
