import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywidePublish
@testable import CitywideRender
@testable import CitywideWrite

/// SPEC "Data/*.csv": Citywide takes aggregates only. Person-level data is
/// refused wherever it shows: a dimension's name, its values, how its values
/// spread, a file of ones; a note that would publish it is flagged; and data
/// files cannot slip past the reader through Templates/assets/.
@Suite("Person-level data stays out")
struct PersonLevelTests {
    /// One city, one metric, a little data: the site these tests start from.
    /// A test that breaks one file writes that file over this site.
    static let site = """
        -- site.yml --
        title: Test City Progress
        base_url: https://example.org/test/
        languages: [en]
        privacy:
          min_cell: 11
          min_rate_numerator: 20
        data_status: synthetic
        -- Blueprints/springfield.md --
        ---
        city: Springfield
        state: IL
        population: 100000
        fellow: Senior fellow
        adopted: 2019-01-15
        updated: 2020-02-01
        commitments:
          - id: spr-labor-screening
            system: labor
            title: Screen wage-theft cases for trafficking
            status: in_progress
            due: 2020-12-31
            populations: [immigrants]
            metrics: [referrals]
            target: { metric: referrals, value: 40, by: 2021-12-31 }
        ---
        # Springfield Blueprint

        We will act.
        -- Metrics/referrals.yml --
        id: referrals
        title: Referrals
        description: Referrals to victim services.
        system: labor
        type: count
        unit: referrals
        decimals: 0
        direction: up
        frequency: quarterly
        dimensions:
          trafficking_type: [sex, labor, both]
        -- Data/referrals.csv --
        city,period,metric,trafficking_type,value,status,note
        springfield,2019-Q1,referrals,,30,,
        springfield,2019-Q1,referrals,sex,12,,
        springfield,2019-Q1,referrals,labor,18,,
        springfield,2019-Q2,referrals,,35,,

        """

    /// Checks `site` with the given files written over it.
    private func check(_ overrides: [String: String]) throws -> Pipeline.Outcome {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        for (path, text) in overrides { try site.write(path, text) }
        return site.check()
    }

    private func has(_ outcome: Pipeline.Outcome, _ severity: Diagnostic.Severity, _ path: String, _ line: Int, _ column: Int, _ text: String) -> Bool {
        outcome.diagnostics.contains { $0.severity == severity && $0.path == path && $0.line == line && $0.column == column && $0.message.contains(text) }
    }

    /// The metric of `site` with one more dimension, declared on line 12.
    private func metric(extra: String) -> String {
        """
        id: referrals
        title: Referrals
        description: Referrals to victim services.
        system: labor
        type: count
        unit: referrals
        decimals: 0
        direction: up
        frequency: quarterly
        dimensions:
          trafficking_type: [sex, labor, both]
          \(extra)

        """
    }

    /// The fixture's metric with `area` as its only dimension.
    private func areaMetric(_ values: [String]) -> String {
        """
        id: referrals
        title: Referrals
        description: Referrals to victim services.
        system: labor
        type: count
        unit: referrals
        decimals: 0
        direction: up
        frequency: quarterly
        dimensions:
          area: [\(values.joined(separator: ", "))]

        """
    }

    // MARK: dimension names

    @Test("a dimension named like a person-level column is refused at its name", arguments: ["client", "id_number", "dob", "case_id", "client-id", "first_name"])
    func personLevelDimensionName(name: String) throws {
        let outcome = try check(["Metrics/referrals.yml": metric(extra: "\(name): [a, b]")])
        #expect(has(outcome, .error, "Metrics/referrals.yml", 12, 3, "dimension '\(name)' identifies people"), "\(outcome.lines)")
    }

    // MARK: dimension values

    @Test("a dimension whose values look like people is refused at the first such value",
          arguments: ["Maria Lopez", "Lopez, Maria", "1990-05-12", "05/12/1990", "12.05.90", "A1234567", "CASE-0042", "4417123456",
                      "555-0100", "(312) 555-0100", "+1 312 555 0100", "maria@example.org", "123-45-6789"])
    func personLevelValue(value: String) throws {
        let quotedYAML = "\"" + value + "\""
        let quotedCSV = "\"" + value + "\""
        let outcome = try check([
            "Metrics/referrals.yml": metric(extra: "contact: [\(quotedYAML), other]"),
            "Data/referrals.csv": """
            city,period,metric,trafficking_type,contact,value,status,note
            springfield,2019-Q1,referrals,,,30,,
            springfield,2019-Q1,referrals,,other,12,,
            springfield,2019-Q1,referrals,,\(quotedCSV),18,,
            springfield,2019-Q2,referrals,,\(quotedCSV),18,,

            """,
        ])
        // Line 4, column 32: the `contact` field after "springfield,2019-Q1,referrals,,".
        #expect(has(outcome, .error, "Data/referrals.csv", 4, 32, "looks like"), "\(outcome.lines)")
        #expect(!outcome.errors.contains { $0.line == 5 }, "one error per dimension and file: \(outcome.lines)")
    }

    @Test("aggregate dimension values are not taken for people",
          arguments: ["under_18", "18_24", "25_plus", "sex", "labor", "domestic_work", "65_74", "2019_2020", "covid_19",
                      "h1b", "t_visa", "50000_74999", "q1", "2020Q2", "FY2019", "female", "Spanish", "another", "zip_606", "from 2019", "over_1000"])
    func aggregateValues(value: String) {
        #expect(PersonLevelText.kind(ofValue: value) == nil)
    }

    @Test("every pattern compiles")
    func patternsCompile() {
        #expect(PersonLevelText.allPatternsCompile)
    }

