import CYaml

/// A pass over libyaml's events before the node tree is composed: anchors
/// and aliases are refused, and nesting is limited.
///
/// site.yml, metric files and front matter never need aliases, and an alias
/// used as a mapping key makes composition exponential (each level repeats
/// the whole tree, and Yams hashes every key to find duplicates), so 400
/// bytes could take minutes. Deep nesting would overflow the composer's
/// recursion. Events come in one linear pass with nothing built, so this
/// check costs little. (Yams keeps libyaml's events private, hence libyaml
/// itself, which Yams brings.)
enum YAMLShapeCheck {
    /// The deepest nesting of mappings and lists accepted.
    static let maximumDepth = 64

    /// A problem with its 0-based libyaml line and column, or nil. Syntax
    /// errors are not reported here: composition reports them.
    static func problem(in text: String) -> (line: Int, column: Int, message: String)? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> (Int, Int, String)? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var depth = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let mark = event.start_mark
                let at = (Int(mark.line) + 1, Int(mark.column) + 1)
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_ALIAS_EVENT:
                    return (at.0, at.1, "YAML aliases (*name) are not accepted in Citywide's files: write the value out")
                case YAML_SCALAR_EVENT where event.data.scalar.anchor != nil,
                     YAML_SEQUENCE_START_EVENT where event.data.sequence_start.anchor != nil,
                     YAML_MAPPING_START_EVENT where event.data.mapping_start.anchor != nil:
                    return (at.0, at.1, "YAML anchors (&name) are not accepted in Citywide's files: write the value out")
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    depth += 1
                    if depth > maximumDepth {
                        return (at.0, at.1, "lists and mappings nest more than \(maximumDepth) deep; Citywide refuses deeper YAML (docs/limits.md)")
                    }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    depth -= 1
                default:
                    continue
                }
            }
        }
    }
}
