import CitywideInput
import CitywideModel

/// What each column of a spreadsheet holds, from its heading.
///
/// Headings that read as periods (`2024 Q1`, `Q1 2024`, `FY2024`, `2019`,
/// `Jan 2024`: see `PeriodLabel`) make a wide table, one figure per cell.
/// Otherwise the table is long and needs a period column (`period`, `year`,
/// `quarter`, `month`, `date`) and a value column (`value`, `count`,
/// `number`). `city`, `metric`, `status` and `note` are what they say; a
/// wide table's `Total` column is a sum over periods; an empty heading over
/// empty cells is nothing (a trailing column); any other heading is a
/// dimension. Headings are matched without regard to case.
package enum TableColumn: Equatable, Sendable {
    case period(PeriodLabel.Reading)
    case periodName, value, city, metric, status, note, total, unnamed
    case dimension(String)

    package static func classify(_ heading: String) -> TableColumn {
        let text = heading.trimmingSpaces
        if text.isEmpty { return .unnamed }
        if let reading = PeriodLabel.parse(text) { return .period(reading) }
        switch text.lowercased() {
        case "period", "year", "quarter", "month", "date", "time period", "reporting period": return .periodName
        case "value", "count", "number", "figure": return .value
        case "city", "city slug": return .city
        case "metric", "metric id": return .metric
        case "status": return .status
        case "note", "notes", "comment", "comments": return .note
        default: return TotalLabel.isTotal(text) || text.lowercased() == "sum" ? .total : .dimension(text)
        }
    }
}
