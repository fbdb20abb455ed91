import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideRender

/// The sitemap is the page plan's paths: every page written is listed, and
/// nothing is listed that was not written, in every language.
@Suite("Sitemap")
struct SitemapTests {
    @Test("the sitemap lists exactly the pages the build wrote")
    func sitemapIsThePagePlan() throws {
        // Two cities in two languages.
        let site = try TestSite(txtar: """
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
            -- Blueprints/shelbyville.md --
            ---
            city: Shelbyville
            state: IL
            population: 100000
            fellow: Senior fellow
            adopted: 2019-01-15
            updated: 2020-02-01
            commitments:
              - id: shel-housing
                system: housing
                title: House survivors
                status: planned
            ---
            # Shelbyville Blueprint

            Our plan.
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
            """)
        defer { site.cleanUp() }
        let outcome = site.build()
        #expect(outcome.succeeded, "\(outcome.diagnostics.map(\.formatted))")
        let base = try #require(outcome.site?.config.baseURL)
        let pages = Set(site.outputFiles().keys.filter { $0.hasSuffix(".html") }.map { path in
            base + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
        })
        let sitemap = try #require(site.file("sitemap.xml"))
        let listed = Set(sitemap.components(separatedBy: "<loc>").dropFirst().compactMap { $0.components(separatedBy: "</loc>").first })
        #expect(pages.count > 10 && pages.contains { $0.contains("/es/") }, "pages in both languages")
        #expect(listed == pages, "listed, not written: \(listed.subtracting(pages).sorted()); written, not listed: \(pages.subtracting(listed).sorted())")
    }
}
