import Foundation
import Testing

/// The privacy boundary in the build: CitywidePublish imports CitywideInput
/// `internal`ly, so the compiler already refuses a public declaration of
/// Publish that names an Input type. This test says it again in words a
/// reviewer reads, and catches the day someone turns that import public:
/// no `public` line of Publish may name a type CitywideInput declares, and
/// no file of Render (or of the published-figure types it reads) may import
/// Input at all.
@Suite("The privacy boundary between targets")
struct PublishBoundaryTests {
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    static func swiftFiles(_ target: String) -> [(path: String, text: String)] {
        let folder = sources.appendingPathComponent(target)
        let names = (FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []).filter { $0.hasSuffix(".swift") }
        return names.sorted().compactMap { name in
            (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)).map { (target + "/" + name, $0) }
        }
    }

    /// Types declared at the top level of CitywideInput: `ObservationSet`, `SiteLoader`, ...
    static func inputTypeNames() throws -> Set<String> {
        let declaration = try Regex(#"^(?:public |package )?(?:final )?(?:struct|enum|class|protocol|typealias|actor) (\w+)"#)
        var names: Set<String> = []
        for file in swiftFiles("CitywideInput") {
            for line in file.text.split(separator: "\n") {
                if let match = try declaration.firstMatch(in: String(line)), let name = match.output[1].substring {
                    names.insert(String(name))
                }
            }
        }
        return names
    }

    @Test("no public declaration of CitywidePublish names a CitywideInput type")
    func publishExportsNoInputType() throws {
        let inputTypes = try Self.inputTypeNames()
        #expect(inputTypes.isSuperset(of: ["Observation", "ObservationSet", "SiteLoader", "RowOrigin"]), "found Input's types")
        var offenders: [String] = []
        for file in Self.swiftFiles("CitywidePublish") {
            for (number, line) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains("public ") && !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                let words = Set(line.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).map(String.init))
                let named = words.intersection(inputTypes)
                if !named.isEmpty { offenders.append("\(file.path):\(number + 1): \(named.sorted()): \(line)") }
            }
        }
        #expect(offenders.isEmpty, "public declarations of Publish that name Input types:\n\(offenders.joined(separator: "\n"))")
    }

    @Test("CitywidePublish imports CitywideInput internally, in every file")
    func publishImportsInputInternally() {
        let files = Self.swiftFiles("CitywidePublish")
        #expect(!files.isEmpty)
        for file in files {
            let imports = file.text.split(separator: "\n").filter { $0.contains("import CitywideInput") }
            #expect(imports.allSatisfy { $0.hasPrefix("internal import ") }, "\(file.path): \(imports)")
        }
    }

    /// `./tools/test` makes this a build error too (`--explicit-target-dependency-import-check`):
    /// none of these targets has Input among its dependencies, even indirectly.
    @Test("no file of Render, Published, Model or Write imports CitywideInput or CitywidePublish")
    func renderNeverImportsInput() {
        let files = Self.swiftFiles("CitywideRender") + Self.swiftFiles("CitywidePublished") + Self.swiftFiles("CitywideModel") + Self.swiftFiles("CitywideWrite")
        #expect(files.count > 40)
        for file in files {
            #expect(!file.text.contains("import CitywidePublish\n"), "\(file.path)")
            #expect(!file.text.contains("import CitywideInput"), "\(file.path)")
        }
    }
}
