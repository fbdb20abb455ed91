// Compiled only for fuzzing (tools/fuzz passes -DCITYWIDE_FUZZ): `@testable import`
// needs a debug build, and `swift build -c release` must not see it.
#if CITYWIDE_FUZZ
import Foundation
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywideRender

/// One fuzz target per input reader. Each takes arbitrary bytes and must
/// return without a crash, a hang or a leak, whatever the bytes are;
/// problems are reported to a `DiagnosticLog`, never trapped.
enum FuzzTarget: String, CaseIterable {
    /// A `Data/*.csv` file, read against the small fixed site of `FuzzSite`.
    case csv
    /// `site.yml`, then the same text as `Metrics/referrals.yml`.
    case yaml
    /// A `Blueprints/*.md` file: front matter, commitments and shortcodes.
    case blueprint
    /// A blueprint's narrative through the Markdown renderer.
    case markdown
    /// A whole small site, built in memory: the input is split into files.
    case site

    func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        switch self {
        case .csv:
            let site = FuzzSite.shared
            _ = DataFileLoader(path: "Data/fuzz.csv", fileIndex: 0, catalog: site.catalog, log: DiagnosticLog()).load(bytes)
        case .yaml:
            let config = SiteConfig.load(text: text, path: "site.yml", log: DiagnosticLog())
            _ = MetricDefinition.load(text: text, path: "Metrics/referrals.yml", fileID: "referrals", site: config, log: DiagnosticLog())
        case .blueprint:
            let site = FuzzSite.shared
            _ = Blueprint.load(text: text, path: "Blueprints/springfield.md", slug: "springfield", site: site.config, metricIDs: site.metricIDs, folder: site.folder, log: DiagnosticLog())
        case .markdown:
            _ = MarkdownRenderer.render(text)
        case .site:
            FuzzSite.build(FuzzSite.split(bytes))
        }
    }
}
#endif
