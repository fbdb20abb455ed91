extension String {
    /// Every occurrence of `target` replaced by `replacement`, found by
    /// comparing UTF-8 bytes. For cmark's fixed ASCII markup: Foundation's
    /// `replacingOccurrences` goes through NSString and UTF-16 and cost 5% of
    /// a 10,000-city build (docs/performance.md).
    package func replacingBytes(_ target: String, with replacement: String) -> String {
        let pattern = Array(target.utf8)
        guard let first = pattern.first else { return self }
        var contiguous = self
        contiguous.makeContiguousUTF8()  // a no-op for native strings
        return contiguous.utf8.withContiguousStorageIfAvailable { text -> String in
            var result: [UInt8] = []
            var start = 0
            var i = 0
            let last = text.count - pattern.count
            while i <= last {
                if text[i] == first, text[i..<(i + pattern.count)].elementsEqual(pattern) {
                    result.append(contentsOf: text[start..<i])
                    result.append(contentsOf: replacement.utf8)
                    i += pattern.count
                    start = i
                } else {
                    i += 1
                }
            }
            if start == 0 { return self }
            result.append(contentsOf: text[start...])
            return String(decoding: result, as: UTF8.self)
        } ?? self
    }
}
