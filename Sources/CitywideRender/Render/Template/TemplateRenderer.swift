import Mustache

/// Renders compiled templates straight into one byte buffer, with
/// swift-mustache's semantics (its context stack, sections, partials, blocks
/// and transforms), but no String built per token: text is appended as bytes
/// and values are escaped while they are appended.
struct TemplateRenderer {
    let templates: [String: [TemplateNode]]

    /// What a template renders in: swift-mustache's `MustacheContext`.
    struct Context {
        /// Innermost last.
        var stack: [Any]
        /// Put before each line a standalone partial renders.
        var indentation: [UInt8] = []
        /// The blocks of the `{{< }}` partials being rendered, outermost winning.
        var inherited: [String: [TemplateNode]]?

        func with(_ object: Any) -> Context {
            var context = self
            context.stack.append(object)
            return context
        }

        func indented(_ more: [UInt8]) -> Context {
            var context = self
            context.indentation += more
            return context
        }
    }

    func render(_ nodes: [TemplateNode], _ context: Context, into out: inout [UInt8]) {
        guard !context.indentation.isEmpty else {
            for node in nodes { render(node, context, into: &out) }
            return
        }
        // swift-mustache indents each token's output that starts a new line
        // of this template's output.
        let start = out.count
        for node in nodes {
            let at = out.count
            render(node, context, into: &out)
            if out.count > at, at > start, out[at - 1] == UInt8(ascii: "\n"),
               !(at - 2 >= start && out[at - 2] == UInt8(ascii: "\r")) {
                out.insert(contentsOf: context.indentation, at: at)
            }
        }
    }

    private func render(_ node: TemplateNode, _ context: Context, into out: inout [UInt8]) {
        switch node {
        case let .text(bytes):
            out.append(contentsOf: bytes)
        case let .variable(name, escaped):
            guard let value = TemplateLookup.value(name, in: context.stack) else { return }
            if let string = value as? String {
                TemplateHTMLEscape.append(string, escaped: escaped, to: &out)
            } else if let renderable = value as? MustacheCustomRenderable {
                TemplateHTMLEscape.append(renderable.renderText, escaped: escaped, to: &out)
            } else {
                TemplateHTMLEscape.append(String(describing: TemplateLookup.unwrapped(value)), escaped: escaped, to: &out)
            }
        case let .section(name, inverted, contents):
            let value = TemplateLookup.value(name, in: context.stack)
            if inverted {
                renderInverted(value, contents, context, into: &out)
            } else {
                renderSection(value, contents, context, into: &out)
            }
        case let .partial(name, indentation, overrides):
            guard let template = templates[name] else { return }
            var inner = context.indented(indentation)
            if let overrides {
                inner.inherited = context.inherited.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
            }
            render(template, inner, into: &out)
        case let .block(name, indentation, defaults):
            render(context.inherited?[name] ?? defaults, context.indented(indentation), into: &out)
        case .blockDefinition:
            break // only inside `{{< }}`, collected while compiling
        }
    }

    private func renderSection(_ value: Any?, _ contents: [TemplateNode], _ context: Context, into out: inout [UInt8]) {
        switch value {
        case let sequence as any MustacheSequence:
            for element in TemplateLookup.elements(sequence) {
                render(contents, context.with(element), into: &out)
            }
        case let bool as Bool:
            if bool { render(contents, context, into: &out) }
        case let null as MustacheCustomRenderable where null.isNull:
            break
        case let .some(value):
            render(contents, context.with(value), into: &out)
        case .none:
            break
        }
    }

    private func renderInverted(_ value: Any?, _ contents: [TemplateNode], _ context: Context, into out: inout [UInt8]) {
        switch value {
        case let sequence as any MustacheSequence:
            if TemplateLookup.elements(sequence).isEmpty { render(contents, context.with(sequence), into: &out) }
        case let bool as Bool:
            if !bool { render(contents, context, into: &out) }
        case let null as MustacheCustomRenderable where null.isNull:
            render(contents, context, into: &out)
        case .some:
            break
        case .none:
            render(contents, context, into: &out)
        }
    }
}
