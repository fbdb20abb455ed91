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

    @Test("an unreadable ledger is an error, not a fresh start")
    func unreadable() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        try site.write(".citywide/ledger.json", "{ not json")
        #expect(site.check().hasError(".citywide/ledger.json", containing: "privacy ledger cannot be read"))
    }
}
