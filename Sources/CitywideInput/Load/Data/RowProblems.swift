import CitywideModel

/// The messages for a data row's cells Citywide cannot read, each with the
/// group that makes text output show one lesson per habit (`Diagnostic.group`):
/// "did you mean", "leave the cell empty for the total", the period written
/// Citywide's way. Known names are compared once per distinct text: a file
/// repeats the same wrong name on every row.
struct RowProblems {
    let catalog: DataCatalog
    private var cache: [String: (message: String, group: String)] = [:]
    /// Distinct texts looked up; past this many, no more suggestions are
    /// searched for and nothing more is remembered, so a hostile file of a
    /// million distinct names stays linear (docs/limits.md).
    static let lookups = 1000

    init(catalog: DataCatalog) { self.catalog = catalog }

    typealias Problem = (message: String, group: String)

    mutating func unknownCity(_ text: String) -> Problem {
        remembered("city\u{0}" + text) { $0.unknownCityProblem(text) }
    }

    private func unknownCityProblem(_ text: String) -> Problem {
        if text.isEmpty { return ("missing city: each row names a city by its blueprint slug", "city-missing") }
        if CellHints.isTotalWord(text) {
            return ("'\(text)' is not a city: Citywide never adds cities together, so a data file needs no total across cities; delete the row", "city-total")
        }
        if let spaces = CellHints.spaces(text, fits: { catalog.cities[$0] != nil }) { return (spaces, "city:" + text) }
        let hint = suggestion(text, catalog.cityList)
            .map { "did you mean '\($0)'? A row names a city by its blueprint's slug" } ?? "known: \(catalog.citySlugs)"
        return ("unknown city '\(text)': no Blueprints/\(text).md (\(hint))", "city:" + text)
    }

    mutating func unknownMetric(_ text: String) -> Problem {
        remembered("metric\u{0}" + text) { $0.unknownMetricProblem(text) }
    }

    private func unknownMetricProblem(_ text: String) -> Problem {
        if text.isEmpty { return ("missing metric id", "metric-missing") }
        if let spaces = CellHints.spaces(text, fits: { catalog.metrics[$0] != nil }) { return (spaces, "metric:" + text) }
        let hint = suggestion(text, catalog.metricList).map { " (did you mean '\($0)'?)" } ?? ""
        return ("unknown metric '\(text)': no Metrics/\(text).yml\(hint)", "metric:" + text)
    }

    mutating func notAPeriod(_ text: String) -> Problem {
        remembered("period\u{0}" + text) { $0.notAPeriodProblem(text) }
    }

    private func notAPeriodProblem(_ text: String) -> Problem {
        if let spaces = CellHints.spaces(text, fits: { Period($0) != nil }) { return (spaces, "period-spaces") }
        if let period = PeriodSpelling.citywideSpelling(of: text) {
            return ("'\(text)' is not a period: write \(period) (Citywide writes periods 2019, 2019-Q1 or 2019-03)", "period")
        }
        if PeriodSpelling.looksLikePeriodColumn(text) {
            return ("'\(text)' is not a period: write the calendar year (2019), quarter (2019-Q1) or month (2019-03) the figure covers", "period")
        }
        return ("'\(text)' is not a period: write 2019, 2019-Q1 or 2019-03", "period")
    }

    mutating func notAValue(_ text: String, dimension: Dimension, metric: MetricDefinition) -> Problem {
        remembered("value\u{0}\(metric.id)\u{0}\(dimension.name)\u{0}" + text) { $0.notAValueProblem(text, dimension: dimension, metric: metric) }
    }

    private func notAValueProblem(_ text: String, dimension: Dimension, metric: MetricDefinition) -> Problem {
        if CellHints.isTotalWord(text) {
            return ("'\(text)' in column '\(dimension.name)': leave the cell empty for the total (an empty dimension cell is the total over that dimension)", "dimension-total:" + dimension.name)
        }
        let group = "dimension-value:\(dimension.name):\(text)"
        if let spaces = CellHints.spaces(text, fits: { dimension.values.contains($0) }) { return (spaces, group) }
        let hint = suggestion(text, dimension.values).map { "; did you mean '\($0)'?" } ?? ""
        return ("'\(text)' is not a value of dimension '\(dimension.name)' of metric '\(metric.id)'\(hint) (declared: \(dimension.values.joined(separator: ", ")))", group)
    }

    mutating func notAStatus(_ text: String) -> Problem {
        remembered("status\u{0}" + text) { $0.notAStatusProblem(text) }
    }

    private func notAStatusProblem(_ text: String) -> Problem {
        let allowed = InputFlag.allowedInData.map(\.rawValue)
        if let spaces = CellHints.spaces(text, fits: { allowed.contains($0) }) { return (spaces, "status:" + text) }
        let hint = suggestion(text, allowed).map { " (did you mean '\($0)'?)" } ?? ""
        return ("status '\(text)' must be empty or one of \(allowed.joined(separator: ", "))\(hint)", "status:" + text)
    }

    /// A row whose field count differs from the header's: spreadsheets add
    /// empty fields at the right of some rows.
    static func fieldCount(_ count: Int, header: Int, emptyBeyondHeader: Bool) -> Problem {
        if count > header, emptyBeyondHeader {
            return ("this row ends with \(count - header) empty \(count - header == 1 ? "field" : "fields") beyond the header's \(header) columns (spreadsheets often export them): delete the empty columns at the right, or the trailing commas", "fields-trailing")
        }
        return ("this row has \(count) fields but the header has \(header); every row needs one value per column (quote a value that contains a comma)", "fields:\(count)")
    }

    private func suggestion(_ text: String, _ known: [String]) -> String? {
        cache.count < Self.lookups ? NameSuggestion.closest(to: text, in: known) : nil
    }

    private mutating func remembered(_ key: String, _ make: (RowProblems) -> Problem) -> Problem {
        if let known = cache[key] { return known }
        let problem = make(self)
        if cache.count < Self.lookups { cache[key] = problem }
        return problem
    }
}
