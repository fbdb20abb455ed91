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
        let site = try TestSite(Fixtures.site(["Data/referrals.csv": Self.data(labor: 5, total: 37)]))
        defer { site.cleanUp() }
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

    @Test("an unreadable ledger is an error, not a fresh start")
    func unreadable() throws {
        let site = try TestSite(Fixtures.site([".citywide/ledger.json": "{ not json"]))
        defer { site.cleanUp() }
        #expect(site.check().hasError(".citywide/ledger.json", containing: "privacy ledger cannot be read"))
    }
}
