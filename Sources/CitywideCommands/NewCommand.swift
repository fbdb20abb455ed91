import ArgumentParser
import CitywideCore
import Foundation

/// `citywide new city NAME` and `citywide new metric ID`: files to fill in.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new blueprint or metric definition to fill in.",
        discussion: "Neither replaces a file that exists. The file written passes `citywide check` as it is.",
        subcommands: [NewCityCommand.self, NewMetricCommand.self]
    )
}

struct NewCityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "city",
        abstract: "Write Blueprints/<slug>.md: front matter, one commitment per city system, and a guide to the text.",
        discussion: "The slug is the name in lowercase, with spaces as -, and only a-z, 0-9, - and _: \"St. Paul\" gives Blueprints/st-paul.md."
    )

    @Argument(help: "The city's name, e.g. \"St. Paul\".")
    var name: String

    @Option(help: "The site folder.", completion: .directory)
    var site: String = "."

    func run() throws {
        try NewCommand.write(site: site) { url in
            try BlueprintScaffold.create(city: name, in: url)
        } next: { path in
            "Next: fill in \(path) (the city's details, and a title, status and due date for each commitment), then run: citywide check \(site)"
        }
    }
}

struct NewMetricCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metric",
        abstract: "Write Metrics/<id>.yml: every key of a metric definition, each with a comment saying what it takes."
    )

    @Argument(help: "The metric id: lowercase letters, digits, - and _, e.g. labor_trafficking_referrals.")
    var id: String

    @Option(help: "The site folder.", completion: .directory)
    var site: String = "."

    func run() throws {
        try NewCommand.write(site: site) { url in
            try MetricScaffold.create(id: id, in: url)
        } next: { path in
            "Next: fill in \(path), add its rows to a file in Data/, then run: citywide check \(site)"
        }
    }
}

extension NewCommand {
    /// Runs a scaffold; a refusal is `error: ...` on standard error and exit status 1.
    static func write(site: String, _ create: (URL) throws -> String, next: (String) -> String) throws {
        do {
            let path = try create(URL(fileURLWithPath: site))
            var stdout = StandardOutput()
            print("Wrote \((site as NSString).appendingPathComponent(path)).", to: &stdout)
            print(next(path), to: &stdout)
        } catch {
            var stderr = StandardError()
            print("error: \(error)", to: &stderr)
            throw ExitCode(1)
        }
    }
}
