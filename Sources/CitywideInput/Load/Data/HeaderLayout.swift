import Foundation
import CitywideModel

/// Header lines that show a sheet laid out for people rather than as
/// Citywide's tidy data (one row per city, period, metric and breakdown),
/// each with the one lesson that fixes it: separated by semicolons, a title
/// above the header, periods as columns, empty columns at the right. The
/// file's rows are not read then: every row would repeat the same problem.
enum HeaderLayout {
    static let required = ["city", "period", "metric", "value"]

    /// - Parameters:
    ///   - names: the header's fields, trimmed and lowercased.
    ///   - original: the same fields as written.
    static func lesson(_ names: [String], original: [String]) -> (column: Int, message: String)? {
        let present = Set(names)
        let missing = required.filter { !present.contains($0) }

        if let i = names.firstIndex(where: { $0.contains(";") }),
           names[i].split(separator: ";").contains(where: { required.contains($0.trimmingCharacters(in: .whitespaces)) }) {
            return (i, "the header '\(original[i])' is separated by semicolons: Citywide reads comma-separated files; save the sheet as CSV with commas (in Excel: CSV UTF-8), or replace each ; by ,")
        }

        let named = names.indices.filter { !names[$0].isEmpty }
        if missing.count == required.count, named.count <= 1 {
            let what = named.first.map { "looks like a title ('\(original[$0])')" } ?? "is empty"
            return (named.first ?? 0, "line 1 \(what), not the header: a data file's first line is its header (city,period,metric,value and any dimensions); delete the lines above the header")
        }

        let periodColumns = names.indices.filter { PeriodSpelling.looksLikePeriodColumn(names[$0]) }
        if let first = periodColumns.first, !missing.isEmpty {
            let shown = periodColumns.prefix(3).map { "'\(original[$0])'" }.joined(separator: ", ") + (periodColumns.count > 3 ? ", ..." : "")
            return (first, "the columns \(shown) look like periods: this sheet has periods as columns, and a data file has one row per city, period and metric (city,period,metric,value); `citywide import table FILE --metric ID` reshapes it into Data/")
        }

        if let last = names.lastIndex(where: { !$0.isEmpty }), last + 1 < names.count {
            let empty = names.count - last - 1
            return (last + 1, "the header ends with \(empty) empty \(empty == 1 ? "column" : "columns") (spreadsheets often export them): delete the empty columns at the right of the sheet, or the trailing commas of every line")
        }
        if let i = names.firstIndex(of: "") {
            return (i, "column \(i + 1) has no name: every column of a data file is named in the header (city, period, metric, value, status, note or a dimension)")
        }
        return nil
    }
}
