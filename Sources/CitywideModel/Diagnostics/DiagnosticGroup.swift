/// The occurrences of one problem in one file, as text output shows them:
/// once, at the first line, with "and N more rows: lines ...". A fellow who
/// writes `2024 Q1` on every row needs one lesson, not one per row; the
/// count still counts every occurrence, and `check --format json` still
/// lists each one.
public struct DiagnosticGroup: Sendable {
    /// The first occurrence (in `Diagnostic` order): the one shown in full.
    public var first: Diagnostic
    /// The lines of the other occurrences, in order.
    public var moreLines: [Int] = []

    /// At most this many lines or runs of lines are listed; the rest is "…".
    public static let listedRuns = 10

    /// Groups sorted diagnostics, keeping their order: a diagnostic with a
    /// `group` joins the earlier one of the same file, severity and group;
    /// one without stands alone.
    public static func grouping(_ diagnostics: [Diagnostic]) -> [DiagnosticGroup] {
        struct Key: Hashable { var path: String, severity: Diagnostic.Severity, group: String }
        var groups: [DiagnosticGroup] = []
        var position: [Key: Int] = [:]
        for diagnostic in diagnostics {
            guard let name = diagnostic.group else {
                groups.append(DiagnosticGroup(first: diagnostic))
                continue
            }
            let key = Key(path: diagnostic.path, severity: diagnostic.severity, group: name)
            if let i = position[key] {
                groups[i].moreLines.append(diagnostic.line)
            } else {
                position[key] = groups.count
                groups.append(DiagnosticGroup(first: diagnostic))
            }
        }
        return groups
    }

    /// `path:line:column: severity: message (and 15 more rows: lines 3-17)`:
    /// still one line in the compiler form, so editors link it.
    public var formatted: String {
        guard !moreLines.isEmpty else { return first.formatted }
        let rows = moreLines.count == 1 ? "row: line" : "rows: lines"
        return first.formatted + " (and \(moreLines.count) more \(rows) \(Self.describe(moreLines)))"
    }

    /// `3-7, 9, 12-20, …`: consecutive lines as runs, at most `listedRuns` of them.
    static func describe(_ lines: [Int]) -> String {
        var runs: [(Int, Int)] = []
        for line in lines {
            if let last = runs.last, line == last.1 + 1 || line == last.1 {
                runs[runs.count - 1].1 = line
            } else {
                runs.append((line, line))
            }
        }
        let shown = runs.prefix(listedRuns).map { $0.0 == $0.1 ? "\($0.0)" : "\($0.0)-\($0.1)" }
        return shown.joined(separator: ", ") + (runs.count > listedRuns ? ", …" : "")
    }
}
