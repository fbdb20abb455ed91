import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywideRender

/// A site with more cities than one page lists (`CityListing.pageSize`):
/// the overview sums up by state, and the cities are on the state pages and
/// the paged city index, every one reachable, no page listing more than a
/// page of them.
@Suite("Paged city lists")
struct PagedCityListTests {
    /// 150 cities in English and Spanish: 120 in Texas (two pages), 20 in
    /// Nuevo León, 10 without a state ("Other").
    static func largeSite() throws -> TestSite {
        var files: [String: String] = [
            "site.yml": """
                title: National Progress
                base_url: https://example.org/national/
                languages: [en, es]
                data_status: synthetic
                """,
            "Metrics/referrals.yml": """
                id: referrals
                title: Referrals
                description: Referrals to victim services.
                system: labor
                type: count
                unit: referrals
                decimals: 0
                direction: up
                frequency: quarterly
                """,
        ]
        files["Data/referrals.csv"] = "city,period,metric,value\n" + (0..<150).map { "city-\(String(format: "%03d", $0)),2019-Q1,referrals,\(20 + $0)\n" }.joined()
        for c in 0..<150 {
            let state = c < 120 ? "state: Texas\n" : c < 140 ? "state: Nuevo León\n" : ""
            files["Blueprints/city-\(String(format: "%03d", c)).md"] = """
                ---
                city: City \(String(format: "%03d", c))
                \(state)population: 100000
                fellow: Fellow
                adopted: 2019-01-15
                commitments:
                  - id: c\(c)-labor
                    system: labor
                    title: Screen wage-theft cases for trafficking
                    status: in_progress
                ---
                # Plan

                We will act.
                """
        }
        return try TestSite(files)
    }

