import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywidePublish
@testable import CitywideRender
@testable import CitywideWrite

@Suite("Writing output")
struct OutputWriterTests {
    @Test("paths that could escape the output folder are refused", arguments: ["../evil.html", "/etc/passwd", "a/../../b", "a//b", "", "a\\b", "./a",
                                                                                  "..", ".", "a/", "a/..", "a/./b", "a\u{0}b", "/"])
    func unsafePaths(path: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citywide-writer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = try OutputWriter(output: folder.appendingPathComponent("out"))
        #expect(throws: OutputWriter.Failure.self) { try writer.write(path, "x") }
        writer.discard()
    }

    @Test("names made of dots, or starting with one, are ordinary names", arguments: ["...", "a/.b", "a.b/c..d", "x/.../y.html"])
    func dottedNames(path: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citywide-writer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out")
        let writer = try OutputWriter(output: output)
        try writer.write(path, "x")
        try writer.commit()
        #expect(FileManager.default.contents(atPath: output.path + "/" + path) == Data("x".utf8))
    }

    @Test("nothing is visible at the output path until commit")
    func stagedUntilCommit() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citywide-writer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out")
        let writer = try OutputWriter(output: output)
        try writer.write("a/b.html", "hello")
        #expect(!FileManager.default.fileExists(atPath: output.path))
        try writer.commit()
        #expect(FileManager.default.contents(atPath: output.appendingPathComponent("a/b.html").path) == Data("hello".utf8))
        #expect(writer.filesWritten == 2, "the page and the marker file")
    }
}

@Suite("Rebuilding into an existing output")
struct ReuseTests {
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

    func inode(_ url: URL) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: url.path))?[.systemFileNumber] as? Int
    }

    @Test("unchanged pages are reused from the previous build, changed ones are new, and the result equals a fresh build")
    func reuse() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        let metricPage = site.output.appendingPathComponent("metrics/referrals/index.html")
        let cityPage = site.output.appendingPathComponent("cities/springfield/index.html")
        let metricInode = try #require(inode(metricPage))

        try site.write("Blueprints/springfield.md", """
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

            A new paragraph.

            """)
        #expect(site.build().succeeded)
        #expect(inode(metricPage) == metricInode, "an unchanged page is the same file, linked from the previous build")
        #expect(site.file("cities/springfield/index.html")?.contains("A new paragraph.") == true)
        _ = cityPage

        let fresh = site.folder.appendingPathComponent("fresh")
        site.build(output: fresh)
        #expect(site.outputFiles() == site.outputFiles(fresh))
    }

    @Test("a symlink left in the previous output is never linked into the new one")
    func symlinkNotReused() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        let page = site.output.appendingPathComponent("coverage/index.html")
        let copy = site.folder.appendingPathComponent("outside.html")
        try FileManager.default.copyItem(at: page, to: copy)
        try FileManager.default.removeItem(at: page)
        try FileManager.default.createSymbolicLink(at: page, withDestinationURL: copy)
        #expect(site.build().succeeded)
        let attributes = try FileManager.default.attributesOfItem(atPath: page.path)
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
    }
}
