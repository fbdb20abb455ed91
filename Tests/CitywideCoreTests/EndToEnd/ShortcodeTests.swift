import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywidePublish
@testable import CitywideRender
@testable import CitywideWrite

/// Live figures in the narrative: what they show, what they never show, and
/// how a wrong one is reported.
@Suite("Shortcodes in blueprints")
struct ShortcodeTests {
    /// Everything but Springfield's blueprint: one city's settings, one metric, a little data.
    static let site = """
        -- site.yml --
        title: Test City Progress
        base_url: https://example.org/test/
        languages: [en]
        privacy:
          min_cell: 11
          min_rate_numerator: 20
        data_status: synthetic
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

    /// Springfield's front matter; each test writes its own body after it
    /// (the body starts on line 18 of the file).
    static let springfieldFrontMatter = """
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

        """

    static func springfield(body: String) throws -> TestSite {
        let site = try TestSite(txtar: ShortcodeTests.site)
        try site.write("Blueprints/springfield.md", springfieldFrontMatter + body)
        return site
    }

    func site(body: String) throws -> TestSite {
        try Self.springfield(body: body)
    }

    @Test("value, progress and chart render from the published figures")
    func renders() throws {
        let site = try site(body: """
        # Springfield Blueprint

        We made {{< value referrals >}} referrals; progress: {{< progress referrals >}}.

        {{< chart referrals >}}
        """)
        defer { site.cleanUp() }
        let outcome = site.build()
        #expect(outcome.succeeded, "\(outcome.lines)")
        let html = try #require(site.file("cities/springfield/index.html"))
        #expect(html.contains("We made <span class=\"live-figure\""))
        #expect(html.contains(">35 (2019-Q2)</span> referrals"))
        #expect(html.contains("progress-badge"))
        #expect(html.contains("<figure class=\"chart-figure embedded-chart\">"))
        #expect(!html.contains("<p><figure"), "a chart is not wrapped in a paragraph")
        #expect(!html.contains("{{<"))
    }

    @Test("an embedded value obeys the privacy rules")
    func withheld() throws {
        let site = try TestSite(txtar: """
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
            Latest: {{< value referrals >}}.
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
            springfield,2019-Q3,referrals,,7,,
            """)
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        let html = try #require(site.file("cities/springfield/index.html"))
        // The latest published value is 2019-Q2's 35; 2019-Q3's 7 is withheld.
        #expect(html.contains(">35 (2019-Q2)</span>"))
        #expect(!html.contains(">7 "))
    }

    @Test("shortcodes in code are shown as written")
    func inCode() throws {
        let site = try site(body: "Write `{{< value referrals >}}` to show a value.\n\n```\n{{< chart referrals >}}\n```\n")
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        let html = try #require(site.file("cities/springfield/index.html"))
        #expect(html.contains("<code>{{&lt; value referrals &gt;}}</code>"))
        #expect(html.contains("{{&lt; chart referrals &gt;}}\n</code></pre>"))
    }

    @Test("wrong shortcodes are errors at their file, line and column")
    func diagnostics() throws {
        let body = """
        # Springfield Blueprint

        A {{< figure referrals >}} and {{< value arrests >}}.
        Then {{< value referrals city="shelbyville" >}} and {{< chart referrals >}} inline.
        {{< value >}}
        {{< value referrals
        """
        let site = try site(body: body)
        defer { site.cleanUp() }
        let outcome = site.build()
        // The body starts on line 18 of the file (after 17 lines of front matter).
        let path = "Blueprints/springfield.md"
        #expect(outcome.lines.contains("\(path):20:3: error: unknown shortcode 'figure': use one of value, progress, chart, e.g. {{< value metric_id >}}"), "\(outcome.lines)")
        #expect(outcome.hasError(path, line: 20, containing: "unknown metric 'arrests'"))
        #expect(outcome.hasError(path, line: 21, containing: "unknown city 'shelbyville'"))
        #expect(outcome.hasError(path, line: 21, containing: "a chart shortcode stands on a line of its own"))
        #expect(outcome.hasError(path, line: 22, containing: "needs a metric id"))
        #expect(outcome.hasError(path, line: 23, containing: "shortcode not closed"))
    }
}

@Suite("Shortcodes in headings")
struct ShortcodeHeadingTests {
    @Test("a live figure in a heading: shown as markup in the heading, said as text in its section link, left out of its id")
    func inHeading() throws {
        let site = try ShortcodeTests.springfield(body: "# Springfield Blueprint\n\n## {{< value referrals >}} referrals\n")
        defer { site.cleanUp() }
        #expect(site.build().errors.isEmpty)
        let html = try #require(site.file("cities/springfield/index.html"))
        #expect(html.contains("<h3 id=\"-referrals\"><span class=\"live-figure\""))
        #expect(html.contains("<a class=\"heading-link\" href=\"#-referrals\" aria-label=\"Link to this section: 35 (2019-Q2) referrals\">#</a>"))
    }
}

@Suite("Shortcode options")
struct ShortcodeOptionTests {
    @Test("value with period=false prints the number alone; a wrong period option is an error at its position")
    func periodFalse() throws {
        let site = try ShortcodeTests.springfield(body: "# Springfield Blueprint\n\nWe made {{< value referrals period=false >}} referrals, {{< value referrals period=true >}} in all.\n")
        defer { site.cleanUp() }
        #expect(site.build().errors.isEmpty)
        let html = try #require(site.file("cities/springfield/index.html"))
        #expect(html.contains(">35</span> referrals, <span class=\"live-figure\""))
        #expect(html.contains(">35 (2019-Q2)</span> in all"))

        // The body starts on line 18 of the file.
        try site.write("Blueprints/springfield.md", ShortcodeTests.springfieldFrontMatter + "# Springfield Blueprint\n\nA {{< value referrals period=no >}} and {{< progress referrals period=false >}}.\n")
        let outcome = site.check()
        #expect(outcome.lines.contains("Blueprints/springfield.md:20:3: error: shortcode option period is true or false, found 'no'"), "\(outcome.lines)")
        #expect(outcome.lines.contains("Blueprints/springfield.md:20:41: error: shortcode 'progress' has no option 'period' (options: city=\"slug\")"), "\(outcome.lines)")
    }
}
