import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywidePublish
@testable import CitywideRender
@testable import CitywideWrite

@Suite("Building a whole site")
struct BuildTests {
    /// One city, one metric, a little data: the site most tests in this file
    /// build (the suites below use it too). A test that needs other files
    /// writes its whole site, or adds files after this one's.
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

    @Test("a small site builds every page SPEC lists")
    func writesEveryPage() throws {
        let site = try TestSite(txtar: BuildTests.site)
        defer { site.cleanUp() }
        let outcome = site.build()
        #expect(outcome.errors.isEmpty, "\(outcome.lines)")
        for path in [
            "index.html", "cities/springfield/index.html", "metrics/referrals/index.html",
            "reports/index.html", "reports/2019-Q1/index.html", "reports/2019-Q2/index.html",
            "coverage/index.html", "methodology/index.html",
            "data/referrals.csv", "data/referrals.json", "data/index.json",
            "feed.xml", "sitemap.xml", "assets/style.css",
        ] {
            #expect(site.file(path) != nil, "missing \(path)")
        }
    }

    @Test("the blueprint is rendered from Markdown with its commitments and a chart")
    func cityPage() throws {
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
            # Springfield Blueprint

            Our plan has **three** parts.

            | System | Lead |
            |---|---|
            | Labor | Civil rights department |

            - [x] Hire the fellow
            - [ ] Adopt the plan

            ~~old idea~~ and https://example.org/plan
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
        defer { site.cleanUp() }
        site.build()
        let html = try #require(site.file("cities/springfield/index.html"))
        #expect(html.contains("<h1>Springfield Blueprint</h1>"))
        #expect(html.contains("<strong>three</strong>"))
        #expect(html.contains("<table>") && html.contains("Civil rights department"))
        #expect(html.contains("aria-label=\"Done:\""), "task list items are spoken, not bare checkboxes")
        #expect(html.contains("<del>old idea</del>"))
        #expect(html.contains("<a href=\"https://example.org/plan\">"))
        #expect(html.contains("Screen wage-theft cases for trafficking"))
        #expect(html.contains("In progress") && html.contains("December 31, 2020"))
        #expect(html.contains("40 referrals by December 31, 2021"))
        #expect(html.contains("<svg") && html.contains("role=\"img\""))
        #expect(html.components(separatedBy: "<h1").count == 2, "one h1 per page")
    }

