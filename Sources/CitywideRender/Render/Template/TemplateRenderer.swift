import Mustache
import CitywideModel

/// Renders a linked program (`TemplateProgram`) straight into one byte
/// buffer, with swift-mustache's semantics (its context stack, sections,
/// partials, blocks and transforms), but no String built per token: text
/// is appended as bytes and values are escaped while they are appended.
/// Views are read in place (`TemplateValue`, `ViewType`); the context stack
/// grows and shrinks in place; ops, names and values are trivial, so a
/// page's render retains nothing but the values it finds outside views.
struct TemplateRenderer {
    /// Holds the buffers below for as long as the renderer lives.
    let program: TemplateProgram
    private let ops: UnsafeMutableBufferPointer<TemplateOp>
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    private let names: UnsafePointer<TemplateName>
    private let templates: UnsafeMutableBufferPointer<TemplateOpRange>

    init(program: TemplateProgram) {
        self.program = program
        ops = program.ops
        bytes = program.bytes
        names = UnsafePointer(program.names)
        templates = program.templateRanges
    }

    /// `object` rendered with the ops of `range`: a `PageContext` (what pages
    /// render) with its view and frame read in place; anything else as
    /// Mustache sees it.
    func render(_ range: TemplateOpRange, object: Any, into out: inout TemplateOutput) {
        guard let page = object as? PageContext else {
            var context = TemplateContext(program: program)
            return context.with(object) { context, value in
                context.stack.append(.value(value))
                render(range, &context, into: &out)
            }
        }
        var context = TemplateContext(program: program, page: page)
        context.with(page.view) { context, view in
            context.with(page.layout) { context, layout in
                context.stack.append(.page(view: view, layout: layout))
                render(range, &context, into: &out)
            }
        }
    }

    private func render(_ range: TemplateOpRange, _ context: inout TemplateContext, into out: inout TemplateOutput) {
        var i = Int(range.start)
        let end = Int(range.end)
        guard !context.indentation.isEmpty else {
            while i < end { i = render(at: i, &context, into: &out) }
            return
        }
        // swift-mustache indents each token's output that starts a new line
        // of this template's output.
        let start = out.count
        while i < end {
            let at = out.count
            i = render(at: i, &context, into: &out)
            if out.count > at, at > start, out[at - 1] == UInt8(ascii: "\n"),
               !(at - 2 >= start && out[at - 2] == UInt8(ascii: "\r")) {
                out.insert(context.indentation, at: at)
            }
        }
    }

    /// `range` rendered with `value` pushed on the stack.
    private func render(_ range: TemplateOpRange, with value: TemplateValue, _ context: inout TemplateContext, into out: inout TemplateOutput) {
        context.stack.append(.value(value))
        render(range, &context, into: &out)
        context.stack.removeLast()
    }

    private func text(_ start: Int32, _ count: Int32) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[Int(start)..<Int(start + count)])
    }

    /// The op at `i` rendered; the index of the op after it (and after its contents).
    private func render(at i: Int, _ context: inout TemplateContext, into out: inout TemplateOutput) -> Int {
        switch ops[i] {
        case let .text(start, count):
            out.append(text(start, count))
        case let .variable(name, escaped):
            guard let value = context.value(names + Int(name)) else { break }
            TemplateText.append(value, in: context, escaped: escaped, to: &out)
        case let .section(name, inverted, end):
            let value = context.value(names + Int(name))
            let contents = TemplateOpRange(start: Int32(i + 1), end: end)
            if inverted {
                renderInverted(value, contents, &context, into: &out)
            } else {
                renderSection(value, contents, &context, into: &out)
            }
            return Int(end)
        case let .partial(template, indentation, indentationCount, overrides, end):
            guard template >= 0 else { return Int(end) }
            // Most partials are neither indented nor override blocks: then
            // the context is left as it is (saving and restoring the
            // indentation and the blocks retained both, for each of them).
            guard indentationCount > 0 || overrides >= 0 else {
                render(templates[Int(template)], &context, into: &out)
                return Int(end)
            }
            let (outerIndentation, outerInherited) = (context.indentation, context.inherited)
            context.indentation += text(indentation, indentationCount)
            if overrides >= 0 {
                let blocks = program.overrides[Int(overrides)]
                context.inherited = outerInherited.map { $0.merging(blocks) { outer, _ in outer } } ?? blocks
            }
            render(templates[Int(template)], &context, into: &out)
            (context.indentation, context.inherited) = (outerIndentation, outerInherited)
            return Int(end)
        case let .block(block, indentation, indentationCount, end):
            let contents = context.inherited?[block] ?? TemplateOpRange(start: Int32(i + 1), end: end)
            guard indentationCount > 0 else {
                render(contents, &context, into: &out)
                return Int(end)
            }
            let outerIndentation = context.indentation
            context.indentation += text(indentation, indentationCount)
            render(contents, &context, into: &out)
            context.indentation = outerIndentation
            return Int(end)
        }
        return i + 1
    }

    private func renderSection(_ value: TemplateValue?, _ contents: TemplateOpRange, _ context: inout TemplateContext, into out: inout TemplateOutput) {
        switch value {
        case let .views(pointer, type, storage)?:
            storage.forEachElement(at: pointer) { element in
                render(contents, with: .view(element, type), &context, into: &out)
            }
        case let .bool(bool)?:
            if bool { render(contents, &context, into: &out) }
        case let found?:
            if let object = context.object(found) { return renderSection(object, contents, &context, into: &out) }
            // A view, text, a number or the interface text: shown once, in reach.
            render(contents, with: found, &context, into: &out)
        case .none:
            break
        }
    }

    private func renderSection(_ value: Any, _ contents: TemplateOpRange, _ context: inout TemplateContext, into out: inout TemplateOutput) {
        switch value {
        case let sequence as any MustacheSequence:
            for element in TemplateLookup.elements(sequence) {
                let element = context.box(.object(element))
                render(contents, with: element, &context, into: &out)
            }
        case let bool as Bool:
            if bool { render(contents, &context, into: &out) }
        case let null as MustacheCustomRenderable where null.isNull:
            break
        default:
            let value = context.box(.object(value))
            render(contents, with: value, &context, into: &out)
        }
    }

    private func renderInverted(_ value: TemplateValue?, _ contents: TemplateOpRange, _ context: inout TemplateContext, into out: inout TemplateOutput) {
        switch value {
        case let .views(pointer, _, storage)?:
            if storage.isEmpty(at: pointer) { render(contents, with: value!, &context, into: &out) }
        case let .bool(bool)?:
            if !bool { render(contents, &context, into: &out) }
        case let found?:
            // A view, text, a number (even empty text, even 0), the interface text: skipped.
            guard let value = context.object(found) else { break }
            switch value {
            case let sequence as any MustacheSequence:
                if TemplateLookup.elements(sequence).isEmpty {
                    let sequence = context.box(.object(sequence))
                    render(contents, with: sequence, &context, into: &out)
                }
            case let bool as Bool:
                if !bool { render(contents, &context, into: &out) }
            case let null as MustacheCustomRenderable where null.isNull:
                render(contents, &context, into: &out)
            default:
                break
            }
        case .none:
            render(contents, &context, into: &out)
        }
    }
}
