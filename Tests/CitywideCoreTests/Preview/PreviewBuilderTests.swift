import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywidePublish
@testable import CitywideRender
@testable import CitywideWrite

/// `serve`'s builder: a narrative edit re-renders only that city's pages,
/// and the result is exactly what a full build of the same input gives.
@Suite("Preview rebuilds")
struct PreviewBuilderTests {
    /// Springfield and Shelbyville, in English and Spanish.
    static let site = """
        -- site.yml --
        title: Test City Progress
        base_url: https://example.org/test/
        languages: [en, es]
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
        -- Blueprints/shelbyville.md --
        ---
        city: Shelbyville
        state: IL
        population: 100000
        fellow: Senior fellow
        adopted: 2019-01-15
        updated: 2020-02-01
        commitments:
          - id: shel-housing
            system: housing
            title: House survivors
            status: planned
        ---
        # Shelbyville Blueprint

        Our plan.
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

    /// Springfield's blueprint as the live edits below rewrite it: the front
    /// matter of `site` (with its city name), then a new body.
    static func springfield(city: String = "Springfield", body: String) -> String {
        """
        ---
        city: \(city)
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

        """ + body
    }

    @Test("a narrative edit re-renders only that city's pages, in every language, and matches a full build")
    func narrativeEdit() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        let builder = PreviewBuilder(folder: site.folder, bodyEnd: nil)
        let first = builder.build()
        #expect(first.files != nil && !first.incremental)

        try site.write("Blueprints/springfield.md", Self.springfield(body: "# Springfield Blueprint\n\nWe will act **now**: {{< value referrals >}}.\n"))
        let second = builder.build()
        #expect(second.incremental)
        #expect(second.pagesRendered == 2, "the city page in English and in Spanish")
        let files = try #require(second.files).all()
        #expect(String(decoding: files["cities/springfield/index.html"] ?? Data(), as: UTF8.self).contains("<strong>now</strong>"))

        // The same input, built from scratch, gives the same files.
        let full = PreviewBuilder(folder: site.folder, bodyEnd: nil).build()
        #expect(full.files?.all() == files)
    }

    @Test("a narrative edit that shows another image builds everything, so the image is copied (and a dropped one is not kept)")
    func narrativeImage() throws {
        let site = try TestSite(txtar: Self.site)
        try site.write("Blueprints/images/board.png", "PNG")
        defer { site.cleanUp() }
        let builder = PreviewBuilder(folder: site.folder, bodyEnd: nil)
        #expect(builder.build().files?.data("media/Blueprints/images/board.png") == nil)

        try site.write("Blueprints/springfield.md", Self.springfield(body: "# Springfield Blueprint\n\n![The advisory board](images/board.png)\n"))
        let shown = builder.build()
        #expect(!shown.incremental)
        #expect(shown.files?.data("media/Blueprints/images/board.png") == Data("PNG".utf8))

        try site.write("Blueprints/springfield.md", Self.springfield(body: "# Springfield Blueprint\n\nNo picture.\n"))
        let dropped = builder.build()
        #expect(!dropped.incremental)
        #expect(dropped.files?.data("media/Blueprints/images/board.png") == nil)
    }

    @Test("a narrative edit is read as build reads it: invalid UTF-8 is an error with its position, and the last good files stay")
    func narrativeInvalidUTF8() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        let builder = PreviewBuilder(folder: site.folder, bodyEnd: nil)
        #expect(builder.build().files != nil)
        var bytes = Array(Self.springfield(body: "# Springfield Blueprint\n\nCaf").utf8)
        bytes += [0xE9] + Array("\n".utf8)
        try Data(bytes).write(to: site.folder.appendingPathComponent("Blueprints/springfield.md"))
        let result = builder.build()
        #expect(result.files == nil, "nothing new is served")
        #expect(result.outcome.diagnostics.contains { $0.severity == .error && $0.path == "Blueprints/springfield.md" && $0.message.contains("not valid UTF-8") },
                "\(result.outcome.diagnostics.map(\.formatted))")
        #expect(Pipeline.check(site.folder).diagnostics.contains { $0.message.contains("not valid UTF-8") }, "build and check say the same")
    }

    @Test("a front matter edit rebuilds everything")
    func frontMatterEdit() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        let builder = PreviewBuilder(folder: site.folder, bodyEnd: nil)
        _ = builder.build()
        try site.write("Blueprints/springfield.md", Self.springfield(city: "Springfield Township", body: "# Springfield Blueprint\n\nWe will act.\n"))
        let result = builder.build()
        #expect(!result.incremental)
        let home = String(decoding: result.files?.data("index.html") ?? Data(), as: UTF8.self)
        #expect(home.contains("Springfield Township"))
    }

    @Test("a broken narrative keeps the last good files; fixing it builds again")
    func brokenThenFixed() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        let builder = PreviewBuilder(folder: site.folder, bodyEnd: nil)
        let good = try #require(builder.build().files).all()
        try site.write("Blueprints/springfield.md", Self.springfield(body: "# Springfield Blueprint\n\n{{< value arrests >}}\n"))
        let broken = builder.build()
        #expect(broken.files == nil)
        #expect(broken.outcome.hasError("Blueprints/springfield.md", line: 20, containing: "unknown metric 'arrests'"))
        try site.write("Blueprints/springfield.md", Self.springfield(body: "# Springfield Blueprint\n\nFixed.\n"))
        let fixed = builder.build()
        #expect(fixed.incremental)
        #expect(fixed.files?.data("index.html") == good["index.html"])
        let city = String(decoding: fixed.files?.data("cities/springfield/index.html") ?? Data(), as: UTF8.self)
        #expect(city.contains("Fixed."))
    }
}

/// What the preview serves after each kind of edit is exactly what `build`
/// would publish: no figure a fresh build withholds, no stale page.
@Suite("Preview equals build")
struct PreviewEqualsBuildTests {
    /// A fresh `citywide build` of the folder as it is now, path → bytes.
    /// Its privacy ledger is removed again, so the preview and the next
    /// build start from the same (empty) ledger.
    static func freshBuild(_ site: TestSite) throws -> (files: [String: Data], diagnostics: [Diagnostic]) {
        let outcome = site.build()
        #expect(outcome.succeeded, "\(outcome.lines)")
        try? FileManager.default.removeItem(at: site.folder.appendingPathComponent(".citywide"))
        return (site.outputFiles(), outcome.diagnostics)
    }

    /// Every file served, made now, against a fresh build: the same paths,
    /// the same bytes, the same diagnostics.
    static func expectSame(_ served: PreviewBuilder.Result, _ site: TestSite, _ kind: String) throws {
        let files = try #require(served.files, "\(kind): \(served.outcome.lines)").all()
        var (built, diagnostics) = try freshBuild(site)
        // The writer's mark on a folder it owns: no file of the site.
        built[OutputWriter.markerName] = nil
        #expect(Set(files.keys).symmetricDifference(built.keys).isEmpty, "\(kind)")
        let differing = files.keys.filter { files[$0] != built[$0] }.sorted()
        #expect(differing.isEmpty, "\(kind): \(differing)")
        #expect(served.outcome.diagnostics == diagnostics, "\(kind)")
    }

    @Test("after a narrative, front matter, metric, data, template or site.yml edit, every served file equals a fresh build's")
    func everyKindOfEdit() throws {
        let site = try TestSite(txtar: PreviewBuilderTests.site)
        defer { site.cleanUp() }
        // Springfield's second quarter has a count of 5 by labor: withheld,
        // and so is a complement (the total or another part).
        try site.write("Data/referrals.csv", """
            city,period,metric,trafficking_type,value,status,note
            springfield,2019-Q1,referrals,,30,,
            springfield,2019-Q1,referrals,sex,12,,
            springfield,2019-Q1,referrals,labor,18,,
            springfield,2019-Q2,referrals,,35,,
            springfield,2019-Q2,referrals,sex,30,,
            springfield,2019-Q2,referrals,labor,5,,
            shelbyville,2019-Q1,referrals,,14,,

