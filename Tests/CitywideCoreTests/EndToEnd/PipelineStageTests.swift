import Foundation
import Testing
@testable import CitywideCore

/// `build` is one list of named stages, run in order and timed; a stage
/// with errors stops the run before anything is written.
@Suite("Pipeline stages")
struct PipelineStageTests {
    @Test("a build runs load, validate, disclose, progress, render and write, in that order, each timed")
    func stagesInOrder() throws {
        let site = try TestSite(Fixtures.site())
        defer { site.cleanUp() }
        let outcome = site.build()
        #expect(outcome.succeeded, "\(outcome.lines)")
        #expect(outcome.stages.map(\.name) == ["load", "validate", "disclose", "progress", "render", "write"])
        #expect(outcome.stages.allSatisfy { $0.seconds >= 0 })
    }

    @Test("errors in validation stop the run there: no privacy rule on half-read data, nothing rendered")
    func errorsStopTheRun() throws {
        let site = try TestSite(Fixtures.site([
            "Data/referrals.csv": "city,period,metric,trafficking_type,value,status,note\nspringfield,2019-Q1,referrals,,30,,\nspringfield,2019-Q1,referrals,,31,,\n",
        ]))
        defer { site.cleanUp() }
        let outcome = site.build()
        #expect(!outcome.succeeded)
        #expect(outcome.stages.map(\.name) == ["load", "validate"])
        #expect(outcome.published == nil)
        #expect(site.file("index.html") == nil)
    }
}
