import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywidePublish
@testable import CitywideRender
@testable import CitywideWrite

/// The privacy ledger: earlier releases bind later ones.
@Suite("Privacy ledger")
struct LedgerTests {
    /// One city, one metric, a little data: the site these tests start from.
    /// A test that breaks one file writes that file over this site.
    static let site = """
        -- site.yml --
        title: Test City Progress
        base_url: https://example.org/test/
        languages: [en]
        privacy:
          min_cell: 11
          min_rate_numerator: 20
        data_status: synthetic
        -- Blueprints/springfield.md --
        ---
        city: Springfield
        state: IL
        population: 100000
        fellow: Senior fellow
        adopted: 2019-01-15
        updated: 2020-02-01
        commitments:
          - id: spr-labor-screening
            system: labor
            title: Screen wage-theft cases for trafficking
            status: in_progress
            due: 2020-12-31
            populations: [immigrants]
            metrics: [referrals]
            target: { metric: referrals, value: 40, by: 2021-12-31 }
        ---
        # Springfield Blueprint

        We will act.
        -- Metrics/referrals.yml --
        id: referrals
        title: Referrals
        description: Referrals to victim services.
        system: labor
        type: count
        unit: referrals
        decimals: 0
        direction: up
        frequency: quarterly
        dimensions:
          trafficking_type: [sex, labor, both]
        -- Data/referrals.csv --
        city,period,metric,trafficking_type,value,status,note
        springfield,2019-Q1,referrals,,30,,
        springfield,2019-Q1,referrals,sex,12,,
        springfield,2019-Q1,referrals,labor,18,,
        springfield,2019-Q2,referrals,,35,,

        """

    static func data(labor: Int, total: Int) -> String {
        """
        city,period,metric,trafficking_type,value,status,note
        springfield,2019-Q1,referrals,,\(total),,
        springfield,2019-Q1,referrals,sex,20,,
        springfield,2019-Q1,referrals,labor,\(labor),,
        springfield,2019-Q1,referrals,both,12,,

        """
    }

