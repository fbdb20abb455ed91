import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublish

/// Links nobody declared: a reader who puts two published tables side by
/// side writes their equations anyway, so suppression must protect them
/// together (`InferredLinks`). Each site is whole: the metrics and data are
/// all here.
@Suite("Links between metrics nobody declared")
struct InferredLinkTests {
    static let referrals = """
    id: referrals
    title: Referrals
    system: labor
    type: count
    frequency: quarterly
    dimensions:
      trafficking_type: [sex, labor, both]

    """

    /// Eight quarters where the labor count is small: protecting it means
    /// withholding the sex count or the total, chosen by keyed hash.
    static let quarters = (1...8).map { q in
        let period = "\(2019 + (q - 1) / 4)-Q\((q - 1) % 4 + 1)"
        return """
        springfield,\(period),referrals,,\(30 + q),,
        springfield,\(period),referrals,sex,\(25 + q),,
        springfield,\(period),referrals,labor,5,,
        springfield,\(period),referrals,both,0,,

        """
    }.joined()

    static func site(metrics: [String: String], data: String) throws -> TestSite {
        var files: [String: String] = [
            "site.yml": """
            title: Test City Progress
            base_url: https://example.org/test/
            languages: [en]
            privacy:
              min_cell: 11
              min_rate_numerator: 20
            data_status: synthetic

            """,
            "Blueprints/springfield.md": """
            ---
            city: Springfield
            population: 100000
            commitments:
              - id: spr-referrals
                system: labor
                title: Refer every case screened
                status: in_progress
                metrics: [referrals]
            ---
            # Springfield Blueprint

            """,
            "Metrics/referrals.yml": referrals,
            "Data/referrals.csv": "city,period,metric,trafficking_type,value,status,note\n" + quarters,
        ]
        for (id, text) in metrics { files["Metrics/\(id).yml"] = text }
        files["Data/other.csv"] = data
        return try TestSite(files)
    }

    @Test("the same count published twice, once with its breakdown and once as a total, is protected together")
    func twins() throws {
        let copy = "id: referrals_total\ntitle: Referrals (total)\nsystem: labor\ntype: count\nfrequency: quarterly\n"
        let data = "city,period,metric,value\n" + (1...8).map { q in
            "springfield,\(2019 + (q - 1) / 4)-Q\((q - 1) % 4 + 1),referrals_total,\(30 + q)\n"
        }.joined()
        let site = try Self.site(metrics: ["referrals_total": copy], data: data)
        defer { site.cleanUp() }
        var attacker = ProtectionIntervalTests.attacker(for: try #require(site.build().site))
        attacker.twins = [("referrals", "referrals_total")]
        for id in ["referrals", "referrals_total"] { attacker.read(csv: try #require(site.file("data/\(id).csv")), metric: id) }
        #expect(attacker.rows.filter(\.withheld).count >= 16)
        let findings = attacker.narrowed { _ in 10 }
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test("an annual metric that sums a quarterly one is protected with it")
    func annualBesideQuarters() throws {
        let annual = "id: referrals_annual\ntitle: Referrals per year\nsystem: labor\ntype: count\nfrequency: annual\ndimensions:\n  trafficking_type: [sex, labor, both]\n"
        let data = """
        city,period,metric,trafficking_type,value
        springfield,2019,referrals_annual,,130
        springfield,2019,referrals_annual,sex,110
        springfield,2019,referrals_annual,labor,20
        springfield,2019,referrals_annual,both,0
        springfield,2020,referrals_annual,,146
        springfield,2020,referrals_annual,sex,126
        springfield,2020,referrals_annual,labor,20
        springfield,2020,referrals_annual,both,0

        """
        let site = try Self.site(metrics: ["referrals_annual": annual], data: data)
        defer { site.cleanUp() }
        let outcome = site.build()
        #expect(outcome.errors.isEmpty, "\(outcome.lines)")
        var attacker = ProtectionIntervalTests.attacker(for: try #require(outcome.site))
        attacker.sums = [(coarse: "referrals_annual", fine: "referrals")]
        for id in ["referrals", "referrals_annual"] { attacker.read(csv: try #require(site.file("data/\(id).csv")), metric: id) }
        let findings = attacker.narrowed { _ in 10 }
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test("a chance match of a few cells does not tie two metrics together")
    func chanceMatch() {
        let q1 = Period("2019-Q1")!, q2 = Period("2019-Q2")!
        let a = InferredLinks.Cells(metric: 0, frequency: .quarterly, byKey: [.init(city: 0, period: q1, cell: 0): 0, .init(city: 0, period: q2, cell: 0): 1])
        let b = InferredLinks.Cells(metric: 1, frequency: .quarterly, byKey: [.init(city: 0, period: q1, cell: 0): 2, .init(city: 0, period: q2, cell: 0): 3])
        // Equal in one cell, different in the other: no link.
        #expect(InferredLinks.lines([a, b], raw: [12, 40, 12, 41], declared: []).isEmpty)
        // Equal everywhere: one line per shared cell.
        #expect(InferredLinks.lines([a, b], raw: [12, 40, 12, 40], declared: []) == [[0, 2], [1, 3]])
        // Declared links are the declaration's business.
        #expect(InferredLinks.lines([a, b], raw: [12, 40, 12, 40], declared: [[1, 0]]).isEmpty)
    }
}
