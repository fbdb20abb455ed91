/// One piece of a compiled template: what swift-mustache's parser would make
/// of the same text (its tokens), with text already in UTF-8 and dotted names
/// already split, so rendering does no string work but appending.
indirect enum TemplateNode: Sendable {
    /// Literal text, standalone-line whitespace already removed.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (raw), with
    /// swift-mustache's transforms (`empty(x)` is `transforms: ["empty"]`).
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}` or `{{^name}}` (inverted) and its contents.
    case section(TemplateName, inverted: Bool, [TemplateNode])
    /// `{{> name}}`, or `{{< name}}` with the blocks it overrides. A
    /// standalone partial's indentation is put before each of its lines.
    case partial(String, indentation: [UInt8], overrides: [String: [TemplateNode]]?)
    /// `{{$ name}}` outside a `{{< }}`: a block, with its default contents.
    case block(String, indentation: [UInt8], defaults: [TemplateNode])
    /// `{{$ name}}` inside a `{{< }}`: only while compiling, collected into
    /// the partial's overrides.
    case blockDefinition(String, [TemplateNode])
}

/// A tag's name as lookups use it.
struct TemplateName: Sendable {
    /// "t.key" as ["t", "key"]; empty for ".".
    let path: [TemplateKey]
    /// `.name`: looked up in the innermost object only, not up the stack.
    let local: Bool
    /// `{{.}}`: the innermost object itself.
    let isDot: Bool
    /// Outermost first, as written: `a(b(x))` is ["a", "b"].
    let transforms: [String]
    /// `empty(x)`: the one transform the renderer reads in place.
    let isEmptyTransform: Bool
    let hasTransforms: Bool
    /// The path's first two keys' numbers (-1 when there is none) and its
    /// length: what a lookup reads, without touching the arrays above.
    let first: Int
    let second: Int
    let parts: Int

    init(_ name: String, transforms: [String]) {
        isDot = name == "."
        local = name.first == "."
        path = name.split(separator: ".").map { TemplateKey(String($0)) }
        self.transforms = transforms
        isEmptyTransform = transforms == ["empty"]
        hasTransforms = !transforms.isEmpty
        first = path.first?.id ?? -1
        second = path.count > 1 ? path[1].id : -1
        parts = path.count
    }
}
