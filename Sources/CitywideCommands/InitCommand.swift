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

    func run() throws {
        var stderr = StandardError()
        do {
            let written = try SiteScaffold.createSite(at: URL(fileURLWithPath: directory))
            var stdout = StandardOutput()
            print("Created a new site in \(directory) (\(written.count) files).", to: &stdout)
            for line in Self.nextSteps(directory) { print(line, to: &stdout) }
        } catch {
            print("error: \(error)", to: &stderr)
            throw ExitCode(1)
        }
    }
}
