import Foundation
/// CSV as Citywide writes `Data/` files: RFC 4180, LF line ends, a field
/// quoted only when it must be (a comma, quote, line break, or spaces at
/// either end, which a reader would otherwise trim).
package enum CSVText {
    package static func field(_ text: String) -> String {
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || text.first == " " || text.last == " "
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    package static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }
}
