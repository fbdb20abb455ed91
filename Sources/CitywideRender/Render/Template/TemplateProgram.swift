/// The site's compiled templates linked into one flat program
/// (`TemplateOp`): partials found by number, names and blocks numbered,
/// text in one byte buffer. Built once per build; read by every thread
/// rendering pages, never changed, freed with the program.
final class TemplateProgram: @unchecked Sendable {
    let ops: UnsafeMutableBufferPointer<TemplateOp>
    let bytes: UnsafeMutableBufferPointer<UInt8>
    /// The names of `.variable` and `.section` ops, by number.
    let names: UnsafeMutablePointer<TemplateName>
    private let nameCount: Int
    /// Every `TemplateKey`'s name by its number, as numbered when the program was linked.
    let keys: UnsafeMutableBufferPointer<String>
    /// The interface text by key number, a table for each language's `t`.
    let strings: TemplateStringTables
    /// Each `{{< }}`'s blocks: block number to contents.
    let overrides: [[Int32: TemplateOpRange]]
    /// Each template's ops, by template name.
    let templates: [String: TemplateOpRange]

    /// Each template's ops, by template number (`TemplateOp.partial`).
    let templateRanges: UnsafeMutableBufferPointer<TemplateOpRange>

    init(_ templates: [String: [TemplateNode]]) {
        // A partial names its template by number: the sorted names' positions.
        let templateNames = templates.keys.sorted()
        var linker = Linker(numbers: Dictionary(uniqueKeysWithValues: templateNames.enumerated().map { ($1, Int32($0)) }))
        let ranges = templateNames.map { linker.link(templates[$0] ?? []) }
        ops = Self.buffer(linker.ops)
        bytes = Self.buffer(linker.bytes)
        names = Self.start(linker.names)
        nameCount = linker.names.count
        keys = Self.buffer(TemplateKey.all)
        strings = TemplateStringTables(keys: keys)
        overrides = linker.overrides
        self.templates = Dictionary(uniqueKeysWithValues: zip(templateNames, ranges))
        templateRanges = Self.buffer(ranges)
    }

    deinit {
        ops.deallocate()
        bytes.deallocate()
        names.deinitialize(count: nameCount).deallocate()
        keys.deinitialize().deallocate()
        templateRanges.deallocate()
    }

    /// `array`'s elements in memory of their own.
    private static func buffer<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
        UnsafeMutableBufferPointer(start: start(array), count: array.count)
    }

    /// `array`'s elements in memory of their own, from the pointer returned
    /// (an empty array gets room for one, so there always is one).
    private static func start<T>(_ array: [T]) -> UnsafeMutablePointer<T> {
        let start = UnsafeMutablePointer<T>.allocate(capacity: max(array.count, 1))
        start.initialize(from: array, count: array.count)
        return start
    }

    /// Flattens nodes into ops, in order.
    private struct Linker {
        let numbers: [String: Int32]
        var ops: [TemplateOp] = []
        var bytes: [UInt8] = []
        var names: [TemplateName] = []
        var blocks: [String: Int32] = [:]
        var overrides: [[Int32: TemplateOpRange]] = []

        init(numbers: [String: Int32]) { self.numbers = numbers }

        mutating func link(_ nodes: [TemplateNode]) -> TemplateOpRange {
            let start = Int32(ops.count)
            for node in nodes { link(node) }
            return TemplateOpRange(start: start, end: Int32(ops.count))
        }

        private var here: Int32 { Int32(ops.count) }

        private mutating func text(_ text: [UInt8]) -> (Int32, Int32) {
            let start = Int32(bytes.count)
            bytes += text
            return (start, Int32(text.count))
        }

        private mutating func name(_ name: TemplateName) -> Int32 {
            names.append(name)
            return Int32(names.count - 1)
        }

        private mutating func block(_ name: String) -> Int32 {
            if let known = blocks[name] { return known }
            blocks[name] = Int32(blocks.count)
            return Int32(blocks.count - 1)
        }

        private mutating func link(_ node: TemplateNode) {
            switch node {
            case let .text(bytes):
                let (start, count) = text(bytes)
                ops.append(.text(start: start, count: count))
            case let .variable(name, escaped):
                ops.append(.variable(name: self.name(name), escaped: escaped))
            case let .section(name, inverted, contents):
                let at = ops.count
                let number = self.name(name)
                ops.append(.text(start: 0, count: 0)) // replaced once the contents' end is known
                _ = link(contents)
                ops[at] = .section(name: number, inverted: inverted, end: here)
            case let .partial(name, indentation, blockOverrides):
                let at = ops.count
                let (start, count) = text(indentation)
                ops.append(.text(start: 0, count: 0))
                var number: Int32 = -1
                if let blockOverrides {
                    var table: [Int32: TemplateOpRange] = [:]
                    for (name, contents) in blockOverrides.sorted(by: { $0.key < $1.key }) {
                        table[block(name)] = link(contents)
                    }
                    overrides.append(table)
                    number = Int32(overrides.count - 1)
                }
                ops[at] = .partial(template: numbers[name] ?? -1, indentation: start, indentationCount: count,
                                   overrides: number, end: here)
            case let .block(name, indentation, defaults):
                let at = ops.count
                let (start, count) = text(indentation)
                let number = block(name)
                ops.append(.text(start: 0, count: 0))
                _ = link(defaults)
                ops[at] = .block(block: number, indentation: start, indentationCount: count, end: here)
            case .blockDefinition:
                break // only inside `{{< }}`, collected while compiling
            }
        }
    }
}
