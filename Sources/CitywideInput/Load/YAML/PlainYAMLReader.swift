/// A reader for the plain YAML that front matter, site.yml and metric files
/// hold in practice, tried by `YAMLComposer` before libyaml: block mappings
/// and lists, one-line plain and simple quoted scalars, one-line lists in
/// brackets and mappings in braces (a commitment's `target: { metric: x,
/// value: 30, by: 2021-06-30 }`), comments and blank lines. On ten thousand blueprints libyaml's
/// tokenizer cost more than everything else the load does with the YAML.
///
/// It builds exactly the tree libyaml's events build (text, style, every
/// line and column) or answers nil, "not mine", and libyaml reads the text
/// as before, so every message and every diagnostic stays libyaml's and
/// Yams'. It answers nil on anything outside the subset: tabs, carriage
/// returns, control characters and the characters libyaml treats as breaks
/// or byte order marks, invalid UTF-8, `---` and `...`, anchors, aliases,
/// tags, block scalars, a flow mapping that spans lines or holds anything but
/// `key: value` pairs of scalars, `?` keys, a scalar that starts with an
/// indicator, a plain value holding `: `, a scalar continued on another line,
/// quotes with escapes or doubled quotes, a list in brackets that spans
/// lines or holds anything but scalars, a duplicate key (libyaml's path
/// reports it), nesting deeper than `YAMLComposer.maximumDepth`, and any
/// indentation libyaml would not read as a plain block. The differential
/// fuzz target (`yaml`) and PlainYAMLReaderTests hold it to libyaml's tree.
struct PlainYAMLReader {
    private let base: UnsafePointer<UInt8>
    private let count: Int
    /// Columns count Unicode scalars, as libyaml's marks do; with ASCII
    /// only, a column is a byte offset.
    private let hasNonASCII: Bool

    /// The current line: its number (from 1), where it starts and ends (its
    /// newline or the end), and how many spaces open it.
    private var line = 0
    private var lineStart = 0
    private var lineEnd = 0
    private var indent = 0
    /// No content line is left.
    private var atEnd = false
    /// Where reading is, on the current line.
    private var pos = 0
    /// A byte on the current line and its column, from `columnNumber`.
    private var countedTo = 0
    private var countedColumn = 1

    /// The longest key read: libyaml gives up on a key 1024 characters
    /// before its `:`.
    private static let maximumKeyLength = 512

    private init(base: UnsafePointer<UInt8>, count: Int, hasNonASCII: Bool) {
        self.base = base
        self.count = count
        self.hasNonASCII = hasNonASCII
    }

