import ArgumentParser
import CitywideCore
import CitywideImport
import Foundation

/// `citywide import opensdg` and `citywide import table`: figures from other
/// formats into the site's `Data/` (and `Metrics/` when the metric is new).
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import figures into Data/<metric-id>.csv: an Open SDG indicator file, or a spreadsheet (.csv, .xlsx).",
        discussion: """
        An import replaces that metric's earlier rows for the cities it imports and nothing else, \
        writes Metrics/<metric-id>.yml when there is none, and reports every cell it did not import \
        with file and line. With any error it writes nothing.
        """,
        subcommands: [ImportOpenSDGCommand.self, ImportTableCommand.self]
    )

    /// Prints what an import did; exit status 1 when it wrote nothing because of an error.
    static func report(_ outcome: ImportOutcome) throws {
        var stderr = StandardError()
        DiagnosticPrinter.printText(outcome.diagnostics, to: &stderr)
        var stdout = StandardOutput()
        for message in outcome.messages { print(message, to: &stdout) }
        if !outcome.succeeded {
            print("Nothing was written.", to: &stderr)
            throw ExitCode(1)
        }
    }
}
