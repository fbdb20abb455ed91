import ArgumentParser
import CitywideCore
import Foundation

/// `citywide`: the root command. The executable's `main.swift` only calls
/// `CitywideCommand.main()`, so every command can be run from tests.
public struct CitywideCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "citywide",
        abstract: "Publish city anti-trafficking blueprints, metrics and progress as a static website.",
        discussion: """
        A site folder holds site.yml, Blueprints/<city>.md, Metrics/<id>.yml, Data/*.csv and, \
        optionally, Templates/. Only aggregate data is accepted, and no published figure may \
        single anyone out: counts below the site's min_cell are withheld everywhere.
        """,
        version: CitywideVersion.string,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, InitCommand.self, NewCommand.self, ImportCommand.self]
    )

    public init() {}
}
