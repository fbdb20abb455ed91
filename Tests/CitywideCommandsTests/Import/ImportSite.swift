import ArgumentParser
import Foundation
@testable import CitywideCommands
@testable import CitywideCore

/// A small site written inline for the import tests (path → text, or bytes
/// where a quirk needs them: a BOM, CRLF), and the files beside it that an
/// import reads (outside the site, as a download folder would be).
struct ImportSite {
    let root: URL
    var site: URL { root.appendingPathComponent("site") }

    /// Two cities and the site settings; the tests add metrics and data.
    static let base: [String: String] = [
        "site/site.yml": """
        title: Test City Progress
        base_url: https://example.org/test/
        languages: [en]
        data_status: synthetic

        """,
        "site/Blueprints/springfield.md": """
        ---
        city: Springfield
        state: IL
        fellow: Senior fellow
        adopted: 2019-01-15
        updated: 2020-02-01
        commitments:
          - id: spr-referrals
            system: labor
            title: Refer every case
            status: in_progress
            due: 2026-12-31
            populations: [immigrants]
            metrics: [victims]
        ---
        # Springfield Blueprint

        We will act.

        """,
        "site/Blueprints/st-paul.md": """
        ---
        city: St. Paul
        state: MN
        fellow: Senior fellow
        adopted: 2019-01-15
        updated: 2020-02-01
        commitments:
          - id: stp-referrals
            system: labor
            title: Refer every case
            status: in_progress
            due: 2026-12-31
            populations: [immigrants]
            metrics: [victims]
        ---
        # St. Paul Blueprint

        We will act.

        """,
    ]

    init(_ files: [String: String] = [:], bytes: [String: [UInt8]] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("citywide-import-\(UUID().uuidString)")
        for (path, text) in Self.base.merging(files, uniquingKeysWith: { $1 }) {
            try write(path, Array(text.utf8))
        }
        for (path, data) in bytes { try write(path, data) }
    }

    func write(_ path: String, _ bytes: [UInt8]) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// A path beside the site (the file to import).
    func path(_ name: String) -> String { root.appendingPathComponent(name).path }

    /// A file of the site, or nil.
    func text(_ path: String) -> String? {
        FileManager.default.contents(atPath: site.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Runs `citywide import ...` in-process; the exit status.
    func run(_ arguments: [String]) -> Int32 {
        do {
            var command = try ImportCommand.parseAsRoot(arguments + ["--site", site.path])
            try command.run()
            return 0
        } catch {
            return ImportCommand.exitCode(for: error).rawValue
        }
    }

    func cleanUp() { try? FileManager.default.removeItem(at: root) }
}

extension String {
    /// The text as a Windows program saves it: a BOM, then CRLF line ends.
    var withBOMAndCRLF: [UInt8] {
        [0xEF, 0xBB, 0xBF] + Array(replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }
}
