import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywidePublish
@testable import CitywideRender
@testable import CitywideWrite

/// The inputs are private even when the site is public: `init` keeps `Data/`
/// out of version control, and `check` says when git tracks a file of it.
@Suite("Private inputs", .enabled(if: Git.isAvailable, "needs git"))
struct PrivateInputsTests {
    @Test("init writes a .gitignore that keeps Data/, .citywide/ and _site/ out of git, and says why")
    func initIgnoresInputs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citywide-init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try SiteScaffold.createSite(at: folder)
        let gitignore = try String(contentsOf: folder.appendingPathComponent(".gitignore"), encoding: .utf8)
        #expect(gitignore.contains("# Keep the site's inputs private."))
        try Git.run(["init", "-q"], in: folder)
        for path in ["Data/our-city.csv", ".citywide/ledger.json", "_site/index.html"] {
            #expect(try Git.run(["check-ignore", "-q", path], in: folder) == 0, "\(path) is ignored")
        }
        #expect(try Git.run(["check-ignore", "-q", "Blueprints/our-city.md"], in: folder) == 1, "blueprints are kept")
    }

    @Test("check warns for each file of Data/ git tracks, unless the data is synthetic")
    func trackedData() throws {
        let site = try TestSite(txtar: """
            -- site.yml --
            title: Test City Progress
            base_url: https://example.org/test/
            languages: [en]
            privacy:
              min_cell: 11
              min_rate_numerator: 20
            data_status: provisional
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
            """)
        defer { site.cleanUp() }
        // Not a repository: nothing to say.
        #expect(!site.check().lines.contains { $0.contains("tracked by git") })

        try Git.run(["init", "-q"], in: site.folder)
        try Git.run(["add", "Data/referrals.csv", "Blueprints"], in: site.folder)
        let warning = "Data/referrals.csv:1:1: warning: Data/referrals.csv is tracked by git: Data/ holds raw counts, small ones included, and should stay out of version control (git rm --cached -r Data, and list Data/ in .gitignore; see docs/privacy.md)"
        #expect(site.check().lines.filter { $0.contains("tracked by git") } == [warning])

        // The example site publishes made-up data on purpose.
        try site.write("site.yml", """
            title: Test City Progress
            base_url: https://example.org/test/
            languages: [en]
            privacy:
              min_cell: 11
              min_rate_numerator: 20
            data_status: synthetic

            """)
        #expect(!site.check().lines.contains { $0.contains("tracked by git") })
    }
}