    /// The relative links of a page, resolved against its folder.
    static func links(_ html: String, from path: String) -> [String] {
        let folder = path.split(separator: "/").dropLast().map(String.init)
        return html.components(separatedBy: "href=\"").dropFirst().compactMap { rest in
            guard let href = rest.split(separator: "\"", maxSplits: 1).first.map(String.init),
                  !href.contains(":"), !href.hasPrefix("#") else { return nil }
            var parts = folder
            for part in href.split(separator: "#")[0].split(separator: "/") {
                if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(String(part)) }
            }
            return parts.joined(separator: "/")
        }
    }

    /// Links to city pages (not to the city index).
    static func cityLinks(_ html: String, from path: String) -> [String] {
        links(html, from: path).filter { $0.hasPrefix("cities/") && !$0.hasPrefix("cities/page/") || $0.hasPrefix("es/cities/") && !$0.hasPrefix("es/cities/page/") }
    }

    @Test("every page is reachable, lists at most a page of cities, and the pagination links are right")
    func pagedSite() throws {
        let site = try Self.largeSite()
        defer { site.cleanUp() }
        let outcome = site.build()
        #expect(outcome.succeeded, "\(outcome.diagnostics.map(\.formatted))")
        let files = site.outputFiles()
        let html = files.keys.filter { $0.hasSuffix(".html") }
        let text = { (path: String) in files[path].map { String(decoding: $0, as: UTF8.self) } ?? "" }

        // Every page reachable from the overview, in both languages.
        var reached: Set<String> = ["index.html"]
        var queue = ["index.html"]
        while let path = queue.popLast() {
            for link in Self.links(text(path), from: path) where link.hasSuffix(".html") && !reached.contains(link) {
                reached.insert(link)
                queue.append(link)
            }
        }
        #expect(Set(html).subtracting(reached).sorted() == [], "pages no link leads to")

        // The overview lists no city; the city index and state pages at most a page.
        #expect(Self.cityLinks(text("index.html"), from: "index.html").isEmpty)
        #expect(text("index.html").contains("href=\"states/nuevo-leon/index.html\">Nuevo León</a>"))
        #expect(text("index.html").contains("href=\"states/other/index.html\">Other</a>"))
        #expect(text("es/index.html").contains("es/states/other/index.html\">Otros</a>"))
        let listPages = html.filter { $0.contains("cities/page/") || $0.contains("states/") }.sorted()
        // No page of the site but a city's own lists more than a page of cities.
        for path in html where !path.contains("cities/city-") {
            #expect(Set(Self.cityLinks(text(path), from: path)).count <= CityListing.pageSize, "\(path)")
        }
        #expect(html.contains("coverage/texas/page/2/index.html") && html.contains("es/coverage/other/index.html"))
        #expect(html.contains("reports/2019-Q1/index.html"))
        #expect(Self.cityLinks(text("reports/2019-Q1/index.html"), from: "reports/2019-Q1/index.html").count <= 2 * ReportPages.citiesLimit)
        #expect(listPages.filter { !$0.hasPrefix("es/") } == [
            "cities/page/1/index.html", "cities/page/2/index.html",
            "states/nuevo-leon/index.html", "states/other/index.html",
            "states/texas/index.html", "states/texas/page/2/index.html",
        ])
        for path in listPages {
            // Each city is a row of both matrices.
            let rows = Self.cityLinks(text(path), from: path)
            #expect(rows.count <= 2 * CityListing.pageSize, "\(path) lists \(rows.count / 2) cities")
        }

        // Every city once in the index, once among the states.
        let cityPages = Set(html.filter { $0.hasPrefix("cities/city-") })
        for group in [["cities/page/1/index.html", "cities/page/2/index.html"],
                      ["states/texas/index.html", "states/texas/page/2/index.html", "states/nuevo-leon/index.html", "states/other/index.html"]] {
            let listed = group.flatMap { Self.cityLinks(text($0), from: $0) }
            #expect(listed.count == 2 * 150 && Set(listed) == cityPages, "\(group)")
        }

        // Pagination: previous and next, each page by number, this one current.
        let first = text("states/texas/index.html"), second = text("states/texas/page/2/index.html")
        #expect(first.contains("<a href=\"../../states/texas/page/2/index.html\" rel=\"next\">Next</a>"))
        #expect(!first.contains("rel=\"prev\""))
        #expect(first.contains("<a href=\"../../states/texas/index.html\" aria-current=\"page\">1</a>"))
        #expect(second.contains("<a href=\"../../../../states/texas/index.html\" rel=\"prev\">Previous</a>"))
        #expect(second.contains("<a href=\"../../../../states/texas/page/2/index.html\" aria-current=\"page\">2</a>"))
        #expect(!second.contains("rel=\"next\""))
        #expect(text("cities/page/1/index.html").contains("Cities 1 to 100 of 150."))
        #expect(text("es/cities/page/2/index.html").contains("Ciudades 101 a 150 de 150."))
        #expect(text("cities/page/2/index.html").components(separatedBy: "aria-current=\"page\">2</a>").count == 3, "above and below the tables")
    }

    @Test("a metric page draws and lists 12 of 150 cities, the 6 highest and the 6 lowest, and says so")
    func metricPageAtScale() throws {
        let site = try Self.largeSite()
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        let page = try #require(site.file("metrics/referrals/index.html"))
        #expect(page.contains("150 cities report this metric: the chart shows the 6 with the highest and the 6 with the lowest latest value."))
        let cities = Set(Self.cityLinks(page, from: "metrics/referrals/index.html"))
        let expected = Set(([0, 1, 2, 3, 4, 5] + [144, 145, 146, 147, 148, 149]).map { "cities/city-\(String(format: "%03d", $0))/index.html" })
        #expect(cities == expected)
        let csv = try #require(site.file("data/referrals.csv"))
        #expect(Set(csv.split(whereSeparator: \.isNewline).dropFirst().map { $0.prefix { $0 != "," } }).count == 150, "every city in the download")
    }

    @Test("a site of a few cities keeps its overview: no city index, no state pages")
    func smallSite() throws {
        let site = try TestSite(txtar: """
            -- site.yml --
            title: Three Cities
            data_status: synthetic
            -- Blueprints/springfield.md --
            ---
            city: Springfield
            state: IL
            population: 100000
            fellow: Fellow
            adopted: 2019-01-15
            ---
            # Plan
            -- Blueprints/shelbyville.md --
            ---
            city: Shelbyville
            population: 100000
            fellow: Fellow
            adopted: 2019-01-15
            ---
            # Plan
            """)
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        let paths = site.outputFiles().keys
        #expect(!paths.contains { $0.contains("cities/page/") || $0.hasPrefix("states/") })
        let home = try #require(site.file("index.html"))
        #expect(home.contains("id=\"commitments-caption\""))
        #expect(home.contains("href=\"cities/springfield/index.html\">Springfield</a>"))
        #expect(!home.contains("states-heading"))
    }

    @Test("the three-city example site makes no page of the large-site design")
    func exampleSiteIsUnchanged() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("citywide-example-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(Pipeline.build(Pipeline.Options(site: ExampleSiteTests.root, output: output)).succeeded)
        let paths = SiteFiles.list(output)
        #expect(!paths.contains { $0.contains("cities/page/") || $0.contains("states/") || $0.contains("sitemap-") })
        #expect(paths.filter { $0.hasPrefix("coverage/") } == ["coverage/index.html"])
        for path in paths where path.hasSuffix(".html") {
            let text = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
            #expect(!text.contains("class=\"pagination\"") && !text.contains("states-heading") && !text.contains("report this metric:"), "\(path)")
        }
    }

    @Test("a sitemap past 50,000 URLs or 1 MB becomes an index of parts within both")
    func sitemapIndex() {
        let sitemap = Sitemap(base: "https://example.org/")
        #expect(sitemap.files(["index.html"]).map(\.path) == ["sitemap.xml"])
        let paths = (0..<120_000).map { "cities/city-\($0)/index.html" }
        let files = sitemap.files(paths)
        #expect(files.first?.path == "sitemap.xml")
        #expect(files.first?.text.contains("<sitemapindex") == true)
        let parts = files.dropFirst()
        #expect(parts.map(\.path) == (1...parts.count).map { "sitemap-\($0).xml" })
        #expect(parts.count >= 3)
        for part in parts {
            #expect(part.text.utf8.count <= Sitemap.byteLimit)
            #expect(part.text.components(separatedBy: "<url>").count - 1 <= Sitemap.urlLimit)
            #expect(files[0].text.contains("<loc>https://example.org/\(part.path)</loc>"))
        }
        #expect(parts.map { $0.text.components(separatedBy: "<url>").count - 1 }.reduce(0, +) == 120_000)
    }
}