    /// 25 values on 25 rows: a different value on every row is a list of people.
    @Test("a dimension with a distinct value on half its rows or more is refused at its first value")
    func spreadRefused() throws {
        let values = (1...25).map { "area_\($0)" }
        let rows = values.map { "springfield,2019-Q1,referrals,\($0),20,," }.joined(separator: "\n")
        let outcome = try check([
            "Metrics/referrals.yml": areaMetric(values),
            "Data/referrals.csv": "city,period,metric,area,value,status,note\n" + rows + "\n",
        ])
        #expect(has(outcome, .error, "Data/referrals.csv", 2, 31, "dimension 'area' of metric 'referrals' has 25 different values over 25 rows"), "\(outcome.lines)")
    }

    @Test("the same 25 values repeated over three periods are an aggregate breakdown")
    func spreadAccepted() throws {
        let values = (1...25).map { "area_\($0)" }
        let rows = ["2019-Q1", "2019-Q2", "2019-Q3"].flatMap { period in values.map { "springfield,\(period),referrals,\($0),20,," } }
        let outcome = try check([
            "Metrics/referrals.yml": areaMetric(values),
            "Data/referrals.csv": "city,period,metric,area,value,status,note\n" + rows.joined(separator: "\n") + "\n",
        ])
        #expect(!outcome.diagnostics.contains { $0.message.contains("different values") }, "\(outcome.lines)")
    }

    // MARK: one row per person

    @Test("a metric whose every breakdown value is 1 is refused, and its totals do not hide it")
    func onePerPerson() throws {
        let outcome = try check(["Data/referrals.csv": """
        city,period,metric,trafficking_type,value,status,note
        springfield,2019-Q1,referrals,,3,,
        springfield,2019-Q1,referrals,sex,1,,
        springfield,2019-Q1,referrals,labor,1,,
        springfield,2019-Q1,referrals,both,1,,
        springfield,2019-Q2,referrals,,3,,
        springfield,2019-Q2,referrals,sex,1,,
        springfield,2019-Q2,referrals,labor,1,,
        springfield,2019-Q2,referrals,both,1,,

        """])
        #expect(has(outcome, .error, "Data/referrals.csv", 3, 35, "one row per person"), "\(outcome.lines)")
    }

    @Test("a file of ones without breakdowns is refused too")
    func onePerPersonTotals() throws {
        let rows = ["2019-Q1", "2019-Q2", "2019-Q3", "2019-Q4", "2020-Q1"].map { "springfield,\($0),referrals,,1,," }
        let outcome = try check(["Data/referrals.csv": "city,period,metric,trafficking_type,value,status,note\n" + rows.joined(separator: "\n") + "\n"])
        #expect(has(outcome, .error, "Data/referrals.csv", 2, 32, "one row per person"), "\(outcome.lines)")
    }

    @Test("a small real table of ones is not refused")
    func fewOnes() throws {
        let outcome = try check(["Data/referrals.csv": "city,period,metric,trafficking_type,value,status,note\nspringfield,2019-Q1,referrals,,3,,\nspringfield,2019-Q1,referrals,sex,1,,\nspringfield,2019-Q1,referrals,labor,2,,\n"])
        #expect(outcome.succeeded, "\(outcome.lines)")
    }

    // MARK: notes

    @Test("a published note holding a name, an identifier or a small count is flagged at the note",
          arguments: [("Maria Lopez moved away", "looks like a name"), ("see case A1234567", "looks like an identifier"),
                      ("call 312-555-0100", "looks like a phone number"), ("3 of them from one family", "the number '3'"),
                      ("two sisters", "the number 'two'"), ("born 1990-05-12", "looks like a date")])
    func noteFlagged(note: String, message: String) throws {
        let outcome = try check(["Data/referrals.csv": "city,period,metric,trafficking_type,value,status,note\nspringfield,2019-Q1,referrals,,30,,\"\(note)\"\n"])
        #expect(has(outcome, .warning, "Data/referrals.csv", 2, 36, message), "\(outcome.lines)")
        #expect(outcome.succeeded)
    }

    @Test("ordinary notes, and notes beside a withheld count (never published), are not flagged")
    func notesNotFlagged() throws {
        let outcome = try check(["Data/referrals.csv": """
        city,period,metric,trafficking_type,value,status,note
        springfield,2019-Q1,referrals,,30,,fewer contacts while offices were closed for COVID-19
        springfield,2019-Q1,referrals,sex,3,,3 sisters from one family
        springfield,2019-Q2,referrals,,35,estimated,estimated from the 2020-Q2 inventory count

        """])
        #expect(!outcome.diagnostics.contains { $0.message.contains("note") }, "\(outcome.lines)")
    }

    // MARK: Templates/assets

    @Test("a data file under Templates/assets/ is refused, naming the file", arguments: ["survivors.csv", "export/cases.XLSX", "people.json", "intake.tsv", "old.xls", "sheet.ods"])
    func dataInAssets(name: String) throws {
        let site = try TestSite(txtar: Self.site + """
            -- Templates/assets/\(name) --
            name,dob
            Maria Lopez,1990-05-12

            """)
        defer { site.cleanUp() }
        let outcome = site.build()
        #expect(has(outcome, .error, "Templates/assets/\(name)", 1, 1, "data file in Templates/assets/"), "\(outcome.lines)")
        #expect(site.outputFiles().isEmpty)
    }

    @Test("other assets are still copied")
    func otherAssets() throws {
        let site = try TestSite(txtar: Self.site + """
            -- Templates/assets/extra.css --
            body { color: black; }

            """)
        defer { site.cleanUp() }
        let outcome = site.build()
        #expect(outcome.succeeded, "\(outcome.lines)")
        #expect(site.file("assets/extra.css") != nil)
    }
}
