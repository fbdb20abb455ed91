import CitywideModel
import CitywidePublished
import CitywideWrite

/// Text made safe for HTML, SVG and XML, in content and in attribute values:
/// the one escaping function for markup Citywide writes itself (charts, the
/// feed, embedded figures, the preview server's error overlay). Templates
/// escape through Mustache.
public enum MarkupText {
    /// Characters that XML 1.0 forbids outright (most C0 controls, U+FFFE,
    /// U+FFFF) are dropped, because no escape can make them well-formed.
    ///
    /// Works on UTF-8 bytes: every character escaped or dropped is ASCII or
    /// U+FFFE/U+FFFF, and text with none of them (nearly every label) is
    /// returned as it is, with no copy.
    public static func escape(_ text: String, inAttribute: Bool = false) -> String {
        var text = text
        let escaped: [UInt8]? = text.withUTF8 { bytes in
            var first = 0
            while first < bytes.count, !mayChange(bytes[first]) { first += 1 }
            guard first < bytes.count else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<first]))
            appendEscaped(UnsafeBufferPointer(rebasing: bytes[first...]), inAttribute: inAttribute, to: &out)
            return out
        }
        return escaped.map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    /// A byte that `appendEscaped` may replace or drop: ASCII controls and
    /// `& < > " '`, and 0xEF, which starts U+FFFE and U+FFFF.
    private static func mayChange(_ byte: UInt8) -> Bool {
        switch byte {
        case 0..<0x20, UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0xEF: true
        default: false
        }
    }

    /// `escape` of UTF-8 `bytes`, appended to `out`: the same entities, and
    /// the same characters dropped (controls but tab, line feed and carriage
    /// return; U+FFFE and U+FFFF, `EF BF BE` and `EF BF BF`).
    package static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, inAttribute: Bool, to out: inout [UInt8]) {
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
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
            if let replacement {
                out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            }
            i += skip
            start = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }

    package static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
