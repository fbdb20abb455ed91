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
    static func files() -> [String: String] {
        var files = Fixtures.site([
            "site.yml": Fixtures.siteYML.replacingOccurrences(of: "languages: [en]", with: "languages: [en, es]"),
            "Blueprints/shelbyville.md": Fixtures.blueprint(city: "Shelbyville", commitments: """
              - id: shel-housing
                system: housing
                title: House survivors
                status: planned
            """, body: "# Shelbyville Blueprint\n\nOur plan.\n"),
        ])
        files["Data/referrals.csv"] = Fixtures.data
        return files
    }

    @Test("a narrative edit re-renders only that city's pages, in every language, and matches a full build")
    func narrativeEdit() throws {
        let site = try TestSite(Self.files())
        defer { site.cleanUp() }
        let builder = PreviewBuilder(folder: site.folder, bodyEnd: nil)
        let first = builder.build()
        #expect(first.files != nil && !first.incremental)

        try site.write("Blueprints/springfield.md", Fixtures.blueprint(body: "# Springfield Blueprint\n\nWe will act **now**: {{< value referrals >}}.\n"))
        let second = builder.build()
        #expect(second.incremental)
        #expect(second.pagesRendered == 2, "the city page in English and in Spanish")
        let files = try #require(second.files)
        #expect(String(decoding: files["cities/springfield/index.html"] ?? Data(), as: UTF8.self).contains("<strong>now</strong>"))

        // The same input, built from scratch, gives the same files.
        let full = PreviewBuilder(folder: site.folder, bodyEnd: nil).build()
        #expect(full.files == files)
    }

    @Test("a narrative edit that shows another image builds everything, so the image is copied (and a dropped one is not kept)")
    func narrativeImage() throws {
        var files = Self.files()
        files["Blueprints/images/board.png"] = "PNG"
        let site = try TestSite(files)
        defer { site.cleanUp() }
        let builder = PreviewBuilder(folder: site.folder, bodyEnd: nil)
        #expect(builder.build().files?["media/Blueprints/images/board.png"] == nil)

        try site.write("Blueprints/springfield.md", Fixtures.blueprint(body: "# Springfield Blueprint\n\n![The advisory board](images/board.png)\n"))
        let shown = builder.build()
        #expect(!shown.incremental)
        #expect(shown.files?["media/Blueprints/images/board.png"] == Data("PNG".utf8))

        try site.write("Blueprints/springfield.md", Fixtures.blueprint(body: "# Springfield Blueprint\n\nNo picture.\n"))
        let dropped = builder.build()
        #expect(!dropped.incremental)
        #expect(dropped.files?["media/Blueprints/images/board.png"] == nil)
    }

    @Test("a narrative edit is read as build reads it: invalid UTF-8 is an error with its position, and the last good files stay")
    func narrativeInvalidUTF8() throws {
        let site = try TestSite(Self.files())
        defer { site.cleanUp() }
        let builder = PreviewBuilder(folder: site.folder, bodyEnd: nil)
        #expect(builder.build().files != nil)
        var bytes = Array(Fixtures.blueprint(body: "# Springfield Blueprint\n\nCaf").utf8)
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
        let site = try TestSite(Self.files())
        defer { site.cleanUp() }
        let builder = PreviewBuilder(folder: site.folder, bodyEnd: nil)
        _ = builder.build()
        try site.write("Blueprints/springfield.md", Fixtures.blueprint(city: "Springfield Township"))
        let result = builder.build()
        #expect(!result.incremental)
        let home = String(decoding: result.files?["index.html"] ?? Data(), as: UTF8.self)
        #expect(home.contains("Springfield Township"))
    }

    @Test("a broken narrative keeps the last good files; fixing it builds again")
    func brokenThenFixed() throws {
        let site = try TestSite(Self.files())
        defer { site.cleanUp() }
        let builder = PreviewBuilder(folder: site.folder, bodyEnd: nil)
        let good = try #require(builder.build().files)
        try site.write("Blueprints/springfield.md", Fixtures.blueprint(body: "# Springfield Blueprint\n\n{{< value arrests >}}\n"))
        let broken = builder.build()
        #expect(broken.files == nil)
        #expect(broken.outcome.hasError("Blueprints/springfield.md", line: 20, containing: "unknown metric 'arrests'"))
        try site.write("Blueprints/springfield.md", Fixtures.blueprint(body: "# Springfield Blueprint\n\nFixed.\n"))
        let fixed = builder.build()
        #expect(fixed.incremental)
        #expect(fixed.files?["index.html"] == good["index.html"])
        let city = String(decoding: fixed.files?["cities/springfield/index.html"] ?? Data(), as: UTF8.self)
        #expect(city.contains("Fixed."))
    }
}
