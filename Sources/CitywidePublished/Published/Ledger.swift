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
    /// "metric|city|period|cell", made as bytes: an interpolated String grew
    /// its storage a piece at a time, for each of a large release's cells.
    package static func cellID(_ site: Site, metric m: Int, _ figure: PublishedFigure) -> String {
        var text = ByteText(capacity: 64)
        text.append(site.metrics[m].id)
        text.append("|" as StaticString)
        text.append(site.blueprints.indices.contains(figure.city) ? site.blueprints[figure.city].slug : String(figure.city))
        text.append("|" as StaticString)
        text.append(figure.period.description)
        text.append("|" as StaticString)
        text.append(String(figure.cell.raw))
        return String(decoding: text.bytes, as: UTF8.self)
    }

    package func inputHash(_ value: Double?) -> UInt64 {
        key.hash("input:" + (value.map { String($0.bitPattern) } ?? "none"))
    }

    // MARK: Reading and writing

    /// Reads the ledger of `folder`, nil when there is none. A ledger that
    /// cannot be read is an error: silently starting afresh would forget
    /// which cells earlier releases withheld.
    package static func load(_ folder: URL, log: DiagnosticLog) -> Ledger? {
        reading(folder).ledger(log: log)
    }

    /// The ledger file of a folder, read but not yet reported on: `build`
    /// reads it on a thread of its own while the site loads (on a large site
    /// it is megabytes of cells), and reports an unreadable one where `load`
    /// would, once the analysis reaches the disclosure.
    package enum Reading: Sendable {
        case none
        case read(Ledger)
        case unreadable

        /// A ledger file's bytes, read.
        init(_ data: Data) {
            self = Ledger.read(data).map(Reading.read) ?? .unreadable
        }

        /// The ledger, nil when there is none; an error when it cannot be read.
        package func ledger(log: DiagnosticLog) -> Ledger? {
            switch self {
            case .none: return nil
            case let .read(ledger): return ledger
            case .unreadable:
                log.error(SourceLocation(path: Ledger.path, line: 1),
                          "the privacy ledger cannot be read; restore it from a backup, or delete it to start afresh (a fresh ledger forgets which cells earlier releases withheld)")
                return nil
            }
        }
    }

    /// The ledger file of `folder`, read.
    package static func reading(_ folder: URL) -> Reading {
        bytes(folder).map(Reading.init) ?? .none
    }

    /// The ledger file's bytes, nil when there is none.
    package static func bytes(_ folder: URL) -> Data? {
        FileManager.default.contents(atPath: folder.appendingPathComponent(path).path)
    }

    /// A ledger from its file's bytes; an error when they cannot be read.
    package static func read(_ data: Data, log: DiagnosticLog) -> Ledger? {
        Reading(data).ledger(log: log)
    }

    /// A ledger from its file's bytes, nil when they cannot be read.
    private static func read(_ data: Data) -> Ledger? {
        if let ledger = readWritten(Array(data)) { return ledger }
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              root["version"] as? Int == version,
              let keyText = root["key"] as? String, keyText.count == 32,
              let k0 = UInt64(keyText.prefix(16), radix: 16), let k1 = UInt64(keyText.suffix(16), radix: 16),
              let cells = root["cells"] as? [String: [String: Any]]
        else { return nil }
        var ledger = Ledger(key: KeyedHash(k0: k0, k1: k1))
        for (id, cell) in cells {
            guard let withheld = cell["withheld"] as? Bool, let input = (cell["input"] as? String).flatMap({ UInt64($0, radix: 16) }) else { continue }
            ledger.entries[id] = Entry(withheld: withheld, input: input)
        }
        return ledger
    }

    /// Sorted keys and one cell a line: the same release gives the same bytes.
    package func text() -> String {
        var text: [UInt8] = []
        writeText(chunkSize: .max) { text += $0 }
        return String(decoding: text, as: UTF8.self)
    }

    /// The text as UTF-8 bytes, handed to `emit` in chunks of about
    /// `chunkSize` bytes: a million cells are 80 MB of text, which is never
    /// held whole (nor as a String per line).
    package func writeText(chunkSize: Int, _ emit: ([UInt8]) throws -> Void) rethrows {
        var out = ByteText(capacity: min(chunkSize, 1 << 20) + 256)
        out.append("{\n  \"version\": ")
        out.append(Self.version)
        out.append(",\n  \"key\": \"")
        out.append(hex16: key.k0)
        out.append(hex16: key.k1)
        out.append("\",\n  \"cells\": {\n")
        // Sorted in the ids' byte order (as String's for these ASCII ids), as
        // pairs: no lookup of each id again afterwards.
        let cells = KeysInByteOrder(entries)
        var written = 0
        try cells.forEach { id, entry in
            written += 1
            out.append("    \"")
            Self.appendEscaped(id, to: &out)
            out.append(entry.withheld ? "\": {\"withheld\": true, \"input\": \"" : "\": {\"withheld\": false, \"input\": \"")
            out.append(hex16: entry.input)
            out.append(written < cells.count ? "\"},\n" : "\"}\n")
            if out.count >= chunkSize {
                try emit(out.bytes)
                out.bytes.removeAll(keepingCapacity: true)
            }
        }
        out.append("  }\n}\n")
        try emit(out.bytes)
    }

    /// A cell id in its JSON string: `\\` and `"` escaped (ids hold no
    /// control characters: slugs, periods and numbers).
    private static func appendEscaped(_ id: UnsafeBufferPointer<UInt8>, to out: inout ByteText) {
        for byte in id {
            if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\"") { out.append(byte: UInt8(ascii: "\\")) }
            out.append(byte: byte)
        }
    }

    /// Writes beside the inputs, atomically: a temporary file written a
    /// chunk at a time, then renamed over the ledger (a reader sees the old
    /// ledger or the new one, never half).
    package func write(to folder: URL) throws {
        try prepare(in: folder).commit()
    }

    /// The first half of `write`: the temporary file, written in full. `build`
    /// writes it while pages render, and commits it only once the site is out.
    package func prepare(in folder: URL) throws -> PreparedLedger {
        let url = folder.appendingPathComponent(Self.path)
        let ledgerFolder = url.deletingLastPathComponent().path
        let folderIsNew = access(ledgerFolder, F_OK) != 0
        try FileManager.default.createDirectory(atPath: ledgerFolder, withIntermediateDirectories: true)
        // Unique to this build: builds in one process (serve, tests) take
        // turns on the output, but one's ledger may be renamed into place
        // while the next already writes its own.
        let temporary = url.path + ".tmp-\(getpid())-\(UUID().uuidString)"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw LedgerWriteError(path: temporary, code: errno) }
        var closed = false
        do {
            try writeText(chunkSize: 1 << 20) { chunk in
                try chunk.withUnsafeBytes { buffer in
                    var offset = 0
                    while offset < buffer.count, let base = buffer.baseAddress {
                        let n = Glibc.write(fd, base + offset, buffer.count - offset)
                        if n < 0 {
                            if errno == EINTR { continue }
                            throw LedgerWriteError(path: temporary, code: errno)
                        }
                        offset += n
                    }
                }
            }
            closed = true
            guard close(fd) == 0 else { throw LedgerWriteError(path: temporary, code: errno) }
        } catch {
            if !closed { close(fd) }
            unlink(temporary)
            if folderIsNew { rmdir(ledgerFolder) }
            throw error
        }
        return PreparedLedger(temporary: temporary, path: url.path, newFolder: folderIsNew ? ledgerFolder : nil)
    }
}

/// A ledger written to its temporary file, not yet in place: `commit` renames
/// it over the ledger, `discard` removes it (the build failed: the ledger
/// stays as it was, like the output).
package struct PreparedLedger: Sendable {
    let temporary: String
    let path: String
    /// The ledger's folder when `prepare` made it: a failed build leaves no
    /// trace in the site folder.
    let newFolder: String?

    package func commit() throws {
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw LedgerWriteError(path: path, code: code)
        }
    }

    package func discard() {
        unlink(temporary)
        if let newFolder { rmdir(newFolder) }
    }
}

/// Writing the ledger failed: the system's reason.
struct LedgerWriteError: Error, LocalizedError {
    let path: String
    let code: Int32
    var errorDescription: String? { "\(path): \(String(cString: strerror(code)))" }
}
