import Foundation
import CitywideModel

/// What a cell Citywide cannot read most likely meant, for messages that
/// teach the format: spreadsheet habits (`1,204`, `n/a`, `<11`, `Total`, a
/// space at the end) each get the sentence that says what to write instead,
/// and a group name so text output shows the habit once, not on every row.
package enum CellHints {
    /// No habit is longer: a longer cell (a runaway field of megabytes) is
    /// not examined, so a hostile file costs no more than before.
    static let longest = 64

    /// Words that mean "the total": a dimension cell is left empty for that.
    package static func isTotalWord(_ text: String) -> Bool {
        guard text.utf8.count <= longest else { return false }
        return ["total", "totals", "all", "overall", "grand total", "sum"].contains(text.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// Why a value cell is not a number, as (sentence, group), when it is a
    /// habit we know; nil for anything else.
    package static func value(_ text: String) -> (message: String, group: String)? {
        guard text.utf8.count <= longest else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased()
        if ["*", "s", "(s)", "x", "suppressed", "d", "c", "**"].contains(lower) || lower.hasPrefix("<") || lower.hasPrefix("&lt;") {
            return ("value '\(text)' is not a number: give the real count: Citywide withholds small counts itself (docs/privacy.md)", "value-withheld")
        }
        if ["n/a", "na", "n.a.", "-", "--", "..", "...", "null", "none", "nan", "#n/a", "missing", "unknown"].contains(lower) {
            return ("value '\(text)' is not a number: leave it empty when not available", "value-not-available")
        }
        if trimmed != text, !trimmed.isEmpty, Double(trimmed) != nil {
            return ("value '\(text)' is not a number: write \(trimmed), without the spaces around it", "value-spaces")
        }
        let withoutSeparators = trimmed.replacingOccurrences(of: ",", with: "")
        if withoutSeparators != trimmed, Double(withoutSeparators) != nil,
           trimmed.range(of: "^[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?$", options: .regularExpression) != nil {
            return ("value '\(text)' is not a number: write \(withoutSeparators), without thousands separators", "value-thousands")
        }
        if trimmed.hasSuffix("%"), Double(trimmed.dropLast().trimmingCharacters(in: .whitespaces)) != nil {
            return ("value '\(text)' is not a number: write \(trimmed.dropLast().trimmingCharacters(in: .whitespaces)), without the percent sign (the metric's type and unit say what it is)", "value-percent")
        }
        return nil
    }

    /// `" (remove the space at the end)"`-style advice when the cell's text
    /// is right but for spaces around it, else nil.
    package static func spaces(_ text: String, fits: (String) -> Bool) -> String? {
        guard text.utf8.count <= longest else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed != text, !trimmed.isEmpty, fits(trimmed) else { return nil }
        return "'\(text)' has spaces around it: write '\(trimmed)' (a cell is read as written; spreadsheets often keep a trailing space)"
    }
}
