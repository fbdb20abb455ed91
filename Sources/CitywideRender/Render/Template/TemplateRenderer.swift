import Mustache
import CitywideModel

/// Renders compiled templates straight into one byte buffer, with
/// swift-mustache's semantics (its context stack, sections, partials, blocks
/// and transforms), but no String built per token: text is appended as bytes
/// and values are escaped while they are appended. Views are read in place
/// (`TemplateValue`, `ViewType`); the context stack grows and shrinks in
/// place rather than being copied for each section.
struct TemplateRenderer {
    let templates: [String: [TemplateNode]]

    /// What a template renders in: swift-mustache's `MustacheContext`.
    struct Context {
        /// Innermost last.
        var stack: [TemplateFrame]
        /// The `PageContext` at the bottom of the stack, for `{{.}}` there.
        let page: Any?
        /// Put before each line a standalone partial renders.
        var indentation: [UInt8] = []
        /// The blocks of the `{{< }}` partials being rendered, outermost winning.
        var inherited: [String: [TemplateNode]]?

        init(_ frame: TemplateFrame, page: Any? = nil) {
            stack = [frame]
            stack.reserveCapacity(16)
            self.page = page
        }

        func value(_ name: TemplateName) -> TemplateValue? {
            stack.withUnsafeBufferPointer { TemplateLookup.value(name, in: $0, page: page) }
        }
    }

    /// `object` rendered with `nodes`: a `PageContext` (what pages render)
    /// with its view and frame read in place; anything else as Mustache sees it.
    func render(_ nodes: [TemplateNode], object: Any, into out: inout [UInt8]) {
        guard let page = object as? PageContext else {
            return TemplateFrame.with(object) { value in
                var context = Context(.value(value))
                render(nodes, &context, into: &out)
            }
        }
        TemplateFrame.with(page.view) { view in
            TemplateFrame.with(page.layout) { layout in
                var context = Context(.page(view: view, layout: layout), page: page)
                render(nodes, &context, into: &out)
            }
        }
    }

    private func render(_ nodes: [TemplateNode], _ context: inout Context, into out: inout [UInt8]) {
        guard !context.indentation.isEmpty else {
            for node in nodes { render(node, &context, into: &out) }
            return
        }
        // swift-mustache indents each token's output that starts a new line
        // of this template's output.
        let start = out.count
        for node in nodes {
            let at = out.count
            render(node, &context, into: &out)
            if out.count > at, at > start, out[at - 1] == UInt8(ascii: "\n"),
               !(at - 2 >= start && out[at - 2] == UInt8(ascii: "\r")) {
                out.insert(contentsOf: context.indentation, at: at)
            }
        }
    }

    /// `nodes` rendered with `value` pushed on the stack.
    private func render(_ nodes: [TemplateNode], with value: TemplateValue, _ context: inout Context, into out: inout [UInt8]) {
        context.stack.append(.value(value))
        render(nodes, &context, into: &out)
        context.stack.removeLast()
    }

    private func render(_ node: TemplateNode, _ context: inout Context, into out: inout [UInt8]) {
        switch node {
        case let .text(bytes):
            out.append(contentsOf: bytes)
        case let .variable(name, escaped):
            guard let value = context.value(name) else { return }
            TemplateText.append(value, escaped: escaped, to: &out)
        case let .section(name, inverted, contents):
            let value = context.value(name)
            if inverted {
                renderInverted(value, contents, &context, into: &out)
            } else {
                renderSection(value, contents, &context, into: &out)
            }
        case let .partial(name, indentation, overrides):
            guard let template = templates[name] else { return }
            let (outerIndentation, outerInherited) = (context.indentation, context.inherited)
            context.indentation += indentation
            if let overrides {
                context.inherited = outerInherited.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
            }
            render(template, &context, into: &out)
            (context.indentation, context.inherited) = (outerIndentation, outerInherited)
        case let .block(name, indentation, defaults):
            let outerIndentation = context.indentation
            context.indentation += indentation
            render(context.inherited?[name] ?? defaults, &context, into: &out)
            context.indentation = outerIndentation
        case .blockDefinition:
            break // only inside `{{< }}`, collected while compiling
        }
    }

    private func renderSection(_ value: TemplateValue?, _ contents: [TemplateNode], _ context: inout Context, into out: inout [UInt8]) {
        switch value {
        case let .views(pointer, type, storage)?:
            storage.forEachElement(at: pointer) { element in
                render(contents, with: .view(element, type), &context, into: &out)
            }
        case let .bool(bool)?:
            if bool { render(contents, &context, into: &out) }
        case let .object(object)?:
            renderSection(object, contents, &context, into: &out)
        case let found?:
            // A view, text, a number or the interface text: shown once, in reach.
            render(contents, with: found, &context, into: &out)
        case .none:
            break
        }
    }

    private func renderSection(_ value: Any, _ contents: [TemplateNode], _ context: inout Context, into out: inout [UInt8]) {
        switch value {
        case let sequence as any MustacheSequence:
            for element in TemplateLookup.elements(sequence) {
                render(contents, with: .object(element), &context, into: &out)
            }
        case let bool as Bool:
            if bool { render(contents, &context, into: &out) }
        case let null as MustacheCustomRenderable where null.isNull:
            break
        default:
            render(contents, with: .object(value), &context, into: &out)
        }
    }

    private func renderInverted(_ value: TemplateValue?, _ contents: [TemplateNode], _ context: inout Context, into out: inout [UInt8]) {
        switch value {
        case let .views(pointer, _, storage)?:
            if storage.isEmpty(at: pointer) { render(contents, with: value!, &context, into: &out) }
        case let .bool(bool)?:
            if !bool { render(contents, &context, into: &out) }
        case let .object(value)?:
            switch value {
            case let sequence as any MustacheSequence:
                if TemplateLookup.elements(sequence).isEmpty { render(contents, with: .object(sequence), &context, into: &out) }
            case let bool as Bool:
                if !bool { render(contents, &context, into: &out) }
            case let null as MustacheCustomRenderable where null.isNull:
                render(contents, &context, into: &out)
            default:
                break
            }
        case .some:
            break // a view, text, a number (even empty text, even 0), the interface text
        case .none:
            render(contents, &context, into: &out)
        }
    }
}
