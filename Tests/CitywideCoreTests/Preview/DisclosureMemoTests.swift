import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywidePublish

/// `serve` keeps the last disclosure while what it reads is the same, and
/// runs it again as soon as any of it changes: never a stale figure.
@Suite("Disclosure kept between preview builds")
struct DisclosureMemoTests {
    /// Springfield's rate per 100,000 residents depends on its population.
    static let site = """
        -- site.yml --
        title: Test City Progress
        base_url: https://example.org/test/
        privacy:
          min_cell: 11
        -- Blueprints/springfield.md --
        ---
        city: Springfield
        state: IL
        population: 100000
        fellow: Senior fellow
        commitments: []
        ---
        # Springfield Blueprint
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
          trafficking_type: [sex, labor]
        -- Metrics/referral_rate.yml --
        id: referral_rate
        title: Referrals per 100,000 residents
        description: Referrals for every 100,000 people living in the city.
        system: labor
        type: rate
        numerator: referrals
        per: 100000
        unit: per 100,000 residents
        decimals: 1
        direction: up
        frequency: quarterly
        -- Data/referrals.csv --
        city,period,metric,trafficking_type,value,status,note
        springfield,2019-Q1,referrals,,30,,
        springfield,2019-Q1,referrals,sex,12,,
        springfield,2019-Q1,referrals,labor,18,,
        springfield,2019-Q2,referrals,,40,,
        springfield,2019-Q2,referrals,sex,25,,
        springfield,2019-Q2,referrals,labor,15,,
        """

    static func blueprint(fellow: String = "Senior fellow", population: Int = 100000) -> String {
        """
        ---
        city: Springfield
        state: IL
        population: \(population)
        fellow: \(fellow)
        commitments: []
        ---
        # Springfield Blueprint

        """
    }

    /// Each metric's figures as "city period cell value", in order.
    static func figures(_ published: PublishedData?) -> [[String]] {
        (published?.metrics ?? []).map { metric in
            metric.figures.map { "\($0.city) \($0.period) \($0.cell.raw) \($0.value)" }
        }
    }

    /// Analyses the folder as it is now with `memo`, and checks the figures
    /// against an analysis without one.
    static func analyze(_ site: TestSite, _ memo: DisclosureMemo) throws -> PublishedData {
        let log = DiagnosticLog()
        let published = try #require(Pipeline.analyze(site.folder, baseURL: nil, log: log, memo: memo).1, "\(log.diagnostics)")
        let fresh = Pipeline.analyze(site.folder, baseURL: nil, log: DiagnosticLog()).1
        #expect(figures(published) == figures(fresh))
        return published
    }

    @Test("a new fellow or metric title keeps the disclosure; the definitions are the new ones")
    func kept() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        let memo = DisclosureMemo()
        _ = try Self.analyze(site, memo)
        try site.write("Blueprints/springfield.md", Self.blueprint(fellow: "Junior fellow"))
        _ = try Self.analyze(site, memo)
        #expect(memo.reused == 1)
        #expect(memo.progressReused == 1)

        try site.write("Metrics/referrals.yml", """
            id: referrals
            title: Referrals to victim services
            description: Referrals to victim services.
            system: labor
            type: count
            unit: referrals
            decimals: 0
            direction: up
            frequency: quarterly
            dimensions:
              trafficking_type: [sex, labor]

            """)
        let retitled = try Self.analyze(site, memo)
        #expect(memo.reused == 2)
        #expect(retitled.metrics.first { $0.definition.id == "referrals" }?.definition.title == "Referrals to victim services")
    }

    @Test("a commitment's new target assesses progress again, with the disclosure kept")
    func newTarget() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        let memo = DisclosureMemo()
        let before = try Self.analyze(site, memo)
        try site.write("Blueprints/springfield.md", """
            ---
            city: Springfield
            state: IL
            population: 100000
            fellow: Senior fellow
            commitments:
              - id: spr-referrals
                system: labor
                title: Refer more survivors
                status: in_progress
                metrics: [referrals]
                target: { metric: referrals, value: 20, by: 2019-06-30 }
            ---
            # Springfield Blueprint

            """)
        let log = DiagnosticLog()
        let after = try #require(Pipeline.analyze(site.folder, baseURL: nil, log: log, memo: memo).1, "\(log.diagnostics)")
        let fresh = try #require(Pipeline.analyze(site.folder, baseURL: nil, log: DiagnosticLog()).1)
        #expect(memo.reused == 1)
        #expect(memo.progressReused == 0)
        let statuses = { (published: PublishedData) in published.progress.map { $0.map { $0?.status } } }
        #expect(statuses(after) == statuses(fresh))
        #expect(statuses(after) != statuses(before), "the target is met now: \(statuses(after))")
    }

    @Test("a new population, data row, metric rule or privacy rule runs the disclosure again")
    func rerun() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        let memo = DisclosureMemo()
        let before = try Self.analyze(site, memo)

        try site.write("Blueprints/springfield.md", Self.blueprint(population: 200000))
        let moved = try Self.analyze(site, memo)
        #expect(memo.reused == 0)
        #expect(Self.figures(moved) != Self.figures(before), "the rate moved with the population")

        try site.write("Data/referrals.csv", """
            city,period,metric,trafficking_type,value,status,note
            springfield,2019-Q1,referrals,,30,,
            springfield,2019-Q1,referrals,sex,12,,
            springfield,2019-Q1,referrals,labor,18,,
            springfield,2019-Q2,referrals,,40,,
            springfield,2019-Q2,referrals,sex,35,,
            springfield,2019-Q2,referrals,labor,5,,

            """)
        let withheld = try Self.analyze(site, memo)
        #expect(memo.reused == 0)
        #expect(withheld.metrics.contains { $0.figures.contains { $0.value == .withheld } }, "a count of 5 is withheld")

        try site.write("Metrics/referrals.yml", """
            id: referrals
            title: Referrals
            description: Referrals to victim services.
            system: labor
            type: count
            unit: referrals
            decimals: 0
            direction: up
            frequency: quarterly
            privacy:
              min_cell: 20
            dimensions:
              trafficking_type: [sex, labor]

            """)
        _ = try Self.analyze(site, memo)
        #expect(memo.reused == 0)

        try site.write("site.yml", """
            title: Test City Progress
            base_url: https://example.org/test/
            privacy:
              min_cell: 16

            """)
        _ = try Self.analyze(site, memo)
        #expect(memo.reused == 0)
    }
}
