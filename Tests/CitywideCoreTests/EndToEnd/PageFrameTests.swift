import Foundation
import Testing
@testable import CitywideCore

/// What the frame of every page says: the privacy threshold in the footer
/// (a metric's own where it raises the site's), and the reports index
/// without code paths.
@Suite("Page frame")
struct PageFrameTests {
    static let site = """
        -- site.yml --
        title: Test City Progress
        base_url: https://example.org/test/
        languages: [en]
        privacy: { min_cell: 11 }
        data_status: synthetic
        -- Blueprints/springfield.md --
        ---
        city: Springfield
        fellow: Senior fellow
        ---
        # Springfield Blueprint
        -- Metrics/referrals.yml --
        id: referrals
        title: Referrals
        system: labor
        type: count
        frequency: quarterly
        -- Metrics/legal_referrals.yml --
        id: legal_referrals
        title: Immigration legal referrals
        system: immigration
        type: count
        frequency: quarterly
        privacy: { min_cell: 20 }
        -- Data/all.csv --
        city,period,metric,value,status,note
        springfield,2019-Q1,referrals,40,,
        springfield,2019-Q1,legal_referrals,25,,
        springfield,2019-Q2,referrals,41,,

        """

    @Test("the footer gives a metric's own threshold on its page, and names the metrics that raise the site's elsewhere")
    func footerThresholds() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        func footer(_ path: String) throws -> String {
            let page = try #require(site.file(path))
            let start = try #require(page.range(of: "<footer"))
            return String(page[start.lowerBound...])
        }
        #expect(try footer("metrics/legal_referrals/index.html").contains("Counts from 1 to 19 are never published, to protect the people behind them.</p>"))
        #expect(try footer("metrics/referrals/index.html").contains("Counts from 1 to 10 are never published, to protect the people behind them.</p>"))
        for path in ["index.html", "cities/springfield/index.html", "methodology/index.html"] {
            #expect(try footer(path).contains("Counts from 1 to 10 are never published, to protect the people behind them. Some metrics withhold more: Immigration legal referrals, counts from 1 to 19.</p>"), "\(path)")
        }
    }

    @Test("without a metric that raises it, the footer names the site's threshold alone")
    func footerSiteThreshold() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        try site.write("Metrics/legal_referrals.yml", """
            id: legal_referrals
            title: Immigration legal referrals
            system: immigration
            type: count
            frequency: quarterly

            """)
        #expect(site.build().succeeded)
        let home = try #require(site.file("index.html"))
        #expect(home.contains("Counts from 1 to 10 are never published, to protect the people behind them.</p>"))
        #expect(!home.contains("Some metrics withhold more"))
    }

    @Test("the reports index links the latest report without showing a code path")
    func reportsIndex() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        let index = try #require(site.file("reports/index.html"))
        let start = try #require(index.range(of: "<main"))
        let end = try #require(index.range(of: "</main>"))
        let main = String(index[start.lowerBound..<end.lowerBound])
        #expect(main.contains("<a href=\"latest/index.html\">"))
        #expect(!main.contains("<code>") && !main.contains("reports/latest/"), "\(main)")
    }
}
