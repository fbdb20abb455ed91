import Foundation
import CitywideModel
import CitywidePublished
import CitywideWrite

/// A tiny, deterministic SVG/XML writer used by the chart renderers.
///
/// Element and attribute *names* are always literals chosen by our code;
/// every attribute *value* and every text node is escaped here, so user text
/// (titles, labels, reasons) can never break out of the markup.
package struct SVGWriter {
    package typealias Attributes = [(String, String)]

    /// The document so far, as UTF-8: a chart is hundreds of elements, and
    /// appending bytes builds no String per tag or attribute.
    private var output = ByteText()
    private var openElements: [String] = []

    /// Opens `<name attrs>` and remembers it for `close()`.
    package mutating func open(_ name: String, _ attributes: Attributes = []) {
        start(name)
        appendAttributes(attributes)
        endOpen(name)
    }

    /// Closes the most recently opened element.
    package mutating func close() {
        guard let name = openElements.popLast() else { return }
        output.append("</")
        output.append(name)
        output.append(">\n")
    }

    /// A childless element, optionally carrying a `<title>` tooltip child.
    package mutating func leaf(_ name: String, _ attributes: Attributes, title: String? = nil) {
        start(name)
        appendAttributes(attributes)
        if let title {
            endLeaf(name, title: title)
        } else {
            endLeaf()
        }
    }

    /// An element whose only content is escaped text, e.g. `<text>` or `<desc>`.
    package mutating func element(_ name: String, _ attributes: Attributes = [], text: String) {
        start(name)
        appendAttributes(attributes)
        endText(name, text)
    }

    // MARK: - A tag at a time
    //
    // What `open`, `leaf` and `element` are made of, for callers to write a
    // tag as it is given: no array of attributes, and no String per number,
    // for the charts drawn once per city page.

    /// `<name`: its attributes follow, then `endOpen`, `endLeaf` or `endText`.
    package mutating func start(_ name: String) {
        output.append(byte: UInt8(ascii: "<"))
        output.append(name)
    }

    /// ` name="value"`, the value escaped.
    package mutating func attribute(_ name: StaticString, _ value: String) {
        output.append(byte: UInt8(ascii: " "))
        output.append(name)
        output.append("=\"")
        Self.appendEscaped(value, inAttribute: true, to: &output)
        output.append(byte: UInt8(ascii: "\""))
    }

    /// ` name="value"` for a value our code writes, with nothing to escape.
    package mutating func attribute(_ name: StaticString, literal value: StaticString) {
        output.append(byte: UInt8(ascii: " "))
        output.append(name)
        output.append("=\"")
        output.append(value)
        output.append(byte: UInt8(ascii: "\""))
    }

    /// ` name="n"`, `n` as `number` writes it.
    package mutating func attribute(_ name: StaticString, number value: Double) {
        output.append(byte: UInt8(ascii: " "))
        output.append(name)
        output.append("=\"")
        Self.appendNumber(value, to: &output)
        output.append(byte: UInt8(ascii: "\""))
    }

    /// The halo's attributes (`ChartFrame.halo`).
    package mutating func haloAttributes() {
        appendAttributes(ChartFrame.halo)
    }

    /// ` x1="…" y1="…" x2="…" y2="…"`: a line's ends.
    package mutating func lineEnds(x1: Double, y1: Double, x2: Double, y2: Double) {
        attribute("x1", number: x1)
        attribute("y1", number: y1)
        attribute("x2", number: x2)
        attribute("y2", number: y2)
    }

    /// `>` after `start`: an element left open, closed by `close()`.
    package mutating func endOpen(_ name: String) {
        output.append(">\n")
        openElements.append(name)
    }

    /// `/>` after `start`: a childless element.
    package mutating func endLeaf() {
        output.append("/>\n")
    }

    /// A `<title>` tooltip child and the end tag, after `start`: `leaf`'s
    /// element with a title.
    package mutating func endLeaf(_ name: String, title: String) {
        output.append("><title>")
        Self.appendEscaped(title, inAttribute: false, to: &output)
        output.append("</title></")
        output.append(name)
        output.append(">\n")
    }

    /// Escaped text and the end tag, after `start`: `element`'s element.
    package mutating func endText(_ name: String, _ text: String) {
        output.append(byte: UInt8(ascii: ">"))
        Self.appendEscaped(text, inAttribute: false, to: &output)
        output.append("</")
        output.append(name)
        output.append(">\n")
    }

    /// Closes everything still open and returns the document.
    package mutating func finish() -> String {
        while !openElements.isEmpty { close() }
        return String(decoding: output.bytes, as: UTF8.self)
    }

    private mutating func appendAttributes(_ attributes: Attributes) {
        for (name, value) in attributes {
            output.append(byte: UInt8(ascii: " "))
            output.append(name)
            output.append("=\"")
            Self.appendEscaped(value, inAttribute: true, to: &output)
            output.append(byte: UInt8(ascii: "\""))
        }
    }

    /// `MarkupText.escape` appended byte by byte.
    private static func appendEscaped(_ text: String, inAttribute: Bool, to out: inout ByteText) {
        var text = text
        text.withUTF8 { MarkupText.appendEscaped($0, inAttribute: inAttribute, to: &out.bytes) }
    }

    // MARK: - Escaping

    /// Escapes text for XML (and HTML) content and attribute values.
    package static func escape(_ text: String, inAttribute: Bool = false) -> String {
        MarkupText.escape(text, inAttribute: inAttribute)
    }

    /// Makes a caller-supplied chart id safe for use in `id`, `aria-labelledby`
    /// and `url(#...)`: only ASCII letters, digits, `-` and `_`, starting with
    /// a letter. Deterministic, so the same id always gives the same result.
    package static func safeID(_ raw: String) -> String {
        var result = ""
        for scalar in raw.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_":
                result.unicodeScalars.append(scalar)
            default:
                result += "-"
            }
        }
        if let first = result.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first) {
            return result
        }
        return "chart-" + result
    }

    // MARK: - Numbers

    /// Formats a coordinate with at most one decimal, no trailing ".0",
    /// no "-0", independent of locale. Non-finite input gives "0".
    package static func number(_ value: Double) -> String {
        var text = ByteText(capacity: 16)
        appendNumber(value, to: &text)
        return String(decoding: text.bytes, as: UTF8.self)
    }

    /// `number(value)`'s bytes, appended: what `attribute(_:number:)` writes
    /// without making a String.
    private static func appendNumber(_ value: Double, to out: inout ByteText) {
        guard value.isFinite else { return out.append(byte: UInt8(ascii: "0")) }
        let clamped = min(max(value, -1e12), 1e12)
        let tenths = Int((clamped * 10).rounded())
        let magnitude = tenths.magnitude
        if tenths < 0 { out.append(byte: UInt8(ascii: "-")) }
        out.append(Int(magnitude / 10))
        let fraction = magnitude % 10
        if fraction != 0 {
            out.append(byte: UInt8(ascii: "."))
            out.append(byte: UInt8(ascii: "0") + UInt8(fraction))
        }
    }
}
