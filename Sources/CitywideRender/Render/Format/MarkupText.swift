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
    public static func escape(_ text: String, inAttribute: Bool = false) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t": result += inAttribute ? "&#9;" : "\t"
            case "\n": result += inAttribute ? "&#10;" : "\n"
            case "\r": result += "&#13;"
            default:
                if isAllowedInXML(scalar) { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    package static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
