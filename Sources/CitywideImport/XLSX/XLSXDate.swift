/// Spreadsheet dates: a cell holds a number of days, and its number format
/// says it is a date. Turned into text `PeriodLabel` reads: `2024` for a
/// format with only a year, `2024-01` for a month and year (what a heading
/// shown as "Jan 2024" holds), `2024-01-15` for a day.
enum XLSXDate {
    /// Built-in number formats that are dates (ECMA-376 §18.8.30).
    static let builtinDateFormats: Set<Int> = [14, 15, 16, 17, 22, 27, 30, 36, 45, 46, 47, 50, 57]

    enum Precision { case year, month, day }

    /// What a format code shows of a date; nil when it is not a date format.
    /// Text in quotes, `[...]` sections and escaped characters are not codes.
    static func precision(formatCode: String) -> Precision? {
        var codes = ""
        var inQuotes = false, inBrackets = false, escaped = false
        for c in formatCode.lowercased() {
            if escaped { escaped = false; continue }
            switch c {
            case "\\": escaped = true
            case "\"": inQuotes.toggle()
            case "[": if !inQuotes { inBrackets = true }
            case "]": if !inQuotes { inBrackets = false }
            default: if !inQuotes, !inBrackets { codes.append(c) }
            }
        }
        guard codes.contains("y") || codes.contains("d") else { return nil }
        if codes.contains("d") { return .day }
        return codes.contains("m") ? .month : .year
    }

    /// The serial day number as `2024-01-15` (or less, by `precision`);
    /// nil outside the years 1900 to 9999.
    static func text(serial: Double, date1904: Bool, precision: Precision) -> String? {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        // The 1900 system counts a 29 February 1900 that never was (as Lotus 1-2-3 did).
        if !date1904 { days -= days > 60 ? 2 : 1 }
        // Days from 1 January 1900 (or 1904) to a civil date (Howard Hinnant's algorithm).
        let epoch = date1904 ? daysFromCivil(1904, 1, 1) : daysFromCivil(1900, 1, 1)
        let (y, m, d) = civilFromDays(epoch + days)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        switch precision {
        case .year: return "\(y)"
        case .month: return "\(y)-\(two(m))"
        case .day: return "\(y)-\(two(m))-\(two(d))"
        }
    }

    private static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
