import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywidePublish
@testable import CitywideRender
@testable import CitywideWrite

/// Nothing is skipped without a word, one broken file does not bury its own
/// errors under a cascade, and input never reaches the terminal raw.
@Suite("No silent loss, no cascades")
struct SilentLossTests {
    /// One city, one metric, a little data: the site these tests start from.
    static let site = """
        -- site.yml --
        title: Test City Progress
        base_url: https://example.org/test/
        languages: [en]
        privacy:
          min_cell: 11
          min_rate_numerator: 20
        data_status: synthetic
        -- Blueprints/springfield.md --
        ---
        city: Springfield
        state: IL
        population: 100000
        fellow: Senior fellow
        adopted: 2019-01-15
        updated: 2020-02-01
        commitments:
          - id: spr-labor-screening
            system: labor
            title: Screen wage-theft cases for trafficking
            status: in_progress
            due: 2020-12-31
            populations: [immigrants]
            metrics: [referrals]
            target: { metric: referrals, value: 40, by: 2021-12-31 }
        ---
        # Springfield Blueprint

        We will act.
        -- Metrics/referrals.yml --
        id: referrals
        title: Referrals
        description: Referrals to victim services.
        system: labor
        type: count
        unit: referrals
        decimals: 0
        direction: up
        frequency: quarterly
        dimensions:
          trafficking_type: [sex, labor, both]
        -- Data/referrals.csv --
        city,period,metric,trafficking_type,value,status,note
        springfield,2019-Q1,referrals,,30,,
        springfield,2019-Q1,referrals,sex,12,,
        springfield,2019-Q1,referrals,labor,18,,
        springfield,2019-Q2,referrals,,35,,

        """

