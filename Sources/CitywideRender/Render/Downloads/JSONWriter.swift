import CitywideModel

/// Writes JSON straight into bytes, two-space indented, keys in the order
/// they are written: Foundation's JSONSerialization orders keys by hash on
/// Linux, and output must be byte-identical per input. Nothing is built
/// first (no tree of values, no String per value), so a download of a
/// million observations costs its bytes and nothing more.
///
///     var json = JSONWriter()
///     json.beginObject()
///     json.key("city"); json.string("springfield")
///     json.endObject()
///     let bytes = json.finished()   // {\n  "city": "springfield"\n}\n
package struct JSONWriter {
    package private(set) var out: ByteText
    /// Members written so far in each open object or array, innermost last.
    private var members: [Int] = []

    package init(capacity: Int = 0) {
        out = ByteText(capacity: capacity)
    }

    /// Hands the text written so far to `pieces` once it fills a piece.
    package mutating func flush(to pieces: DownloadPieces) {
        pieces.flush(&out)
    }

    /// The text, with its final newline.
    package mutating func finished() -> [UInt8] {
        out.append(byte: UInt8(ascii: "\n"))
        return out.bytes
    }

    // MARK: Objects and arrays

    package mutating func beginObject() { begin(UInt8(ascii: "{")) }
    package mutating func endObject() { end(UInt8(ascii: "}")) }
    package mutating func beginArray() { begin(UInt8(ascii: "[")) }
    package mutating func endArray() { end(UInt8(ascii: "]")) }

    /// Starts an object's member: its value is written next.
    package mutating func key(_ name: String) {
        element()
        Self.quote(name, into: &out)
        out.append(": ")
    }

    /// A key given already quoted (`"\"city\""`), for the keys repeated on
    /// every row of a large download: copied, not scanned for escapes.
    package mutating func key(quoted name: StaticString) {
        element()
        out.append(name)
        out.append(": ")
    }

    /// Starts an array's next item: its value is written next.
    package mutating func element() {
        guard let last = members.indices.last else { return }
        let first = members[last] == 0
        members[last] += 1
        // ",\n" or "\n", then two spaces a level: one copy from `breaks`.
        let end = min(2 + 2 * members.count, Self.breaks.utf8CodeUnitCount)
        out.bytes.append(contentsOf: UnsafeBufferPointer(start: Self.breaks.utf8Start + (first ? 1 : 0), count: end - (first ? 1 : 0)))
        if end < 2 + 2 * members.count { indent(members.count - (end - 2) / 2) }
    }

    /// A comma, a line break and the indentation of the first 31 levels.
    private static let breaks: StaticString = ",\n                                                              "

    /// A string quoted once, for a value repeated on many rows (a city's slug).
    package static func quoted(_ text: String) -> [UInt8] {
        var out = ByteText(capacity: text.utf8.count + 2)
        quote(text, into: &out)
        return out.bytes
    }

    /// Bytes `quoted` made, as a value.
    package mutating func quotedString(_ bytes: [UInt8]) {
        out.bytes.append(contentsOf: bytes)
    }

    private mutating func begin(_ bracket: UInt8) {
        out.append(byte: bracket)
        members.append(0)
    }

    /// `{}` or `[]` when empty; otherwise the closing bracket on a line of its own.
    private mutating func end(_ bracket: UInt8) {
        if members.removeLast() > 0 {
            out.append(byte: UInt8(ascii: "\n"))
            indent(members.count)
        }
        out.append(byte: bracket)
    }

    private mutating func indent(_ level: Int) {
        for _ in 0..<level { out.append("  ") }
    }

    // MARK: Values

    package mutating func string(_ text: String) { Self.quote(text, into: &out) }
    /// A string, or `null` without one.
    package mutating func string(_ text: String?) {
        if let text { Self.quote(text, into: &out) } else { null() }
    }
    /// A number in the downloads' plain form (`NumberText.plain`).
    package mutating func number(_ value: Double) { out.append(plain: value) }
    package mutating func number(_ value: Double?) {
        if let value { out.append(plain: value) } else { null() }
    }
    package mutating func int(_ value: Int) { out.append(value) }
    package mutating func int(_ value: Int?) {
        if let value { out.append(value) } else { null() }
    }
    package mutating func bool(_ value: Bool) { out.append(value ? "true" : "false") }
    package mutating func null() { out.append("null") }

    /// Escapes as RFC 8259 requires, plus `<`, `>` and `&` (and U+2028,
    /// U+2029) so the text is also safe if a page ever inlines it in a script block.
    package static func quote(_ s: String, into out: inout ByteText) {
        out.append(byte: UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var start = 0
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                var replacement: StaticString? = nil
                var skip = 1
                switch byte {
                case UInt8(ascii: "\""): replacement = "\\\""
                case UInt8(ascii: "\\"): replacement = "\\\\"
                case UInt8(ascii: "\n"): replacement = "\\n"
                case UInt8(ascii: "\r"): replacement = "\\r"
                case UInt8(ascii: "\t"): replacement = "\\t"
                case UInt8(ascii: "<"): replacement = "\\u003c"
                case UInt8(ascii: ">"): replacement = "\\u003e"
                case UInt8(ascii: "&"): replacement = "\\u0026"
                case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0xA8:
                    replacement = "\\u2028"; skip = 3
                case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0xA9:
                    replacement = "\\u2029"; skip = 3
                case 0..<0x20: break
                default:
                    i += 1
                    continue
                }
                out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                if let replacement {
                    out.append(replacement)
                } else {
                    // Another control character: \u00XX, lower-case hex.
                    let hex: StaticString = "0123456789abcdef"
                    out.append("\\u00")
                    out.append(byte: hex.utf8Start[Int(byte >> 4)])
                    out.append(byte: hex.utf8Start[Int(byte & 0xF)])
                }
                i += skip
                start = i
            }
            out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        out.append(byte: UInt8(ascii: "\""))
    }
}
