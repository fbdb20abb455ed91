import Foundation
import Testing
@testable import CitywideCore
@testable import CitywidePublished

/// `Ledger.load` reads the layout `text()` writes over bytes, and anything
/// else as JSON, as before: both give the same ledger, and what JSON refuses
/// is still refused.
@Suite("Reading the privacy ledger")
struct LedgerReadingTests {
    static let key = KeyedHash(k0: 0x0123_4567_89ab_cdef, k1: 0xfedc_ba98_7654_3210)

    /// The ledger written to a fresh site folder, then loaded from it.
    static func load(_ text: String) throws -> (Ledger?, [Diagnostic]) {
        let site = try TestSite([Ledger.path: text])
        defer { site.cleanUp() }
        let log = DiagnosticLog()
        return (Ledger.load(site.folder, log: log), log.diagnostics)
    }

    @Test("a written ledger reads back over bytes, with escaped and non-ASCII cell names, as JSON reads it")
    func roundTrip() throws {
        let entries: [String: Ledger.Entry] = [
            "m|springfield|2020-Q1|0": .init(withheld: true, input: 0xffff_ffff_ffff_ffff),
            "m|san-jos\u{E9}|2020-Q2|3": .init(withheld: false, input: 0),
            "m|a\"b\\c|2020|1": .init(withheld: true, input: 0x10),
        ]
        for cells in [entries, [:]] {
            let text = Ledger(key: Self.key, entries: cells).text()
            #expect(Ledger.readWritten(Array(text.utf8))?.entries == cells)
            let (ledger, diagnostics) = try Self.load(text)
            #expect(diagnostics.isEmpty)
            #expect(ledger?.entries == cells)
            #expect(ledger?.key.k0 == Self.key.k0 && ledger?.key.k1 == Self.key.k1)
        }
    }

    @Test("other layouts are read as JSON; what JSON refuses is still an error")
    func otherLayouts() throws {
        let written = Ledger(key: Self.key, entries: ["x": .init(withheld: true, input: 7)]).text()
        // Hand-formatted, or with uppercase hex: not the written layout, same ledger.
        for text in [written.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "  ", with: ""),
                     written.replacingOccurrences(of: "\"0000000000000007\"", with: "\"000000000000000A\"")] {
            #expect(Ledger.readWritten(Array(text.utf8)) == nil)
            let (ledger, diagnostics) = try Self.load(text)
            #expect(diagnostics.isEmpty)
            #expect(ledger?.entries["x"]?.withheld == true)
        }
        // A raw control character in a name is left to JSON to judge.
        #expect(Ledger.readWritten(Array(written.replacingOccurrences(of: "\"x\"", with: "\"x\u{1}\"").utf8)) == nil)
        // A trailing comma is not the written layout either (Foundation's JSON reading takes it).
        #expect(Ledger.readWritten(Array(written.replacingOccurrences(of: "\"}\n  }", with: "\"},\n  }").utf8)) == nil)
        // A ledger cut short is an error, as before.
        let truncated = String(written.dropLast(3))
        #expect(Ledger.readWritten(Array(truncated.utf8)) == nil)
        let (ledger, diagnostics) = try Self.load(truncated)
        #expect(ledger == nil)
        #expect(diagnostics.map(\.message).contains { $0.contains("privacy ledger cannot be read") })
    }
}
