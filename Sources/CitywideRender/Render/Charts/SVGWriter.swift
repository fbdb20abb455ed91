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
        output.append(byte: UInt8(ascii: "<"))
        output.append(name)
        appendAttributes(attributes)
        output.append(">\n")
        openElements.append(name)
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
        output.append(byte: UInt8(ascii: "<"))
        output.append(name)
        appendAttributes(attributes)
        if let title {
            output.append("><title>")
            Self.appendEscaped(title, inAttribute: false, to: &output)
            output.append("</title></")
            output.append(name)
            output.append(">\n")
        } else {
            output.append("/>\n")
        }
    }

    /// An element whose only content is escaped text, e.g. `<text>` or `<desc>`.
    package mutating func element(_ name: String, _ attributes: Attributes = [], text: String) {
        output.append(byte: UInt8(ascii: "<"))
        output.append(name)
        appendAttributes(attributes)
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

    /// `MarkupText.escape` appended byte by byte: the same entities, and the
    /// same characters XML does not allow dropped (controls but tab, line
    /// feed and carriage return; U+FFFE and U+FFFF, `EF BF BE`/`EF BF BF`).
    private static func appendEscaped(_ text: String, inAttribute: Bool, to out: inout ByteText) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                var replacement: StaticString? = nil
                var skip = 1
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                case UInt8(ascii: "\t"):
                    guard inAttribute else { i += 1; continue }
                    replacement = "&#9;"
                case UInt8(ascii: "\n"):
                    guard inAttribute else { i += 1; continue }
                    replacement = "&#10;"
                case UInt8(ascii: "\r"): replacement = "&#13;"
                case 0..<0x20: break // not allowed in XML: dropped
                case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF):
                    skip = 3 // U+FFFE, U+FFFF: dropped
                default:
                    i += 1
                    continue
                }
                out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                if let replacement { out.append(replacement) }
                i += skip
                start = i
            }
            out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
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
        guard value.isFinite else { return "0" }
        let clamped = min(max(value, -1e12), 1e12)
        let tenths = Int((clamped * 10).rounded())
        let magnitude = tenths.magnitude
        var result = tenths < 0 ? "-" : ""
        result += String(magnitude / 10)
        let fraction = magnitude % 10
        if fraction != 0 { result += "." + String(fraction) }
        return result
    }
}
