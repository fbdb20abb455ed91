import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywidePublish
@testable import CitywideRender
@testable import CitywideWrite

/// The repository root is itself the example site: it must build cleanly,
/// show suppression at work, and say on every page that its data is synthetic.
@Suite("The example site")
struct ExampleSiteTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("builds with no errors or warnings, with every page for three cities")
    func builds() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("citywide-example-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let outcome = Pipeline.build(Pipeline.Options(site: Self.root, output: output))
        #expect(outcome.diagnostics.isEmpty, "\(outcome.lines)")
        let site = try #require(outcome.site)
        #expect(site.blueprints.map(\.slug) == ["atlanta", "chicago", "minneapolis"])
        for blueprint in site.blueprints {
            let systems = Set(blueprint.commitments.map(\.system))
            #expect(systems == Set(CitySystem.seven), "\(blueprint.city) has commitments in all seven systems")
        }
        #expect(site.metrics.count >= 10)
        let published = try #require(outcome.published)
        #expect(published.checkOnlyRuleCounts.primary > 0, "small counts are suppressed in the example")
        for metric in site.metrics {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("metrics/\(metric.id)/index.html").path))
        }
        let html = SiteFiles.list(output).filter { $0.hasSuffix(".html") }
        #expect(html.count >= 2 * (3 + site.metrics.count + 12), "every page in English and Spanish")
        for path in html {
            let text = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
            let notice = path.hasPrefix("es/") ? "Datos sintéticos." : "Synthetic data."
            #expect(text.contains(notice), "\(path) says the data is synthetic")
        }
    }
}
