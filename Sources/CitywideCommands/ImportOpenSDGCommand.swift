import ArgumentParser
import CitywideCore
import CitywideImport
import Foundation

struct ImportOpenSDGCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opensdg",
        abstract: "Import an Open SDG indicator file (data/indicator_*.csv) for one city.",
        discussion: """
        Year first, Value last; a blank or "Total" disaggregation is the total; a blank Value is not \
        available. When the file holds several units, series or geographies, choose one with \
        --units, --series or --geocode (the import lists them). See docs/opensdg.md.
        """
    )

    @Argument(help: "The Open SDG data file, e.g. data/indicator_16-2-2.csv.", completion: .file(extensions: ["csv"]))
    var file: String

    @Option(help: "The metric id to import into, e.g. trafficking_victims.")
    var metric: String

    @Option(help: "The city's slug (Blueprints/<slug>.md).")
    var city: String

    @Option(help: "The site folder.", completion: .directory)
    var site: String = "."

    @Option(help: "The Open SDG metadata file (meta/16-2-2.md or .yml): title, unit, source and SDG number.", completion: .file())
    var meta: String?

    @Option(help: "Import the rows of these units (the file's Units column).")
    var units: String?

    @Option(help: "Import the rows of this series (the file's Series column).")
    var series: String?

    @Option(help: "Import the rows of this geography (the file's GeoCode column).")
    var geocode: String?

    func run() throws {
        try ImportCommand.report(Importer.openSDG(file: file, metric: metric, city: city, site: URL(fileURLWithPath: site), meta: meta,
                                                  units: units, series: series, geocode: geocode))
    }
}
