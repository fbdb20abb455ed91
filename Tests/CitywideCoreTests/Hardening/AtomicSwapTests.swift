import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywidePublish
@testable import CitywideRender
@testable import CitywideWrite

/// The output is exchanged in one step, concurrent builds queue on a lock,
/// and what killed builds left behind is cleaned up.
@Suite("Atomic swap of the output")
struct AtomicSwapTests {
    /// One city, one metric, a little data: the site these tests start from.
    /// A test that breaks one file writes that file over this site.
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

    func leftovers(_ site: TestSite) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: site.folder.path)) ?? [])
            .filter { $0.contains(".citywide-staging-") || $0.contains(".citywide-old-") }
    }

    @Test("6 builds at once, 4 rounds: all succeed with identical output and nothing left beside it")
    func concurrentBuilds() async throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        let reference = site.outputFiles()
        for _ in 0..<4 {
            let results = await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<6 { group.addTask { site.build().succeeded } }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(results == Array(repeating: true, count: 6))
            #expect(site.outputFiles() == reference)
            #expect(leftovers(site).isEmpty, "\(leftovers(site))")
        }
    }

    @Test("a staging folder left by a killed build is removed by the next build")
    func staleStaging() throws {
        let site = try TestSite(txtar: Self.site + """
            -- ._site.citywide-staging-999999/index.html --
            half a build
            -- ._site.citywide-old-999998/index.html --
            an old build

            """)
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        #expect(leftovers(site).isEmpty, "\(leftovers(site))")
        #expect(site.file("index.html")?.contains("half a build") == false)
    }

    @Test("a rebuild replaces the output and writes nothing beside it")
    func exchange() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        let before = try FileManager.default.contentsOfDirectory(atPath: site.folder.path).sorted()
        #expect(site.build().succeeded)
        try site.write("Data/referrals.csv", """
            city,period,metric,trafficking_type,value,status,note
            springfield,2019-Q1,referrals,,30,,
            springfield,2019-Q1,referrals,sex,12,,
            springfield,2019-Q1,referrals,labor,18,,
            springfield,2019-Q2,referrals,,35,,
            springfield,2019-Q3,referrals,,40,,

            """)
        #expect(site.build().succeeded)
        #expect(site.file("data/referrals.csv")?.contains("2019-Q3") == true)
        #expect(leftovers(site).isEmpty)
        // The output, and the privacy ledger: the one file a build writes outside its output (SPEC).
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.folder.path).sorted() == (before + ["_site", ".citywide"]).sorted())
    }

    @Test("an output folder inside an input folder is refused", arguments: ["Data/out", "Templates/assets/out", "Blueprints", "Metrics/x"])
    func outputInsideInput(path: String) throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        let outcome = site.build(output: site.folder.appendingPathComponent(path))
        #expect(outcome.errors.first?.message.contains("is inside the site's") == true, "\(outcome.lines)")
        #expect(!FileManager.default.fileExists(atPath: site.folder.appendingPathComponent(path).appendingPathComponent("index.html").path))
    }
}
