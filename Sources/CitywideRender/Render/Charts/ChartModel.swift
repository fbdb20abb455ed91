import Foundation
import CitywideModel
import CitywidePublished
import CitywideWrite

/// One value on a chart. The privacy rule is structural: a chart can only be
/// given a *published* number (with the text people read) or a *gap* with a
/// published reason. A withheld value has no way into the chart, so no
/// geometry, label or description can depend on it.
public enum ChartValue: Sendable, Equatable {
    /// A published number and the same value already formatted for people,
    /// e.g. `.number(1204, text: "1,204")` or `.number(12.5, text: "12.5%")`.
    case number(Double, text: String)
    /// No number is published here; `reason` is the published explanation,
    /// e.g. "fewer than 11", "withheld to protect another value", "not available".
    case gap(reason: String)

    /// The number to plot, or nil for a gap. A non-finite number cannot be
    /// plotted either: it breaks the line like a gap but keeps its text.
    package var plottable: Double? {
        if case .number(let value, _) = self, value.isFinite { return value }
        return nil
    }

    /// What a person reads for this value: the formatted number or the reason.
    package var words: String {
        switch self {
        case .number(_, let text): return text
        case .gap(let reason): return reason
        }
    }
}

/// One line of a line chart; `values` are aligned with the chart's x labels.
public struct ChartSeries: Sendable, Equatable {
    public var name: String
    public var values: [ChartValue]

    public init(name: String, values: [ChartValue]) {
        self.name = name
        self.values = values
    }
}

/// The words a chart writes itself, in the page's language.
public struct ChartWords: Sendable, Equatable {
    public var noPublishedValues = "No published values"
    public var lineGapNote = "Hollow markers below the axis: value not published."
    public var barGapNote = "Hatched boxes: value not published."
    public var unit = "Unit"
    public var series = "Series"
    public var noValues = "no values."
    public var targetLine = "Target line"

    public static let english = ChartWords()

    public init() {}

    /// The words in `t`'s language.
    package init(_ t: Translation) {
        noPublishedValues = t("chart_no_values")
        lineGapNote = t("chart_line_gap_note")
        barGapNote = t("chart_bar_gap_note")
        unit = t("chart_unit")
        series = t("chart_series")
        noValues = t("chart_no_values_in_series")
        targetLine = t("chart_target_line")
    }
}

/// Text shared by every chart kind.
package enum ChartWording {
    /// The start of a `<desc>`: the caller's summary, then the unit.
    package static func lead(summary: String, unit: String, words: ChartWords = .english) -> String {
        var parts: [String] = []
        let trimmedSummary = trimmed(summary)
        if !trimmedSummary.isEmpty { parts.append(sentence(trimmedSummary)) }
        let trimmedUnit = trimmed(unit)
        if !trimmedUnit.isEmpty { parts.append(words.unit + ": " + sentence(trimmedUnit)) }
        return parts.joined(separator: " ")
    }

    /// Without leading and trailing white space and line breaks. Foundation's
    /// trimming copies the text to search it; every chart asks, and nearly
    /// always there is nothing to trim: it is asked only when an end could be
    /// white space (a space, a control character, anything past ASCII).
    private static func trimmed(_ text: String) -> String {
        func mayBeSpace(_ scalar: Unicode.Scalar?) -> Bool {
            guard let value = scalar?.value else { return false }
            return value > 0x7F || value == 0x20 || (0x09...0x0D).contains(value)
        }
        guard mayBeSpace(text.unicodeScalars.first) || mayBeSpace(text.unicodeScalars.last) else { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Ends `text` with a full stop unless it already ends with punctuation.
    package static func sentence(_ text: String) -> String {
        guard let last = text.last else { return text }
        return ".!?".contains(last) ? text : text + "."
    }

    package static func join(_ parts: [String]) -> String {
        parts.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
