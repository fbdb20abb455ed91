import ArgumentParser
import CitywideCore
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new site: site.yml, a sample blueprint, metrics, data, and the templates to edit."
    )

    @Argument(help: "The folder to create (must not exist, or be empty).", completion: .directory)
    var directory: String

    /// What to do after `init`: preview first, then build.
    static func nextSteps(_ directory: String) -> [String] {
        [
            "Next: run `citywide serve \(directory)` and open http://127.0.0.1:8000/ to see it; edit Blueprints/our-city.md and the page reloads.",
            "Then `citywide build \(directory)` writes the site to \((directory as NSString).appendingPathComponent("_site")). Data/ holds raw counts: its .gitignore keeps it out of version control.",
        ]
    }

    @Flag(name: .customLong("with-workflow"), help: "Also write .github/workflows/publish.yml: builds with the released citywide and publishes _site/ on GitHub Pages, from a private repository only.")
    var withWorkflow = false

    func run() throws {
        var stderr = StandardError()
        do {
            let folder = URL(fileURLWithPath: directory)
            var written = try SiteScaffold.createSite(at: folder)
            if withWorkflow { written.append(try WorkflowScaffold.create(in: folder)) }
            var stdout = StandardOutput()
            print("Created a new site in \(directory) (\(written.count) files).", to: &stdout)
            for line in Self.nextSteps(directory) { print(line, to: &stdout) }
            if withWorkflow {
                print("Wrote \(WorkflowScaffold.path): for a private repository only; see docs/publishing.md.", to: &stdout)
            }
        } catch {
            print("error: \(error)", to: &stderr)
            throw ExitCode(1)
        }
    }
}