    @Test("pages link to each other with relative links that resolve")
    func linksResolve() throws {
        let site = try TestSite(txtar: BuildTests.site)
        defer { site.cleanUp() }
        site.build()
        let files = site.outputFiles()
        let pattern = try NSRegularExpression(pattern: "(?:href|src)=\"([^\"#:]+)\"")
        var checked = 0
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let target = String(html[Range(match.range(at: 1), in: html)!])
                let resolved = URL(fileURLWithPath: "/" + path).deletingLastPathComponent().appendingPathComponent(target).standardizedFileURL.path
                #expect(files[String(resolved.dropFirst())] != nil, "\(path) links to \(target), which does not exist")
                checked += 1
            }
        }
        #expect(checked > 50)
    }

    @Test("two builds of the same input are byte-identical")
    func deterministic() throws {
        let site = try TestSite(txtar: BuildTests.site)
        defer { site.cleanUp() }
        let second = site.folder.appendingPathComponent("second")
        site.build()
        site.build(output: second)
        let a = site.outputFiles()
        let b = site.outputFiles(second)
        #expect(a.count > 10)
        #expect(a == b)
    }

    @Test("a failing build leaves the previous output byte for byte")
    func atomicOutput() throws {
        let site = try TestSite(txtar: BuildTests.site)
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        let before = site.outputFiles()
        try site.write("Data/referrals.csv", """
            city,period,metric,trafficking_type,value,status,note
            springfield,2019-Q1,referrals,,30,,
            springfield,2019-Q1,referrals,sex,12,,
            springfield,2019-Q1,referrals,labor,18,,
            springfield,2019-Q2,referrals,,35,,
            springfield,2019-Q3,referrals,,lots,,

            """)
        let outcome = site.build()
        #expect(!outcome.succeeded)
        #expect(outcome.filesWritten == 0)
        #expect(site.outputFiles() == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.folder.path).filter { $0.contains("citywide-staging") }
        #expect(leftovers.isEmpty, "no staging folder is left behind")
    }

    @Test("a good build replaces the output folder whole")
    func replacesWhole() throws {
        let site = try TestSite(txtar: BuildTests.site)
        defer { site.cleanUp() }
        site.build()
        try Data("stale".utf8).write(to: site.output.appendingPathComponent("stale.html"))
        site.build()
        #expect(site.file("stale.html") == nil)
        #expect(site.file("index.html") != nil)
    }

    @Test("a folder Citywide did not write is never replaced")
    func refusesForeignOutput() throws {
        let site = try TestSite(txtar: BuildTests.site)
        try site.write("precious/notes.txt", "keep me")
        defer { site.cleanUp() }
        let outcome = site.build(output: site.folder.appendingPathComponent("precious"))
        #expect(!outcome.succeeded)
        #expect(site.file("notes.txt", in: site.folder.appendingPathComponent("precious")) == "keep me")
    }

    @Test("the output may not be the site folder itself")
    func refusesSiteAsOutput() throws {
        let site = try TestSite(txtar: BuildTests.site)
        defer { site.cleanUp() }
        let outcome = site.build(output: site.folder)
        #expect(!outcome.succeeded)
        #expect(FileManager.default.fileExists(atPath: site.folder.appendingPathComponent("site.yml").path))
    }

    @Test("a site with no Templates folder uses the built-in templates; a Templates file overrides one by name")
    func templateOverride() throws {
        let plain = try TestSite(txtar: BuildTests.site)
        defer { plain.cleanUp() }
        #expect(plain.build().succeeded)
        #expect(plain.file("index.html")?.contains("Cities") == true)

        let forked = try TestSite(txtar: BuildTests.site + """
            -- Templates/home.mustache --
            {{<layout}}{{$main}}<h1>{{site_title}}</h1><p>Our own home page</p>{{/main}}{{/layout}}
            -- Templates/assets/extra.css --
            body { color: black; }
            """)
        defer { forked.cleanUp() }
        let outcome = forked.build()
        #expect(outcome.errors.isEmpty, "\(outcome.lines)")
        #expect(forked.file("index.html")?.contains("Our own home page") == true)
        #expect(forked.file("cities/springfield/index.html")?.contains("Springfield Blueprint") == true, "other templates stay built-in")
        #expect(forked.file("assets/extra.css") != nil)
        #expect(forked.file("assets/style.css") != nil)
    }

    @Test("citywide init writes a site that builds without errors or warnings")
    func initSiteBuilds() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citywide-init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try SiteScaffold.createSite(at: folder)
        #expect(written.contains("site.yml"))
        #expect(written.contains("Templates/layout.mustache"))
        let outcome = Pipeline.build(Pipeline.Options(site: folder))
        #expect(outcome.diagnostics.isEmpty, "\(outcome.lines)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("_site/cities/our-city/index.html").path))
        #expect(throws: ScaffoldFailure.notEmpty(folder.path)) { try SiteScaffold.createSite(at: folder) }
    }

    @Test("every built-in template and asset in BuiltinSite/ is listed, so init copies all of them")
    func builtinFilesListed() throws {
        let folder = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/CitywideInput/BuiltinSite")
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix("init-") }
        // Translation files are named i18n-<lang>.yml in the source and Templates/i18n/<lang>.yml in a site.
        let listed = BuiltinSite.files.map { file -> String in
            let name = (file.path as NSString).lastPathComponent
            return file.path.hasPrefix("Templates/i18n/") ? "i18n-" + name : name
        }
        #expect(Set(onDisk) == Set(listed))
    }
}

@Suite("Details readers notice")
struct DetailTests {
    @Test("table row headers are not links unless the row has one")
    func rowHeadersAreText() throws {
        let site = try TestSite(txtar: BuildTests.site)
        defer { site.cleanUp() }
        site.build()
        let html = try #require(site.file("cities/springfield/index.html"))
        #expect(html.contains("<th scope=\"row\">2019-Q1</th>"))
        #expect(!html.contains("\">2019-Q1</a></th>"))
    }

