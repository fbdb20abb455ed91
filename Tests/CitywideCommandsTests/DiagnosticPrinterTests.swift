import Foundation
import Testing
@testable import CitywideCommands
@testable import CitywideCore

/// Text output shows a problem repeated on many rows once; the count and
/// `--format json` still have every occurrence.
@Suite("Diagnostics in text and JSON")
struct DiagnosticPrinterTests {
    static let diagnostics = [
        Diagnostic(path: "Data/a.csv", line: 2, column: 10, message: "'2024 Q1' is not a period: write 2024-Q1", group: "period"),
        Diagnostic(path: "Data/a.csv", line: 3, column: 10, message: "'2024 Q2' is not a period: write 2024-Q2", group: "period"),
        Diagnostic(path: "Data/a.csv", line: 4, column: 10, message: "'2024 Q3' is not a period: write 2024-Q3", group: "period"),
        Diagnostic(path: "Data/a.csv", line: 4, column: 1, severity: .warning, message: "a note"),
    ].sorted()

    @Test("text: one line per problem with the other lines, and a count of every occurrence")
    func text() {
        var out = ""
        DiagnosticPrinter.printText(Self.diagnostics, to: &out)
        #expect(out == """
            Data/a.csv:2:10: error: '2024 Q1' is not a period: write 2024-Q1 (and 2 more rows: lines 3-4)
            Data/a.csv:4:1: warning: a note
            3 errors, 1 warning

            """)
    }

    @Test("json: every occurrence as its own {path, line, column, severity, message}")
    func json() throws {
        let outcome = Pipeline.Outcome(diagnostics: Self.diagnostics, published: nil, site: nil, filesWritten: 0)
        let parsed = try JSONSerialization.jsonObject(with: Data(CheckJSON.render(outcome).utf8)) as? [String: Any]
        let items = try #require(parsed?["diagnostics"] as? [[String: Any]])
        #expect(parsed?["errors"] as? Int == 3)
        #expect(items.count == 4)
        #expect(items.map { $0["line"] as? Int } == [2, 3, 4, 4])
        #expect(Set(items.flatMap(\.keys)) == ["path", "line", "column", "severity", "message"])
    }
}