            """)
        let builder = PreviewBuilder(folder: site.folder, bodyEnd: nil)
        try Self.expectSame(builder.build(), site, "the first build")

        let edits: [(kind: String, path: String, text: String)] = [
            ("narrative", "Blueprints/springfield.md", PreviewBuilderTests.springfield(body: "# Springfield Blueprint\n\nNow {{< value referrals >}}.\n\n{{< chart referrals >}}\n")),
            ("front matter", "Blueprints/springfield.md", PreviewBuilderTests.springfield(city: "Springfield Township", body: "# Springfield Blueprint\n\nNow {{< value referrals >}}.\n")),
            ("metric", "Metrics/referrals.yml", """
                id: referrals
                title: Referrals to victim services
                description: Referrals to victim services.
                system: labor
                type: count
                unit: referrals
                decimals: 0
                direction: up
                frequency: quarterly
                dimensions:
                  trafficking_type: [sex, labor, both]

                """),
            ("data", "Data/referrals.csv", """
                city,period,metric,trafficking_type,value,status,note
                springfield,2019-Q1,referrals,,30,,
                springfield,2019-Q1,referrals,sex,12,,
                springfield,2019-Q1,referrals,labor,18,,
                springfield,2019-Q2,referrals,,36,,
                springfield,2019-Q2,referrals,sex,30,,
                springfield,2019-Q2,referrals,labor,6,,
                shelbyville,2019-Q1,referrals,,14,,
                shelbyville,2019-Q2,referrals,,3,,

