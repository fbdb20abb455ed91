import ArgumentParser
import CitywideCore
import CitywideImport
import Foundation

struct ImportTableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "table",
        abstract: "Import a spreadsheet (.csv or .xlsx with one header row) into tidy Data/ rows.",
        discussion: """
        Periods may be column headings (2024 Q1, Q1 2024, FY2024, 2019, Jan 2024) or a period column \
        beside a value column. A city column, or --city, says which city; other columns are \
        dimensions ("Total" or an empty cell is the total). Every cell not imported is reported, \
        as path:line:column and, for .xlsx, as Sheet1!C4. See docs/import.md.
        """
    )

    @Argument(help: "The spreadsheet: a .csv or .xlsx file.", completion: .file(extensions: ["csv", "xlsx"]))
    var file: String

    @Option(help: "The metric id to import into.")
    var metric: String

    @Option(help: "The city's slug, when the file has no city column.")
    var city: String?

    @Option(help: "The site folder.", completion: .directory)
    var site: String = "."

    @Option(help: "The sheet of an .xlsx workbook to read (default: the first).")
    var sheet: String?

    func run() throws {
        try ImportCommand.report(Importer.table(file: file, metric: metric, city: city, site: URL(fileURLWithPath: site), sheet: sheet))
    }
}
