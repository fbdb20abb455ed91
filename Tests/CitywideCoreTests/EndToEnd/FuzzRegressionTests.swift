import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywidePublish
@testable import CitywideRender
@testable import CitywideWrite

/// Inputs found by the fuzz targets (docs/fuzzing.md), kept as small sites:
/// each must give diagnostics, never a crash, a hang or a leak.
@Suite("Inputs found by fuzzing")
struct FuzzRegressionTests {
    /// `site` target, the empty input: every file of the site is empty. It
    /// found a leak in Foundation's reading of empty files (suppressed in
    /// Fuzz/lsan.supp); Citywide must still say what is missing.
    @Test("a site whose every file is empty is refused with errors, not a crash")
    func everyFileEmpty() throws {
        let site = try TestSite([
            "site.yml": "",
            "Blueprints/springfield.md": "",
            "Metrics/referrals.yml": "",
            "Data/referrals.csv": "",
        ])
        defer { site.cleanUp() }
        let outcome = site.check()
        #expect(!outcome.succeeded)
        #expect(outcome.diagnostics.contains { $0.path == "Blueprints/springfield.md" && $0.severity == .error }, "\(outcome.lines)")
    }
}
