/// Compiles a template's text into nodes, once per build.
///
/// It follows swift-mustache's parser step by step (the same standalone-line
/// rules, partial indentation and block inheritance), because its output must
/// be byte-identical to what swift-mustache renders: forked templates written
/// against it keep their exact whitespace. Syntax errors are still reported by
/// `TemplateLoader` through swift-mustache's parser (with line and column);
/// here any failure, or a feature the built-in renderer does not cover
/// (`{{% CONTENT_TYPE }}`, sequence-context transforms), is just `nil`, and
/// the page is rendered by swift-mustache instead.
struct TemplateCompiler {
    struct Unsupported: Error {}

    private struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var start: [Character] = ["{", "{"]
        var end: [Character] = ["}", "}"]
        var partialDefinitionIndent: Int?

        func withSection(_ name: String, newLine: Bool, transforms: [String] = []) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func withInheritancePartial(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = []
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }
    }

    private let text: [Character]
    private var i = 0

    static func compile(_ source: String) -> [TemplateNode]? {
        var compiler = TemplateCompiler(text: Array(source))
        return try? compiler.parse(State())
    }

    private init(text: [Character]) { self.text = text }

    private var atEnd: Bool { i >= text.count }
    private var current: Character { atEnd ? "\0" : text[i] }

    private mutating func read(while accept: (Character) -> Bool) -> [Character] {
        let from = i
        while !atEnd, accept(text[i]) { i += 1 }
        return Array(text[from..<i])
    }

    private mutating func read(_ string: [Character]) -> Bool {
        guard i + string.count <= text.count, Array(text[i..<i + string.count]) == string else { return false }
        i += string.count
        return true
    }

    private static func spaceOrTab(_ c: Character) -> Bool { c == " " || c == "\t" }

    private static func bytes(_ characters: [Character]) -> [UInt8] { Array(String(characters).utf8) }

    private mutating func parse(_ entry: State) throws -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = entry
        var whiteSpaceBefore: [Character] = []
        func flushWhiteSpace() {
            if !whiteSpaceBefore.isEmpty {
                nodes.append(.text(Self.bytes(whiteSpaceBefore)))
                whiteSpaceBefore = []
            }
        }
        while !atEnd {
            if state.newLine {
                let whiteSpace = read(while: Self.spaceOrTab)
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = Array(whiteSpace.dropFirst(indent))
                    } else {
                        state.partialDefinitionIndent = whiteSpace.count
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let text = readUntilDelimiterOrNewline(state)
            if current.isNewline {
                nodes.append(.text(Self.bytes(whiteSpaceBefore + text + [current])))
                state.newLine = true
                i += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(Self.bytes(whiteSpaceBefore + text)))
                whiteSpaceBefore = []
                state.newLine = false
            }
            if atEnd { break }
            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                i += 1
                let (name, transforms) = try parseName(state)
                if isStandalone(state) { setNewLine = true } else { flushWhiteSpace() }
                let contents = try parse(state.withSection(name, newLine: setNewLine, transforms: transforms))
                nodes.append(.section(try Self.name(name, transforms), inverted: inverted, contents))
            case "/":
                i += 1
                let (name, transforms) = try parseName(state)
                guard name == state.sectionName, transforms == state.sectionTransforms else { throw Unsupported() }
                if !isStandalone(state) { flushWhiteSpace() }
                return nodes
            case "!":
                i += 1
                try skipComment(state)
                setNewLine = isStandalone(state)
            case "{":
                flushWhiteSpace()
                i += 1
                let (name, transforms) = try parseName(state)
                guard read(["}"]) else { throw Unsupported() }
                nodes.append(.variable(try Self.name(name, transforms), escaped: false))
            case "&":
                flushWhiteSpace()
                i += 1
                let (name, transforms) = try parseName(state)
                nodes.append(.variable(try Self.name(name, transforms), escaped: false))
            case ">":
                i += 1
                _ = read(while: \.isWhitespace)
                guard current != "*" else { throw Unsupported() } // dynamic partials
                let name = try parsePartialName(state)
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(Self.bytes(whiteSpaceBefore))) }
                if isStandalone(state) {
                    setNewLine = true
                    nodes.append(.partial(name, indentation: Self.bytes(whiteSpaceBefore), overrides: nil))
                } else {
                    nodes.append(.partial(name, indentation: [], overrides: nil))
                }
                whiteSpaceBefore = []
            case "<":
                i += 1
                _ = read(while: \.isWhitespace)
                let name = try parsePartialName(state)
                guard name.first != "*" else { throw Unsupported() }
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(Self.bytes(whiteSpaceBefore))) }
                if isStandalone(state) { setNewLine = true }
                var overrides: [String: [TemplateNode]] = [:]
                for node in try parse(state.withInheritancePartial(name)) {
                    switch node {
                    case let .blockDefinition(block, contents): overrides[block] = contents
                    case .text: break
                    default: throw Unsupported()
                    }
                }
                nodes.append(.partial(name, indentation: Self.bytes(whiteSpaceBefore), overrides: overrides))
                whiteSpaceBefore = []
            case "$":
                i += 1
                let (name, transforms) = try parseName(state)
                guard transforms.isEmpty else { throw Unsupported() }
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    nodes.append(.blockDefinition(name, try parse(state.withSection(name, newLine: setNewLine))))
                } else {
                    if !whiteSpaceBefore.isEmpty { nodes.append(.text(Self.bytes(whiteSpaceBefore))) }
                    if isStandalone(state) { setNewLine = true }
                    let defaults = try parse(state.withSection(name, newLine: setNewLine))
                    nodes.append(.block(name, indentation: Self.bytes(whiteSpaceBefore), defaults: defaults))
                    whiteSpaceBefore = []
                }
            case "=":
                i += 1
                state = try setDelimiters(state)
                setNewLine = isStandalone(state)
            case "%":
                throw Unsupported() // content types: not used by HTML pages
            default:
                flushWhiteSpace()
                let (name, transforms) = try parseName(state)
                nodes.append(.variable(try Self.name(name, transforms), escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw Unsupported() }
        return nodes
    }

    private static func name(_ name: String, _ transforms: [String]) throws -> TemplateName {
        // `{{first()}}` and the like read the sequence's position: not supported here.
        guard !(name.isEmpty && !transforms.isEmpty) else { throw Unsupported() }
        return TemplateName(name, transforms: transforms)
    }

    /// Text up to a tag's start (consumed) or a newline (not consumed).
    private mutating func readUntilDelimiterOrNewline(_ state: State) -> [Character] {
        guard let first = state.start.first else { return [] }
        var total: [Character] = []
        while !atEnd {
            total += read(while: { $0 != "\n" && $0 != "\r\n" && $0 != first })
            if current.isNewline { break }
            if current == first {
                if read(state.start) { break }
                total.append(first)
                i += 1
            }
        }
        return total
    }

    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let nameCharactersWithBrackets = nameCharacters.union("()")
    private static let partialNameCharacters = nameCharactersWithBrackets.union("/")

    /// A tag's name and its transforms: "empty(metrics)" is ("metrics", ["empty"]).
    private mutating func parseName(_ state: State) throws -> (String, [String]) {
        _ = read(while: \.isWhitespace)
        let text = read(while: { Self.nameCharactersWithBrackets.contains($0) })
        _ = read(while: \.isWhitespace)
        guard read(state.end) else { throw Unsupported() }
        var transforms: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "(") {
            transforms.append(String(rest[rest.startIndex..<open]))
            rest = rest[(open + 1)...]
        }
        guard !transforms.isEmpty else { return (String(text), []) }
        let closing = rest.drop(while: { $0 != ")" })
        guard closing.count == transforms.count, closing.allSatisfy({ $0 == ")" }) else { throw Unsupported() }
        let name = rest.prefix(while: { $0 != ")" })
        guard name.allSatisfy({ Self.nameCharacters.contains($0) }),
              transforms.allSatisfy({ $0.allSatisfy { Self.nameCharacters.contains($0) } })
        else { throw Unsupported() }
        return (String(name), transforms)
    }

    private mutating func parsePartialName(_ state: State) throws -> String {
        _ = read(while: \.isWhitespace)
        let text = read(while: { Self.partialNameCharacters.contains($0) })
        _ = read(while: \.isWhitespace)
        guard read(state.end) else { throw Unsupported() }
        return String(text)
    }

    private mutating func skipComment(_ state: State) throws {
        while !atEnd {
            if read(state.end) { return }
            i += 1
        }
        throw Unsupported()
    }

    private mutating func setDelimiters(_ state: State) throws -> State {
        _ = read(while: \.isWhitespace)
        let start = read(while: { !$0.isWhitespace })
        _ = read(while: \.isWhitespace)
        let end = read(while: { $0 != "=" && !$0.isWhitespace })
        _ = read(while: \.isWhitespace)
        guard !atEnd, read(["="]), read(state.end), !start.isEmpty, !end.isEmpty else { throw Unsupported() }
        var state = state
        state.start = start
        state.end = end
        state.isPartialDefinitionTopLevel = false
        return state
    }

    /// A tag alone on its line: the rest of the line (spaces and the newline) is consumed.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var j = i
        while j < text.count, Self.spaceOrTab(text[j]) { j += 1 }
        guard j < text.count, text[j].isNewline else { return false }
        i = j + 1
        return true
    }
}
