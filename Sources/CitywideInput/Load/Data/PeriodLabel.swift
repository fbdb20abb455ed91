import CitywideModel

/// The period labels spreadsheets and SDG files use, read as Citywide periods.
///
/// Citywide's own data takes only `2019`, `2019-Q1` and `2019-03` (SPEC); an
/// import is a conversion, so it also takes `2024 Q1`, `Q1 2024`, `2024Q1`,
/// `Q1-2024`, `FY2024` (the year 2024: a fiscal year is named by the year it
/// ends in, and the message says so), `Jan 2024`, `January 2024`, `Jan-24`
/// (two-digit years are 2000 + n), `2024/01`, `2019.0` (a number column), and
/// the first day of a month as a date (`2024-01-01`, what a spreadsheet's
/// "Jan 2024" cell holds).
package enum PeriodLabel {
    package struct Reading: Equatable, Sendable {
        package var period: Period
        /// A fiscal year: the figures may not cover the calendar year.
        package var fiscal: Bool
    }

    package static func parse(_ raw: String) -> Reading? {
        let text = raw.trimmingSpaces
        if let period = Period(text) { return Reading(period: period, fiscal: false) }
        let upper = text.uppercased()
        // A year read from a number column: 2019.0
        if upper.hasSuffix(".0"), let period = Period(String(upper.dropLast(2))), period.granularity == .annual {
            return Reading(period: period, fiscal: false)
        }
        if upper.hasPrefix("FY") {
            let rest = upper.dropFirst(2).trimmingSpaces.filter { $0 != "-" }
            if let year = year(rest) { return Reading(period: Period(year: year), fiscal: true) }
            return nil
        }
        let words = split(upper)
        guard words.count == 2 || words.count == 3 else { return nil }
        // A date: the first of a month is the month (a spreadsheet's "Jan 2024").
        if words.count == 3 {
            guard words[0].count == 4, let y = year(words[0]), let m = Int(words[1]), (1...12).contains(m), words[2] == "01" || words[2] == "1" else { return nil }
            return Reading(period: Period(year: y, month: m), fiscal: false)
        }
        for (a, b) in [(words[0], words[1]), (words[1], words[0])] {
            guard let y = year(b) else { continue }
            if a.count == 2, a.first == "Q", let q = Int(a.dropFirst()), (1...4).contains(q) {
                return Reading(period: Period(year: y, quarter: q), fiscal: false)
            }
            if let m = month(a) { return Reading(period: Period(year: y, month: m), fiscal: false) }
        }
        // 2024/01, 2024.01, 01/2024
        if words[0].count == 4, let y = year(words[0]), words[1].count <= 2, let m = Int(words[1]), (1...12).contains(m) {
            return Reading(period: Period(year: y, month: m), fiscal: false)
        }
        if words[1].count == 4, let y = year(words[1]), words[0].count <= 2, let m = Int(words[0]), (1...12).contains(m) {
            return Reading(period: Period(year: y, month: m), fiscal: false)
        }
        return nil
    }

    /// "2024 Q1" → ["2024", "Q1"]; "2024Q1" → ["2024", "Q1"]; "Jan-24" → ["JAN", "24"].
    private static func split(_ text: String) -> [String] {
        var words: [String] = []
        var word = ""
        var previousIsDigit: Bool?
        for c in text {
            if c == " " || c == "-" || c == "/" || c == "." || c == "_" || c == "," {
                if !word.isEmpty { words.append(word) }
                word = ""
                previousIsDigit = nil
                continue
            }
            let isDigit = c.isASCII && c.isNumber
            // "2024Q1": a year then a letter starts a new word; "Q1" stays one.
            if let previous = previousIsDigit, previous, !isDigit, word.count == 4 {
                words.append(word)
                word = ""
            }
            word.append(c)
            previousIsDigit = isDigit
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    /// A four-digit year from 1900 to 2200, or a two-digit one (2000 + n).
    private static func year(_ text: some StringProtocol) -> Int? {
        guard text.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(text) else { return nil }
        if text.count == 4, (1900...2200).contains(n) { return n }
        if text.count == 2 { return 2000 + n }
        return nil
    }

    private static let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    private static let fullMonths = ["JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"]

    private static func month(_ word: String) -> Int? {
        if let i = months.firstIndex(of: word) { return i + 1 }
        if let i = fullMonths.firstIndex(of: word) { return i + 1 }
        if word == "SEPT" { return 9 }
        return nil
    }
}
