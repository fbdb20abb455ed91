import Foundation
import Testing
@testable import CitywideCommands
@testable import CitywideCore
@testable import CitywideImport

/// `citywide import opensdg`: Open SDG indicator files with the quirks
/// published ones have, written here by hand (no published file is in the repository).
@Suite("citywide import opensdg")
struct OpenSDGImportTests {
    /// sdg-build's layout: Year first, Value last; a headline row with blank
    /// disaggregations, a "Total" label, a blank Value, a decimal `303.0`,
    /// every field quoted, a BOM and CRLF, no Units, an observation status
    /// and a comment column.
    static let indicator = """
        "Year","Sex","Age","Observation status","COMMENT_OBS","Value"
        "2019","","","","","303.0"
        "2019","Female","","","","200"
        "2019","Male","","","","103"
        "2020","Total","","Estimated value","","310"
        "2020","Female","Under 18","","","<5"
        "2020","Female","18-24","","late report",""
        "2021","","","","","1,204"

        """

    static let meta = """
        ---
        indicator_name: Victims of human trafficking
        indicator_number: 16.2.2
        computation_units: victims
        graph_title: global_indicators.16-2-2-title
        source_organisation_1: City police department
        source_url_1: https://example.org/police
        ---
        Text of the metadata page.

        """

