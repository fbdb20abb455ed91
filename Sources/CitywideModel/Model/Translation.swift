import Foundation

/// The interface text of one language, from `Templates/i18n/<lang>.yml`:
/// every word a page shows that is not the site's own content, plus how
/// numbers and dates are written. A city adds a language by adding a file.
public struct Translation: Sendable {
    package init(language: String, strings: [String: String], numbers: NumberStyle, months: [String]) {
        self.language = language
        self.strings = strings
        self.numbers = numbers
        self.months = months
        texts = strings.mapValues(TranslationText.init)
    }

    public var language: String
    /// key → text; `{name}` marks a value filled in at build time.
    public var strings: [String: String] {
        didSet { texts = strings.mapValues(TranslationText.init) }
    }
    public var numbers: NumberStyle
    /// January ... December.
    public var months: [String]

    /// `strings`, each cut once into text and placeholders.
    private var texts: [String: TranslationText]

    /// The text for `key`, with `{name}` placeholders filled in. A missing
    /// key shows itself, so a forked template's typo is visible, not blank.
    public func callAsFunction(_ key: String, _ values: [String: String] = [:]) -> String {
        guard let text = texts[key] else { return key }
        guard !values.isEmpty else { return text.text }
        return text.filled { values[$0] }
    }

    /// The text for `key` with each placeholder's value from `value`: no
    /// dictionary made per call, for the texts every page fills in.
    package func callAsFunction(_ key: String, value: (String) -> String?) -> String {
        texts[key]?.filled(value) ?? key
    }

    /// `key_one` when `count` is 1, else `key_other`, with `{count}` filled in.
    public func plural(_ key: String, _ count: Int, _ values: [String: String] = [:]) -> String {
        let number = numbers.format(Double(count), decimals: 0)
        return self(count == 1 ? key + "_one" : key + "_other") { $0 == "count" ? number : values[$0] }
    }

    public func date(_ day: Day) -> String {
        self("date") { name in
            switch name {
            case "day": String(day.day)
            case "month": months.indices.contains(day.month - 1) ? months[day.month - 1] : String(day.month)
            case "year": String(day.year)
            default: nil
            }
        }
    }

    public func number(_ value: Double, decimals: Int = 0) -> String {
        numbers.format(value, decimals: decimals)
    }

    /// A figure of a metric, with `%` for percents.
    public func number(_ value: Double, for metric: MetricDefinition) -> String {
        let text = numbers.format(value, decimals: metric.decimals)
        return metric.kind == .percent ? self("percent") { $0 == "value" ? text : nil } : text
    }
}

/// How a language writes numbers: 1,204.5 or 1.204,5.
public struct NumberStyle: Sendable, Hashable {
    package init(grouping: String, decimal: String) {
        self.grouping = grouping
        self.decimal = decimal
    }

    public var grouping: String
    public var decimal: String

    public static let english = NumberStyle(grouping: ",", decimal: ".")

    public func format(_ value: Double, decimals: Int) -> String {
        let text = NumberText.format(value, decimals: decimals)
        guard self != .english else { return text }
        return String(text.map { c -> String in
            c == "," ? grouping : c == "." ? decimal : String(c)
        }.joined())
    }
}
