import ArgumentParser
import Foundation
import Testing
@testable import CitywideCommands
@testable import CitywideCore

/// The command line, run in-process: exit status and what it leaves on disk.
@Suite("The citywide command")
struct CommandTests {
    func makeSite(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citywide-cli-\(UUID().uuidString)")
        try SiteScaffold.createSite(at: folder)
        for (path, text) in files {
            try Data(text.utf8).write(to: folder.appendingPathComponent(path))
        }
        return folder
    }

    func run(_ arguments: [String]) -> Int32 {
        do {
            var command = try CitywideCommand.parseAsRoot(arguments)
            try command.run()
            return 0
        } catch {
            return CitywideCommand.exitCode(for: error).rawValue
        }
    }

    @Test("build succeeds on a new site and writes the output folder")
    func buildStarterSite() throws {
        let folder = try makeSite([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(run(["build", folder.path]) == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("_site/index.html").path))
    }

    @Test("check and build exit with status 1 on errors, and build writes nothing")
    func errorsExitOne() throws {
        let folder = try makeSite(["Data/bad.csv": "city,period,metric,value\nour-city,2024-Q7,survivors_identified,12\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(run(["check", folder.path]) == 1)
        #expect(run(["check", folder.path, "--format", "json"]) == 1)
        #expect(run(["build", folder.path]) == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("_site").path))
    }

    @Test("--output and --base-url")
    func outputAndBaseURL() throws {
        let folder = try makeSite([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("public")
        #expect(run(["build", folder.path, "--output", output.path, "--base-url", "https://city.example/plan"]) == 0)
        let sitemap = try String(contentsOf: output.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        #expect(sitemap.contains("<loc>https://city.example/plan/cities/our-city/</loc>"))
    }

    @Test("init's closing message says how to preview with serve, then build; its site.yml points at docs/formats.md")
    func initNextSteps() throws {
        #expect(InitCommand.nextSteps("my-city") == [
            "Next: run `citywide serve my-city` and open http://127.0.0.1:8000/ to see it; edit Blueprints/our-city.md and the page reloads.",
            "Then `citywide build my-city` writes the site to my-city/_site. Data/ holds raw counts: its .gitignore keeps it out of version control.",
        ])
        let siteYML = String(decoding: BuiltinSite.starter.first { $0.path == "site.yml" }?.bytes ?? [], as: UTF8.self)
        #expect(siteYML.hasPrefix("# Settings for the whole site. Every key is described in docs/formats.md"))
    }

    @Test("init refuses a folder that is not empty")
    func initRefusesExisting() throws {
        let folder = try makeSite([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(run(["init", folder.path]) == 1)
    }

    @Test("check --format json lists each diagnostic with its position")
    func checkJSON() throws {
        let outcome = Pipeline.Outcome(
            diagnostics: [Diagnostic(path: "Data/a.csv", line: 3, column: 7, message: "value 'x' is not a number")],
            published: nil, site: nil, filesWritten: 0
        )
        let json = CheckJSON.render(outcome)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(parsed?["errors"] as? Int == 1)
        let first = (parsed?["diagnostics"] as? [[String: Any]])?.first
        #expect(first?["line"] as? Int == 3)
        #expect(first?["message"] as? String == "value 'x' is not a number")
    }

    @Test("--version prints the version")
    func version() {
        #expect(CitywideCommand.configuration.version == CitywideVersion.string)
    }
}
