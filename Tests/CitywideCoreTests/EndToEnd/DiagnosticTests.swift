import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywidePublish
@testable import CitywideRender
@testable import CitywideWrite

/// One test per kind of bad input: each names the file, line and column a
/// person would fix, and nothing is built.
@Suite("Problems in input are reported at file:line:column")
struct DiagnosticTests {
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

    /// Builds `site` with the given files written over it.
    func check(_ overrides: [String: String]) throws -> Pipeline.Outcome {
        let site = try TestSite(txtar: Self.site)
        for (path, text) in overrides { try site.write(path, text) }
        return check(site: site)
    }

    /// A whole site, every file shown (see `Txtar`).
    func check(txtar archive: String) throws -> Pipeline.Outcome {
        try check(site: TestSite(txtar: archive))
    }

    func check(site: TestSite) -> Pipeline.Outcome {
        defer { site.cleanUp() }
        let outcome = site.build()
        #expect(site.file("index.html") == nil, "nothing is written when there are errors")
        return outcome
    }

    @Test("YAML syntax error")
    func yamlSyntax() throws {
        let outcome = try check(["site.yml": "title: Test\nprivacy:\n  min_cell: [11\n"])
        let error = try #require(outcome.errors.first { $0.path == "site.yml" })
        #expect(error.line >= 3)
        #expect(error.message.contains("YAML syntax"))
    }

    @Test("a wrong type in front matter points at its line in the file")
    func wrongTypeInFrontMatter() throws {
        let outcome = try check(txtar: """
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
            population: lots
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

            """)
        // Front matter starts on line 2 of the file; population is its 3rd line.
        #expect(outcome.lines.contains("Blueprints/springfield.md:4:13: error: 'population' must be a whole number, found 'lots'"), "\(outcome.lines)")
    }

    @Test("a metric whose id differs from its file name")
    func metricIdMismatch() throws {
        let outcome = try check(txtar: """
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
            id: referals
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

            """)
        #expect(outcome.hasError("Metrics/referrals.yml", line: 1, containing: "must match its file name"))
    }

    @Test("an unknown field, with the line of the key")
    func unknownField() throws {
        let outcome = try check(["Metrics/referrals.yml": """
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
            unti: people

            """])
        #expect(outcome.lines.contains { $0.hasPrefix("Metrics/referrals.yml:12:1: error: unknown field 'unti'") }, "\(outcome.lines)")
    }

    @Test("a commitment naming an unknown system or metric")
    func unknownSystemAndMetric() throws {
        let outcome = try check(txtar: """
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
                system: transport
                title: Screen wage-theft cases for trafficking
                status: in_progress
                due: 2020-12-31
                populations: [immigrants]
                metrics: [referrals, arrests]
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

            """)
        #expect(outcome.hasError("Blueprints/springfield.md", line: 10, containing: "unknown system 'transport'"))
        #expect(outcome.hasError("Blueprints/springfield.md", line: 15, containing: "unknown metric 'arrests'"))
    }

    @Test("a CSV with an unterminated quote")
    func unterminatedQuote() throws {
        let outcome = try check(["Data/referrals.csv": """
            city,period,metric,trafficking_type,value,status,note
            springfield,2019-Q1,referrals,,30,,
            springfield,2019-Q1,referrals,sex,12,,
            springfield,2019-Q1,referrals,labor,18,,
            springfield,2019-Q2,referrals,,35,,
            springfield,2019-Q3,referrals,,40,,"never closed

            """])
        #expect(outcome.hasError("Data/referrals.csv", line: 6, containing: "quote"))
    }

    @Test("a ragged CSV row")
    func raggedRow() throws {
        let outcome = try check(["Data/referrals.csv": """
            city,period,metric,trafficking_type,value,status,note
            springfield,2019-Q1,referrals,,30,,
            springfield,2019-Q1,referrals,sex,12,,
            springfield,2019-Q1,referrals,labor,18,,
            springfield,2019-Q2,referrals,,35,,
            springfield,2019-Q3,referrals,40

            """])
        #expect(outcome.hasError("Data/referrals.csv", line: 6, containing: "has 4 fields but the header has 7"))
    }

    @Test("an unknown city and an unknown metric in data")
    func unknownCityAndMetric() throws {
        let outcome = try check(["Data/referrals.csv": """
            city,period,metric,trafficking_type,value,status,note
            springfield,2019-Q1,referrals,,30,,
            springfield,2019-Q1,referrals,sex,12,,
            springfield,2019-Q1,referrals,labor,18,,
            springfield,2019-Q2,referrals,,35,,
            shelbyville,2019-Q3,referrals,,40,,
            springfield,2019-Q3,arrests,,40,,

            """])
        #expect(outcome.hasError("Data/referrals.csv", line: 6, containing: "unknown city 'shelbyville'"))
        #expect(outcome.hasError("Data/referrals.csv", line: 7, containing: "unknown metric 'arrests'"))
        #expect(outcome.lines.contains("Data/referrals.csv:7:21: error: unknown metric 'arrests': no Metrics/arrests.yml"))
    }

