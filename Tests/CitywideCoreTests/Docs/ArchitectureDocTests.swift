import Foundation
import Testing

/// docs/architecture.md is the map of the code: a file missing from it is a
/// file a new developer cannot find. Each Swift file under `Sources/` must be
/// named there in backticks: files of the generator's targets (Model, Input,
/// Publish, Write, Render, Core) as a path from their target folder, which
/// starts with the stage folder (the tables' convention: `Load/SiteLoader.swift`),
/// and files of the other targets as a path from `Sources/`.
@Suite("Docs")
struct ArchitectureDocTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let generatorTargets = ["CitywideModel", "CitywideInput", "CitywidePublished", "CitywidePublish", "CitywideWrite", "CitywideRender", "CitywideCore"]

    /// How architecture.md names a file: "Load/SiteLoader.swift", "CitywideServe/BuildState.swift".
    static func documentedName(_ pathFromSources: String) -> String {
        let parts = pathFromSources.split(separator: "/", maxSplits: 1)
        guard parts.count == 2, generatorTargets.contains(String(parts[0])) else { return pathFromSources }
        return String(parts[1])
    }

    @Test("every Swift source file is listed in docs/architecture.md")
    func everySourceFileListed() throws {
        let sources = Self.root.appendingPathComponent("Sources")
        let doc = try String(contentsOf: Self.root.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        let enumerator = try #require(FileManager.default.enumerator(atPath: sources.path))
        let files = enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.sorted()
        #expect(files.count > 50, "found the Swift sources")
        let missing = files.filter { !doc.contains("`\(Self.documentedName($0))`") }
        #expect(missing.isEmpty, """
            \(missing.count) Swift file(s) under Sources/ are not in docs/architecture.md; add a table row for each, named as shown:
            \(missing.map { "  Sources/\($0)  ->  `\(Self.documentedName($0))`" }.joined(separator: "\n"))
            """)
    }
}
