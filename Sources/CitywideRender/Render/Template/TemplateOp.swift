/// One instruction of a `TemplateProgram`: a `TemplateNode` flattened, with
/// numbers where the node has strings and arrays, so the renderer walks the
/// program without retaining anything (the nodes are shared by every
/// thread rendering pages; their reference counts were a tenth of the
/// render's CPU). A section's or a block's contents follow it, up to `end`.
enum TemplateOp {
    /// Literal text: `TemplateProgram.bytes[start..<start + count]`.
    case text(start: Int32, count: Int32)
    /// `{{name}}` or `{{{name}}}`: `TemplateProgram.names[name]`.
    case variable(name: Int32, escaped: Bool)
    /// `{{#name}}` or `{{^name}}`: its contents are the ops up to `end`.
    case section(name: Int32, inverted: Bool, end: Int32)
    /// `{{> name}}` or `{{< name}}`: the template numbered `template` (-1:
    /// there is none, nothing is rendered), its indentation in `bytes`, the
    /// blocks it overrides (`TemplateProgram.overrides[overrides]`, -1 for
    /// none; their contents are the ops that follow, up to `end`).
    case partial(template: Int32, indentation: Int32, indentationCount: Int32, overrides: Int32, end: Int32)
    /// `{{$ name}}`: the block numbered `block`; its default contents are
    /// the ops up to `end`.
    case block(block: Int32, indentation: Int32, indentationCount: Int32, end: Int32)
}

/// A run of ops: a template, a section's contents, a block's.
struct TemplateOpRange {
    let start: Int32
    let end: Int32
}
