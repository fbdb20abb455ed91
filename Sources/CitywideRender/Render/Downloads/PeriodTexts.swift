import CitywideModel

/// Each period's text (`2024-Q1`), made once per download rather than once
/// per row: a metric has a few dozen periods and up to millions of rows.
/// Rows come by city, then period, so the next row's period is nearly
/// always the one after the last: looked at first, without hashing.
struct PeriodTexts {
    private var periods: [Period] = []
    private var texts: [String] = []
    private var last = 0

    subscript(_ period: Period) -> String {
        mutating get {
            if last + 1 < periods.count, periods[last + 1] == period {
                last += 1
            } else if let i = periods.firstIndex(of: period) {
                last = i
            } else {
                periods.append(period)
                texts.append(period.description)
                last = periods.count - 1
            }
            return texts[last]
        }
    }
}
