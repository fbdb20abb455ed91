import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel

/// The strongest form of "a withheld value appears nowhere": two inputs that
/// differ only in withheld values (with every published figure the same) must
/// give byte-identical sites. This catches what a search for the digits cannot:
/// a withheld value leaking through SVG geometry (a bar's height, a point's y),
/// a rounded rate, a delta, a status, a sentence's wording or a file's length.
@Suite("Withheld values change no published byte")
struct IndistinguishableInputsTests {
    /// One city, a quarterly count broken down by sex, and a rate computed from it.
    /// 2019-Q1: 7 is withheld (fewer than 11) and one more cell protects it.
    /// 2019-Q2: the total alone, 7, withheld: a gap in every chart.
    static func site(q1: [String: Int], q2: Int) -> String {
        """
        -- site.yml --
        title: Test City Progress
        base_url: https://example.org/test/
        languages: [en, es]
        privacy:
          min_cell: 11
          min_rate_numerator: 20
        data_status: synthetic
        -- Blueprints/springfield.md --
        ---
        city: Springfield
        state: IL
        population: 250000
        fellow: Senior fellow
        adopted: 2019-01-15
        updated: 2020-02-01
        commitments:
          - id: spr-screening
            system: labor
            title: Screen wage-theft cases for trafficking
            status: in_progress
            due: 2019-09-30
            metrics: [referrals]
            target: { metric: referrals, value: 120, by: 2019-12-31 }
        ---
        # Springfield Blueprint

        Last we heard: {{< value referrals >}}.

        {{< chart referrals >}}
        -- Metrics/referrals.yml --
        id: referrals
        title: Referrals
        system: labor
        type: count
        unit: referrals
        direction: up
        frequency: quarterly
        dimensions:
          sex: [female, male, another]
        -- Metrics/referrals_rate.yml --
        id: referrals_rate
        title: Referrals per 100,000 residents
        system: labor
        type: rate
        numerator: referrals
        per: 100000
        unit: per 100,000 residents
        decimals: 1
        direction: up
        frequency: quarterly
        -- Data/referrals.csv --
        city,period,metric,sex,value
        springfield,2019-Q1,referrals,,\(q1["total"] ?? 0)
        springfield,2019-Q1,referrals,female,\(q1["female"] ?? 0)
        springfield,2019-Q1,referrals,male,\(q1["male"] ?? 0)
        springfield,2019-Q1,referrals,another,\(q1["another"] ?? 0)
        springfield,2019-Q2,referrals,,\(q2)
        springfield,2019-Q3,referrals,,50
        springfield,2019-Q4,referrals,,64
        springfield,2019-Q4,referrals,female,40
        springfield,2019-Q4,referrals,male,24
        springfield,2019-Q4,referrals,another,0
        """
    }

    @Test("moving withheld units between withheld cells, and changing a withheld total, changes no output byte")
    func withheldValuesAreInvisible() throws {
        let q1 = ["total": 100, "female": 60, "male": 33, "another": 7]
        let first = try TestSite(txtar: Self.site(q1: q1, q2: 7))
        defer { first.cleanUp() }
        #expect(first.build().errors.isEmpty)
        // The second build reads the ledger the first wrote, as a later release does.
        let published = first.build()
        #expect(published.errors.isEmpty, "\(published.lines)")

        // Which of 2019-Q1's cells were withheld: read from the download, as a reader would.
        let csv = try #require(first.file("data/referrals.csv"))
        let withheld = Set(csv.split(whereSeparator: \.isNewline).compactMap { line -> String? in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 5, fields[0] == "springfield", fields[1] == "2019-Q1", line.contains("suppressed") else { return nil }
            return fields[2].isEmpty ? "total" : fields[2]
        })
        #expect(withheld.contains("another"), "7 is withheld")
        #expect(withheld.count >= 2, "and something protects it: \(withheld)")

        // A variant with the same published figures: one unit moved so that every
        // published total and part still adds up (total = female + male + another).
        var variant = q1
        variant["another"] = 8
        if withheld.contains("total") {
            variant["total"] = 101
        } else {
            let partner = try #require(withheld.subtracting(["another"]).sorted().first)
            variant[partner] = (variant[partner] ?? 0) - 1
        }
        let second = try TestSite(txtar: Self.site(q1: variant, q2: 9))
        defer { second.cleanUp() }
        let ledger = try #require(FileManager.default.contents(atPath: first.folder.appendingPathComponent(".citywide/ledger.json").path))
        try second.write(".citywide/ledger.json", String(decoding: ledger, as: UTF8.self))
        let outcome = second.build()
        #expect(outcome.errors.isEmpty, "\(outcome.lines)")

        let a = first.outputFiles(), b = second.outputFiles()
        #expect(a.count > 30)
        #expect(a.keys.sorted() == b.keys.sorted())
        for path in a.keys.sorted() where a[path] != b[path] {
            Issue.record("\(path) differs between two inputs that differ only in withheld values")
        }
    }
}
