/// How a published figure reads in text, tables, charts and alt text: the
/// number, or the reason it is not there. SPEC fixes the wording of
/// withheld values.
struct FigureText {
    let metric: MetricDefinition
    let minCell: Int

    init(_ metric: PublishedMetric) {
        self.metric = metric.definition
        self.minCell = metric.minCell
    }

    func text(_ value: PublishedValue) -> String {
        switch value {
        case let .number(v): NumberText.format(v, for: metric)
        case .withheld(.primary): metric.isComputed ? "withheld: made from a count too small to publish" : "fewer than \(minCell)"
        case .withheld(.complementary): "withheld to protect another value"
        case .notAvailable: "not available"
        }
    }

    /// Text with the flags a reader must see beside the number.
    func text(_ figure: PublishedFigure?) -> String {
        guard let figure else { return "no data" }
        var text = self.text(figure.value)
        if figure.value.number != nil {
            if figure.unreliable { text += " (unreliable)" }
            if let flag = figure.flag { text += " (\(flag.label))" }
        }
        return text
    }

    func chartValue(_ figure: PublishedFigure?) -> ChartValue {
        guard let figure else { return .gap(reason: "no data") }
        if let v = figure.value.number { return .number(v, text: text(figure)) }
        return .gap(reason: text(figure.value))
    }

    /// CSS class for a table cell, so withheld and unreliable values stand out.
    func cssClass(_ figure: PublishedFigure?) -> String {
        guard let figure else { return "num missing" }
        switch figure.value {
        case .number: return figure.unreliable ? "num unreliable" : "num"
        case .withheld: return "num withheld"
        case .notAvailable: return "num missing"
        }
    }
}

extension InputFlag {
    var label: String {
        switch self {
        case .provisional: "provisional"
        case .estimated: "estimated"
        case .seriesBreak: "series break"
        case .derived: "derived from its parts"
        }
    }
}
