/// HTML escaping while appending, byte by byte: swift-mustache's
/// `htmlEscape` (`<`, `>`, `&`, `"`, `'`) without building a new String.
/// One difference, on purpose: swift-mustache compares whole Characters, so
/// it leaves a `&` or `<` that a combining mark follows (one grapheme) as it
/// is; here every such byte is escaped, which is what HTML needs.
enum TemplateHTMLEscape {
    static func append(_ text: String, escaped: Bool, to out: inout TemplateOutput) {
        var text = text
        text.withUTF8 { append($0, escaped: escaped, to: &out) }
    }

    /// Text in place (a view's field): its bytes read where they are, when
    /// the string is stored contiguously (native strings are), not copied.
    static func append(_ text: UnsafePointer<String>, escaped: Bool, to out: inout TemplateOutput) {
        let appended: Void? = text.pointee.utf8.withContiguousStorageIfAvailable { append($0, escaped: escaped, to: &out) }
        if appended == nil { append(text.pointee, escaped: escaped, to: &out) }
    }

    static func append(_ bytes: UnsafeBufferPointer<UInt8>, escaped: Bool, to out: inout TemplateOutput) {
        guard escaped else {
            out.append(bytes)
            return
        }
        // Bit b is set for each byte b escaped (all five below 64): a byte
        // is tested with a comparison and a shift, not a jump table (digits
        // and punctuation, between `"` and `>`, went through one).
        let escapedBytes: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E
        var start = 0
        for i in bytes.indices {
            let byte = bytes[i]
            guard byte < 64, escapedBytes >> byte & 1 != 0 else { continue }
            let replacement: StaticString
            switch byte {
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            default: continue
            }
            out.append(UnsafeBufferPointer(rebasing: bytes[start..<i]))
            out.append(replacement)
            start = i + 1
        }
        out.append(UnsafeBufferPointer(rebasing: bytes[start...]))
    }
}