    /// The tree libyaml's events build for `bytes`, or nil when the text is
    /// not plain YAML as this reader knows it.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLNode? {
        guard let base = bytes.baseAddress, let hasNonASCII = checkCharacters(bytes) else { return nil }
        var reader = PlainYAMLReader(base: base, count: bytes.count, hasNonASCII: hasNonASCII)
        guard reader.nextLine(from: 0) else { return nil }
        // Nothing but comments and blank lines: no document, an empty mapping.
        if reader.atEnd { return .mapping(YAMLNode.Mapping(pairs: [], mark: YAMLNode.Mark(line: 1, column: 1))) }
        guard let root = reader.block(column: reader.indent, depth: 1), reader.atEnd else { return nil }
        return root
    }

    // MARK: Characters

    /// Whether the text has characters beyond ASCII; nil when it holds a
    /// character libyaml refuses or reads specially, or invalid UTF-8.
    private static func checkCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var nonASCII = false
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                // Tabs, carriage returns, NUL and other controls, DEL.
                if (b < 0x20 && b != 0x0A) || b == 0x7F { return nil }
                i += 1
                continue
            }
            nonASCII = true
            let length: Int
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF: length = 2; scalar = UInt32(b & 0x1F)
            case 0xE0...0xEF: length = 3; scalar = UInt32(b & 0x0F)
            case 0xF0...0xF4: length = 4; scalar = UInt32(b & 0x07)
            default: return nil
            }
            guard i + length <= n else { return nil }
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return nil }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            switch length {
            // C1 controls, and U+0085, a line break to libyaml.
            case 2: guard scalar >= 0xA0 else { return nil }
            // Overlong forms, surrogates, the line and paragraph separators
            // (breaks), the byte order mark, and U+FFFE and U+FFFF (refused).
            case 3: guard scalar >= 0x800, !(0xD800...0xDFFF).contains(scalar), scalar != 0x2028, scalar != 0x2029,
                          scalar != 0xFEFF, scalar < 0xFFFE else { return nil }
            default: guard scalar >= 0x10000, scalar <= 0x10FFFF else { return nil }
            }
            i += length
        }
        return nonASCII
    }

    /// The column (from 1) of byte `i` on the current line.
    private mutating func columnNumber(of i: Int) -> Int {
        guard hasNonASCII else { return i - lineStart + 1 }
        // Counted on from the last column asked for on the line: marks come
        // in order, and a long line of many items stays linear.
        if i < countedTo {
            countedTo = lineStart
            countedColumn = 1
        }
        var column = countedColumn
        for k in countedTo..<i where base[k] & 0xC0 != 0x80 { column += 1 }
        countedTo = i
        countedColumn = column
        return column
    }

    private mutating func mark(at i: Int) -> YAMLNode.Mark {
        YAMLNode.Mark(line: line, column: columnNumber(of: i))
    }

    private static let space = UInt8(ascii: " ")
    private static let newline = UInt8(ascii: "\n")
    private static let colon = UInt8(ascii: ":")
    private static let hash = UInt8(ascii: "#")
    private static let dash = UInt8(ascii: "-")
    private static let comma = UInt8(ascii: ",")
    private static let openBracket = UInt8(ascii: "[")
    private static let closeBracket = UInt8(ascii: "]")
    private static let openBrace = UInt8(ascii: "{")
    private static let closeBrace = UInt8(ascii: "}")
    private static let singleQuote = UInt8(ascii: "'")
    private static let doubleQuote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\")

    // MARK: Lines

    /// Moves to the next line with content (not blank, not only a comment)
    /// from `start`, a line's first byte. False for a line at column 1 that
    /// starts `---` or `...` (a document marker to libyaml).
    private mutating func nextLine(from start: Int) -> Bool {
        var s = start
        while s < count {
            line += 1
            var e = s
            while e < count && base[e] != Self.newline { e += 1 }
            var c = s
            while c < e && base[c] == Self.space { c += 1 }
            if c < e && base[c] != Self.hash {
                if c == s && e - s >= 3 {
                    let first = base[s]
                    if (first == Self.dash || first == UInt8(ascii: ".")) && base[s + 1] == first && base[s + 2] == first { return false }
                }
                lineStart = s
                lineEnd = e
                indent = c - s
                pos = c
                countedTo = s
                countedColumn = 1
                return true
            }
            s = e + 1
        }
        atEnd = true
        return true
    }

    private mutating func advance() -> Bool {
        nextLine(from: lineEnd + 1)
    }

    /// Whether nothing but spaces and a comment follow `i` on the line. A
    /// comment must follow a space.
    private func restIsEmpty(from i: Int) -> Bool {
        var k = i
        while k < lineEnd && base[k] == Self.space { k += 1 }
        return k == lineEnd || (base[k] == Self.hash && k > i)
    }

    private func skipSpaces(from i: Int) -> Int {
        var k = i
        while k < lineEnd && base[k] == Self.space { k += 1 }
        return k
    }

    /// A list entry: `-` then a space or the end of the line.
    private func isEntry(at i: Int) -> Bool {
        base[i] == Self.dash && (i + 1 == lineEnd || base[i + 1] == Self.space)
    }

    // MARK: Blocks

    /// The list or mapping that starts at `pos`, at `column` (from 0).
    private mutating func block(column: Int, depth: Int) -> YAMLNode? {
        guard depth <= YAMLComposer.maximumDepth else { return nil }
        if isEntry(at: pos) { return sequence(column: column, indentless: false, depth: depth) }
        return mapping(column: column, depth: depth)
    }

    /// A block mapping whose keys are at `column`, the first at `pos`.
    private mutating func mapping(column: Int, depth: Int) -> YAMLNode? {
        let mappingMark = mark(at: pos)
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        var keys = KeySet()
        while true {
            let keyStart = pos
            guard let (key, keyColon) = scalar(), let colon = keyColon, colon - keyStart <= Self.maximumKeyLength,
                  keys.insert(key.string) else { return nil }
            let value: YAMLNode
            if restIsEmpty(from: pos) {
                // libyaml's empty value starts just after the `:`.
                let emptyMark = YAMLNode.Mark(line: line, column: columnNumber(of: colon) + 1)
                guard advance() else { return nil }
                if !atEnd && indent > column {
                    guard let node = block(column: indent, depth: depth + 1) else { return nil }
                    value = node
                } else if !atEnd && indent == column && isEntry(at: pos) {
                    guard depth < YAMLComposer.maximumDepth,
                          let node = sequence(column: column, indentless: true, depth: depth + 1) else { return nil }
                    value = node
                } else {
                    value = .scalar(YAMLNode.Scalar(string: "", style: .plain, isText: true, mark: emptyMark))
                }
            } else {
                pos = skipSpaces(from: pos)
                guard let node = inlineValue(column: column, depth: depth) else { return nil }
                value = node
            }
            pairs.append((.scalar(key), value))
            if atEnd || indent < column { break }
            guard indent == column else { return nil }
        }
        return .mapping(YAMLNode.Mapping(pairs: pairs, mark: mappingMark))
    }

    /// A block list whose `-` are at `column`, the first at `pos`.
    /// `indentless`: the value of a key at the same column, which ends at
    /// the next line there that is not an entry.
    private mutating func sequence(column: Int, indentless: Bool, depth: Int) -> YAMLNode? {
        let sequenceMark = mark(at: pos)
        var items: [YAMLNode] = []
        while true {
            // libyaml's empty item starts just after the `-`.
            let emptyMark = YAMLNode.Mark(line: line, column: columnNumber(of: pos) + 1)
            let afterDash = pos + 1
            pos = skipSpaces(from: afterDash)
            let item: YAMLNode
            if restIsEmpty(from: afterDash) {
                guard advance() else { return nil }
                if !atEnd && indent > column {
                    guard let node = block(column: indent, depth: depth + 1) else { return nil }
                    item = node
                } else {
                    item = .scalar(YAMLNode.Scalar(string: "", style: .plain, isText: true, mark: emptyMark))
                }
            } else if isEntry(at: pos) {
                // `- - a`: a list in a list on one line.
                return nil
            } else if base[pos] == Self.openBracket || base[pos] == Self.openBrace {
                guard let node = inlineValue(column: column, depth: depth) else { return nil }
                item = node
            } else {
                let start = pos
                guard let (found, colon) = scalar() else { return nil }
                if colon != nil {
                    // `- key: value`: a mapping in the item, at the key's column.
                    pos = start
                    guard depth < YAMLComposer.maximumDepth,
                          let node = mapping(column: start - lineStart, depth: depth + 1) else { return nil }
                    item = node
                } else {
                    guard finishLine(column: column) else { return nil }
                    item = .scalar(found)
                }
            }
            items.append(item)
            if atEnd || indent < column { break }
            guard indent == column else { return nil }
            guard isEntry(at: pos) else {
                if indentless { break }
                return nil
            }
        }
        return .sequence(YAMLNode.Sequence(items: items, mark: sequenceMark))
    }

    /// A value on the line of its key or `-`, at `pos`: a scalar, a list
    /// in brackets or a mapping in braces. The block it is in is at `column`.
    private mutating func inlineValue(column: Int, depth: Int) -> YAMLNode? {
        let node: YAMLNode
        if base[pos] == Self.openBracket {
            guard depth < YAMLComposer.maximumDepth, let list = flowSequence() else { return nil }
            node = list
        } else if base[pos] == Self.openBrace {
            guard depth < YAMLComposer.maximumDepth, let mapping = flowMapping() else { return nil }
            node = mapping
        } else {
            // A `: ` in a value is an error or a mapping to libyaml.
            guard let (found, colon) = scalar(), colon == nil else { return nil }
            node = .scalar(found)
        }
        guard finishLine(column: column) else { return nil }
        return node
    }

    /// Checks that the line ends after a value, and moves to the next. A
    /// next line deeper than the block continues a plain scalar (or is an
    /// error): not read here.
    private mutating func finishLine(column: Int) -> Bool {
        guard restIsEmpty(from: pos), advance() else { return false }
        return atEnd || indent <= column
    }

    // MARK: Scalars

    /// The scalar at `pos` in a block, and the index of the `:` after it
    /// when it is a key. `pos` ends after the `:`, or after the scalar.
    private mutating func scalar() -> (YAMLNode.Scalar, colon: Int?)? {
        let start = pos
        let first = base[start]
        if first == Self.singleQuote || first == Self.doubleQuote {
            guard let scalar = quoted() else { return nil }
            let k = skipSpaces(from: pos)
            if k < lineEnd && base[k] == Self.colon && (k + 1 == lineEnd || base[k + 1] == Self.space) {
                pos = k + 1
                return (scalar, k)
            }
            return (scalar, nil)
        }
        guard Self.startsPlain(first, next: start + 1 < lineEnd ? base[start + 1] : Self.newline) else { return nil }
        var i = start
        var end = start
        var colon: Int?
        while i < lineEnd {
            let b = base[i]
            if b == Self.colon && (i + 1 == lineEnd || base[i + 1] == Self.space) {
                colon = i
                break
            }
            if b == Self.space {
                // ` #` starts a comment.
                if i + 1 < lineEnd && base[i + 1] == Self.hash { break }
            } else {
                end = i + 1
            }
            i += 1
        }
        pos = colon.map { $0 + 1 } ?? end
        return (YAMLNode.Scalar(string: string(start, end), style: .plain, isText: true, mark: mark(at: start)), colon)
    }

    /// Whether a plain scalar (in a block) may start with `first`, followed
    /// by `next`: not an indicator, except `-` before a character that is
    /// not a space. (libyaml also starts one with `?` or `:`: not read here.)
    private static func startsPlain(_ first: UInt8, next: UInt8) -> Bool {
        if first == dash { return next != space && next != newline }
        return !isIndicator(first)
    }

    private static func isIndicator(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
             UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
             UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
            true
        default:
            false
        }
    }

    /// A quoted scalar at `pos` that ends on its line, with no escape (`\`
    /// in double quotes, `''` in single quotes); `pos` ends after it.
    private mutating func quoted() -> YAMLNode.Scalar? {
        let start = pos
        let quote = base[start]
        var i = start + 1
        while i < lineEnd && base[i] != quote {
            if quote == Self.doubleQuote && base[i] == Self.backslash { return nil }
            i += 1
        }
        guard i < lineEnd else { return nil }
        if quote == Self.singleQuote && i + 1 < lineEnd && base[i + 1] == Self.singleQuote { return nil }
        pos = i + 1
        let style: YAMLNode.Scalar.Style = quote == Self.singleQuote ? .singleQuoted : .doubleQuoted
        return YAMLNode.Scalar(string: string(start + 1, i), style: style, isText: true, mark: mark(at: start))
    }

    /// A list in brackets at `pos`, on one line, of plain or quoted scalars;
    /// `pos` ends after the `]`.
    private mutating func flowSequence() -> YAMLNode? {
        let sequenceMark = mark(at: pos)
        var items: [YAMLNode] = []
        pos = skipSpaces(from: pos + 1)
        if pos < lineEnd && base[pos] == Self.closeBracket {
            pos += 1
            return .sequence(YAMLNode.Sequence(items: [], mark: sequenceMark))
        }
        while true {
            // A trailing `,` before `]` is not read here: `]` starts no scalar.
            guard pos < lineEnd, let scalar = flowScalar(closedBy: Self.closeBracket) else { return nil }
            items.append(.scalar(scalar))
            guard let closed = flowItemEnd(closedBy: Self.closeBracket) else { return nil }
            if closed { return .sequence(YAMLNode.Sequence(items: items, mark: sequenceMark)) }
        }
    }

    /// A mapping in braces at `pos`, on one line, of `key: value` pairs
    /// whose keys and values are plain or quoted scalars; `pos` ends after
    /// the `}`. Nil for an empty value, a `:` not followed by a space, a
    /// trailing `,`, a duplicate key, or anything nested.
    private mutating func flowMapping() -> YAMLNode? {
        let mappingMark = mark(at: pos)
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        var keys = KeySet()
        pos = skipSpaces(from: pos + 1)
        if pos < lineEnd && base[pos] == Self.closeBrace {
            pos += 1
            return .mapping(YAMLNode.Mapping(pairs: [], mark: mappingMark))
        }
        while true {
            guard pos < lineEnd else { return nil }
            let keyStart = pos
            guard let key = flowKey(), pos - keyStart <= Self.maximumKeyLength, keys.insert(key.string) else { return nil }
            // `flowKey` ends after the `: `.
            pos = skipSpaces(from: pos)
            guard pos < lineEnd, let value = flowScalar(closedBy: Self.closeBrace) else { return nil }
            pairs.append((.scalar(key), .scalar(value)))
            guard let closed = flowItemEnd(closedBy: Self.closeBrace) else { return nil }
            if closed { return .mapping(YAMLNode.Mapping(pairs: pairs, mark: mappingMark)) }
        }
    }

    /// A scalar in brackets or braces at `pos`: quoted, or plain up to `,`
    /// or `closer`.
    private mutating func flowScalar(closedBy closer: UInt8) -> YAMLNode.Scalar? {
        if base[pos] == Self.singleQuote || base[pos] == Self.doubleQuote { return quoted() }
        return flowPlain(closedBy: closer)
    }

    /// After an item in brackets or braces: true at `closer`, false at a
    /// `,` (`pos` after them and the spaces that follow), nil at anything
    /// else.
    private mutating func flowItemEnd(closedBy closer: UInt8) -> Bool? {
        pos = skipSpaces(from: pos)
        guard pos < lineEnd else { return nil }
        if base[pos] == closer {
            pos += 1
            return true
        }
        guard base[pos] == Self.comma else { return nil }
        pos = skipSpaces(from: pos + 1)
        return false
    }

    /// A key in braces at `pos`, plain or quoted, then `:` and a space;
    /// `pos` ends after the `:`. Nil for anything else (a `:` without a
    /// space after it, a key alone, an indicator or a bracket or brace).
    private mutating func flowKey() -> YAMLNode.Scalar? {
        // A plain key ends at the first `:`; a `,` there ends it too, short
        // of a `:` (a key without a value): not read here.
        guard let key = flowScalar(closedBy: Self.colon) else { return nil }
        let colon = skipSpaces(from: pos)
        guard colon + 1 < lineEnd, base[colon] == Self.colon, base[colon + 1] == Self.space else { return nil }
        pos = colon + 1
        return key
    }

    /// Whether a plain scalar in brackets or braces may start at `start`:
    /// not at an indicator, except `-` before a letter or digit.
    private func startsFlowPlain(at start: Int) -> Bool {
        let first = base[start]
        if first == Self.dash { return start + 1 < lineEnd && Self.isAlphanumeric(base[start + 1]) }
        return !Self.isIndicator(first)
    }

    /// A plain scalar in brackets or braces at `pos`, ended by `,` or
    /// `closer` (its trailing spaces dropped). Nil when it starts with an
    /// indicator (`-` only before a letter or digit) or holds `#`, `?`,
    /// another bracket or brace, or a `:` before a space or one of those.
    private mutating func flowPlain(closedBy closer: UInt8) -> YAMLNode.Scalar? {
        let start = pos
        guard startsFlowPlain(at: start) else { return nil }
        var i = start
        var end = start
        while i < lineEnd {
            let b = base[i]
            if b == Self.comma || b == closer { break }
            switch b {
            case Self.colon:
                // Inside a scalar before anything but a space or a flow
                // indicator, as in a URL; else libyaml's to read.
                guard i + 1 < lineEnd, !Self.endsFlowColon(base[i + 1]) else { return nil }
                end = i + 1
            case Self.hash, Self.openBracket, Self.closeBracket, Self.openBrace, Self.closeBrace, UInt8(ascii: "?"):
                return nil
            case Self.space:
                break
            default:
                end = i + 1
            }
            i += 1
        }
        guard i < lineEnd else { return nil }
        pos = i
        return YAMLNode.Scalar(string: string(start, end), style: .plain, isText: true, mark: mark(at: start))
    }

    /// A byte after `:` in brackets or braces that makes the `:` an
    /// indicator (a space) or an error to libyaml (`,`, `?`, a bracket or a
    /// brace), rather than part of a plain scalar.
    private static func endsFlowColon(_ b: UInt8) -> Bool {
        switch b {
        case space, comma, UInt8(ascii: "?"), openBracket, closeBracket, openBrace, closeBrace: true
        default: false
        }
    }

    private static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z"))
            || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
    }

    private func string(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
    }

    /// A mapping's keys so far, to find a duplicate: searched in order while
    /// few, then hashed. Compared as `YAMLComposer` compares them (`String`'s
    /// equality).
    private struct KeySet {
        private var few: [String] = []
        private var many: Set<String>?

        /// False when `key` is already there.
        mutating func insert(_ key: String) -> Bool {
            if many != nil { return many?.insert(key).inserted ?? false }
            if few.contains(key) { return false }
            few.append(key)
            if few.count > 16 {
                many = Set(few)
                few = []
            }
            return true
        }
    }
}
