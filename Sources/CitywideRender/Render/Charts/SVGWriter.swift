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

    private(set) var output = ""
    private var openElements: [String] = []

    /// Opens `<name attrs>` and remembers it for `close()`.
    package mutating func open(_ name: String, _ attributes: Attributes = []) {
        output += "<" + name + Self.attributeString(attributes) + ">\n"
        openElements.append(name)
    }

    /// Closes the most recently opened element.
    package mutating func close() {
        guard let name = openElements.popLast() else { return }
        output += "</" + name + ">\n"
    }

    /// A childless element, optionally carrying a `<title>` tooltip child.
    package mutating func leaf(_ name: String, _ attributes: Attributes, title: String? = nil) {
        if let title {
            output += "<" + name + Self.attributeString(attributes) + "><title>"
                + Self.escape(title) + "</title></" + name + ">\n"
        } else {
            output += "<" + name + Self.attributeString(attributes) + "/>\n"
        }
    }

    /// An element whose only content is escaped text, e.g. `<text>` or `<desc>`.
    package mutating func element(_ name: String, _ attributes: Attributes = [], text: String) {
        output += "<" + name + Self.attributeString(attributes) + ">"
            + Self.escape(text) + "</" + name + ">\n"
    }

    /// Closes everything still open and returns the document.
    package mutating func finish() -> String {
        while !openElements.isEmpty { close() }
        return output
    }

    private static func attributeString(_ attributes: Attributes) -> String {
        var result = ""
        for (name, value) in attributes {
            result += " " + name + "=\"" + escape(value, inAttribute: true) + "\""
        }
        return result
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
