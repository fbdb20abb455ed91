import CYaml
import CitywideModel

/// One pass over libyaml's events that both checks a document's shape and
/// builds its `YAMLNode` tree: anchors and aliases are refused, nesting is
/// limited, and a duplicate key is reported where it is repeated.
///
/// site.yml, metric files and front matter never need aliases, and an alias
/// used as a mapping key makes composition exponential (each level repeats
/// the whole tree), so 400 bytes could take minutes. Deep nesting would
/// overflow a recursive reader. Everything else that can go wrong (a syntax
/// error, a second document, equal keys that are lists or mappings) is left
/// to Yams, whose messages the diagnostics have always quoted: the pass then
/// answers `.needsYams` and `YAMLDocument` asks Yams. (Yams keeps libyaml's
/// events private, hence libyaml itself, which Yams brings.) Plain YAML, the
/// common case, is read first by `PlainYAMLReader` to the same tree.
package enum YAMLComposer {
    /// The deepest nesting of mappings and lists accepted.
    package static let maximumDepth = 64

    package enum Outcome {
        /// The document; an empty mapping when the text holds none.
        case node(YAMLNode)
        /// What the shape check refuses, each with its 1-based line and
        /// column in the text (a message that names another line names it
        /// in the file, which starts at `firstLine`). Every duplicate key is
        /// reported; an anchor, an alias or too deep a nesting ends the pass.
        case refused([(line: Int, column: Int, message: String)])
        /// The shape is fine but Yams decides: a syntax error (its message),
        /// more than one document, two keys that are lists or mappings (Yams
        /// compares them), or a byte order mark (Yams' marks count it on line 1).
        case needsYams
    }

    package static func compose(_ text: String, firstLine: Int = 1) -> Outcome {
        UTF8Bytes.withBytes(of: text) { compose($0, firstLine: firstLine) }
    }

    package static func compose(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int) -> Outcome {
        // Plain YAML, as front matter and site.yml almost always are, is read
        // without libyaml, to the same tree; anything else as before.
        if let node = PlainYAMLReader.read(bytes) { return .node(node) }
        return composeWithLibYAML(bytes, firstLine: firstLine)
    }

    /// libyaml's events, for any text (`PlainYAMLReader`'s tree must equal
    /// this one: the tests and the fuzz target compare them).
    package static func composeWithLibYAML(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int) -> Outcome {
        guard bytes.baseAddress != nil else {
            // libyaml wants an address even for no bytes.
            return [UInt8(0)].withUnsafeBufferPointer { composeWithLibYAML(UnsafeBufferPointer(rebasing: $0[0..<0]), firstLine: firstLine) }
        }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return .needsYams }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        var builder = Builder(firstLine: firstLine)
        var needsYams = bytes.starts(with: byteOrderMark)
        var documents = 0
        events: while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                needsYams = true
                break
            }
            defer { yaml_event_delete(&event) }
            let mark = YAMLNode.Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                break events
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 { needsYams = true }
            case YAML_ALIAS_EVENT:
                builder.refuse(mark, "YAML aliases (*name) are not accepted in Citywide's files: write the value out")
                break events
            case YAML_SCALAR_EVENT where event.data.scalar.anchor != nil,
                 YAML_SEQUENCE_START_EVENT where event.data.sequence_start.anchor != nil,
                 YAML_MAPPING_START_EVENT where event.data.mapping_start.anchor != nil:
                builder.refuse(mark, "YAML anchors (&name) are not accepted in Citywide's files: write the value out")
                break events
            case YAML_SCALAR_EVENT:
                builder.scalar(event, at: mark)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                guard builder.open(isMapping: event.type == YAML_MAPPING_START_EVENT, at: mark) else { break events }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                builder.close()
            default:
                continue
            }
        }
        if !builder.problems.isEmpty { return .refused(builder.problems) }
        if needsYams || builder.comparesComplexKeys { return .needsYams }
        return .node(builder.root ?? .mapping(YAMLNode.Mapping(pairs: [], mark: YAMLNode.Mark(line: 1, column: 1))))
    }

    /// The open lists and mappings, innermost last, and what they hold so far.
    private struct Builder {
        let firstLine: Int
        var frames: [Frame] = []
        /// The first document's root, once complete.
        var root: YAMLNode?
        var problems: [(line: Int, column: Int, message: String)] = []
        /// A mapping has two keys that are lists or mappings: only Yams'
        /// comparison of nodes says whether they are the same key.
        var comparesComplexKeys = false

        init(firstLine: Int) {
            self.firstLine = firstLine
        }

        mutating func refuse(_ mark: YAMLNode.Mark, _ message: String) {
            problems.append((mark.line, mark.column, message))
        }

        mutating func scalar(_ event: yaml_event_t, at mark: YAMLNode.Mark) {
            let data = event.data.scalar
            let bytes = UnsafeBufferPointer(start: data.value, count: data.length)
            let string = YAMLComposer.string(bytes)
            if let last = frames.indices.last, frames[last].expectsKey {
                // Compared as C strings, up to a NUL, as the check always did.
                let key = bytes.contains(0) ? String(cString: data.value) : string
                if let first = frames[last].line(ofKey: key) {
                    refuse(mark, "duplicate key '\(key)' in the same mapping (first at line \(first + firstLine - 1))")
                } else {
                    frames[last].addKey(key, line: mark.line)
                }
            }
            let isText = data.quoted_implicit == 1 || data.tag == nil || YAMLComposer.isTextTag(data.tag)
            let style = YAMLNode.Scalar.Style(rawValue: UInt8(truncatingIfNeeded: data.style.rawValue)) ?? .any
            attach(.scalar(YAMLNode.Scalar(string: string, style: style, isText: isText, mark: mark)))
        }

        /// False when the nesting is too deep (reported).
        mutating func open(isMapping: Bool, at mark: YAMLNode.Mark) -> Bool {
            if let last = frames.indices.last, frames[last].expectsKey {
                frames[last].complexKeys += 1
                if frames[last].complexKeys > 1 { comparesComplexKeys = true }
            }
            frames.append(Frame(isMapping: isMapping, mark: mark))
            if frames.count > YAMLComposer.maximumDepth {
                refuse(mark, "lists and mappings nest more than \(YAMLComposer.maximumDepth) deep; Citywide refuses deeper YAML (docs/limits.md)")
                return false
            }
            return true
        }

        mutating func close() {
            guard let frame = frames.popLast() else { return }
            attach(frame.node)
        }

        private mutating func attach(_ node: YAMLNode) {
            if let last = frames.indices.last {
                frames[last].items.append(node)
            } else if root == nil {
                root = node
            }
        }
    }

    /// An open list or mapping.
    private struct Frame {
        let isMapping: Bool
        let mark: YAMLNode.Mark
        /// A list's items; a mapping's keys and values, alternating.
        var items: [YAMLNode] = []
        /// A mapping's text keys with their lines, searched in order while
        /// few, then through `keyIndex`.
        var keys: [(key: String, line: Int)] = []
        var keyIndex: [String: Int]?
        var complexKeys = 0

        init(isMapping: Bool, mark: YAMLNode.Mark) {
            self.isMapping = isMapping
            self.mark = mark
        }

        /// In a mapping: whether the next node is a key (else a value).
        var expectsKey: Bool { isMapping && items.count % 2 == 0 }

        func line(ofKey key: String) -> Int? {
            if let keyIndex { return keyIndex[key] }
            return keys.first { $0.key == key }?.line
        }

        mutating func addKey(_ key: String, line: Int) {
            if keyIndex != nil {
                keyIndex?[key] = line
                return
            }
            keys.append((key, line))
            // A dozen keys are found faster in order than by hashing; thousands are not.
            if keys.count > 16 {
                keyIndex = Dictionary(keys.map { ($0.key, $0.line) }, uniquingKeysWith: { first, _ in first })
                keys = []
            }
        }

        var node: YAMLNode {
            guard isMapping else { return .sequence(YAMLNode.Sequence(items: items, mark: mark)) }
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            pairs.reserveCapacity(items.count / 2)
            var i = 0
            while i + 1 < items.count {
                pairs.append((items[i], items[i + 1]))
                i += 2
            }
            return .mapping(YAMLNode.Mapping(pairs: pairs, mark: mark))
        }
    }

    /// The tags Yams reads a scalar under as text: `!!str` spelled out, and
    /// the non-specific `!`.
    private static let textTags = [Array("tag:yaml.org,2002:str".utf8), Array("!".utf8)]

    /// Whether a tag (a C string) is one of `textTags`.
    private static func isTextTag(_ tag: UnsafePointer<UInt8>) -> Bool {
        textTags.contains { expected in
            var i = 0
            // Stops at the first difference, so never reads past the tag's NUL.
            for byte in expected {
                guard tag[i] == byte else { return false }
                i += 1
            }
            return tag[i] == 0
        }
    }

    /// A scalar's text as Yams makes it: libyaml hands out valid UTF-8, and
    /// Foundation's decoding there drops a leading byte order mark.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.starts(with: byteOrderMark) else { return String(decoding: bytes, as: UTF8.self) }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[3...]), as: UTF8.self)
    }

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

}
