import CitywideModel

/// Each period's text (`2024-Q1`), made once per download rather than once
/// per row: a metric has a few dozen periods and up to millions of rows.
struct PeriodTexts {
    private var texts: [Period: String] = [:]

    subscript(_ period: Period) -> String {
        mutating get {
            if let text = texts[period] { return text }
            let text = period.description
            texts[period] = text
            return text
        }
    }
}