                """),
            // A fork naming a variable no page provides: the same warning as `build`'s.
            ("template", "Templates/commitment.mustache", "<li class=\"commitment\">{{title}} {{titel}}</li>\n"),
            ("site.yml", "site.yml", """
                title: Test City Progress, Edited
                base_url: https://example.org/test/
                languages: [en, es]
                privacy:
                  min_cell: 11
                  min_rate_numerator: 20
                data_status: synthetic

                """),
        ]
        for edit in edits {
            try site.write(edit.path, edit.text)
            try Self.expectSame(builder.build(), site, edit.kind)
        }
        #expect(builder.build().outcome.diagnostics.contains { $0.message.contains("'{{titel}}' is not a variable any page provides") })
    }
}

/// Data edits in `serve`: unchanged data files are not read again and
/// unchanged metrics not checked again, yet every build serves what a fresh
/// `build` of the same files publishes, withheld figures included.
@Suite("Preview after data edits")
struct PreviewDataEditTests {
    /// Springfield and Shelbyville; referrals by trafficking type in one
    /// file, arrests (no breakdown) in another.
    static let site = """
        -- site.yml --
        title: Test City Progress
        base_url: https://example.org/test/
        privacy:
          min_cell: 11
        data_status: synthetic
        -- Blueprints/springfield.md --
        ---
        city: Springfield
        state: IL
        population: 100000
        fellow: Senior fellow
        commitments: []
        ---
        # Springfield Blueprint