    static func statuses(_ site: TestSite) throws -> [String: String] {
        let rows = EquationAttacker.parseCSV(try #require(site.file("data/referrals.csv"))).dropFirst().filter { $0.count > 4 }
        return Dictionary(rows.map { ($0[2], $0[4]) }, uniquingKeysWith: { a, _ in a })
    }

    @Test("a cell once withheld stays withheld while its input is unchanged; check writes no ledger")
    func stickyWithholding() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        try site.write("Data/referrals.csv", Self.data(labor: 5, total: 37))
        #expect(site.check().errors.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: site.folder.appendingPathComponent(".citywide/ledger.json").path), "check only reads")
        #expect(site.build().errors.isEmpty)
        let ledger = try #require(FileManager.default.contents(atPath: site.folder.appendingPathComponent(".citywide/ledger.json").path))
        #expect(!String(decoding: ledger, as: UTF8.self).contains("\"12\""), "no raw value in the ledger")
        let first = try Self.statuses(site)
        #expect(first["labor"] == "suppressed")
        let protecting = ["sex", "both"].filter { first[$0] == "suppressed" }
        #expect(!protecting.isEmpty, "the keyed choice protects with a part here: \(first)")

        // The small count grows past the threshold; the cells that protected it did not change.
        try site.write("Data/referrals.csv", Self.data(labor: 15, total: 47))
        #expect(site.build().errors.isEmpty)
        let second = try Self.statuses(site)
        #expect(second["labor"] == "published")
        for cell in protecting { #expect(second[cell] == "suppressed", "\(cell) was withheld before and its input is unchanged") }
    }

    @Test("the ledger's text: sorted ids, one cell a line, escaped; written in chunks, it reads back the same")
    func textAndRoundTrip() throws {
        let ledger = Ledger(key: KeyedHash(k0: 0x0123_4567_89ab_cdef, k1: 0xf), entries: [
            "m|b|2024-Q1|0": Ledger.Entry(withheld: true, input: 0xabc),
            "m|a\"q\\|2024-Q1|258": Ledger.Entry(withheld: false, input: .max),
        ])
        let expected = """
            {
              "version": 1,
              "key": "0123456789abcdef000000000000000f",
              "cells": {
                "m|a\\"q\\\\|2024-Q1|258": {"withheld": false, "input": "ffffffffffffffff"},
                "m|b|2024-Q1|0": {"withheld": true, "input": "0000000000000abc"}
              }
            }

            """
        #expect(ledger.text() == expected)
        // Chunks of any size make the same bytes.
        var chunked: [UInt8] = []
        ledger.writeText(chunkSize: 1) { chunked += $0 }
        #expect(String(decoding: chunked, as: UTF8.self) == expected)
        #expect(Ledger(key: ledger.key).text().hasSuffix("\"cells\": {\n  }\n}\n"), "no cells: an empty object")

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citywide-ledger-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try ledger.write(to: folder)
        let log = DiagnosticLog()
        let read = try #require(Ledger.load(folder, log: log))
        #expect(log.diagnostics.isEmpty)
        #expect(read.entries == ledger.entries)
        #expect(read.key.k0 == ledger.key.k0 && read.key.k1 == ledger.key.k1)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(".citywide").path)
        #expect(leftovers == ["ledger.json"], "no temporary file left beside it")
    }

    @Test("build writes the ledger while pages render and puts it in place after the site: prepared, it is not yet the ledger; discarded, it leaves nothing")
    func preparedThenCommittedOrDiscarded() throws {
        let ledger = Ledger(key: KeyedHash(k0: 1, k1: 2), entries: ["m|a|2024-Q1|0": Ledger.Entry(withheld: true, input: 7)])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citywide-ledger-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledgerFolder = folder.appendingPathComponent(".citywide").path
        func files() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: ledgerFolder)) ?? []).sorted() }

        // A failed build: the folder it made is gone again.
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let failed = try ledger.prepare(in: folder)
        #expect(files().count == 1 && !files().contains("ledger.json"), "only the temporary file: \(files())")
        failed.discard()
        #expect(!FileManager.default.fileExists(atPath: ledgerFolder), "a failed build leaves no trace in the site folder")

        // Two builds one after the other, the second preparing before the first commits.
        let first = try ledger.prepare(in: folder)
        let second = try Ledger(key: ledger.key).prepare(in: folder)
        try first.commit()
        #expect(files().contains("ledger.json"))
        try second.commit()
        #expect(files() == ["ledger.json"], "no temporary file left beside it")
        let read = try #require(Ledger.load(folder, log: DiagnosticLog()))
        #expect(read.entries.isEmpty, "the later build's ledger is the one in place")

        // A failed build when a ledger is already there: the ledger stays as it was.
        let third = try ledger.prepare(in: folder)
        third.discard()
        #expect(files() == ["ledger.json"])
        #expect(try #require(Ledger.load(folder, log: DiagnosticLog())).entries.isEmpty)
    }

    @Test("a build that releases every cell as the ledger has it leaves the ledger's file as it is; a data edit writes it again")
    func unchangedLedgerNotWritten() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        let path = site.folder.appendingPathComponent(".citywide/ledger.json").path
        /// The file's inode: a ledger written again is a new file renamed into place.
        func inode() throws -> UInt64 {
            var info = stat()
            try #require(stat(path, &info) == 0)
            return UInt64(info.st_ino)
        }
        #expect(site.build().errors.isEmpty)
        let first = try inode()
        let written = try #require(FileManager.default.contents(atPath: path))

        // The narrative changes, the data does not: the same cells, the same ledger.
        let blueprint = try String(contentsOf: site.folder.appendingPathComponent("Blueprints/springfield.md"), encoding: .utf8)
        try site.write("Blueprints/springfield.md", blueprint.replacingOccurrences(of: "We will act.", with: "We will act, and report."))
        #expect(site.build().errors.isEmpty)
        #expect(try inode() == first, "an unchanged ledger is not written again")
        #expect(FileManager.default.contents(atPath: path) == written)

        // A count changes: its cell's input hash changes, and the ledger is written again.
        try site.write("Data/referrals.csv", Self.data(labor: 15, total: 47))
        #expect(site.build().errors.isEmpty)
        #expect(try inode() != first)
        let read = try #require(Ledger.load(site.folder, log: DiagnosticLog()))
        #expect(read.entries.count > 0)
        #expect(FileManager.default.contents(atPath: path) != written)
    }

    @Test("an unreadable ledger is an error, not a fresh start")
    func unreadable() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        try site.write(".citywide/ledger.json", "{ not json")
        #expect(site.check().hasError(".citywide/ledger.json", containing: "privacy ledger cannot be read"))
    }
}
