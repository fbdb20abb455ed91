/// "Did you mean": the known name a person most likely meant when they wrote
/// one Citywide does not know (`St. Paul` for the slug `st-paul`, `Female`
/// for the value `female`).
///
/// Names are first compared as a spreadsheet user thinks of them, without
/// case, spaces or punctuation; failing that, by edit distance, so a typo
/// (`minneapols`) finds its name too. Deterministic: among equally close
/// names, the first in the order given.
public enum NameSuggestion {
    /// The closest known name, or nil when none is close enough to be a
    /// likely meaning (a wrong suggestion teaches the wrong thing).
    public static func closest(to text: String, in known: [String]) -> String? {
        // No name is this long: a runaway cell gets no search.
        guard text.utf8.count <= longest else { return nil }
        let wanted = normalised(text)
        guard !wanted.isEmpty else { return nil }
        let limit = wanted.count <= 3 ? 1 : wanted.count <= 8 ? 2 : 3
        var best: (name: String, distance: Int)?
        for name in known {
            let candidate = normalised(name)
            if candidate == wanted { return name }
            guard abs(candidate.count - wanted.count) <= limit else { continue }
            let d = distance(wanted, candidate, limit: limit)
            if d <= limit, d < (best?.distance ?? Int.max) { best = (name, d) }
        }
        return best?.name
    }

    /// Longer texts are not compared (a 5 MB cell is not a typo).
    static let longest = 256

    /// `" did you mean 'st-paul'?"` or nothing: for the end of a sentence.
    public static func phrase(for text: String, in known: [String]) -> String {
        closest(to: text, in: known).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// Lowercased letters and digits only: `St. Paul`, `st-paul` and
    /// `ST_PAUL` are the same name to a reader.
    public static func normalised(_ text: String) -> [Character] {
        text.lowercased().filter { $0.isLetter || $0.isNumber }.map { $0 }
    }

    /// Levenshtein distance, stopping early once every path exceeds `limit`
    /// (only "close enough" matters; the names compared are short).
    static func distance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowBest = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
                rowBest = min(rowBest, current[j])
            }
            if rowBest > limit { return rowBest }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
