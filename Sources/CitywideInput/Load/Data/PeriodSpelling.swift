import Foundation
import CitywideModel

/// How spreadsheets spell periods (`2024 Q1`, `Q1 2024`, `2024Q1`, `Jan 2024`,
/// `FY2024`, `2019.0`), read only to teach Citywide's own spelling in a
/// message: data files still take exactly `2019`, `2019-Q1` and `2019-03`.
package enum PeriodSpelling {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Citywide's spelling of `text` when it is an unambiguous calendar
    /// period written another way (`2024 Q1` → `2024-Q1`), else nil.
    package static func citywideSpelling(of text: String) -> Period? {
        guard text.utf8.count <= 32 else { return nil }
        let words = words(text)
        func year(_ w: String) -> Int? { w.count == 4 ? Int(w).flatMap { (1900...2200).contains($0) ? $0 : nil } : nil }
        func quarter(_ w: String) -> Int? {
            guard w.count == 2, w.first == "q", let q = Int(w.dropFirst()), (1...4).contains(q) else { return nil }
            return q
        }
        func month(_ w: String) -> Int? {
            if let i = months.firstIndex(where: { w.hasPrefix($0) && w.count >= 3 }) { return i + 1 }
            guard w.count <= 2, let m = Int(w), (1...12).contains(m) else { return nil }
            return m
        }
        switch words.count {
        case 1:
            // 2024q1 (no separator), or 2019.0 (a year that went through a number cell)
            let w = words[0]
            if w.count == 6, let y = year(String(w.prefix(4))), let q = quarter(String(w.suffix(2))) { return Period(year: y, quarter: q) }
            if w.count == 6, let q = quarter(String(w.prefix(2))), let y = year(String(w.suffix(4))) { return Period(year: y, quarter: q) }
            return nil
        case 2:
            let (a, b) = (words[0], words[1])
            if let y = year(a), let q = quarter(b) { return Period(year: y, quarter: q) }
            if let q = quarter(a), let y = year(b) { return Period(year: y, quarter: q) }
            if let y = year(a), b == "0" || b == "00" { return Period(year: y) }
            if let y = year(a), let m = month(b) { return Period(year: y, month: m) }
            if let m = month(a), let y = year(b) { return Period(year: y, month: m) }
            return nil
        default:
            return nil
        }
    }

    /// Whether a column name reads as a period (or a fiscal year): a sheet
    /// with such columns has periods as columns, which `citywide import
    /// table` reshapes.
    package static func looksLikePeriodColumn(_ name: String) -> Bool {
        guard name.utf8.count <= 32 else { return false }
        if Period(name) != nil || citywideSpelling(of: name) != nil { return true }
        let w = words(name)
        // FY2024, FY 2024, FY24, FY 2023-24, CY2024
        guard let first = w.first, first.hasPrefix("fy") || first.hasPrefix("cy") else { return false }
        let rest = (String(first.dropFirst(2)) + w.dropFirst().joined()).filter(\.isNumber)
        return rest.count == 2 || rest.count == 4 || rest.count == 6 || rest.count == 8
    }

    /// Lowercased runs of letters or digits, split where the kind changes
    /// (`Q1-2024` → `q1`, `2024`; `2024Q1` stays one word and is split above).
    private static func words(_ text: String) -> [String] {
        text.lowercased()
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) })
            .map(String.init)
    }
}
