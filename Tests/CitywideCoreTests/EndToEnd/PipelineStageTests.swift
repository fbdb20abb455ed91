import Foundation
import Testing
@testable import CitywideCore

/// `build` is one list of named stages, run in order and timed; a stage
/// with errors stops the run before anything is written.
@Suite("Pipeline stages")
struct PipelineStageTests {
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

    @Test("a build runs load, validate, disclose, progress, render and write, in that order, each timed")
    func stagesInOrder() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        let outcome = site.build()
        #expect(outcome.succeeded, "\(outcome.lines)")
        #expect(outcome.stages.map(\.name) == ["load", "validate", "disclose", "progress", "render", "write"])
        #expect(outcome.stages.allSatisfy { $0.seconds >= 0 })
    }

    @Test("errors in validation stop the run there: no privacy rule on half-read data, nothing rendered")
    func errorsStopTheRun() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        try site.write("Data/referrals.csv", "city,period,metric,trafficking_type,value,status,note\nspringfield,2019-Q1,referrals,,30,,\nspringfield,2019-Q1,referrals,,31,,\n")
        let outcome = site.build()
        #expect(!outcome.succeeded)
        #expect(outcome.stages.map(\.name) == ["load", "validate"])
        #expect(outcome.published == nil)
        #expect(site.file("index.html") == nil)
    }
}
