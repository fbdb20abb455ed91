import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideInput

/// A narrative's local links are checked with `stat` and `lstat`, and links
/// resolved only when one is on the way (docs/performance.md): a symbolic
/// link out of the site is still refused, one inside it still accepted, and
/// a percent-encoded name still decoded.
@Suite("Local links in narratives")
struct LocalLinkTests {
    @Test("a link through a symbolic link out of the site is refused; through one inside the site, or percent-encoded, it is kept")
    func linksThroughSymbolicLinks() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("citywide-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        try Data("PNG".utf8).write(to: outside.appendingPathComponent("secret.png"))
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
}
