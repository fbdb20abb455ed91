import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput

/// Errors that teach the format: an analyst's spreadsheet habits get a few
/// lessons with hints, not one opaque error per cell (issue 13, item 4).
@Suite("Errors that teach the format")
struct TeachingErrorTests {
    /// Two cities, one of them `st-paul`, and a quarterly count by sex.
    static let site = """
        -- site.yml --
        title: Twin Cities Progress
        base_url: https://example.org/twin/
        languages: [en]
        -- Blueprints/minneapolis.md --
        ---
        city: Minneapolis
        state: MN
        fellow: A fellow
        adopted: 2019-01-01
        updated: 2024-06-01
        commitments: []
        ---
        # Minneapolis
        -- Blueprints/st-paul.md --
        ---
        city: St. Paul
        state: MN
        fellow: A fellow
        adopted: 2019-01-01
        updated: 2024-06-01
        commitments: []
        ---
        # St. Paul
        -- Metrics/survivors_identified.yml --
        id: survivors_identified
        title: Survivors identified
        system: cross_system
        type: count
        unit: survivors
        direction: up
        frequency: quarterly
        dimensions:
          sex: [female, male]
        """

    /// The analyst's wide export: a BOM, CRLF, quarters as columns, a
    /// "Total" row and `1,204`. It got 7 opaque errors (3 missing columns,
    /// 4 unknown columns); now one lesson: reshape it, with the command.
    @Test("a wide export gets one lesson: periods as columns, reshape with citywide import table")
    func wideExport() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        try site.write("Data/wide.csv", "\u{FEFF}City,2024 Q1,2024 Q2,2024 Q3,2024 Q4\r\n"
            + "Minneapolis,\"1,204\",\"1,310\",\"1,187\",\"1,402\"\r\n"
            + "St. Paul,640,702,655,690\r\n"
            + "Total,\"1,844\",\"2,012\",\"1,842\",\"2,092\"\r\n")
        let outcome = site.check()
        #expect(outcome.errors.count == 1, "\(outcome.lines)")
        #expect(outcome.errors.map(\.formatted) == ["Data/wide.csv:1:6: error: the columns '2024 Q1', '2024 Q2', '2024 Q3', ... look like periods: this sheet has periods as columns, and a data file has one row per city, period and metric (city,period,metric,value); `citywide import table FILE --metric ID` reshapes it into Data/"])
    }

    /// The same figures reshaped by hand with Excel habits: 16 rows gave
    /// 56 errors, each repeated on every row. Every occurrence is still an
    /// error (the count and JSON list them all); text shows 6 lessons.
    static let reshaped = """
        City,Period,Metric,Sex,Value
        St. Paul,2024 Q1,survivors_identified,Female,"1,214"
        St. Paul,2024 Q1,survivors_identified,Male,"1,015"
        St. Paul,2024 Q1,survivors_identified,Total,"2,319"
        minneapolis,2024 Q1,survivors_identified,,"1,410"
        St. Paul,2024 Q2,survivors_identified,Female,"1,224"
        St. Paul,2024 Q2,survivors_identified,Male,"1,025"
        St. Paul,2024 Q2,survivors_identified,Total,"2,329"
        minneapolis,2024 Q2,survivors_identified,,"1,420"
        St. Paul,2024 Q3,survivors_identified,Female,"1,234"
        St. Paul,2024 Q3,survivors_identified,Male,"1,035"
        St. Paul,2024 Q3,survivors_identified,Total,"2,339"
        minneapolis,2024 Q3,survivors_identified,,"1,430"
        St. Paul,2024 Q4,survivors_identified,Female,"1,244"
        St. Paul,2024 Q4,survivors_identified,Male,"1,045"
        St. Paul,2024 Q4,survivors_identified,Total,"2,349"
        minneapolis,2024 Q4,survivors_identified,,"1,440"

        """

    @Test("a hand-reshaped file: every cell reported, in six grouped lessons with hints")
    func handReshaped() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        try site.write("Data/reshaped.csv", Self.reshaped.replacingOccurrences(of: "\n", with: "\r\n"))
        let outcome = site.check()
        #expect(outcome.errors.count == 56, "every occurrence is still counted")
        let text = DiagnosticGroup.grouping(outcome.errors).map(\.formatted)
        #expect(text == [
            "Data/reshaped.csv:2:1: error: unknown city 'St. Paul': no Blueprints/St. Paul.md (did you mean 'st-paul'? A row names a city by its blueprint's slug) (and 11 more rows: lines 3-4, 6-8, 10-12, 14-16)",
            "Data/reshaped.csv:2:10: error: '2024 Q1' is not a period: write 2024-Q1 (Citywide writes periods 2019, 2019-Q1 or 2019-03) (and 15 more rows: lines 3-17)",
            "Data/reshaped.csv:2:39: error: 'Female' is not a value of dimension 'sex' of metric 'survivors_identified'; did you mean 'female'? (declared: female, male) (and 3 more rows: lines 6, 10, 14)",
            "Data/reshaped.csv:2:46: error: value '1,214' is not a number: write 1214, without thousands separators (and 15 more rows: lines 3-17)",
            "Data/reshaped.csv:3:39: error: 'Male' is not a value of dimension 'sex' of metric 'survivors_identified'; did you mean 'male'? (declared: female, male) (and 3 more rows: lines 7, 11, 15)",
            "Data/reshaped.csv:4:39: error: 'Total' in column 'sex': leave the cell empty for the total (an empty dimension cell is the total over that dimension) (and 3 more rows: lines 8, 12, 16)",
        ])
    }

    @Test("withheld markers and not-available words say what to write instead")
    func valueHabits() throws {
        let site = try TestSite(txtar: Self.site + """

            -- Data/habits.csv --
            city,period,metric,sex,value
            minneapolis,2024-Q1,survivors_identified,,<11
            minneapolis,2024-Q2,survivors_identified,,*
            minneapolis,2024-Q3,survivors_identified,,s
            minneapolis,2024-Q4,survivors_identified,,n/a
            st-paul,2024-Q1,survivors_identified,,NA
            st-paul,2024-Q2,survivors_identified,,12%
            st-paul ,2024-Q3,survivors_identified,,12
            st-paul,2024-Q4 ,survivors_identified,,12
            st-paul,2023-Q4,survivors_identified,femal,12
            st-paul,2023-Q3,survivors_idenitfied,,12
            st-paul,2023-Q2,survivors_identified,,12,
            """)
        defer { site.cleanUp() }
        let outcome = site.check()
        let path = "Data/habits.csv"
        for line in 2...4 {
            #expect(outcome.hasError(path, line: line, containing: "give the real count: Citywide withholds small counts itself"), "\(outcome.lines)")
        }
        #expect(outcome.hasError(path, line: 5, containing: "value 'n/a' is not a number: leave it empty when not available"))
        #expect(outcome.hasError(path, line: 6, containing: "value 'NA' is not a number: leave it empty when not available"))
        #expect(outcome.hasError(path, line: 7, containing: "value '12%' is not a number: write 12, without the percent sign"))
        #expect(outcome.hasError(path, line: 8, containing: "'st-paul ' has spaces around it: write 'st-paul'"))
        #expect(outcome.hasError(path, line: 9, containing: "'2024-Q4 ' has spaces around it: write '2024-Q4'"))
        #expect(outcome.hasError(path, line: 10, containing: "'femal' is not a value of dimension 'sex' of metric 'survivors_identified'; did you mean 'female'?"))
        #expect(outcome.hasError(path, line: 11, containing: "unknown metric 'survivors_idenitfied': no Metrics/survivors_idenitfied.yml (did you mean 'survivors_identified'?)"))
        #expect(outcome.hasError(path, line: 12, containing: "this row ends with 1 empty field beyond the header's 5 columns"))
    }

    @Test("a name nothing like a known one gets no suggestion")
    func noWildGuess() throws {
        #expect(NameSuggestion.closest(to: "St. Paul", in: ["minneapolis", "st-paul"]) == "st-paul")
        #expect(NameSuggestion.closest(to: "Female", in: ["female", "male"]) == "female")
        #expect(NameSuggestion.closest(to: "minneapols", in: ["minneapolis", "st-paul"]) == "minneapolis")
        #expect(NameSuggestion.closest(to: "chicago", in: ["minneapolis", "st-paul"]) == nil)
        #expect(NameSuggestion.closest(to: "", in: ["a"]) == nil)
    }

    @Test("header habits: semicolons, a title row, empty columns at the right")
    func headerHabits() throws {
        let site = try TestSite(txtar: Self.site + """

            -- Data/semicolons.csv --
            city;period;metric;value
            minneapolis;2024-Q1;survivors_identified;12
            -- Data/title.csv --
            Survivors identified by quarter,,,
            city,period,metric,value
            minneapolis,2024-Q1,survivors_identified,12
            -- Data/trailing.csv --
            city,period,metric,value,,
            minneapolis,2024-Q1,survivors_identified,12,,
            """)
        defer { site.cleanUp() }
        let outcome = site.check()
        #expect(outcome.errors.count == 3, "one lesson per file: \(outcome.lines)")
        #expect(outcome.hasError("Data/semicolons.csv", line: 1, containing: "is separated by semicolons: Citywide reads comma-separated files"))
        #expect(outcome.hasError("Data/title.csv", line: 1, containing: "line 1 looks like a title ('Survivors identified by quarter'), not the header"))
        #expect(outcome.hasError("Data/trailing.csv", line: 1, containing: "the header ends with 2 empty columns (spreadsheets often export them)"))
    }

    @Test("spreadsheet spellings of periods are read only to teach Citywide's")
    func periodSpellings() {
        for (text, period) in [("2024 Q1", "2024-Q1"), ("Q3 2024", "2024-Q3"), ("2024Q2", "2024-Q2"), ("Jan 2024", "2024-01"),
                               ("2024/03", "2024-03"), ("2019.0", "2019")] {
            #expect(PeriodSpelling.citywideSpelling(of: text)?.description == period, "\(text)")
        }
        #expect(PeriodSpelling.citywideSpelling(of: "FY2024") == nil, "a fiscal year is not a calendar year")
        for column in ["2019", "2024 Q1", "FY2024", "FY 2023-24", "Jan 2024"] {
            #expect(PeriodSpelling.looksLikePeriodColumn(column), "\(column)")
        }
        for column in ["city", "value", "q1", "sex"] {
            #expect(!PeriodSpelling.looksLikePeriodColumn(column), "\(column)")
        }
    }

    @Test("the lines of a group: runs, and a cap")
    func groupedLines() {
        #expect(DiagnosticGroup.describe([3, 4, 5, 7, 9, 10]) == "3-5, 7, 9-10")
        #expect(DiagnosticGroup.describe(Array(stride(from: 2, through: 40, by: 2))) == "2, 4, 6, 8, 10, 12, 14, 16, 18, 20, …")
        let a = Diagnostic(path: "Data/a.csv", line: 2, column: 1, message: "x", group: "g")
        let b = Diagnostic(path: "Data/a.csv", line: 3, column: 1, message: "y", group: "g")
        let c = Diagnostic(path: "Data/b.csv", line: 3, column: 1, message: "y", group: "g")
        let groups = DiagnosticGroup.grouping([a, b, c])
        #expect(groups.map(\.formatted) == ["Data/a.csv:2:1: error: x (and 1 more row: line 3)", "Data/b.csv:3:1: error: y"])
    }

    @Test("a duplicate YAML key is reported where it is repeated, naming the line of the first, in site.yml, a metric and front matter")
    func duplicateKeys() throws {
        let site = try TestSite(txtar: """
            -- site.yml --
            title: Twin Cities Progress
            base_url: https://example.org/twin/
            title: Twin Cities
            languages: [en]
            -- Blueprints/minneapolis.md --
            ---
            city: Minneapolis
            state: MN
            fellow: A fellow
            state: MN
            adopted: 2019-01-01
            updated: 2024-06-01
            commitments: []
            ---
            # Minneapolis
            -- Metrics/survivors_identified.yml --
            id: survivors_identified
            title: Survivors identified
            system: cross_system
            type: count
            unit: survivors
            unit: people
            direction: up
            frequency: quarterly
            """)
        defer { site.cleanUp() }
        let outcome = site.check()
        #expect(outcome.lines.contains("site.yml:3:1: error: duplicate key 'title' in the same mapping (first at line 1)"), "\(outcome.lines)")
        #expect(outcome.lines.contains("Blueprints/minneapolis.md:5:1: error: duplicate key 'state' in the same mapping (first at line 3)"), "\(outcome.lines)")
        #expect(outcome.lines.contains("Metrics/survivors_identified.yml:6:1: error: duplicate key 'unit' in the same mapping (first at line 5)"), "\(outcome.lines)")
    }

    @Test("a metric file with errors is one error, not one more per commitment, shortcode and row that names it")
    func noCascade() throws {
        let site = try TestSite(txtar: """
            -- site.yml --
            title: Twin Cities Progress
            base_url: https://example.org/twin/
            languages: [en]
            -- Blueprints/minneapolis.md --
            ---
            city: Minneapolis
            state: MN
            fellow: A fellow
            adopted: 2019-01-01
            updated: 2024-06-01
            commitments:
              - id: mpls-identify
                system: justice
                title: Identify survivors
                status: in_progress
                due: 2025-12-31
                populations: [immigrants]
                metrics: [survivors_identified]
                target: { metric: survivors_identified, value: 40, by: 2025-12-31 }
            ---
            # Minneapolis

            {{< value survivors_identified >}}
            -- Metrics/survivors_identified.yml --
            id: survivors_identified
            title: Survivors identified
            system: cross_system
            type: bogus
            unit: survivors
            direction: up
            frequency: quarterly
            -- Data/a.csv --
            city,period,metric,value
            minneapolis,2024-Q1,survivors_identified,40
            minneapolis,2024-Q2,survivors_identified,41
            """)
        defer { site.cleanUp() }
        let outcome = site.check()
        #expect(outcome.errors.map(\.formatted) == ["Metrics/survivors_identified.yml:4:7: error: 'type' must be one of count, rate, percent, ratio, found 'bogus'"])
        #expect(!outcome.lines.contains { $0.contains("no Metrics/survivors_identified.yml") })
        #expect(outcome.lines.contains("Data/a.csv:2:21: warning: 2 rows name Metrics/survivors_identified.yml, which has errors: they were not checked"))
    }

    @Test("did you mean, in blueprints too: a commitment's metric and a shortcode's metric and city")
    func blueprintSuggestions() throws {
        let site = try TestSite(txtar: Self.site + """

            -- Blueprints/duluth.md --
            ---
            city: Duluth
            state: MN
            fellow: A fellow
            adopted: 2019-01-01
            updated: 2024-06-01
            commitments:
              - id: duluth-identify
                system: justice
                title: Identify survivors
                status: in_progress
                due: 2025-12-31
                populations: [immigrants]
                metrics: [survivor_identified]
            ---
            # Duluth

            {{< value Survivors_Identified city="St-Paul" >}}
            """)
        defer { site.cleanUp() }
        let outcome = site.check()
        let path = "Blueprints/duluth.md"
        #expect(outcome.hasError(path, containing: "names unknown metric 'survivor_identified': no Metrics/survivor_identified.yml; did you mean 'survivors_identified'?"), "\(outcome.lines)")
        #expect(outcome.hasError(path, containing: "shortcode names unknown metric 'Survivors_Identified': no Metrics/Survivors_Identified.yml; did you mean 'survivors_identified'?"), "\(outcome.lines)")
        #expect(outcome.hasError(path, containing: "shortcode names unknown city 'St-Paul'; did you mean 'st-paul'?"), "\(outcome.lines)")
    }
}
