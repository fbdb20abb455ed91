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

    /// A flag a reader must see beside a number.
    package enum Mark: CaseIterable {
        case unreliable, provisional, estimated, seriesBreak, derived

        init(_ flag: InputFlag) {
            switch flag {
            case .provisional: self = .provisional
            case .estimated: self = .estimated
            case .seriesBreak: self = .seriesBreak
            case .derived: self = .derived
            }
        }

        /// The footnote symbols of printed statistics, one per flag, always the same.
        package var symbol: String {
            switch self {
            case .unreliable: "†"
            case .provisional: "‡"
            case .estimated: "§"
            case .seriesBreak: "¶"
            case .derived: "‖"
            }
        }

        package var key: String {
            switch self {
            case .unreliable: "unreliable"
            case .provisional: "flag_provisional"
            case .estimated: "flag_estimated"
            case .seriesBreak: "flag_break"
            case .derived: "flag_derived"
            }
        }
    }

    /// The flags of a published number, in `Mark` order; none for a figure with no number.
    package func marks(_ figure: PublishedFigure?) -> [Mark] {
        guard let figure, figure.value.number != nil else { return [] }
        return (figure.unreliable ? [.unreliable] : []) + (figure.flag.map { [Mark($0)] } ?? [])
    }

    /// Text with the flags a reader must see beside the number, in words,
    /// for sentences and chart descriptions: "41% (unreliable, provisional)".
    package func text(_ figure: PublishedFigure?) -> String {
        guard let figure else { return t("no_data") }
        let marks = marks(figure)
        let text = self.text(figure.value)
        return marks.isEmpty ? text : text + " (" + marks.map { t($0.key) }.joined(separator: ", ") + ")"
    }

    /// A table cell: the number and one marker for its flags ("41% †‡"),
    /// explained by `key` under the table, instead of words stacked in the cell.
    package func cellText(_ figure: PublishedFigure?) -> String {
        let marks = marks(figure)
        guard let figure, !marks.isEmpty else { return figure.map { text($0.value) } ?? t("no_data") }
        return text(figure.value) + " " + marks.map(\.symbol).joined()
    }

    /// What the markers in `figures` mean: "Marks: † unreliable; ‡ provisional."
    /// Nil when none is flagged.
    package func key(_ figures: some Sequence<PublishedFigure?>) -> String? {
        var used = Set<Mark>()
        for figure in figures { used.formUnion(marks(figure)) }
        return Self.key(used, t)
    }

    package static func key(_ used: Set<Mark>, _ t: Translation) -> String? {
        guard !used.isEmpty else { return nil }
        let items = Mark.allCases.filter(used.contains).map { t("mark_item", ["mark": $0.symbol, "label": t($0.key)]) }
        return t("marks_key", ["marks": items.joined(separator: "; ")])
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