    @Test("a quirky Open SDG file becomes tidy rows and a metric definition; the hidden count is reported at its cell")
    func quirks() throws {
        let site = try ImportSite(["meta/16-2-2.md": Self.meta], bytes: ["indicator_16-2-2.csv": Self.indicator.withBOMAndCRLF])
        defer { site.cleanUp() }
        let outcome = Importer.openSDG(file: site.path("indicator_16-2-2.csv"), metric: "victims", city: "springfield",
                                       site: site.site, meta: site.path("meta/16-2-2.md"))
        #expect(outcome.succeeded)
        #expect(outcome.written == ["Metrics/victims.yml", "Data/victims.csv"])
        #expect(site.text("Data/victims.csv") == """
            city,period,metric,sex,age,value,status,note
            springfield,2019,victims,,,303,,
            springfield,2019,victims,female,,200,,
            springfield,2019,victims,male,,103,,
            springfield,2020,victims,,,310,estimated,
            springfield,2020,victims,female,18_24,,,late report
            springfield,2021,victims,,,1204,,

            """)
        let warnings = outcome.diagnostics.map(\.formatted)
        #expect(warnings == ["\(site.path("indicator_16-2-2.csv")):6:34: warning: not imported: '<5' hides the figure: give the real count (Citywide withholds small counts itself), or leave the cell empty when it is not available"])
        let metric = try #require(site.text("Metrics/victims.yml"))
        for line in [
            "title: \"Victims of human trafficking\"", "system: cross_system", "type: count", "unit: \"victims\"",
            "direction: neutral", "frequency: annual", "  sex: [female, male]", "  age: [\"18_24\"]",
            "  sex: { female: \"Female\", male: \"Male\" }", "  age: { \"18_24\": \"18-24\" }",
            "source: { name: \"City police department\", url: \"https://example.org/police\" }",
            "sdg: \"16.2.2\"", "imported: \"indicator_16-2-2.csv\"",
        ] {
            #expect(metric.split(separator: "\n").contains { $0.hasPrefix(line) }, "\(line)")
        }
        // "Under 18" appears only on the row not imported: no value for it.
        #expect(!metric.contains("under_18"))
    }

    @Test("the imported metric passes check, with a warning until someone confirms the guesses")
    func checkWarnsUntilConfirmed() throws {
        let file = """
            Year,sex,Value
            2019,,30
            2019,female,12
            2019,male,18
            2020,,35

            """
        let site = try ImportSite(["indicator.csv": file])
        defer { site.cleanUp() }
        #expect(site.run(["opensdg", site.path("indicator.csv"), "--metric", "victims", "--city", "springfield"]) == 0)
        let check = Pipeline.check(site.site)
        #expect(check.errorCount == 0, "\(check.diagnostics.map(\.formatted))")
        #expect(check.diagnostics.contains { $0.path == "Metrics/victims.yml" && $0.severity == .warning && $0.message.contains("confirm them, then delete the line 'imported:'") })
        // Confirmed: the line deleted, the warning gone.
        let confirmed = try #require(site.text("Metrics/victims.yml")).split(separator: "\n").filter { !$0.hasPrefix("imported:") }.joined(separator: "\n")
        try site.write("site/Metrics/victims.yml", Array(confirmed.utf8))
        #expect(!Pipeline.check(site.site).diagnostics.contains { $0.message.contains("imported:") })
    }

    @Test("several units and no --units: exit 1, the choices listed, nothing written")
    func severalUnits() throws {
        let file = """
            Year,Units,GeoCode,Value
            2019,Number,E1,30
            2019,Per 100000 population,E1,4.5
            2020,Number,E2,35

            """
        let site = try ImportSite(["indicator.csv": file])
        defer { site.cleanUp() }
        #expect(site.run(["opensdg", site.path("indicator.csv"), "--metric", "victims", "--city", "springfield"]) == 1)
        #expect(site.text("Data/victims.csv") == nil)
        #expect(site.text("Metrics/victims.yml") == nil)
        let outcome = Importer.openSDG(file: site.path("indicator.csv"), metric: "victims", city: "springfield", site: site.site, meta: nil)
        let messages = outcome.diagnostics.filter { $0.severity == .error }.map(\.message)
        #expect(messages.count == 2)
        #expect(messages.contains { $0.contains("2 units in its Units column: 'Number' (2 rows), 'Per 100000 population' (1 row); choose one with --units") })
        #expect(messages.contains { $0.contains("2 geographies in its GeoCode column: 'E1' (2 rows), 'E2' (1 row); choose one with --geocode") })
    }

    @Test("--units and --geocode choose; the rows left out are reported with their lines")
    func selectors() throws {
        let file = """
            Year,Units,GeoCode,Value
            2019,Number,E1,30
            2019,Per 100000 population,E1,4.5
            2020,Number,E1,35
            2020,Number,E2,99

            """
        let site = try ImportSite(["indicator.csv": file])
        defer { site.cleanUp() }
        let outcome = Importer.openSDG(file: site.path("indicator.csv"), metric: "victims", city: "springfield", site: site.site, meta: nil,
                                       units: "Number", geocode: "E1")
        #expect(outcome.succeeded)
        #expect(site.text("Data/victims.csv") == "city,period,metric,value,status,note\nspringfield,2019,victims,30,,\nspringfield,2020,victims,35,,\n")
        let warnings = outcome.diagnostics.map(\.message)
        #expect(warnings.contains("not imported: 1 row of another Units than 'Number' (--units): line 3"))
        #expect(warnings.contains("not imported: 1 row of another GeoCode than 'E1' (--geocode): line 5"))
        #expect(try #require(site.text("Metrics/victims.yml")).contains("unit: \"Number\""))
    }

    @Test("a rate unit makes a rate metric, with its decimals")
    func rateUnit() throws {
        let site = try ImportSite(["indicator.csv": "Year,Units,Value\n2019,Per 100000 population,4.25\n2020,Per 100000 population,3.5\n"])
        defer { site.cleanUp() }
        #expect(Importer.openSDG(file: site.path("indicator.csv"), metric: "victims_rate", city: "springfield", site: site.site, meta: nil).succeeded)
        let metric = try #require(site.text("Metrics/victims_rate.yml"))
        #expect(metric.contains("type: rate"))
        #expect(metric.contains("decimals: 2"))
    }

    @Test("running it again replaces that metric and city's rows, and nothing else")
    func rerunReplaces() throws {
        let existing = """
            city,period,metric,sex,value,status,note
            st-paul,2019,victims,,"1,5 million?",,kept as written
            springfield,2018,victims,,77,,
            springfield,2018,other_metric,,5,,

            """
        let site = try ImportSite([
            "site/Data/victims.csv": existing,
            "indicator.csv": "Year,Sex,Value\n2019,,30\n2019,Female,12\n",
        ])
        defer { site.cleanUp() }
        #expect(site.run(["opensdg", site.path("indicator.csv"), "--metric", "victims", "--city", "springfield"]) == 0)
        let first = site.text("Data/victims.csv")
        #expect(first == """
            city,period,metric,sex,value,status,note
            st-paul,2019,victims,,"1,5 million?",,kept as written
            springfield,2018,other_metric,,5,,
            springfield,2019,victims,,30,,
            springfield,2019,victims,female,12,,

            """)
        #expect(site.run(["opensdg", site.path("indicator.csv"), "--metric", "victims", "--city", "springfield"]) == 0)
        #expect(site.text("Data/victims.csv") == first)
    }

    @Test("no Year column: an error that names the layout, and nothing written")
    func notOpenSDG() throws {
        let site = try ImportSite(["wide.csv": "City,2024 Q1,2024 Q2\nSt. Paul,4,5\n"])
        defer { site.cleanUp() }
        let outcome = Importer.openSDG(file: site.path("wide.csv"), metric: "victims", city: "springfield", site: site.site, meta: nil)
        #expect(!outcome.succeeded)
        #expect(outcome.diagnostics.contains { $0.line == 1 && $0.message.contains("this header has no Year and Value") && $0.message.contains("citywide import table") })
        #expect(site.text("Data/victims.csv") == nil)
    }

    @Test("a Data folder that is a link is refused: nothing is written outside the site")
    func linkedDataFolder() throws {
        let site = try ImportSite(["indicator.csv": "Year,Value\n2019,30\n", "elsewhere/keep.txt": "x"])
        defer { site.cleanUp() }
        try FileManager.default.createSymbolicLink(atPath: site.site.appendingPathComponent("Data").path, withDestinationPath: site.path("elsewhere"))
        let outcome = Importer.openSDG(file: site.path("indicator.csv"), metric: "victims", city: "springfield", site: site.site, meta: nil)
        #expect(!outcome.succeeded)
        #expect(outcome.diagnostics.contains { $0.message.contains("Data/ in the site is a link or a file") })
        #expect(!FileManager.default.fileExists(atPath: site.path("elsewhere/victims.csv")))
    }
}
