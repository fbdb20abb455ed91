import Foundation
import CitywideModel

/// Reads the fields of one YAML mapping into typed values, reporting each
/// problem (missing field, wrong type, unknown key) at the node's line.
///
/// Usage: ask for each field you know, then call `finish()`, which reports
/// every key that no one asked for, so typos (`popluation:`) never pass silently.
package struct YAMLMapping {
    package let path: String
    package let log: DiagnosticLog
    /// Added to libyaml's line numbers (front matter does not start on line 1).
    package let lineOffset: Int
    package let location: SourceLocation
    /// The mapping's own pairs (not copied): a key is found by comparing
    /// its text in place.
    private let pairs: [(key: YAMLNode, value: YAMLNode)]
    /// Keys asked for, in order (repeats possible): a handful per mapping,
    /// searched in place rather than hashed into a set for every field.
    private var asked: [String] = []
    /// `allPairs()` was called: every key is known.
    private var askedAll = false

    /// Returns nil (and reports) when `node` is not a mapping.
    package init?(_ node: YAMLNode, path: String, lineOffset: Int = 0, log: DiagnosticLog, what: String) {
        self.path = path
        self.log = log
        self.lineOffset = lineOffset
        self.location = YAMLMapping.location(of: node, path: path, lineOffset: lineOffset)
        guard case let .mapping(mapping) = node else {
            log.error(location, "\(what) must be a mapping of `key: value` lines, found \(YAMLMapping.kind(of: node))")
            return nil
        }
        pairs = mapping.pairs
    }

    /// A key's name: its text; "" for a key that is a list or a mapping.
    private static func name(_ key: YAMLNode) -> String {
        key.string ?? ""
    }

    /// Whether `key` is named `name`, compared without copying its text.
    private static func isKey(_ key: YAMLNode, named name: String) -> Bool {
        if case let .scalar(scalar) = key { return scalar.string == name }
        return name.isEmpty
    }

    /// The value of the first key named `key`.
    private func pair(_ key: String) -> YAMLNode? {
        pairs.first { YAMLMapping.isKey($0.key, named: key) }?.value
    }

    package static func location(of node: YAMLNode, path: String, lineOffset: Int) -> SourceLocation {
        SourceLocation(path: path, line: node.mark.line + lineOffset, column: node.mark.column)
    }

    package func location(of node: YAMLNode) -> SourceLocation {
        YAMLMapping.location(of: node, path: path, lineOffset: lineOffset)
    }

    package static func kind(of node: YAMLNode) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case let .scalar(scalar): scalar.string.isEmpty ? "nothing" : "'\(scalar.string)'"
        }
    }

    package var keys: [String] { pairs.map { YAMLMapping.name($0.key) } }

    /// What YAML reads as "no value" when written without quotes.
    package static let nulls: Set<String> = ["", "~", "null", "Null", "NULL"]

    /// An unquoted whole number: `40`, `-3` (not `"40"`, `4e1`, `0x28` or `1_000`).
    package static func integer(_ node: YAMLNode) -> Int? {
        guard case let .scalar(scalar) = node, scalar.style == .plain else { return nil }
        let text = scalar.string
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return Int(text)
    }

    /// An unquoted decimal number: `40`, `0.95`, `-1.5e3` (not `.inf`, `nan` or `"40"`).
    package static func decimal(_ node: YAMLNode) -> Double? {
        guard case let .scalar(scalar) = node, scalar.style == .plain else { return nil }
        let text = scalar.string
        guard isNumeral(text), let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// The raw node for `key`, marking the key as known. Empty values (`key:`) count as absent.
    package mutating func node(_ key: String) -> YAMLNode? {
        asked.append(key)
        guard let value = pair(key) else { return nil }
        if case let .scalar(scalar) = value, scalar.style == .plain, YAMLMapping.nulls.contains(scalar.string) {
            return nil
        }
        return value
    }

    /// The raw node for `key`, without marking it known: for a second look
    /// at a field already read (where its words are, say).
    package func value(of key: String) -> YAMLNode? {
        pair(key)
    }

    /// Reports a missing required field at the mapping itself.
    /// Where the value of `key` is written (or the mapping, if it is absent).
    package func valueLocation(_ key: String) -> SourceLocation {
        pair(key).map { location(of: $0) } ?? location
    }

    package func missing(_ key: String) {
        log.error(location, "missing required field '\(key)'")
    }

    package func wrongType(_ key: String, _ node: YAMLNode, expected: String) {
        log.error(location(of: node), "'\(key)' must be \(expected), found \(YAMLMapping.kind(of: node))")
    }

    package mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let node = node(key) else {
            if required { missing(key) }
            return nil
        }
        guard case let .scalar(scalar) = node else {
            wrongType(key, node, expected: "text")
            return nil
        }
        return scalar.string
    }

    package mutating func int(_ key: String, required: Bool = false, min: Int? = nil, max: Int? = nil) -> Int? {
        guard let node = node(key) else {
            if required { missing(key) }
            return nil
        }
        guard let value = YAMLMapping.integer(node) else {
            if YAMLMapping.isNumeral(node) {
                log.error(location(of: node), "'\(key)' \(NumberLimits.tooLarge), found \(node.string ?? "")")
            } else {
                wrongType(key, node, expected: "a whole number")
            }
            return nil
        }
        return checked(key, Double(value), node, min: min.map(Double.init), max: max.map(Double.init)) ? value : nil
    }

    package mutating func number(_ key: String, required: Bool = false, min: Double? = nil) -> Double? {
        guard let node = node(key) else {
            if required { missing(key) }
            return nil
        }
        guard let value = YAMLMapping.decimal(node) else {
            if YAMLMapping.isNumeral(node) {
                log.error(location(of: node), "'\(key)' \(NumberLimits.tooLarge), found \(node.string ?? "")")
            } else {
                wrongType(key, node, expected: "a number")
            }
            return nil
        }
        return checked(key, value, node, min: min, max: nil) ? value : nil
    }

    /// Reports a number beyond Citywide's limits or the field's own bounds.
    package func checked(_ key: String, _ value: Double, _ node: YAMLNode, min: Double?, max: Double?) -> Bool {
        if let problem = NumberLimits.problem(value, text: node.string ?? "") {
            log.error(location(of: node), "'\(key)' \(problem), found \(node.string ?? "")")
            return false
        }
        if let min, value < min {
            log.error(location(of: node), "'\(key)' must be at least \(NumberText.plain(min)), found \(node.string ?? "")")
            return false
        }
        if let max, value > max {
            log.error(location(of: node), "'\(key)' must be at most \(NumberText.plain(max)), found \(node.string ?? "")")
            return false
        }
        return true
    }

    /// Written like a number, whatever its size (`1e400`, `99999999999999999999`).
    package static func isNumeral(_ node: YAMLNode) -> Bool {
        guard case let .scalar(scalar) = node, scalar.style == .plain else { return false }
        return isNumeral(scalar.string)
    }

    /// Whether `text` is `[-+]?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?`, whole
    /// (byte by byte: a regular expression was built for every number read).
    /// A plain scalar never ends with a line break, where `$` would also match.
    package static func isNumeral(_ text: String) -> Bool {
        UTF8Bytes.withBytes(of: text) { bytes in
            var i = 0
            func digits() -> Bool {
                let start = i
                while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
                return i > start
            }
            func sign() {
                if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
            }
            sign()
            guard digits() else { return false }
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                i += 1
                guard digits() else { return false }
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
                i += 1
                sign()
                guard digits() else { return false }
            }
            return i == bytes.count
        }
    }

    package mutating func day(_ key: String, required: Bool = false) -> Day? {
        guard let text = string(key, required: required) else { return nil }
        guard let day = YAMLMapping.parseDay(text) else {
            if let node = pair(key) {
                log.error(location(of: node), "'\(key)' must be a date written YYYY-MM-DD, found '\(text)'")
            }
            return nil
        }
        return day
    }

    /// `Day(text)`, read straight from the bytes when they are YYYY-MM-DD
    /// digits (as nearly every date is); `Day` reads anything else.
    private static func parseDay(_ text: String) -> Day? {
        let digits = UTF8Bytes.withBytes(of: text) { bytes -> (Int, Int, Int)? in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for i in range {
                    guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) else { return nil }
                    value = value * 10 + Int(bytes[i] - UInt8(ascii: "0"))
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
            return (year, month, day)
        }
        guard let (year, month, day) = digits else { return Day(text) }
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// `true` or `false`, nothing else (no yes/no: YAML 1.1's surprises stay out).
    package mutating func bool(_ key: String) -> Bool? {
        guard let text = string(key) else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default:
            if let node = pair(key) {
                log.error(location(of: node), "'\(key)' must be true or false, found '\(text)'")
            }
            return nil
        }
    }

    /// One of a fixed set of words (an enum's raw values).
    package mutating func choice<T: RawRepresentable & CaseIterable>(_ key: String, required: Bool = false, default value: T? = nil) -> T? where T.RawValue == String {
        guard let text = string(key, required: required) else { return value }
        if let choice = T(rawValue: text) { return choice }
        if let node = pair(key) {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            log.error(location(of: node), "'\(key)' must be one of \(allowed), found '\(text)'")
        }
        return nil
    }

    /// A list of words; a single word is accepted as a list of one.
    package mutating func stringList(_ key: String) -> [(String, SourceLocation)]? {
        guard let node = node(key) else { return nil }
        switch node {
        case let .sequence(sequence):
            var items: [(String, SourceLocation)] = []
            for item in sequence {
                guard case let .scalar(scalar) = item else {
                    wrongType(key, item, expected: "a list of words")
                    continue
                }
                items.append((scalar.string, location(of: item)))
            }
            return items
        case let .scalar(scalar):
            return [(scalar.string, location(of: node))]
        default:
            wrongType(key, node, expected: "a list")
            return nil
        }
    }

    package mutating func mapping(_ key: String, required: Bool = false) -> YAMLMapping? {
        guard let node = node(key) else {
            if required { missing(key) }
            return nil
        }
        return YAMLMapping(node, path: path, lineOffset: lineOffset, log: log, what: "'\(key)'")
    }

    package mutating func sequence(_ key: String) -> [YAMLNode]? {
        guard let node = node(key) else { return nil }
        guard case let .sequence(sequence) = node else {
            wrongType(key, node, expected: "a list")
            return nil
        }
        return Array(sequence)
    }

    /// Every (key, value) pair, for mappings whose keys are data (populations, dimensions).
    package mutating func allPairs() -> [(key: String, keyNode: YAMLNode, value: YAMLNode)] {
        askedAll = true
        return pairs.map { (YAMLMapping.name($0.key), $0.key, $0.value) }
    }

    /// Reports every key nobody asked for.
    package func finish(_ what: String) {
        // Joined only for a message: every mapping of every blueprint ends here.
        guard !askedAll else { return }
        var known: String?
        for pair in pairs {
            let name = YAMLMapping.name(pair.key)
            guard !asked.contains(name) else { continue }
            if known == nil { known = Set(asked).sorted().joined(separator: ", ") }
            log.error(location(of: pair.key), "unknown field '\(name)' in \(what) (known fields: \(known ?? ""))")
        }
    }
}
