// Spreadsheet cells carry stray spaces (and no-break spaces from copied web
// tables); the import and the data loader's hints both trim them this way.

extension StringProtocol {
    /// Without leading and trailing spaces, tabs and no-break spaces.
    package var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" || $0 == "\u{202F}" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}
