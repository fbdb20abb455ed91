import Foundation
import Testing
@testable import CitywideCommands
@testable import CitywideCore
@testable import CitywideImport
@testable import CitywideModel

/// `citywide import table` on CSV: an analyst's wide export and a long table,
/// with the habits of spreadsheets (`St. Paul`, `Female`, `1,204`, a "Total"
/// row, quarters written several ways, trailing empty columns, a BOM and CRLF).
@Suite("citywide import table")
struct TableImportTests {
    static let wide = """
        City,Sex,2024 Q1,Q2 2024,2024-Q3,Total,,
        St. Paul,Female,"1,204",12,,"1,216",,
        St. Paul,Male ,14,n/a,*,14,,
        St. Paul,Total,"1,218",30,40,"1,288",,
        Springfield,Female,"1,5",20,21,,,
        Total,,"2,000",50,61,,,

        """

    @Test("a wide export becomes tidy rows; every cell not imported is reported at its line and column")
    func wideExport() throws {
        let site = try ImportSite(bytes: ["wide.csv": Self.wide.withBOMAndCRLF])
        defer { site.cleanUp() }
        let file = site.path("wide.csv")
        let outcome = Importer.table(file: file, metric: "victims", city: nil, site: site.site)
        #expect(outcome.succeeded, "\(outcome.diagnostics.map(\.formatted))")
        #expect(site.text("Data/victims.csv") == """
            city,period,metric,sex,value,status,note
            springfield,2024-Q2,victims,female,20,,
            springfield,2024-Q3,victims,female,21,,
            st-paul,2024-Q1,victims,,1218,,
            st-paul,2024-Q1,victims,female,1204,,
            st-paul,2024-Q1,victims,male,14,,
            st-paul,2024-Q2,victims,,30,,
            st-paul,2024-Q2,victims,female,12,,
            st-paul,2024-Q2,victims,male,,,
            st-paul,2024-Q3,victims,,40,,
            st-paul,2024-Q3,victims,female,,,

            """)
        #expect(outcome.diagnostics.map(\.formatted) == [
            "\(file):2:29: warning: not imported: column 6 'Total' is a sum over periods, which Citywide adds up itself: its 3 cells on lines 2-4",
            "\(file):3:23: warning: not imported: '*' hides the figure: give the real count (Citywide withholds small counts itself), or leave the cell empty when it is not available",
            "\(file):5:20: warning: not imported: '1,5' is ambiguous: write thousands as 1,204 or 1204 and decimals with a point (1.5)",
            "\(file):6:1: warning: not imported: a row of totals over cities (line 6); Citywide shows each city's figures",
        ])
        #expect(try #require(site.text("Metrics/victims.yml")).contains("frequency: quarterly"))
    }

    @Test("a long table with a period and a value column, and --city")
    func longTable() throws {
        let file = """
            Period,Age group,Value,Note
            FY2023,Under 18,4,
            FY2023,,9,late
            FY2024,Under 18,12,
            FY2024,25 and over,3,

            """
        let site = try ImportSite(["long.csv": file])
        defer { site.cleanUp() }
        #expect(site.run(["table", site.path("long.csv"), "--metric", "victims", "--city", "springfield"]) == 0)
        #expect(site.text("Data/victims.csv") == """
            city,period,metric,age_group,value,status,note
            springfield,2023,victims,,9,,late
            springfield,2023,victims,under_18,4,,
            springfield,2024,victims,under_18,12,,
            springfield,2024,victims,25_and_over,3,,

            """)
        let metric = try #require(site.text("Metrics/victims.yml"))
        #expect(metric.contains("  age_group: [under_18, \"25_and_over\"]"))
        #expect(metric.contains("frequency: annual"))
    }

    @Test("periods of two kinds, a city given twice, or no city: errors, and nothing written")
    func refusals() throws {
        let site = try ImportSite([
            "mixed.csv": "city,2024 Q1,2024\nSt. Paul,4,5\n",
            "nocity.csv": "Sex,2024 Q1\nFemale,4\n",
        ])
        defer { site.cleanUp() }
        let mixed = Importer.table(file: site.path("mixed.csv"), metric: "victims", city: nil, site: site.site)
        #expect(mixed.diagnostics.contains { $0.severity == .error && $0.message.contains("the periods are of different kinds: annual") })
        let twice = Importer.table(file: site.path("mixed.csv"), metric: "victims", city: "st-paul", site: site.site)
        #expect(twice.diagnostics.contains { $0.message.contains("leave out --city") })
        let none = Importer.table(file: site.path("nocity.csv"), metric: "victims", city: nil, site: site.site)
        #expect(none.diagnostics.contains { $0.message.contains("which city?") })
        #expect(site.text("Data/victims.csv") == nil)
        #expect(site.text("Metrics/victims.yml") == nil)
    }

    @Test("the same cell twice (a Total label and an empty cell) is an error naming both")
    func duplicateCells() throws {
        let site = try ImportSite(["dup.csv": "city,sex,2024 Q1\nst-paul,,30\nst-paul,Total,30\n"])
        defer { site.cleanUp() }
        let outcome = Importer.table(file: site.path("dup.csv"), metric: "victims", city: nil, site: site.site)
        #expect(outcome.diagnostics.contains { $0.line == 3 && $0.message.contains("a second figure for st-paul, 2024-Q1 (total); the first is at line 2") })
        #expect(site.text("Data/victims.csv") == nil)
    }

    @Test("a dimension the data file lacked is added before value, empty in the rows that were there")
    func newDimensionColumn() throws {
        let site = try ImportSite([
            "site/Data/victims.csv": "city,period,metric,value,note\nspringfield,2024-Q1,victims,30,as reported\n",
            "wide.csv": "city,sex,2024 Q1\nst-paul,female,12\n",
        ])
        defer { site.cleanUp() }
        #expect(Importer.table(file: site.path("wide.csv"), metric: "victims", city: nil, site: site.site).succeeded)
        #expect(site.text("Data/victims.csv") == """
            city,period,metric,sex,value,note
            springfield,2024-Q1,victims,,30,as reported
            st-paul,2024-Q1,victims,female,12,

            """)
    }

    @Test("period labels as spreadsheets write them", arguments: [
        ("2024 Q1", "2024-Q1"), ("Q1 2024", "2024-Q1"), ("2024Q1", "2024-Q1"), ("q3-2024", "2024-Q3"),
        ("FY2024", "2024"), ("FY 2024", "2024"), ("2019", "2019"), ("2019.0", "2019"), ("Jan 2024", "2024-01"),
        ("January 2024", "2024-01"), ("Sept 2023", "2023-09"), ("Jan-24", "2024-01"), ("2024/03", "2024-03"),
        ("2024-03-01", "2024-03"), ("2024-03", "2024-03"),
    ])
    func periodLabels(_ label: String, _ period: String) {
        #expect(PeriodLabel.parse(label)?.period.description == period)
    }

    @Test("what is not a period", arguments: ["Female", "2024-03-15", "Q5 2024", "13/2024", "FY", "1899", "2015-2016"])
    func notPeriods(_ label: String) {
        #expect(PeriodLabel.parse(label) == nil)
    }

    @Test("numbers as spreadsheets write them", arguments: [
        ("1,204", ImportNumber.Reading.number(1204)), ("12,345.5", .number(12345.5)), ("303.0", .number(303)), (" 7 ", .number(7)),
        ("", .notAvailable), ("NA", .notAvailable), ("n/a", .notAvailable), ("..", .notAvailable),
    ])
    func numbers(_ text: String, _ reading: ImportNumber.Reading) {
        #expect(ImportNumber.read(text) == reading)
    }

    @Test("what a number import refuses", arguments: ["1,5", "1.204,5", "1.204.000", "12,34", "<11", "*", "s", "-", "abc", "1e20"])
    func refusedNumbers(_ text: String) {
        guard case .refused = ImportNumber.read(text) else {
            Issue.record("'\(text)' was read")
            return
        }
    }
}
