import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideRender

/// On a large site a report lists the `ReportPages.citiesLimit` cities where
/// most changed in its quarter: most changes first, then by name, a city
/// ranking equal to another after it in site order.
@Suite("Report ranking")
struct ReportRankingTests {
    /// 105 cities (a page and a few more). City k has k mod 4 commitments
    /// due in 2019-Q1, and a name that runs backwards from its file's
    /// ("city-000" is "City 104"), so name order is not site order; the last,
    /// "city-104", has 3 as well, and city-103's name, so their tie is
    /// decided by site order.
    static func site() throws -> TestSite {
        var files: [String: String] = [
            "site.yml": "title: Ranking\nbase_url: https://example.org/\ndata_status: synthetic\n",
            "Metrics/referrals.yml": """
                id: referrals
                title: Referrals
                system: labor
                type: count
                unit: referrals
                decimals: 0
                direction: up
                frequency: quarterly
                """,
            // One city's figure makes 2019-Q1 a report quarter.
            "Data/referrals.csv": "city,period,metric,value\ncity-000,2019-Q1,referrals,40\n",
        ]
        for k in 0..<105 {
            let slug = "city-" + String(format: "%03d", k)
            let name = k == 104 ? "City 001" : "City " + String(format: "%03d", 104 - k)
            let due = (0..<(k == 104 ? 3 : k % 4)).map { n in
                """
                  - id: c\(k)-\(n)
                    system: labor
                    title: Commitment \(n)
                    status: planned
                    due: 2019-02-0\(n + 1)

                """
            }.joined()
            files["Blueprints/\(slug).md"] = """
                ---
                city: \(name)
                fellow: Fellow
                commitments:
                  - id: c\(k)-done
                    system: labor
                    title: Done long ago
                    status: done
                    completed: 2018-06-01
                \(due)---
                # Plan

                We will act.
                """
        }
        return try TestSite(files)
    }

    @Test("the 20 cities with the most changes, then by name, ties in site order; the sentence counts every city")
    func mostChangedFirst() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let outcome = site.build()
        #expect(outcome.succeeded, "\(outcome.diagnostics.map(\.formatted))")
        let page = site.file("reports/2019-Q1/index.html") ?? ""
        var shown: [String] = []
        for link in PagedCityListTests.cityLinks(page, from: "reports/2019-Q1/index.html") where shown.last != link {
            shown.append(link)
        }
        // Three changes: k = 3, 7, ..., 103, named City 101 down to City 001,
        // and city-104, also City 001, after city-103.
        let expected = ([103, 104] + Array(stride(from: 99, through: 31, by: -4)))
            .map { "cities/city-" + String(format: "%03d", $0) + "/index.html" }
        #expect(shown == expected)
        // Cities with a change: k mod 4 ≠ 0 (78), city-104, and city-000,
        // whose first progress status is a change.
        #expect(page.contains("Of 105 cities, 80 had a status change, a commitment due or completed, or a target due this quarter; this report lists the 20 with the most."))
    }
}
