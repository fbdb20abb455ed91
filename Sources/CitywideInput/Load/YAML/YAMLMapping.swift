import Foundation
import Yams
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
    private let pairs: [(key: String, keyNode: Node, value: Node)]
    private var asked: Set<String> = []

    /// Returns nil (and reports) when `node` is not a mapping.
    package init?(_ node: Node, path: String, lineOffset: Int = 0, log: DiagnosticLog, what: String) {
        self.path = path
        self.log = log
        self.lineOffset = lineOffset
        self.location = YAMLMapping.location(of: node, path: path, lineOffset: lineOffset)
        guard case let .mapping(mapping) = node else {
            log.error(location, "\(what) must be a mapping of `key: value` lines, found \(YAMLMapping.kind(of: node))")
            return nil
        }
        var pairs: [(String, Node, Node)] = []
        for (key, value) in mapping {
            pairs.append((key.string ?? "", key, value))
        }
        self.pairs = pairs
    }

    package static func location(of node: Node, path: String, lineOffset: Int) -> SourceLocation {
        SourceLocation(path: path, line: (node.mark?.line ?? 1) + lineOffset, column: node.mark?.column ?? 1)
    }

    package func location(of node: Node) -> SourceLocation {
        YAMLMapping.location(of: node, path: path, lineOffset: lineOffset)
    }

    package static func kind(of node: Node) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        case let .scalar(scalar): scalar.string.isEmpty ? "nothing" : "'\(scalar.string)'"
        }
    }

    package var keys: [String] { pairs.map(\.key) }

    /// What YAML reads as "no value" when written without quotes.
    package static let nulls: Set<String> = ["", "~", "null", "Null", "NULL"]

    /// An unquoted whole number: `40`, `-3` (not `"40"`, `4e1`, `0x28` or `1_000`).
    package static func integer(_ node: Node) -> Int? {
        guard case let .scalar(scalar) = node, scalar.style == .plain else { return nil }
        let text = scalar.string
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return Int(text)
    }

    /// An unquoted decimal number: `40`, `0.95`, `-1.5e3` (not `.inf`, `nan` or `"40"`).
    package static func decimal(_ node: Node) -> Double? {
        guard case let .scalar(scalar) = node, scalar.style == .plain else { return nil }
        let text = scalar.string
        guard text.range(of: "^[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$", options: .regularExpression) != nil,
              let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// The raw node for `key`, marking the key as known. Empty values (`key:`) count as absent.
    package mutating func node(_ key: String) -> Node? {
        asked.insert(key)
        guard let value = pairs.first(where: { $0.key == key })?.value else { return nil }
        if case let .scalar(scalar) = value, scalar.style == .plain, YAMLMapping.nulls.contains(scalar.string) {
            return nil
        }
        return value
    }

    /// The raw node for `key`, without marking it known: for a second look
    /// at a field already read (where its words are, say).
    package func value(of key: String) -> Node? {
        pairs.first { $0.key == key }?.value
    }

    /// Reports a missing required field at the mapping itself.
    /// Where the value of `key` is written (or the mapping, if it is absent).
    package func valueLocation(_ key: String) -> SourceLocation {
        pairs.first { $0.key == key }.map { location(of: $0.value) } ?? location
    }

    package func missing(_ key: String) {
        log.error(location, "missing required field '\(key)'")
    }

    package func wrongType(_ key: String, _ node: Node, expected: String) {
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
    package func checked(_ key: String, _ value: Double, _ node: Node, min: Double?, max: Double?) -> Bool {
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
    package static func isNumeral(_ node: Node) -> Bool {
        guard case let .scalar(scalar) = node, scalar.style == .plain else { return false }
        return scalar.string.range(of: "^[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$", options: .regularExpression) != nil
    }

    package mutating func day(_ key: String, required: Bool = false) -> Day? {
        guard let text = string(key, required: required) else { return nil }
        guard let day = Day(text) else {
            if let node = pairs.first(where: { $0.key == key })?.value {
                log.error(location(of: node), "'\(key)' must be a date written YYYY-MM-DD, found '\(text)'")
            }
            return nil
        }
        return day
    }

    /// `true` or `false`, nothing else (no yes/no: YAML 1.1's surprises stay out).
    package mutating func bool(_ key: String) -> Bool? {
        guard let text = string(key) else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default:
            if let node = pairs.first(where: { $0.key == key })?.value {
                log.error(location(of: node), "'\(key)' must be true or false, found '\(text)'")
            }
            return nil
        }
    }

    /// One of a fixed set of words (an enum's raw values).
    package mutating func choice<T: RawRepresentable & CaseIterable>(_ key: String, required: Bool = false, default value: T? = nil) -> T? where T.RawValue == String {
        guard let text = string(key, required: required) else { return value }
        if let choice = T(rawValue: text) { return choice }
        if let node = pairs.first(where: { $0.key == key })?.value {
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

    package mutating func sequence(_ key: String) -> [Node]? {
        guard let node = node(key) else { return nil }
        guard case let .sequence(sequence) = node else {
            wrongType(key, node, expected: "a list")
            return nil
        }
        return Array(sequence)
    }

    /// Every (key, value) pair, for mappings whose keys are data (populations, dimensions).
    package mutating func allPairs() -> [(key: String, keyNode: Node, value: Node)] {
        for pair in pairs { asked.insert(pair.key) }
        return pairs
    }

    /// Reports every key nobody asked for.
    package func finish(_ what: String) {
        // Joined only for a message: every mapping of every blueprint ends here.
        var known: String?
        for pair in pairs where !asked.contains(pair.key) {
            if known == nil { known = asked.sorted().joined(separator: ", ") }
            log.error(location(of: pair.keyNode), "unknown field '\(pair.key)' in \(what) (known fields: \(known ?? ""))")
        }
    }
}
