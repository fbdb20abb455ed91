import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput

/// The data files are read while the blueprints load, against the cities the
/// blueprint files' names promise (`SiteLoader.load`); the site-wide checks
/// run while the data is checked. What a user reads must be what reading one
/// thing after another gave.
@Suite("Data read alongside the blueprints")
struct DataReadAlongsideTests {
    static func blueprint(_ city: String, commitments: String = " []") -> String {
        """
        ---
        city: \(city)
        state: MN
        fellow: A fellow
        adopted: 2019-01-01
        updated: 2024-06-01
        commitments:\(commitments)
        ---
        # \(city)

        """
    }

    static let metric = """
        id: survivors_identified
        title: Survivors identified
        system: cross_system
        type: count
        unit: survivors
        direction: up
        frequency: quarterly
        dimensions:
          sex: [female, male]

        """

    static func site(_ files: [String: String]) throws -> TestSite {
        var all = [
            "site.yml": "title: Twin Cities Progress\nbase_url: https://example.org/twin/\nlanguages: [en, es]\n",
            "Blueprints/minneapolis.md": blueprint("Minneapolis"),
            "Metrics/survivors_identified.yml": metric,
        ]
        all.merge(files) { $1 }
        return try TestSite(all)
    }

    @Test("the cities promised are the blueprints read: slugs in order, without translations, bad names or images")
    func promisedSlugs() throws {
        let site = try Self.site([
            "Blueprints/st-paul.md": Self.blueprint("St. Paul"),
            "Blueprints/a.md": Self.blueprint("A"),
            "Blueprints/a-b.md": Self.blueprint("A B"),
            "Blueprints/st-paul.es.md": Self.blueprint("San Pablo"),
            "Blueprints/Bad Name.md": Self.blueprint("Bad"),
            "Blueprints/images/map.md": "not a blueprint",
        ])
        defer { site.cleanUp() }
        let log = DiagnosticLog()
        let loaded = SiteLoader.load(site.folder, log: log)
        let files = SiteLoader.listBlueprints(site.folder, log: DiagnosticLog())
        #expect(loaded.site.blueprints.map(\.slug) == ["a", "a-b", "minneapolis", "st-paul"])
        #expect(SiteLoader.promisedSlugs(files.names) == loaded.site.blueprints.map(\.slug))
    }

    @Test("data read early gives the rows and problems that reading it after the blueprints gives")
    func sameAsAfter() throws {
        let site = try Self.site([
            "Blueprints/st-paul.md": Self.blueprint("St. Paul"),
            "Data/notes.txt": "not data\n",
            "Data/a.csv": """
                city,period,metric,sex,value
                minneapolis,2024-Q1,survivors_identified,,40
                st-paul,2024-Q1,survivors_identified,female,12
                duluth,2024-Q1,survivors_identified,,3
                minneapolis,2024-Q5,survivors_identified,,3

                """,
        ])
        defer { site.cleanUp() }
        let log = DiagnosticLog()
        let loaded = SiteLoader.load(site.folder, log: log)
        let after = DiagnosticLog()
        let observations = SiteLoader.loadData(site.folder, site: loaded.site, log: after)
        #expect(loaded.observations == observations)
        #expect(observations.count == 2)
        let dataProblems = log.diagnostics.filter { $0.path.hasPrefix("Data/") }
        #expect(dataProblems == after.diagnostics.filter { $0.path.hasPrefix("Data/") })
        #expect(dataProblems.contains { $0.path == "Data/notes.txt" && $0.message == "ignored: Data/ holds .csv files" }, "\(dataProblems.map(\.formatted))")
        #expect(dataProblems.contains { $0.line == 4 && $0.message == "unknown city 'duluth': no Blueprints/duluth.md (known: minneapolis, st-paul)" },
                "\(dataProblems.map(\.formatted))")
    }

    @Test("rows naming a blueprint that cannot be read are not checked, though the data was read before the blueprint failed")
    func unreadableBlueprint() throws {
        let site = try Self.site([
            "Blueprints/st-paul.md": "no front matter here\n",
            "Data/a.csv": """
                city,period,metric,sex,value
                minneapolis,2024-Q1,survivors_identified,,40
                st-paul,2024-Q1,survivors_identified,,12
                duluth,2024-Q1,survivors_identified,,3

                """,
        ])
        defer { site.cleanUp() }
        let outcome = site.check()
        #expect(outcome.lines.contains("Data/a.csv:3:1: warning: 1 row names Blueprints/st-paul.md, which has errors: it was not checked"), "\(outcome.lines)")
        // The cities known are the blueprints read, not the files promised.
        #expect(outcome.errors.contains { $0.path == "Data/a.csv" && $0.line == 4 && $0.message == "unknown city 'duluth': no Blueprints/duluth.md (known: minneapolis)" },
                "\(outcome.lines)")
        #expect(!outcome.lines.contains { $0.contains("unknown city 'st-paul'") })
    }

    @Test("a site-wide problem and a data problem are reported in one run; an id used three times points at its first use twice")
    func siteAndDataChecksTogether() throws {
        let commitment = """

              - id: identify
                system: justice
                title: Identify survivors
                status: in_progress
                due: 2025-12-31
                populations: [immigrants]
                metrics: [survivors_identified]
            """
        let site = try Self.site([
            "Blueprints/minneapolis.md": Self.blueprint("Minneapolis", commitments: commitment),
            "Blueprints/st-paul.md": Self.blueprint("St. Paul", commitments: commitment + commitment),
            "Data/a.csv": """
                city,period,metric,sex,value
                minneapolis,2024-Q1,survivors_identified,,40
                minneapolis,2024-Q1,survivors_identified,female,30
                minneapolis,2024-Q1,survivors_identified,male,20

                """,
        ])
        defer { site.cleanUp() }
        let outcome = site.check()
        let reused = outcome.errors.filter { $0.message.hasPrefix("commitment id 'identify' is already used at ") }
        #expect(reused.count == 2, "\(outcome.lines)")
        #expect(reused.allSatisfy { $0.path == "Blueprints/st-paul.md" && $0.message.contains("at Blueprints/minneapolis.md:") }, "\(outcome.lines)")
        #expect(outcome.errors.contains { $0.path == "Data/a.csv" && $0.message.contains("adds up to 50") }, "\(outcome.lines)")
    }
}
