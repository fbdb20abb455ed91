import CitywideCore
import Foundation

/// Prints problems the way compilers do (`path:line:column: error: ...`),
/// one per line, then a count: editors and CI logs link each to its line.
/// The same problem on many rows of a file is one line (`DiagnosticGroup`);
/// the count counts every occurrence.
enum DiagnosticPrinter {
    static func printText(_ diagnostics: [Diagnostic], to stream: inout some TextOutputStream) {
        for group in DiagnosticGroup.grouping(diagnostics) {
            print(group.formatted, to: &stream)
        }
        if !diagnostics.isEmpty {
            print(summary(diagnostics), to: &stream)
        }
    }

    static func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        return "\(errors) \(errors == 1 ? "error" : "errors"), \(warnings) \(warnings == 1 ? "warning" : "warnings")"
    }
}

/// Standard error as a `TextOutputStream`. Control characters from input
/// (in titles, paths, messages) never reach the terminal as such.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(TerminalText.escape(string, keepingNewlines: true).utf8))
    }
}

/// Standard output, flushed per write so output interleaves correctly with
/// stderr; control characters escaped as on standard error.
struct StandardOutput: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardOutput.write(Data(TerminalText.escape(string, keepingNewlines: true).utf8))
    }
}
