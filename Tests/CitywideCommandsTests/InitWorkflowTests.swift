import ArgumentParser
import Foundation
import Testing
import Yams
@testable import CitywideCommands
@testable import CitywideCore

/// `citywide init --with-workflow`: a GitHub Actions workflow for a private
/// repository that installs the released binary, builds, and publishes `_site/`
/// only. GitHub cannot run here; the YAML, what it names, and its two guards
/// (public repository, no Data/) are tested as far as this machine allows.
@Suite("init --with-workflow")
struct InitWorkflowTests {
    func newFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("citywide-workflow-\(UUID().uuidString)")
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

    /// The workflow `init --with-workflow` wrote, parsed as YAML.
    func initWithWorkflow() throws -> (site: URL, workflow: [String: Any]) {
        let site = newFolder()
        #expect(run(["init", site.path, "--with-workflow"]) == 0)
        let text = try String(contentsOf: site.appendingPathComponent(".github/workflows/publish.yml"), encoding: .utf8)
        // As GitHub reads it (YAML 1.2): `on` is a key, not the YAML 1.1 boolean.
        let workflow = try #require(try Yams.load(yaml: text, Resolver.default.removing(.bool)) as? [String: Any])
        return (site, workflow)
    }

    func steps(_ workflow: [String: Any]) throws -> [[String: Any]] {
        let jobs = try #require(workflow["jobs"] as? [String: Any])
        let publish = try #require(jobs["publish"] as? [String: Any])
        return try #require(publish["steps"] as? [[String: Any]])
    }

    /// Runs one step's shell script as GitHub would (bash -e), in `folder`, with `env`.
    func runStep(_ step: [String: Any], in folder: URL, env: [String: String]) throws -> Int32 {
        let script = try #require(step["run"] as? String)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-e", "-c", script]
        process.currentDirectoryURL = folder
        process.environment = env.merging(["PATH": "/usr/bin:/bin"]) { mine, _ in mine }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test("the workflow is YAML that pins this version's release, builds, and publishes _site/ only")
    func workflowNamesReleaseBuildAndOutput() throws {
        let (site, workflow) = try initWithWorkflow()
        defer { try? FileManager.default.removeItem(at: site) }

        let triggers = try #require(workflow["on"] as? [String: Any])
        #expect(Set(triggers.keys) == ["push", "workflow_dispatch"])
        let env = try #require(workflow["env"] as? [String: Any])
        #expect(env["CITYWIDE_VERSION"] as? String == CitywideVersion.string)
        #expect(env["CITYWIDE_RELEASES"] as? String == CitywideVersion.releases)

        let steps = try steps(workflow)
        let scripts = steps.compactMap { $0["run"] as? String }
        let install = try #require(scripts.first { $0.contains("curl") })
        #expect(install.contains("citywide-$CITYWIDE_VERSION-linux-x86_64.tar.gz"))
        #expect(install.contains("$CITYWIDE_RELEASES/download/v$CITYWIDE_VERSION/$archive.sha256"))
        #expect(install.contains("sha256sum -c \"$archive.sha256\""))
        #expect(scripts.contains { $0.hasPrefix("citywide build . ") })

        let upload = try #require(steps.first { ($0["uses"] as? String)?.hasPrefix("actions/upload-pages-artifact@") == true })
        #expect((upload["with"] as? [String: Any])?["path"] as? String == "_site")
        #expect(steps.contains { ($0["uses"] as? String)?.hasPrefix("actions/deploy-pages@") == true })

        // The visibility guard runs before anything is checked out.
        let checkout = try #require(steps.firstIndex { ($0["uses"] as? String)?.hasPrefix("actions/checkout@") == true })
        let guardStep = try #require(steps.firstIndex { ($0["name"] as? String)?.contains("public repository") == true })
        #expect(guardStep < checkout)
        #expect(!WorkflowScaffold.text.contains("{{citywide_"))
    }

    @Test("the workflow stops in a public or internal repository, and runs in a private one")
    func refusesPublicRepository() throws {
        let (site, workflow) = try initWithWorkflow()
        defer { try? FileManager.default.removeItem(at: site) }
        let guardStep = try #require(try steps(workflow).first { ($0["name"] as? String)?.contains("public repository") == true })
        #expect(try runStep(guardStep, in: site, env: ["PRIVATE": "false", "VISIBILITY": "public"]) == 1)
        #expect(try runStep(guardStep, in: site, env: ["PRIVATE": "true", "VISIBILITY": "internal"]) == 1)
        #expect(try runStep(guardStep, in: site, env: [:]) == 1)
        #expect(try runStep(guardStep, in: site, env: ["PRIVATE": "true", "VISIBILITY": "private"]) == 0)
    }

    @Test("the workflow stops when the repository has no Data/")
    func refusesMissingData() throws {
        let (site, workflow) = try initWithWorkflow()
        defer { try? FileManager.default.removeItem(at: site) }
        let dataStep = try #require(try steps(workflow).first { ($0["name"] as? String)?.contains("Data/") == true })
        #expect(try runStep(dataStep, in: site, env: [:]) == 0)
        try FileManager.default.removeItem(at: site.appendingPathComponent("Data"))
        #expect(try runStep(dataStep, in: site, env: [:]) == 1)
    }

    @Test("init without --with-workflow writes no workflow")
    func noFlagNoWorkflow() throws {
        let site = newFolder()
        defer { try? FileManager.default.removeItem(at: site) }
        #expect(run(["init", site.path]) == 0)
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("site.yml").path))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent(".github").path))
    }
}
