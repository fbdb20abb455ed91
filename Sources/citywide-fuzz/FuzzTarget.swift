// Compiled only for fuzzing (tools/fuzz passes -DCITYWIDE_FUZZ): `@testable import`
// needs a debug build, and `swift build -c release` must not see it.
#if CITYWIDE_FUZZ
import Foundation
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywideRender
@testable import CitywideImport

/// One fuzz target per input reader. Each takes arbitrary bytes and must
/// return without a crash, a hang or a leak, whatever the bytes are;
/// problems are reported to a `DiagnosticLog`, never trapped.
enum FuzzTarget: String, CaseIterable {
    /// A `Data/*.csv` file, read against the small fixed site of `FuzzSite`.
    case csv
    /// `site.yml`, then the same text as `Metrics/referrals.yml`; wherever
    /// `PlainYAMLReader` reads the bytes (and the bytes as repaired text),
    /// its tree must be libyaml's.
    case yaml
    /// A `Blueprints/*.md` file: front matter, commitments and shortcodes.
    case blueprint
    /// A blueprint's narrative through the Markdown renderer; the narrative
    /// prepared once (as at load) and finished for a page must equal the
    /// one-pass render of the same page, and cmark's HTML held compact must
    /// come back byte for byte.
    case markdown
    /// A whole small site, built in memory: the input is split into files.
    case site
    /// A file to import, read in memory (nothing is written): as an Open SDG
    /// indicator file, as a table (CSV), and as an .xlsx workbook.
    case `import`

    func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        switch self {
        case .csv:
            let site = FuzzSite.shared
            _ = DataFileLoader(path: "Data/fuzz.csv", fileIndex: 0, catalog: site.catalog, log: DiagnosticLog()).load(bytes)
        case .yaml:
            Self.checkPlainYAML(bytes)
            Self.checkPlainYAML(Array(text.utf8))
            let config = SiteConfig.load(text: text, path: "site.yml", log: DiagnosticLog())
            _ = MetricDefinition.load(text: text, path: "Metrics/referrals.yml", fileID: "referrals", site: config, log: DiagnosticLog())
        case .blueprint:
            let site = FuzzSite.shared
            _ = Blueprint.load(text: text, path: "Blueprints/springfield.md", slug: "springfield", site: site.config, metricIDs: site.metricIDs, folder: site.folder, log: DiagnosticLog())
        case .markdown:
            _ = MarkdownRenderer.render(text)
            Self.checkPreparedNarrative(text, bytes)
        case .site:
            FuzzSite.build(FuzzSite.split(bytes))
        case .import:
            let log = DiagnosticLog()
            if let grid = CSVGrid.read(bytes, path: "indicator.csv", log: log) {
                if let batch = OpenSDGReader.read(grid, city: "springfield", selection: OpenSDGSelection(), log: log) {
                    _ = ImportPlan.make(batch, metric: "referrals", unit: batch.unit, path: "indicator.csv", log: log)
                }
                if let batch = TableReader.read(grid, metric: "referrals", city: nil, log: log),
                   let plan = ImportPlan.make(batch, metric: "referrals", unit: nil, path: "table.csv", log: log) {
                    _ = DataFileMerge.merge(existing: bytes, plan: plan, path: "Data/referrals.csv", log: log)
                }
            }
            // ZIPFoundation opens workbooks from files: the input is written to one.
            let workbook = FileManager.default.temporaryDirectory.appendingPathComponent("citywide-fuzz-\(getpid()).xlsx")
            if (try? Data(bytes).write(to: workbook)) != nil {
                _ = XLSXReader.read(bytes, file: workbook, path: "table.xlsx", sheet: nil, log: log)
            }
        }
    }

    /// The differential check of `.yaml`: the plain reader answers only
    /// with libyaml's tree, to the last mark.
    private static func checkPlainYAML(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            guard let plain = PlainYAMLReader.read(buffer) else { return }
            guard case let .node(node) = YAMLComposer.composeWithLibYAML(buffer, firstLine: 1) else {
                fatalError("PlainYAMLReader read what libyaml does not compose")
            }
            // Byte for byte: String's == would take é and e + U+0301 as equal.
            guard plain.outline.utf8.elementsEqual(node.outline.utf8) else {
                fatalError("PlainYAMLReader's tree differs from libyaml's:\n\(plain.outline)\n\(node.outline)")
            }
        }
    }

    /// The differential check of `.markdown`: a difference traps, which is
    /// what the fuzzer looks for.
    private static func checkPreparedNarrative(_ text: String, _ bytes: [UInt8]) {
        var page = MarkdownRenderer.Page()
        // Every relative URL rewritten to one that needs escaping, as a
        // page's links to other blueprints and media are.
        page.href = { url in LocalLinkResolver.isLocal(url) ? "../x/" + url + "?a&b=\"<'>\u{7F}é" : nil }
        let prepared = MarkdownRenderer.renderBytes(text, page: page)
        let onePass = MarkdownRenderer.renderInOnePass(text, page: page)
        guard prepared.title == onePass.title, prepared.html == onePass.html else {
            fatalError("the prepared narrative differs from the one-pass render")
        }
        let compact = CompactHTML.compact(bytes, offsets: [])
        var expanded: [UInt8] = []
        CompactHTML.expand(compact.bytes[...], into: &expanded)
        guard expanded == bytes else { fatalError("CompactHTML lost bytes") }
    }
}
#endif