        Referrals: {{< value referrals >}}.
        -- Blueprints/shelbyville.md --
        ---
        city: Shelbyville
        state: IL
        population: 80000
        fellow: Senior fellow
        commitments: []
        ---
        # Shelbyville Blueprint
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
          trafficking_type: [sex, labor]
        -- Metrics/arrests.yml --
        id: arrests
        title: Arrests
        description: Arrests for trafficking.
        system: justice
        type: count
        unit: arrests
        decimals: 0
        direction: up
        frequency: quarterly
        -- Data/referrals.csv --
        city,period,metric,trafficking_type,value,status,note
        springfield,2019-Q1,referrals,,30,,
        springfield,2019-Q1,referrals,sex,12,,
        springfield,2019-Q1,referrals,labor,18,,
        springfield,2019-Q2,referrals,sex,25,,
        springfield,2019-Q2,referrals,labor,15,,
        shelbyville,2019-Q1,referrals,,40,,
        shelbyville,2019-Q1,referrals,sex,22,,
        shelbyville,2019-Q1,referrals,labor,18,,
        -- Data/arrests.csv --
        city,period,metric,value
        springfield,2019-Q1,arrests,14
        springfield,2019-Q2,arrests,16
        shelbyville,2019-Q1,arrests,20
        """

    /// The referrals file with `rows` after its header.
    static func referrals(_ rows: String) -> String {
        "city,period,metric,trafficking_type,value,status,note\n" + rows
    }

    @Test("a value changed, a row added, a value made withheld, a file added and deleted, an edit undone: each build equals a fresh one")
    func sequenceOfDataEdits() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        let builder = PreviewBuilder(folder: site.folder, bodyEnd: nil)
        try PreviewEqualsBuildTests.expectSame(builder.build(), site, "the first build")
        let original = try String(contentsOf: site.folder.appendingPathComponent("Data/referrals.csv"), encoding: .utf8)

        let edits: [(kind: String, path: String, text: String?)] = [
            ("a value changed", "Data/arrests.csv", "city,period,metric,value\nspringfield,2019-Q1,arrests,15\nspringfield,2019-Q2,arrests,16\nshelbyville,2019-Q1,arrests,20\n"),
            ("a row added", "Data/arrests.csv", "city,period,metric,value\nspringfield,2019-Q1,arrests,15\nspringfield,2019-Q2,arrests,16\nshelbyville,2019-Q1,arrests,20\nshelbyville,2019-Q2,arrests,31\n"),
            // Springfield's labor referrals of 2019-Q1 become 5: withheld, with a complement.
            ("a value made withheld", "Data/referrals.csv", Self.referrals("""
                springfield,2019-Q1,referrals,,30,,
                springfield,2019-Q1,referrals,sex,25,,
                springfield,2019-Q1,referrals,labor,5,,
                springfield,2019-Q2,referrals,sex,25,,
                springfield,2019-Q2,referrals,labor,15,,
                shelbyville,2019-Q1,referrals,,40,,
                shelbyville,2019-Q1,referrals,sex,22,,
                shelbyville,2019-Q1,referrals,labor,18,,

                """)),
            // Sorted before the others: every other file's position moves.
            ("a file added", "Data/0-more-arrests.csv", "city,period,metric,value\nspringfield,2019-Q3,arrests,12\n"),
            ("a problem in one file", "Data/0-more-arrests.csv", "city,period,metric,value\nspringfield,2019-Q3,arrests,12,\n"),
            ("the problem fixed", "Data/0-more-arrests.csv", "city,period,metric,value\nspringfield,2019-Q3,arrests,12\n"),
            ("a file deleted", "Data/0-more-arrests.csv", nil),
            ("an edit undone", "Data/referrals.csv", original),
        ]
        for edit in edits {
            if let text = edit.text { try site.write(edit.path, text) } else { try site.remove(edit.path) }
            let served = builder.build()
            if edit.kind == "a problem in one file" {
                #expect(served.files == nil)
                #expect(served.outcome.diagnostics.contains { $0.severity == .error && $0.path == edit.path && $0.line == 2 }, "\(served.outcome.lines)")
                #expect(served.outcome.diagnostics == Pipeline.check(site.folder).diagnostics, "the same problems as check")
                continue
            }
            try PreviewEqualsBuildTests.expectSame(served, site, edit.kind)
            if edit.kind == "a value made withheld" {
                let referrals = try #require(served.outcome.published?.metrics.first { $0.definition.id == "referrals" })
                let withheld = referrals.figures.filter { $0.value == .withheld }
                #expect(withheld.count >= 2, "the count of 5 and a complement: \(withheld)")
            }
        }
        #expect(builder.memo.dataFiles.reused >= 8, "an unchanged file is not read again: \(builder.memo.dataFiles.reused)")
        #expect(builder.memo.integrity.reused >= 2, "an unchanged metric is not checked again: \(builder.memo.integrity.reused)")
    }

    @Test("with a privacy ledger: the preview applies the ledger a fresh build reads, and reads it again when it changes")
    func withLedger() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        let ledgerURL = site.folder.appendingPathComponent(Ledger.path)
        #expect(site.build().succeeded)
        let first = try Data(contentsOf: ledgerURL)
        let builder = PreviewBuilder(folder: site.folder, bodyEnd: nil)

        /// The preview against a fresh build of the same files and ledger;
        /// the build writes a new ledger: `kept` is put back in its place (nil: the new one stays). Returns the new one.
        func expectSameAsBuild(_ kind: String, keepingLedger kept: Data?) throws -> Data {
            let served = try #require(builder.build().files, "\(kind)").all()
            #expect(site.build().succeeded)
            var built = site.outputFiles()
            built[OutputWriter.markerName] = nil
            #expect(served == built, "\(kind): \(Set(served.keys).symmetricDifference(built.keys)) \(served.keys.filter { served[$0] != built[$0] }.sorted())")
            let written = try Data(contentsOf: ledgerURL)
            if let kept { try kept.write(to: ledgerURL) }
            return written
        }
        _ = try expectSameAsBuild("the first preview", keepingLedger: first)
        // Springfield's labor referrals of 2019-Q1 become 5: withheld, with a complement.
        try site.write("Data/referrals.csv", Self.referrals("""
            springfield,2019-Q1,referrals,,30,,
            springfield,2019-Q1,referrals,sex,25,,
            springfield,2019-Q1,referrals,labor,5,,
            springfield,2019-Q2,referrals,sex,25,,
            springfield,2019-Q2,referrals,labor,15,,
            shelbyville,2019-Q1,referrals,,40,,
            shelbyville,2019-Q1,referrals,sex,22,,
            shelbyville,2019-Q1,referrals,labor,18,,

