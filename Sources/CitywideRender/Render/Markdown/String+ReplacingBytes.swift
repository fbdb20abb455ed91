import Foundation

/// Literal search and replacement over UTF-8 bytes, for cmark's fixed ASCII
/// markup. Foundation's `range(of:)` and `replacingOccurrences` go through
/// NSString and UTF-16 and cost over 10% of a 10,000-city build
/// (docs/performance.md). Here `memchr` (vectorised in libc) jumps to the
/// pattern's rarest byte in HTML, and the rest is compared in place.
extension UnsafeBufferPointer<UInt8> {
    /// Where `pattern` first starts at or after `start`, or nil.
    package func firstOffset(of pattern: [UInt8], from start: Int = 0) -> Int? {
        guard let base = baseAddress, !pattern.isEmpty, start >= 0, count - start >= pattern.count else { return nil }
        // A quote or a tag's bracket is far rarer in HTML than a letter or a
        // space: jumping to it skips text without stopping at every word.
        let anchor = pattern.firstIndex(of: UInt8(ascii: "\"")) ?? pattern.firstIndex(of: UInt8(ascii: ">"))
            ?? pattern.firstIndex(of: UInt8(ascii: "<")) ?? 0
        let anchorByte = Int32(pattern[anchor])
        let last = count - pattern.count
        var candidate = start
        while candidate <= last {
            guard let found = memchr(base + candidate + anchor, anchorByte, last - candidate + 1) else { return nil }
            candidate = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) - anchor
            if hasBytes(pattern, at: candidate) { return candidate }
            candidate += 1
        }
        return nil
    }

    /// Whether the bytes at `offset` are `pattern`.
    package func hasBytes(_ pattern: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, count - offset >= pattern.count else { return false }
        var i = 0
        while i < pattern.count {
            guard self[offset + i] == pattern[i] else { return false }
            i += 1
        }
        return true
    }
}

/// A literal to find in UTF-8 bytes, and what to put in its place.
package typealias ByteReplacement = (target: [UInt8], replacement: [UInt8])

extension [UInt8] {
    /// Every occurrence of `target` replaced by `replacement`, left to right,
    /// none overlapping; `self` itself when there is none.
    package func replacingBytes(_ target: [UInt8], with replacement: [UInt8]) -> [UInt8] {
        withUnsafeBufferPointer { text -> [UInt8] in
            guard var found = text.firstOffset(of: target) else { return self }
            var result: [UInt8] = []
            result.reserveCapacity(count + replacement.count - target.count)
            var start = 0
            while true {
                result.append(contentsOf: text[start..<found])
                result.append(contentsOf: replacement)
                start = found + target.count
                guard let next = text.firstOffset(of: target, from: start) else { break }
                found = next
            }
            result.append(contentsOf: text[start...])
            return result
        }
    }

    /// Every occurrence of each pair's target replaced by its replacement,
    /// in one pass, left to right; where two targets start at one offset,
    /// the pair listed first wins. `self` itself when there is none.
    ///
    /// The same bytes as `replacingBytes` once per pair, in order, whenever
    /// no replacement holds or completes another pair's target and no two
    /// targets overlap: true of cmark's fixed markup and the escaped labels
    /// it is replaced with, where each pass copied the whole page.
    package func replacingBytes(_ pairs: [ByteReplacement]) -> [UInt8] {
        withUnsafeBufferPointer { text -> [UInt8] in
            var next = pairs.map { text.firstOffset(of: $0.target) }
            guard next.contains(where: { $0 != nil }) else { return self }
            var result: [UInt8] = []
            result.reserveCapacity(count + count / 8 + 256)
            var start = 0
            while let pair = Self.earliest(next) {
                let found = next[pair]!
                result.append(contentsOf: text[start..<found])
                result.append(contentsOf: pairs[pair].replacement)
                start = found + pairs[pair].target.count
                for k in next.indices {
                    if let offset = next[k], offset < start { next[k] = text.firstOffset(of: pairs[k].target, from: start) }
                }
            }
            result.append(contentsOf: text[start...])
            return result
        }
    }

    /// The pair whose next occurrence comes first (the first listed on a tie).
    private static func earliest(_ next: [Int?]) -> Int? {
        var best: Int?
        for (k, offset) in next.enumerated() {
            guard let offset else { continue }
            if best.map({ offset < next[$0]! }) ?? true { best = k }
        }
        return best
    }

    package func containsBytes(_ pattern: [UInt8]) -> Bool {
        withUnsafeBufferPointer { $0.firstOffset(of: pattern) != nil }
    }
}

extension String {
    /// Every occurrence of `target` replaced by `replacement`, found by
    /// comparing UTF-8 bytes (no NSString round trip).
    package func replacingBytes(_ target: String, with replacement: String) -> String {
        let bytes = Array(utf8)
        let replaced = bytes.replacingBytes(Array(target.utf8), with: Array(replacement.utf8))
        return replaced == bytes ? self : String(decoding: replaced, as: UTF8.self)
    }
}
