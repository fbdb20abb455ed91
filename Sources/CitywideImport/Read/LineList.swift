/// Line numbers as a person reads them: `3, 5-9, 14`.
package enum LineList {
    /// "line 5" or "lines 3, 5-9".
    package static func phrase(_ lines: [Int]) -> String {
        (Set(lines).count == 1 ? "line " : "lines ") + format(lines)
    }

    package static func format(_ lines: [Int]) -> String {
        let sorted = Array(Set(lines)).sorted()
        var parts: [String] = []
        var i = 0
        while i < sorted.count {
            var j = i
            while j + 1 < sorted.count, sorted[j + 1] == sorted[j] + 1 { j += 1 }
            parts.append(j == i ? "\(sorted[i])" : "\(sorted[i])-\(sorted[j])")
            i = j + 1
        }
        return parts.joined(separator: ", ")
    }
}
