import CYaml
import CitywideModel

/// A pass over libyaml's events before the node tree is composed: anchors
/// and aliases are refused, nesting is limited, and a duplicate key is
/// reported where it is repeated (Yams can only point at the first).
///
/// site.yml, metric files and front matter never need aliases, and an alias
/// used as a mapping key makes composition exponential (each level repeats
/// the whole tree, and Yams hashes every key to find duplicates), so 400
/// bytes could take minutes. Deep nesting would overflow the composer's
/// recursion. Events come in one linear pass with nothing built, so this
/// check costs little. (Yams keeps libyaml's events private, hence libyaml
/// itself, which Yams brings.)
package enum YAMLShapeCheck {
    /// The deepest nesting of mappings and lists accepted.
    package static let maximumDepth = 64

    /// The problems found, each with its 1-based line and column in `text`
    /// (a message that names another line names it in the file, which
    /// starts at `firstLine`: front matter starts on line 2); empty when
    /// the text may be composed. Every duplicate key is reported; an anchor,
    /// an alias or too deep a nesting ends the pass. Syntax errors are not
    /// reported here: composition reports them.
    package static func problems(in text: String, firstLine: Int = 1) -> [(line: Int, column: Int, message: String)] {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return [] }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        var found: [(line: Int, column: Int, message: String)] = []
        bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            // One frame per open list or mapping; a mapping's frame knows
            // whether the next node is a key, and the keys seen with their lines.
            var frames: [Frame] = []
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return }
                defer { yaml_event_delete(&event) }
                let mark = event.start_mark
                let at = (Int(mark.line) + 1, Int(mark.column) + 1)
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return
                case YAML_ALIAS_EVENT:
                    found.append((at.0, at.1, "YAML aliases (*name) are not accepted in Citywide's files: write the value out"))
                    return
                case YAML_SCALAR_EVENT where event.data.scalar.anchor != nil,
                     YAML_SEQUENCE_START_EVENT where event.data.sequence_start.anchor != nil,
                     YAML_MAPPING_START_EVENT where event.data.mapping_start.anchor != nil:
                    found.append((at.0, at.1, "YAML anchors (&name) are not accepted in Citywide's files: write the value out"))
                    return
                case YAML_SCALAR_EVENT:
                    if frames.last?.expectsKey == true {
                        let key = String(cString: event.data.scalar.value)
                        if let first = frames[frames.count - 1].keys[key] {
                            found.append((at.0, at.1, "duplicate key '\(key)' in the same mapping (first at line \(first + firstLine - 1))"))
                        } else {
                            frames[frames.count - 1].keys[key] = at.0
                        }
                    }
                    frames.last?.advance()
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    frames.last?.advance()
                    frames.append(Frame(isMapping: event.type == YAML_MAPPING_START_EVENT))
                    if frames.count > maximumDepth {
                        found.append((at.0, at.1, "lists and mappings nest more than \(maximumDepth) deep; Citywide refuses deeper YAML (docs/limits.md)"))
                        return
                    }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    frames.removeLast()
                default:
                    continue
                }
            }
        }
        return found
    }

    /// An open list or mapping.
    private final class Frame {
        let isMapping: Bool
        /// In a mapping: whether the next node is a key (else a value).
        var expectsKey: Bool
        /// Scalar keys seen, with the line of each.
        var keys: [String: Int] = [:]

        init(isMapping: Bool) {
            self.isMapping = isMapping
            expectsKey = isMapping
        }

        /// One node of this collection has started: keys and values alternate.
        func advance() {
            if isMapping { expectsKey.toggle() }
        }
    }
}