    @Test("optional text left out leaves no empty markup")
    func noEmptyMarkup() throws {
        // No fellow and no updated date.
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
            adopted: 2019-01-15
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
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        let city = try #require(site.file("cities/springfield/index.html"))
        #expect(!city.contains("Senior fellow</dt>"))
        #expect(!city.contains("<dd></dd>"))
        let home = try #require(site.file("index.html"))
        #expect(!home.contains("Blueprint updated ."))
    }

    @Test("breakdowns are listed in the order the metric declares its dimensions")
    func breakdownOrder() throws {
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
              sex: [female, male]
            -- Data/referrals.csv --
            city,period,metric,sex,trafficking_type,value
            springfield,2019-Q1,referrals,,,30
            springfield,2019-Q1,referrals,female,,20
            springfield,2019-Q1,referrals,male,,10
            springfield,2019-Q1,referrals,,sex,14
            springfield,2019-Q1,referrals,,labor,16
            springfield,2019-Q1,referrals,,both,0
            """)
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        let rows = try #require(site.file("data/referrals.csv")).split(separator: "\r\n").map(String.init)
        #expect(rows[1].hasPrefix("springfield,2019-Q1,,,30"))
        #expect(rows[2].hasPrefix("springfield,2019-Q1,sex,,14"), "trafficking_type is declared first")
        #expect(rows[5].hasPrefix("springfield,2019-Q1,,female,"))
    }

    @Test("a note beside a withheld value is not published")
    func notesOfWithheldValues() throws {
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
            springfield,2019-Q3,referrals,,7,,Three sisters referred by one employer
            springfield,2019-Q4,referrals,,40,,Two new investigators
            """)
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        let everything = site.outputFiles().values.map { String(decoding: $0, as: UTF8.self) }.joined()
        #expect(!everything.contains("Three sisters"))
        #expect(everything.contains("Two new investigators"))
    }

    @Test("column names are read without regard to case")
    func columnCase() throws {
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
            City,Period,Metric,Value
            springfield,2019-Q1,referrals,30
            """)
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
    }

    @Test("min_cell 1 would publish every count, and is refused; so is a bad --base-url")
    func unsafeSettings() throws {
        let site = try TestSite(txtar: """
            -- site.yml --
            title: Test City Progress
            base_url: https://example.org/test/
            languages: [en]
            privacy:
              min_cell: 1
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
            """)
        defer { site.cleanUp() }
        #expect(site.check().hasError("site.yml", containing: "'min_cell' must be at least 2"))
        let good = try TestSite(txtar: BuildTests.site)
        defer { good.cleanUp() }
        let outcome = Pipeline.build(Pipeline.Options(site: good.folder, baseURL: "javascript:alert(1)"))
        #expect(outcome.hasError("--base-url", containing: "must be a web address"))
    }
}

@Suite("Reports funders read")
struct ReportTests {
    @Test("a report lists what became due and what was completed in its quarter")
    func dueAndCompleted() throws {
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

              - id: spr-housing-beds
                system: housing
                title: Open twelve emergency beds
                status: done
                due: 2019-06-30
                completed: 2019-05-15
                metrics: [referrals]
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
        defer { site.cleanUp() }
        let outcome = site.build()
        #expect(outcome.succeeded, "\(outcome.lines)")
        let q2 = try #require(site.file("reports/2019-Q2/index.html"))
        #expect(q2.contains("Commitments completed this quarter"))
        #expect(!q2.contains("Commitments due this quarter"), "completed in the quarter it was due: listed once, as completed")
        #expect(q2.contains("Open twelve emergency beds"))
        let q1 = try #require(site.file("reports/2019-Q1/index.html"))
        #expect(!q1.contains("Open twelve emergency beds"))
        #expect(site.file("feed.xml")?.contains("Progress report, 2019-Q2") == true)
    }

    @Test("a count metric points at its per-resident rate")
    func perResident() throws {
        let site = try TestSite(txtar: BuildTests.site + """
            -- Metrics/referrals_rate.yml --
            id: referrals_rate
            title: Referrals per 100,000 residents
            system: labor
            type: rate
            numerator: referrals
            frequency: quarterly
            decimals: 1
            """)
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        #expect(site.file("metrics/referrals/index.html")?.contains("see Referrals per 100,000 residents") == true)
        // 30 referrals among 100,000 residents: 30.0 per 100,000.
        #expect(site.file("data/referrals_rate.csv")?.contains("springfield,2019-Q1,30,published") == true)
    }
}
