import Foundation
import Yams
import CitywideModel

/// Parses YAML text into a node tree, turning libyaml's errors into diagnostics
/// with the line and column of the problem.
///
/// We read the node tree rather than decode with Codable: every node keeps
/// its mark, so a wrong type or an unknown key is reported at its line, not
/// as a coding path. `YAMLComposer` builds the tree in the same pass that
/// checks its shape; Yams composes only what it must judge (see
/// `YAMLComposer.Outcome.needsYams`), so its messages stay the ones users see.
package enum YAMLDocument {
    /// - Parameter firstLine: the file line on which `text` starts (front matter starts on line 2).
    package static func parse(_ text: String, path: String, firstLine: Int = 1, log: DiagnosticLog) -> YAMLNode? {
        switch YAMLComposer.compose(text, firstLine: firstLine) {
        case let .node(node):
            return node
        case let .refused(problems):
            for problem in problems {
                log.error(SourceLocation(path: path, line: problem.line + firstLine - 1, column: problem.column), problem.message)
            }
            return nil
        case .needsYams:
            return composeWithYams(text, path: path, firstLine: firstLine, log: log)
        }
    }

    /// Yams' verdict and tree (the tests compare `YAMLComposer`'s tree with it).
    package static func composeWithYams(_ text: String, path: String, firstLine: Int, log: DiagnosticLog) -> YAMLNode? {
        do {
            // The basic resolver tags every scalar as text: YAMLMapping decides
            // what a value must be, from its text, field by field.
            // A document with nothing in it (or only comments) is an empty
            // mapping: each reader then reports the fields it needs.
            // UTF-8 named, not Yams' default: that reads the process's whole
            // environment on every parse.
            guard let node = try Yams.compose(yaml: text, .basic, .default, .utf8) else {
                return .mapping(YAMLNode.Mapping(pairs: [], mark: YAMLNode.Mark(line: 1, column: 1)))
            }
            return YAMLNode(node)
        } catch let error as YamlError {
            let (mark, message) = describe(error, firstLine: firstLine)
            var at = mark.map { (line: $0.line, column: $0.column) } ?? (line: 1, column: 1)
            if case let .reader(_, offset?, _, _) = error { at = position(ofByte: offset, in: text) }
            log.error(SourceLocation(path: path, line: at.line + firstLine - 1, column: at.column), message)
        } catch {
            log.error(SourceLocation(path: path, line: firstLine), "could not read YAML: \(error)")
        }
        return nil
    }

    /// Line and column (1-based, in characters) of a UTF-8 byte offset: libyaml
    /// gives only the offset for characters it cannot read.
    package static func position(ofByte offset: Int, in text: String) -> (line: Int, column: Int) {
        let utf8 = text.utf8
        let end = utf8.index(utf8.startIndex, offsetBy: min(max(0, offset), utf8.count))
        let before = text[..<end]
        let line = before.utf8.lazy.filter { $0 == UInt8(ascii: "\n") }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        return (line, before[lineStart...].unicodeScalars.count + 1)
    }

    private static func describe(_ error: YamlError, firstLine: Int) -> (Mark?, String) {
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let detail = context.map { " (\($0.text) at line \($0.mark.line + firstLine - 1))" } ?? ""
            return (mark, "YAML syntax: \(problem)\(detail)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return (context.mark, "duplicate key \(keys) in the same mapping")
        case let .reader(problem, _, value, _):
            return (nil, "YAML cannot be read: \(problem)\(value >= 0 ? String(format: " (character U+%04X)", value) : "")")
        default:
            return (nil, "YAML error: \(error)")
        }
    }
}

extension YAMLNode {
    /// Yams' tree, for the documents only Yams composes (`YAMLComposer.Outcome.needsYams`).
    init(_ node: Node) {
        let mark = node.mark.map { Mark(line: $0.line, column: $0.column) } ?? Mark(line: 1, column: 1)
        switch node {
        case let .scalar(scalar):
            let style = Scalar.Style(rawValue: UInt8(truncatingIfNeeded: scalar.style.rawValue)) ?? .any
            self = .scalar(Scalar(string: scalar.string, style: style, isText: [Tag.Name.implicit, .nonSpecific, .str].map(\.rawValue).contains(scalar.tag.rawValue), mark: mark))
        case let .mapping(mapping):
            self = .mapping(Mapping(pairs: mapping.map { (YAMLNode($0.key), YAMLNode($0.value)) }, mark: mark))
        case let .sequence(sequence):
            self = .sequence(Sequence(items: sequence.map(YAMLNode.init), mark: mark))
        case .alias:
            // Aliases are refused before Yams composes; an alias would be
            // resolved by Yams anyway, never left in its tree.
            self = .scalar(Scalar(string: "", style: .plain, isText: true, mark: mark))
        }
    }
}
