import CitywideModel
import CitywideInput

/// A value cell read as a number, the way a spreadsheet user wrote it.
///
/// Accepted: plain numbers (`14`, `303.0`, `-2.5`), thousands separated by
/// commas in groups of three (`1,204`, `12,345.5`), spaces around. Empty, `NA`,
/// `N/A`, `n/a` and `..` are "not available". Refused, with a message that
/// says why: counts hidden by the publisher (`<11`, `*`, `s`: Citywide
/// withholds small counts itself and needs the real ones), and anything a
/// reader could take two ways (`1,5` and `1.204,5` with a decimal comma,
/// `1.204.000` with dots between thousands).
package enum ImportNumber {
    package enum Reading: Equatable, Sendable {
        case number(Double)
        case notAvailable
        case refused(String)
    }

    private static let notAvailable: Set<String> = ["", "na", "n/a", "..", "not available"]
    private static let hidden: Set<String> = ["*", "s", "x", "c", "suppressed"]
    private static let dashes: Set<String> = ["-", "–", "—"]

    package static func read(_ raw: String) -> Reading {
        let text = raw.trimmingSpaces
        let lower = text.lowercased()
        if notAvailable.contains(lower) { return .notAvailable }
        if dashes.contains(text) {
            return .refused("'\(text)' could mean zero, not available or withheld: write 0, or leave the cell empty when it is not available")
        }
        if hidden.contains(lower) || text.hasPrefix("<") || text.hasPrefix("≤") {
            return .refused("'\(text)' hides the figure: give the real count (Citywide withholds small counts itself), or leave the cell empty when it is not available")
        }
        var digits = text
        if text.contains(",") {
            guard let plain = withoutThousandsCommas(text) else {
                return .refused("'\(text)' is ambiguous: write thousands as 1,204 or 1204 and decimals with a point (1.5)")
            }
            digits = plain
        } else if text.filter({ $0 == "." }).count > 1 {
            return .refused("'\(text)' is ambiguous: dots between thousands? Write 1204000 or 1,204,000")
        }
        let bytes = Array(digits.utf8)
        let parsed = bytes.withUnsafeBufferPointer { CSVNumber.parseDouble($0) }
        guard let value = parsed else {
            return .refused("'\(text)' is not a number")
        }
        if let problem = NumberLimits.problem(value, text: digits) {
            return .refused("'\(text)' \(problem)")
        }
        return .number(value)
    }

    /// "1,204" → "1204", "12,345.5" → "12345.5"; nil when a comma is not
    /// between groups of three digits before any point (`1,5`, `1.204,5`, `12,34`).
    private static func withoutThousandsCommas(_ text: String) -> String? {
        var sign = ""
        var body = Substring(text)
        if body.first == "-" { sign = "-"; body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
        guard groups.count >= 2, let first = groups.first, (1...3).contains(first.count),
              groups.dropFirst().allSatisfy({ $0.count == 3 }),
              groups.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        return sign + groups.joined() + (parts.count == 2 ? "." + parts[1] : "")
    }
}
