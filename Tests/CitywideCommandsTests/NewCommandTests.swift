import ArgumentParser
import Foundation
import Testing
@testable import CitywideCommands
@testable import CitywideCore

/// `citywide new city` and `new metric`, run in-process (as `NewCommand`,
/// so the tests do not depend on the root command's list of subcommands).
@Suite("citywide new")
struct NewCommandTests {
    func makeSite() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citywide-new-\(UUID().uuidString)")
        try SiteScaffold.createSite(at: folder)
        return folder
    }

    func run(_ arguments: [String]) -> Int32 {
        do {
            var command = try NewCommand.parseAsRoot(arguments)
            try command.run()
            return 0
        } catch {
            return NewCommand.exitCode(for: error).rawValue
        }
    }

    func exists(_ site: URL, _ path: String) -> Bool {
        FileManager.default.fileExists(atPath: site.appendingPathComponent(path).path)
    }

    @Test("new city NAME --site DIR writes the blueprint, and check passes")
    func newCity() throws {
        let site = try makeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        #expect(run(["city", "St. Paul", "--site", site.path]) == 0)
        #expect(exists(site, "Blueprints/st-paul.md"))
        let outcome = Pipeline.check(site)
        #expect(outcome.succeeded)
        #expect(outcome.errorCount == 0)
    }

    @Test("new metric ID --site DIR writes the definition, and check passes")
    func newMetric() throws {
        let site = try makeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        #expect(run(["metric", "shelter_beds", "--site", site.path]) == 0)
        #expect(exists(site, "Metrics/shelter_beds.yml"))
        #expect(Pipeline.check(site).diagnostics.isEmpty)
    }

    @Test("the site defaults to the current folder")
    func defaultSite() throws {
        let site = try makeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(site.path)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        #expect(run(["city", "Duluth"]) == 0)
        #expect(run(["metric", "beds"]) == 0)
        #expect(exists(site, "Blueprints/duluth.md"))
        #expect(exists(site, "Metrics/beds.yml"))
    }

    @Test("an existing file, an invalid name or id, or a missing site folder: exit status 1, nothing written")
    func refusals() throws {
        let site = try makeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let blueprint = try Data(contentsOf: site.appendingPathComponent("Blueprints/our-city.md"))
        #expect(run(["city", "Our City", "--site", site.path]) == 1)
        #expect(try Data(contentsOf: site.appendingPathComponent("Blueprints/our-city.md")) == blueprint)
        #expect(run(["metric", "survivors_identified", "--site", site.path]) == 1)
        #expect(run(["city", "...", "--site", site.path]) == 1)
        #expect(run(["metric", "Shelter Beds", "--site", site.path]) == 1)
        #expect(run(["metric", "../escape", "--site", site.path]) == 1)
        #expect(!exists(site, "escape.yml"))
        #expect(run(["city", "Erie", "--site", site.appendingPathComponent("missing").path]) == 1)
        #expect(!exists(site, "missing"))
    }

    @Test("new city and new metric in a folder without site.yml are refused, and write nothing")
    func outsideASite() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citywide-not-a-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(run(["city", "Erie", "--site", folder.path]) == 1)
        #expect(run(["metric", "shelter_beds", "--site", folder.path]) == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        #expect(ScaffoldFailure.noSite(folder.path).description
            == "\(folder.path) is not a site folder: it has no site.yml. Run this in a site folder or name one with --site DIR (create a site with: citywide init DIR)")
    }

    @Test("the command is named new, with subcommands city and metric")
    func names() {
        #expect(NewCommand.configuration.commandName == "new")
        #expect(NewCommand.configuration.subcommands.map { $0.configuration.commandName } == ["city", "metric"])
    }
}
