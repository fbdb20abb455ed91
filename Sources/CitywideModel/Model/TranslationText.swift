/// One interface string cut once, when its language is loaded, into the
/// literal text and the `{name}` placeholders between: filling it in then
/// searches nothing (a 10,000-city build fills in millions of them).
struct TranslationText: Sendable {
    enum Part: Sendable {
        case literal(String)
        /// `name`, and `{name}` as written, shown when no value is given.
        case placeholder(name: String, written: String)
    }

    /// The string as written.
    let text: String
    /// Empty when the string has no placeholder: it is shown as written.
    let parts: [Part]

    /// Placeholders as `callAsFunction` always read them: `{` up to the
    /// next `}`; a `{` with no `}` after it is text.
    init(_ text: String) {
        self.text = text
        var parts: [Part] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { parts.append(.literal(String(rest[..<open]))) }
            parts.append(.placeholder(name: String(rest[rest.index(after: open)..<close]), written: String(rest[open...close])))
            rest = rest[rest.index(after: close)...]
        }
        if parts.isEmpty { self.parts = []; return }
        if !rest.isEmpty { parts.append(.literal(String(rest))) }
        self.parts = parts
    }

    /// The text with each placeholder's value (`value(name)`), or the
    /// placeholder as written when it has none.
    func filled(_ value: (String) -> String?) -> String {
        guard !parts.isEmpty else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for part in parts {
            switch part {
            case let .literal(literal): result += literal
            case let .placeholder(name, written): result += value(name) ?? written
            }
        }
        return result
    }
}
