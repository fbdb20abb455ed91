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
        let site = try TestSite(PreviewBuilderTests.files())
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
