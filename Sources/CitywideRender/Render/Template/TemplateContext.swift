/// What a template renders in: swift-mustache's `MustacheContext` (the
/// stack of objects names are looked up in), plus what our renderer keeps
/// for one page's render.
struct TemplateContext {
    /// Innermost last.
    var stack: [TemplateFrame] = []
    /// The values found outside views (`TemplateValue.boxed`), kept until
    /// the page is rendered.
    var boxes: [TemplateBox] = []
    /// The `PageContext` at the bottom of the stack, for `{{.}}` there.
    let page: Any?
    /// Every tag name's part by its number (`TemplateKey`).
    let keys: UnsafeMutableBufferPointer<String>
    /// Where the interface text's tables are found, and the one this page
    /// found last (pages of one language have one `t`) with the storage it
    /// answers for. Unretained: `stringTables` holds every table for the
    /// build, and retaining one table on each `t.` tag made the threads
    /// rendering pages contend for its reference count.
    let stringTables: TemplateStringTables
    var strings: (identity: UInt, table: Unmanaged<TemplateStrings>)?
    /// Put before each line a standalone partial renders.
    var indentation: [UInt8] = []
    /// The blocks of the `{{< }}` partials being rendered, outermost winning.
    var inherited: [Int32: TemplateOpRange]?

    init(program: TemplateProgram, page: Any? = nil) {
        keys = program.keys
        stringTables = program.strings
        self.page = page
        stack.reserveCapacity(16)
    }

    /// `value` kept for the page: its number.
    mutating func box(_ value: TemplateBox) -> TemplateValue {
        boxes.append(value)
        return .boxed(boxes.count - 1)
    }

    /// `body` with `object` as a value: a view in place when it is one.
    mutating func with<R>(_ object: Any, _ body: (inout TemplateContext, TemplateValue) -> R) -> R {
        guard let type = ViewType.of(Swift.type(of: object)) else {
            let value = box(.object(object))
            return body(&self, value)
        }
        func inPlace<T>(_ value: T) -> R {
            withUnsafePointer(to: value) { body(&self, .view(UnsafeRawPointer($0), type)) }
        }
        return _openExistential(object, do: inPlace)
    }

    /// The value as the lookup through `Any` gives it, for what only that
    /// path covers (most transforms, printing a view, dictionaries and
    /// arrays that are not views).
    func materialized(_ value: TemplateValue) -> Any {
        switch value {
        case let .string(pointer): return pointer.pointee
        case let .bool(bool): return bool
        case let .int(int): return int
        case let .strings(pointer): return pointer.pointee
        case let .view(pointer, type): return type.lookup(at: pointer)
        case let .views(pointer, _, storage):
            let array = ViewShape.load(storage, at: pointer)
            return ViewLookup.wrap(array) ?? array
        case let .boxed(index):
            switch boxes[index] {
            case let .text(text): return text
            case let .object(object): return object
            }
        }
    }

    /// The boxed value at `index` when it is not text. Inlined, so that
    /// the test of every value found (most are not boxed) makes no call and
    /// has no empty `Any?` to destroy.
    @inline(__always)
    func object(_ value: TemplateValue) -> Any? {
        guard case let .boxed(index) = value else { return nil }
        return boxedObject(index)
    }

    private func boxedObject(_ index: Int) -> Any? {
        guard case let .object(object) = boxes[index] else { return nil }
        return object
    }
}
