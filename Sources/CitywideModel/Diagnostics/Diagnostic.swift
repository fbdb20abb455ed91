/// One problem found in a site's input, pointing at the file, line and column
/// where a person would fix it. Every user-facing problem is one of these:
/// never a crash, a `fatalError` or a silently skipped row.
public struct Diagnostic: Sendable, Hashable, Comparable {
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    /// Path relative to the site folder, as the user would type it.
    public var path: String
    /// 1-based; 0 when the problem concerns the file as a whole.
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var message: String
    /// Which problem this is, when the same problem can recur row after row
    /// (`"period"`, `"city:St. Paul"`): text output shows the occurrences of
    /// one group in one file once, with the other lines (`DiagnosticGroup`).
    /// Nil: the message itself says which problem it is.
    public var group: String?

    public init(path: String, line: Int = 1, column: Int = 1, severity: Severity = .error, message: String, group: String? = nil) {
        self.path = path
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.group = group
    }

    public init(_ location: SourceLocation, _ severity: Severity = .error, _ message: String, group: String? = nil) {
        self.init(path: location.path, line: location.line, column: location.column, severity: severity, message: message, group: group)
    }

    /// The conventional compiler form, which editors and CI logs turn into
    /// links. Always one line: control characters from input (a CSV header's
    /// escape sequence, a newline in a quoted field) are shown escaped.
    public var formatted: String {
        "\(TerminalText.escape(path)):\(line):\(column): \(severity.rawValue): \(TerminalText.escape(message))"
    }

    /// Stable order: by file, then position, so reports are deterministic.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.path, a.line, a.column, a.severity == .error ? 0 : 1, a.message, a.group ?? "")
            < (b.path, b.line, b.column, b.severity == .error ? 0 : 1, b.message, b.group ?? "")
    }
}

/// Where something came from in the input: kept on every model value a user
/// wrote, so that later stages can still point back at the line.
public struct SourceLocation: Sendable, Hashable {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }
}
