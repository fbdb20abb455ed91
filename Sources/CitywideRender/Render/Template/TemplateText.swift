import Mustache

/// A found value printed by `{{name}}` (escaped) or `{{{name}}}`, as
/// swift-mustache prints it: text as it is, a number in decimal digits,
/// yes/no as `true`/`false`; anything else through `Any` (a custom
/// rendering, else `String(describing:)`).
enum TemplateText {
    static func append(_ value: TemplateValue, in context: TemplateContext, escaped: Bool, to out: inout TemplateOutput) {
        switch value {
        case let .string(pointer):
            TemplateHTMLEscape.append(pointer, escaped: escaped, to: &out)
        case let .int(int):
            appendDecimal(int, to: &out)
        case let .bool(bool):
            out.append((bool ? "true" : "false") as StaticString)
        default:
            if case let .boxed(index) = value, case let .text(text) = context.boxes[index] {
                return TemplateHTMLEscape.append(text, escaped: escaped, to: &out)
            }
            let value = context.materialized(value)
            if let string = value as? String {
                TemplateHTMLEscape.append(string, escaped: escaped, to: &out)
            } else if let renderable = value as? MustacheCustomRenderable {
                TemplateHTMLEscape.append(renderable.renderText, escaped: escaped, to: &out)
            } else {
                TemplateHTMLEscape.append(String(describing: TemplateLookup.unwrapped(value)), escaped: escaped, to: &out)
            }
        }
    }

    /// `String(describing: int)`'s bytes (digits and a minus sign: nothing to escape).
    private static func appendDecimal(_ int: Int, to out: inout TemplateOutput) {
        guard int != 0 else { return out.append(UInt8(ascii: "0")) }
        if int < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = int.magnitude
        let start = out.count
        while magnitude > 0 {
            out.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        }
        out.reverse(from: start)
    }
}
