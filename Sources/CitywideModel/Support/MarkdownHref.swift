/// A URL as cmark writes it in an `href` or `src` attribute, so that a URL
/// put into cmark's HTML afterwards reads exactly as if cmark had written it:
/// libcmark-gfm's `houdini_escape_href` (src/houdini_href_e.c), and safe
/// mode's refusal of `javascript:`-style URLs (`_scan_dangerous_url`), which
/// leaves the attribute empty.
package enum MarkdownHref {
    /// Appends `url` escaped as houdini does: the URL-safe and reserved
    /// characters as they are, `&` and `'` as entities, every other byte %XX.
    package static func appendEscaped(_ url: String, to output: inout [UInt8]) {
        guard !isDangerous(url) else { return }
        for byte in url.utf8 {
            if isSafe[Int(byte)] {
                output.append(byte)
            } else if byte == UInt8(ascii: "&") {
                output.append(contentsOf: amp)
            } else if byte == UInt8(ascii: "'") {
                output.append(contentsOf: apostrophe)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0xF)])
            }
        }
    }

    /// cmark's safe mode drops these (case-insensitively), but images of data.
    package static func isDangerous(_ url: String) -> Bool {
        let start = url.utf8.prefix(16).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        func starts(_ prefix: String) -> Bool { start.starts(with: prefix.utf8) }
        if starts("data:image/png") || starts("data:image/gif") || starts("data:image/jpeg") || starts("data:image/webp") { return false }
        return starts("javascript:") || starts("vbscript:") || starts("file:") || starts("data:")
    }

    private static let amp = Array("&amp;".utf8)
    private static let apostrophe = Array("&#x27;".utf8)
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// houdini's HREF_SAFE: letters, digits and -_.+!*(),%#@?=;:/$~.
    private static let isSafe: [Bool] = (0..<256).map { value in
        let byte = UInt8(value)
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-_.+!*(),%#@?=;:/$~".utf8.contains(byte)
        }
    }
}