            """))
        let second = try expectSameAsBuild("a value made withheld, the first ledger kept", keepingLedger: first)
        #expect(second != first, "the build released new cells")
        // A new release: the ledger that build wrote, which the next preview must read.
        try second.write(to: ledgerURL)
        try site.write("Data/arrests.csv", "city,period,metric,value\nspringfield,2019-Q1,arrests,15\nspringfield,2019-Q2,arrests,16\nshelbyville,2019-Q1,arrests,20\n")
        _ = try expectSameAsBuild("the ledger of the last release", keepingLedger: nil)
    }

    @Test("an unchanged data file is not read again after a front matter or metric title edit, and its warnings stay")
    func frontMatterKeepsData() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        // A total left out: derived, with a warning (validate), and a note
        // naming a small number (load).
        try site.write("Data/referrals.csv", Self.referrals("""
            springfield,2019-Q1,referrals,sex,12,,
            springfield,2019-Q1,referrals,labor,18,,about 3 of them came twice

            """))
        let builder = PreviewBuilder(folder: site.folder, bodyEnd: nil)
        let first = builder.build()
        #expect(first.outcome.diagnostics.contains { $0.path == "Data/referrals.csv" && $0.message.contains("computed from its breakdown") })
        #expect(first.outcome.diagnostics.contains { $0.path == "Data/referrals.csv" && $0.message.contains("the number '3'") })
        try site.write("Blueprints/shelbyville.md", """
            ---
            city: Shelbyville
            state: IL
            population: 80000
            fellow: Junior fellow
            commitments: []
            ---
            # Shelbyville Blueprint

            """)
        let second = builder.build()
        try PreviewEqualsBuildTests.expectSame(second, site, "front matter")
        #expect(builder.memo.dataFiles.reused == 2)
        #expect(builder.memo.integrity.reused == 1, "referrals; arrests has no breakdown to check")
        #expect(second.outcome.diagnostics == first.outcome.diagnostics)

        // A metric's new title: the rows read the same, so the files are not read again.
        try site.write("Metrics/arrests.yml", """
            id: arrests
            title: Arrests for human trafficking
            description: Arrests for trafficking.
            system: justice
            type: count
            unit: arrests
            decimals: 0
            direction: up
            frequency: quarterly

            """)
        let third = builder.build()
        try PreviewEqualsBuildTests.expectSame(third, site, "metric title")
        #expect(builder.memo.dataFiles.reused == 4)
        let page = String(decoding: third.files?.data("metrics/arrests/index.html") ?? Data(), as: UTF8.self)
        #expect(page.contains("Arrests for human trafficking"))
    }
}