    @Test("a Data/ that is a symbolic link is an error, not a build with no values")
    func dataFolderLink() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        let real = site.folder.appendingPathComponent("elsewhere")
        try FileManager.default.moveItem(at: site.folder.appendingPathComponent("Data"), to: real)
        try FileManager.default.createSymbolicLink(atPath: site.folder.appendingPathComponent("Data").path, withDestinationPath: "elsewhere")
        let outcome = site.build()
        #expect(outcome.lines.contains { $0.hasPrefix("Data:1:1: error: Data/ is a symbolic link") }, "\(outcome.lines)")
    }

    @Test("a symlinked CSV is an error at the link; a link with another name is a warning")
    func linkedFiles() throws {
        let site = try TestSite(txtar: Self.site + """
            -- elsewhere.csv --
            city,period,metric,value

            """)
        defer { site.cleanUp() }
        try FileManager.default.createSymbolicLink(atPath: site.folder.appendingPathComponent("Data/more.csv").path, withDestinationPath: "../elsewhere.csv")
        try FileManager.default.createSymbolicLink(atPath: site.folder.appendingPathComponent("Data/notes").path, withDestinationPath: "../elsewhere.csv")
        let outcome = site.check()
        #expect(outcome.lines.contains { $0.hasPrefix("Data/more.csv:1:1: error: ignored: a symbolic link") }, "\(outcome.lines)")
        #expect(outcome.lines.contains { $0.hasPrefix("Data/notes:1:1: warning: ignored: a symbolic link") }, "\(outcome.lines)")
    }

    @Test("site.yml read through a link is refused without quoting the target")
    func siteYMLLink() throws {
        let site = try TestSite(txtar: Self.site + """
            -- secret.txt --
            password: hunter2

            """)
        defer { site.cleanUp() }
        try site.remove("site.yml")
        try FileManager.default.createSymbolicLink(atPath: site.folder.appendingPathComponent("site.yml").path, withDestinationPath: "secret.txt")
        let outcome = site.check()
        #expect(outcome.lines.contains { $0.hasPrefix("site.yml:1:1: error: site.yml is a symbolic link") }, "\(outcome.lines)")
        #expect(!outcome.lines.joined().contains("hunter2"))
        #expect(!outcome.lines.joined().contains("password"))
    }

    @Test("a file name that is not UTF-8 is a warning at the file")
    func nonUTF8Name() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        let path = Array(site.folder.appendingPathComponent("Data").path.utf8) + Array("/caf".utf8) + [0xE9] + Array(".csv".utf8) + [0]
        let fd = path.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
        }
        #expect(fd >= 0)
        close(fd)
        let outcome = site.check()
        #expect(outcome.lines.contains { $0.hasPrefix("Data/caf\u{FFFD}.csv:1:1: warning: ignored: this file name is not valid UTF-8") }, "\(outcome.lines)")
    }

    @Test("an empty metric file is one error at the file, not 'no Metrics/x.yml' everywhere it is named")
    func emptyMetric() throws {
        let site = try TestSite(txtar: """
            -- site.yml --
            title: Test City Progress
            base_url: https://example.org/test/
            languages: [en]
            privacy:
              min_cell: 11
              min_rate_numerator: 20
            data_status: synthetic
            -- Blueprints/springfield.md --
            ---
            city: Springfield
            state: IL
            population: 100000
            fellow: Senior fellow
            adopted: 2019-01-15
            updated: 2020-02-01
            commitments:
              - id: spr-labor-screening
                system: labor
                title: Screen wage-theft cases for trafficking
                status: in_progress
                due: 2020-12-31
                populations: [immigrants]
                metrics: [referrals]
                target: { metric: referrals, value: 40, by: 2021-12-31 }
            ---
            # Springfield Blueprint

            We will act.
            -- Metrics/referrals.yml --
            -- Data/referrals.csv --
            city,period,metric,trafficking_type,value,status,note
            springfield,2019-Q1,referrals,,30,,
            springfield,2019-Q1,referrals,sex,12,,
            springfield,2019-Q1,referrals,labor,18,,
            springfield,2019-Q2,referrals,,35,,

            """)
        defer { site.cleanUp() }
        let outcome = site.check()
        #expect(outcome.errors.count == 1, "\(outcome.lines)")
        #expect(outcome.lines.contains { $0.hasPrefix("Metrics/referrals.yml:1:1: error: the metric file is empty") })
        #expect(outcome.lines.contains("Data/referrals.csv:2:21: warning: 4 rows name Metrics/referrals.yml, which has errors: they were not checked"), "\(outcome.lines)")
    }

    @Test("a blueprint with broken front matter gives its own error and one line about the data rows that name it")
    func brokenBlueprint() throws {
        var rows = "city,period,metric,value\n"
        for year in 2000..<2200 { rows += "springfield,\(year)-Q1,referrals,30\n" }
        let site = try TestSite(txtar: """
            -- site.yml --
            title: Test City Progress
            base_url: https://example.org/test/
            languages: [en]
            privacy:
              min_cell: 11
              min_rate_numerator: 20
            data_status: synthetic
            -- Blueprints/springfield.md --
            ---
            city: [Springfield
            ---
            Body.
            -- Metrics/referrals.yml --
            id: referrals
            title: Referrals
            description: Referrals to victim services.
            system: labor
            type: count
            unit: referrals
            decimals: 0
            direction: up
            frequency: quarterly
            dimensions:
              trafficking_type: [sex, labor, both]

            """)
        defer { site.cleanUp() }
        try site.write("Data/referrals.csv", rows)
        let outcome = site.check()
        #expect(outcome.errors.count == 1, "\(outcome.lines)")
        #expect(outcome.errors.first?.path == "Blueprints/springfield.md")
        #expect(outcome.lines.contains("Data/referrals.csv:2:1: warning: 200 rows name Blueprints/springfield.md, which has errors: they were not checked"), "\(outcome.lines)")
    }

    @Test("escape sequences from a CSV header are shown escaped, on one line")
    func escapeSequences() throws {
        let site = try TestSite(txtar: Self.site + """
            -- Data/evil.csv --
            city,period,metric,value,\u{1B}]0;owned\u{07}\u{1B}[2J

            """)
        defer { site.cleanUp() }
        let outcome = site.check()
        let line = try #require(outcome.lines.first { $0.hasPrefix("Data/evil.csv:1:26: error:") })
        #expect(line.contains("\\u001B]0;owned\\u0007\\u001B[2j"), "\(line)")
        #expect(!line.unicodeScalars.contains { $0.value < 0x20 })
        #expect(TerminalText.escape("a\nb\u{202E}c", keepingNewlines: true) == "a\nb\\u202Ec")
    }

    @Test("a data file over the size limit is refused at the file")
    func sizeLimit() throws {
        let site = try TestSite(txtar: Self.site + """
            -- Blueprints/other.md --

            """)
        defer { site.cleanUp() }
        #expect(truncate(site.folder.appendingPathComponent("Blueprints/other.md").path, off_t(SiteFiles.maximumTextBytes + 1)) == 0)
        let outcome = site.check()
        #expect(outcome.lines.contains { $0.hasPrefix("Blueprints/other.md:1:1: error: the file is 10,000,001 bytes; Citywide reads files of at most 10,000,000 bytes") }, "\(outcome.lines)")
    }
}
