import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideInput

/// A narrative's local links are answered from the loader's listing, or
/// checked with `stat` and `lstat`, resolving links only when one is on the
/// way (docs/performance.md): a symbolic link out of the site is still
/// refused, one inside it still accepted, and a percent-encoded name still
/// decoded.
@Suite("Local links in narratives")
struct LocalLinkTests {
    /// A folder outside any site, holding one file, for a symbolic link to lead to.
    static func folderOutside(holding name: String, _ contents: String) throws -> URL {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("citywide-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: outside.appendingPathComponent(name))
        return outside
    }

    @Test("a link through a symbolic link out of the site is refused; through one inside the site, or percent-encoded, it is kept")
    func linksThroughSymbolicLinks() throws {
        let outside = try Self.folderOutside(holding: "secret.png", "PNG")
        defer { try? FileManager.default.removeItem(at: outside) }
        let site = try TestSite(txtar: NarrativeTests.site() + """
            -- Blueprints/springfield.md --
            ---
            city: Springfield
            commitments:
              - id: spr-labor
                system: labor
                title: Screen wage-theft cases
                status: planned
                metrics: [referrals]
            ---
            # Springfield Blueprint

            ![Secret](away/secret.png) ![Board](near/board.png)
            ![Team](team%20photo.png) [Plan](images)
            -- Blueprints/images/board.png --
            PNG
            -- Blueprints/team photo.png --
            PNG
            """)
        defer { site.cleanUp() }
        try FileManager.default.createSymbolicLink(atPath: site.folder.appendingPathComponent("Blueprints/away").path, withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: site.folder.appendingPathComponent("Blueprints/near").path, withDestinationPath: "images")
        let outcome = site.check()
        let path = "Blueprints/springfield.md"
        #expect(outcome.lines.filter { $0.hasPrefix(path) } == [
            "\(path):12:1: error: image 'away/secret.png' leads out of the site folder through a symbolic link; only files of the site are published",
            "\(path):13:27: error: link 'images' is a folder, not a file",
        ], "\(outcome.lines)")
        let links = outcome.site?.blueprints.first?.links ?? [:]
        #expect(links["near/board.png"] == .media(sitePath: "Blueprints/near/board.png"))
        #expect(links["team%20photo.png"] == .media(sitePath: "Blueprints/team photo.png"))
    }

    @Test("a file the loader listed is answered from the listing; any other is looked at on disk")
    func listedFiles() {
        // No site on disk: only the listing can say the first two exist.
        let resolver = LocalLinkResolver(folder: URL(fileURLWithPath: "/nonexistent-citywide-site"), blueprintPath: "Blueprints/springfield.md",
                                         listedFiles: ["Blueprints/shelbyville.md", "Blueprints/images/board.png", "Blueprints/notes.txt"])
        #expect(resolver.resolve("shelbyville.md#housing", isImage: false) == .link(.city(slug: "shelbyville", language: nil, fragment: "housing")))
        #expect(resolver.resolve("images/board.png", isImage: true) == .link(.media(sitePath: "Blueprints/images/board.png")))
        #expect(resolver.resolve("notes.txt", isImage: true) == .refused("'notes.txt' is not an image: an image is a png, jpg, jpeg, gif, svg, webp or avif file"))
        #expect(resolver.resolve("capital-city.md", isImage: false) == .refused("'capital-city.md' not found: there is no file Blueprints/capital-city.md"))
        // The checks that need no file system still apply to a listed file.
        #expect(resolver.resolve("notes.txt", isImage: false) == .refused("'notes.txt' is not published: a narrative links to other blueprints (.md) and shows images (png, jpg, jpeg, gif, svg, webp or avif); put other documents on the web and link to their address"))
    }

    @Test("a blueprint that is a symbolic link is not listed, so a link to it is still followed and refused")
    func linkedBlueprintIsNotListed() throws {
        let outside = try Self.folderOutside(holding: "secret.md", "# Secret\n")
        defer { try? FileManager.default.removeItem(at: outside) }
        let site = try TestSite(txtar: NarrativeTests.site() + """
            -- Blueprints/springfield.md --
            ---
            city: Springfield
            commitments:
              - id: spr-labor
                system: labor
                title: Screen wage-theft cases
                status: planned
                metrics: [referrals]
            ---
            # Springfield Blueprint

            See [the other plan](shelbyville.md).
            """)
        defer { site.cleanUp() }
        try FileManager.default.createSymbolicLink(atPath: site.folder.appendingPathComponent("Blueprints/shelbyville.md").path,
                                                   withDestinationPath: outside.appendingPathComponent("secret.md").path)
        let lines = site.check().lines
        #expect(lines.contains("Blueprints/springfield.md:12:5: error: link 'shelbyville.md' leads out of the site folder through a symbolic link; only files of the site are published"), "\(lines)")
    }

    @Test("an ASCII name's extension read from its bytes is NSString's", arguments: [
        "board.png", "Board.PNG", "a..png", "a.", ".png", "plan", "a b.svg", "x.tar.gz", "x.png ", "x. md", "...", "a.b.",
    ])
    func pathExtension(name: String) {
        #expect(LocalLinkResolver.pathExtension(name) == (name as NSString).pathExtension.lowercased())
    }
}