    @Test("a column that is not a declared dimension")
    func undeclaredColumn() throws {
        let data = "city,period,metric,county,value\nspringfield,2019-Q1,referrals,,30\n"
        let outcome = try check(["Data/referrals.csv": data])
        #expect(outcome.lines.contains { $0.hasPrefix("Data/referrals.csv:1:20: error: column 'county' is not a dimension") })
    }

    @Test("a dimension value that is not declared")
    func undeclaredValue() throws {
        let outcome = try check(["Data/referrals.csv": """
            city,period,metric,trafficking_type,value,status,note
            springfield,2019-Q1,referrals,,30,,
            springfield,2019-Q1,referrals,sex,12,,
            springfield,2019-Q1,referrals,labor,18,,
            springfield,2019-Q2,referrals,,35,,
            springfield,2019-Q2,referrals,forced_marriage,12,,

            """])
        #expect(outcome.hasError("Data/referrals.csv", line: 6, containing: "'forced_marriage' is not a value of dimension 'trafficking_type'"))
    }

    @Test("a bad period, and a period of the wrong frequency")
    func badPeriod() throws {
        let outcome = try check(["Data/referrals.csv": """
            city,period,metric,trafficking_type,value,status,note
            springfield,2019-Q1,referrals,,30,,
            springfield,2019-Q1,referrals,sex,12,,
            springfield,2019-Q1,referrals,labor,18,,
            springfield,2019-Q2,referrals,,35,,
            springfield,2019-Q5,referrals,,40,,
            springfield,2019,referrals,,40,,

            """])
        #expect(outcome.hasError("Data/referrals.csv", line: 6, containing: "'2019-Q5' is not a period"))
        #expect(outcome.hasError("Data/referrals.csv", line: 7, containing: "which is quarterly"))
    }

    @Test("a value that is not a number, and a count that is not whole")
    func nonNumericValue() throws {
        let outcome = try check(["Data/referrals.csv": """
            city,period,metric,trafficking_type,value,status,note
            springfield,2019-Q1,referrals,,30,,
            springfield,2019-Q1,referrals,sex,12,,
            springfield,2019-Q1,referrals,labor,18,,
            springfield,2019-Q2,referrals,,35,,
            springfield,2019-Q3,referrals,,"1,204",,
            springfield,2019-Q4,referrals,,12.5,,

            """])
        #expect(outcome.hasError("Data/referrals.csv", line: 6, containing: "is not a number"))
        #expect(outcome.hasError("Data/referrals.csv", line: 7, containing: "whole number"))
    }

    @Test("the same observation twice, even across files")
    func duplicateObservation() throws {
        let outcome = try check(["Data/more.csv": "city,period,metric,value\nspringfield,2019-Q2,referrals,36\n"])
        let duplicate = try #require(outcome.errors.first { $0.message.contains("the same observation twice") })
        #expect(duplicate.message.contains("Data/"))
        #expect([2, 5].contains(duplicate.line))
    }

    @Test("a template that fails to parse")
    func templateParseError() throws {
        let outcome = try check(["Templates/home.mustache": "{{<layout}}{{$main}}\n<h1>{{#cities}}{{name}}</h1>\n{{/main}}{{/layout}}"])
        #expect(outcome.errors.contains { $0.path == "Templates/home.mustache" && $0.message.contains("template cannot be parsed") })
    }

    @Test("a template that uses a partial that does not exist")
    func missingPartial() throws {
        let outcome = try check(["Templates/home.mustache": "{{<layout}}{{$main}}\n{{> citycard}}\n{{/main}}{{/layout}}"])
        #expect(outcome.hasError("Templates/home.mustache", line: 2, containing: "partial 'citycard'"))
    }

    @Test("a file of person-level records is refused as a whole")
    func personLevelData() throws {
        let data = "city,period,metric,Client ID,value\nspringfield,2019-Q3,referrals,A-1001,1\n"
        let outcome = try check(["Data/intake.csv": data])
        #expect(outcome.hasError("Data/intake.csv", line: 1, containing: "identifies people"))
        #expect(!outcome.errors.contains { $0.path == "Data/intake.csv" && $0.line == 2 }, "no row of it is read")
    }

    @Test("every problem is reported in one run, sorted, with a count")
    func allProblemsInOneRun() throws {
        let outcome = try check(txtar: """
            -- site.yml --
            title: Test City Progress
            base_url: https://example.org/test/
            languages: [en]
            privacy:
              min_cell: 11
              min_rate_numerator: 20
            data_status: synthetic
            theme: dark
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
            colour: red
            -- Data/referrals.csv --
            city,period,metric,trafficking_type,value,status,note
            springfield,2019-Q1,referrals,,30,,
            springfield,2019-Q1,referrals,sex,12,,
            springfield,2019-Q1,referrals,labor,18,,
            springfield,2019-Q2,referrals,,35,,
            shelbyville,2019-Q3,referrals,,40,,
            springfield,2019-Q9,referrals,,40,,
            """)
        #expect(outcome.errorCount >= 4, "\(outcome.lines)")
        #expect(outcome.diagnostics == outcome.diagnostics.sorted())
    }
}
