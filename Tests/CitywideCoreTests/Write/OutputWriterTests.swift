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
    @Test("paths that could escape the output folder are refused", arguments: ["../evil.html", "/etc/passwd", "a/../../b", "a//b", "", "a\\b", "./a"])
    func unsafePaths(path: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citywide-writer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = try OutputWriter(output: folder.appendingPathComponent("out"))
        #expect(throws: OutputWriter.Failure.self) { try writer.write(path, "x") }
        writer.discard()
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
    func inode(_ url: URL) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: url.path))?[.systemFileNumber] as? Int
    }

    @Test("unchanged pages are reused from the previous build, changed ones are new, and the result equals a fresh build")
    func reuse() throws {
        let site = try TestSite(Fixtures.site())
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        let metricPage = site.output.appendingPathComponent("metrics/referrals/index.html")
        let cityPage = site.output.appendingPathComponent("cities/springfield/index.html")
        let metricInode = try #require(inode(metricPage))

        try site.write("Blueprints/springfield.md", Fixtures.blueprint(body: "# Springfield Blueprint\n\nA new paragraph.\n"))
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
        let site = try TestSite(Fixtures.site())
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
