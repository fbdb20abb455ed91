import Foundation
import CitywideModel

/// How spreadsheets spell periods (`2024 Q1`, `Q1 2024`, `2024Q1`, `Jan 2024`,
/// `FY2024`, `2019.0`), read only to teach Citywide's own spelling in a
/// message: data files still take exactly `2019`, `2019-Q1` and `2019-03`.
package enum PeriodSpelling {
    /// Citywide's spelling of `text` when it is an unambiguous calendar
    /// period written another way (`2024 Q1` → `2024-Q1`), else nil. A fiscal
    /// year is not one: its months depend on the city.
    package static func citywideSpelling(of text: String) -> Period? {
        guard text.utf8.count <= 32, let reading = PeriodLabel.parse(text), !reading.fiscal else { return nil }
        return reading.period
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
