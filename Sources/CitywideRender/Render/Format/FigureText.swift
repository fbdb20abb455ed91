import CitywideModel
import CitywidePublished
import CitywideWrite

/// How a published figure reads in text, tables, charts and alt text: the
/// number, or the reason it is not there. SPEC fixes the (English) wording of
/// withheld values; the translation files carry the other languages'.
package struct FigureText {
    package let metric: MetricDefinition
    package let minCell: Int
    package let t: Translation

    package init(_ metric: PublishedMetric, _ t: Translation) {
        self.metric = metric.definition
        self.minCell = metric.minCell
        self.t = t
    }

    package func text(_ value: PublishedValue) -> String {
        switch value {
        case let .number(v): t.number(v, for: metric)
        case .withheld: t("withheld")
        case .notAvailable: t("not_available")
        }
    }

    /// Text with the flags a reader must see beside the number.
    package func text(_ figure: PublishedFigure?) -> String {
        guard let figure else { return t("no_data") }
        var text = self.text(figure.value)
        if figure.value.number != nil {
            if figure.unreliable { text += " (" + t("unreliable") + ")" }
            if let flag = figure.flag { text += " (" + t("flag_\(flag.rawValue)") + ")" }
        }
        return text
    }

    package func chartValue(_ figure: PublishedFigure?) -> ChartValue {
        guard let figure else { return .gap(reason: t("no_data")) }
        if let v = figure.value.number { return .number(v, text: text(figure)) }
        return .gap(reason: text(figure.value))
    }

    /// CSS class for a table cell, so withheld and unreliable values stand out.
    package func cssClass(_ figure: PublishedFigure?) -> String {
        guard let figure else { return "num missing" }
        switch figure.value {
        case .number: return figure.unreliable ? "num unreliable" : "num"
        case .withheld: return "num withheld"
        case .notAvailable: return "num missing"
        }
    }
}
