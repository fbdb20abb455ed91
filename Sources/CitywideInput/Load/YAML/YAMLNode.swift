/// A YAML node as Citywide's readers need it: text, a list or a mapping,
/// each with where it starts. Built by `YAMLComposer` straight from
/// libyaml's events (Yams' `Node` carries a tag object, an anchor and
/// generic copies that cost more than the parse on ten thousand blueprints).
package enum YAMLNode: Sendable {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Sequence)

    /// Line and column from 1, as libyaml counts them (columns in Unicode scalars).
    package struct Mark: Sendable {
        package var line: Int
        package var column: Int
    }

    package struct Scalar: Sendable {
        /// libyaml's scalar styles, with libyaml's numbers.
        package enum Style: UInt8, Sendable {
            case any, plain, singleQuoted, doubleQuoted, literal, folded
        }

        package var string: String
        package var style: Style
        /// Tagged as text: no tag, a quoted scalar, `!` or `!!str` (what
        /// Yams' basic resolver reads as a string, so what a mapping's key lookup matches).
        package var isText: Bool
        package var mark: Mark
    }

    package struct Sequence: RandomAccessCollection, Sendable {
        package var items: [YAMLNode]
        package var mark: Mark

        package var startIndex: Int { items.startIndex }
        package var endIndex: Int { items.endIndex }
        package subscript(position: Int) -> YAMLNode { items[position] }
    }

    package struct Mapping: RandomAccessCollection, Sendable {
        package var pairs: [(key: YAMLNode, value: YAMLNode)]
        package var mark: Mark

        package var startIndex: Int { pairs.startIndex }
        package var endIndex: Int { pairs.endIndex }
        package subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) { pairs[position] }

        /// The value of the last key that is the text `key` (Yams' lookup).
        package subscript(key: String) -> YAMLNode? {
            pairs.last { pair in
                guard case let .scalar(scalar) = pair.key else { return false }
                return scalar.isText && scalar.string == key
            }?.value
        }
    }

    package var mark: Mark {
        switch self {
        case let .scalar(scalar): scalar.mark
        case let .mapping(mapping): mapping.mark
        case let .sequence(sequence): sequence.mark
        }
    }

    package var scalar: Scalar? {
        if case let .scalar(scalar) = self { return scalar }
        return nil
    }

    /// The text of a scalar; nil for a list or a mapping.
    package var string: String? { scalar?.string }

    /// The node as one line of text: the kind, text, style, tag and mark of
    /// every node, so that two trees (libyaml's and `PlainYAMLReader`'s, or
    /// Yams') are compared byte for byte by the tests and the `yaml` fuzz
    /// target (String's `==` would take é and e + U+0301 as equal).
    package var outline: String {
        let mark = "@\(mark.line):\(mark.column)"
        switch self {
        case let .scalar(scalar):
            return "\(scalar.string.debugDescription)/\(scalar.style)/\(scalar.isText)\(mark)"
        case let .sequence(sequence):
            return "[" + sequence.map(\.outline).joined(separator: ", ") + "]\(mark)"
        case let .mapping(mapping):
            return "{" + mapping.map { $0.key.outline + ": " + $0.value.outline }.joined(separator: ", ") + "}\(mark)"
        }
    }
}
