import Foundation
import CitywideModel

/// `.citywide/ledger.json` in the site folder: what earlier builds released,
/// so that a later build cannot undo their protection (SPEC "Privacy" rule 2).
///
/// It holds the secret key of the keyed choice of protecting cells and, per
/// released count cell, whether it was withheld and a keyed hash of its raw
/// input (never the value: a plain hash of a small count is guessed in ten
/// tries; a keyed one is not, without the key). It is private, like `Data/`,
/// and git-ignored by `init`. `build` writes it, atomically and only when
/// the build succeeds; `check` and `serve` only read it.
///
/// What it changes: a cell once withheld stays withheld while its input is
/// unchanged; and a cell released before with an unchanged input is known to
/// a reader who kept that release, so the auditor counts it as published.
public struct Ledger: Sendable, Equatable {
    package struct Entry: Sendable, Equatable {
        package init(withheld: Bool, input: UInt64) {
            self.withheld = withheld
            self.input = input
        }

        package var withheld: Bool
        package var input: UInt64
    }

    package static let path = ".citywide/ledger.json"
    package static let version = 1

    package var key: KeyedHash
    package var entries: [String: Entry] = [:]

    package init(key: KeyedHash, entries: [String: Entry] = [:]) {
        self.key = key
        self.entries = entries
    }

    /// A cell's name in the ledger: metric, city, period, breakdown.
    package static func cellID(_ site: Site, metric m: Int, _ figure: PublishedFigure) -> String {
        let city = site.blueprints.indices.contains(figure.city) ? site.blueprints[figure.city].slug : String(figure.city)
        return "\(site.metrics[m].id)|\(city)|\(figure.period)|\(figure.cell.raw)"
    }

    package func inputHash(_ value: Double?) -> UInt64 {
        key.hash("input:" + (value.map { String($0.bitPattern) } ?? "none"))
    }

    // MARK: Reading and writing

    /// Reads the ledger of `folder`, nil when there is none. A ledger that
    /// cannot be read is an error: silently starting afresh would forget
    /// which cells earlier releases withheld.
    package static func load(_ folder: URL, log: DiagnosticLog) -> Ledger? {
        let url = folder.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              root["version"] as? Int == version,
              let keyText = root["key"] as? String, keyText.count == 32,
              let k0 = UInt64(keyText.prefix(16), radix: 16), let k1 = UInt64(keyText.suffix(16), radix: 16),
              let cells = root["cells"] as? [String: [String: Any]]
        else {
            log.error(SourceLocation(path: path, line: 1),
                      "the privacy ledger cannot be read; restore it from a backup, or delete it to start afresh (a fresh ledger forgets which cells earlier releases withheld)")
            return nil
        }
        var ledger = Ledger(key: KeyedHash(k0: k0, k1: k1))
        for (id, cell) in cells {
            guard let withheld = cell["withheld"] as? Bool, let input = (cell["input"] as? String).flatMap({ UInt64($0, radix: 16) }) else { continue }
            ledger.entries[id] = Entry(withheld: withheld, input: input)
        }
        return ledger
    }

    /// Sorted keys and one cell a line: the same release gives the same bytes.
    package func text() -> String {
        func hex(_ x: UInt64) -> String {
            let digits = String(x, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        var lines = ["{", "  \"version\": \(Self.version),", "  \"key\": \"\(hex(key.k0))\(hex(key.k1))\",", "  \"cells\": {"]
        let ids = entries.keys.sorted()
        for (i, id) in ids.enumerated() {
            guard let entry = entries[id] else { continue }
            let escaped = id.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            lines.append("    \"\(escaped)\": {\"withheld\": \(entry.withheld), \"input\": \"\(hex(entry.input))\"}" + (i + 1 < ids.count ? "," : ""))
        }
        lines += ["  }", "}", ""]
        return lines.joined(separator: "\n")
    }

    /// Writes beside the inputs, atomically (a temporary file, then a rename).
    package func write(to folder: URL) throws {
        let url = folder.appendingPathComponent(Self.path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text().utf8).write(to: url, options: .atomic)
    }
}
