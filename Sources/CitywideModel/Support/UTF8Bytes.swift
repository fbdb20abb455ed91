import Foundation

/// Searching and testing UTF-8 text byte by byte, for loading's hot paths.
///
/// Foundation's `range(of:)`, `contains` and `components(separatedBy:)` go
/// through NSString and compare composed characters: most of the time spent
/// loading ten thousand blueprints (docs/performance.md). Byte comparison
/// gives the same answer only where the text is ASCII (outside it, a
/// combining mark after a match, or a character canonically equal to an
/// ASCII one, changes what Foundation and `Character` find), so callers take
/// the byte path for ASCII text and keep the character path for the rest.
package enum UTF8Bytes {
    package static let lineFeed = UInt8(ascii: "\n")
    package static let carriageReturn = UInt8(ascii: "\r")

    /// The first occurrence of `needle` in `bytes[range]`, as a byte offset into `bytes`.
    package static func firstIndex(of needle: some Collection<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard let first = needle.first, let base = bytes.baseAddress else { return nil }
        let count = needle.count
        var start = range.lowerBound
        while range.upperBound - start >= count {
            guard let found = memchr(base + start, Int32(first), range.upperBound - start - count + 1) else { return nil }
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if bytes[at..<(at + count)].elementsEqual(needle) { return at }
            start = at + 1
        }
        return nil
    }

    /// `firstIndex(of:in:_:)` for a needle held in an array: memchr for its
    /// first byte, memcmp for the rest. The generic version is not
    /// specialized across modules, so each comparison went through
    /// protocol witnesses and tuple metadata (most of the placeholder
    /// check's time on ten thousand blueprints).
    package static func firstIndex(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        needle.withUnsafeBufferPointer { firstIndex(ofContiguous: $0, in: bytes, range) }
    }

    /// `firstIndex(of:in:_:)` for a needle that is a slice of the bytes searched (a run of backticks).
    package static func firstIndex(of needle: Slice<UnsafeBufferPointer<UInt8>>, in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        firstIndex(ofContiguous: UnsafeBufferPointer(rebasing: needle), in: bytes, range)
    }

    private static func firstIndex(ofContiguous needle: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard let needleBase = needle.baseAddress, !needle.isEmpty, let base = bytes.baseAddress else { return nil }
        let count = needle.count
        let first = Int32(needleBase.pointee)
        var start = range.lowerBound
        while range.upperBound - start >= count {
            guard let found = memchr(base + start, first, range.upperBound - start - count + 1) else { return nil }
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + at, needleBase, count) == 0 { return at }
            start = at + 1
        }
        return nil
    }

    /// The characters of `text` at its UTF-8 byte offsets `range`, which
    /// must start and end between characters (at ASCII bytes, or the ends):
    /// a slice of the String, which is valid UTF-8 already, where decoding
    /// the bytes again would check each one.
    package static func substring(of text: String, bytes range: Range<Int>) -> Substring {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        return text[start..<utf8.index(start, offsetBy: range.count)]
    }

    /// The first `byte` in `bytes[range]`.
    package static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard let base = bytes.baseAddress, !range.isEmpty,
              let found = memchr(base + range.lowerBound, Int32(byte), range.count) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Whether `bytes[range]` starts with `prefix`.
    package static func hasPrefix(_ prefix: some Collection<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> Bool {
        end - start >= prefix.count && bytes[start..<(start + prefix.count)].elementsEqual(prefix)
    }

    /// `hasPrefix` for a prefix held in an array, compared with memcmp (see `firstIndex(of:in:_:)` for arrays).
    package static func hasPrefix(_ prefix: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> Bool {
        guard end - start >= prefix.count else { return false }
        return prefix.withUnsafeBufferPointer { wanted in
            guard let base = bytes.baseAddress, let wantedBase = wanted.baseAddress, !wanted.isEmpty else { return true }
            return memcmp(base + start, wantedBase, wanted.count) == 0
        }
    }

    /// Whether every byte of `bytes[range]` is ASCII (eight at a time).
    package static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var i = range.lowerBound
        while range.upperBound - i >= 8 {
            if UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < range.upperBound {
            if bytes[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }

    /// `Character.isWhitespace` for an ASCII byte: tab, line feed, vertical
    /// tab, form feed, carriage return and space.
    package static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// Calls `body` with the UTF-8 bytes of `text`, copied only if it is not
    /// stored contiguously already (a native Swift string is).
    package static func withBytes<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable(body) ?? Array(copy.utf8).withUnsafeBufferPointer(body)
    }
}
