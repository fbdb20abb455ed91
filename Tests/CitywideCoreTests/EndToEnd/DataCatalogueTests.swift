import Foundation
import Testing
@testable import CitywideCore

/// `data/all.csv` (every metric in one CSV) and `data/index.html` (the
/// catalogue as a page), beside the per-metric downloads they summarise.
@Suite("Data catalogue")
struct DataCatalogueTests {
    static let site = """
        -- site.yml --
        title: Test City Progress
        base_url: https://example.org/test/
        languages: [en, es]
        data_status: synthetic
        -- Blueprints/springfield.md --
        ---
        city: Springfield
        fellow: Senior fellow
        ---
        # Springfield Blueprint
        -- Blueprints/shelbyville.md --
        ---
        city: Shelbyville
        fellow: Senior fellow
        ---
        # Shelbyville Blueprint
        -- Metrics/referrals.yml --
        id: referrals
        title: Referrals
        system: labor
        type: count
        frequency: quarterly
        dimensions:
          sex: [female, male]
        -- Metrics/beds.yml --
        id: beds
        title: Shelter beds
        system: housing
        type: count
        frequency: quarterly
        aggregation: last
        dimensions:
          age_group: [under_18, adult]
          sex: [female, male]
        -- Data/all.csv --
        city,period,metric,sex,age_group,value,status,note
        springfield,2019-Q1,referrals,,,40,,
        springfield,2019-Q1,referrals,female,,25,,
        springfield,2019-Q1,referrals,male,,15,,
        shelbyville,2019-Q1,referrals,,,14,provisional,"=late, by a week"
        springfield,2019-Q1,beds,,,30,,
        springfield,2019-Q1,beds,,under_18,0,,
        springfield,2019-Q1,beds,,adult,30,,

        """

    @Test("all.csv holds every metric's rows, metrics by id, with every metric's dimensions as columns")
    func allCSV() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        let outcome = site.build()
        #expect(outcome.succeeded, "\(outcome.lines)")
        let all = try #require(site.file("data/all.csv"))
        #expect(all == """
            metric,city,period,age_group,sex,value,status,flag,note\r
            beds,springfield,2019-Q1,,,30,published,,\r
            beds,springfield,2019-Q1,under_18,,0,published,,\r
            beds,springfield,2019-Q1,adult,,30,published,,\r
            referrals,shelbyville,2019-Q1,,,14,published,provisional,"'=late, by a week"\r
            referrals,springfield,2019-Q1,,,40,published,,\r
            referrals,springfield,2019-Q1,,female,25,published,,\r
            referrals,springfield,2019-Q1,,male,15,published,,\r

            """)
        // The same rows as each metric's own file, with the metric in front.
        let beds = try #require(site.file("data/beds.csv")).split(separator: "\r\n").dropFirst()
        let referrals = try #require(site.file("data/referrals.csv")).split(separator: "\r\n").dropFirst()
        #expect(all.split(separator: "\r\n").count == 1 + beds.count + referrals.count)
    }

    @Test("all.csv withholds what the per-metric downloads withhold")
    func allCSVSuppression() throws {
        let site = try TestSite(txtar: Self.site + """
            springfield,2019-Q2,referrals,,,30,,
            springfield,2019-Q2,referrals,female,,24,,
            springfield,2019-Q2,referrals,male,,6,,a note beside a small count

            """)
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        let all = try #require(site.file("data/all.csv"))
        // Each of referrals.csv's rows, in order: all.csv's referrals rows
        // without the column referrals lacks (age_group, the fourth).
        let own = try #require(site.file("data/referrals.csv")).split(separator: "\r\n").dropFirst()
        let projected = all.split(separator: "\r\n").filter { $0.hasPrefix("referrals,") }.map { line in
            let fields = line.split(separator: ",", maxSplits: 4, omittingEmptySubsequences: false)
            return ([fields[1], fields[2], fields[4]]).joined(separator: ",")
        }
        #expect(projected == own.map(String.init))
        #expect(all.contains("referrals,springfield,2019-Q2,,,,suppressed,,\r\n"), "the total would give the small count away")
        #expect(all.contains("referrals,springfield,2019-Q2,,male,,suppressed,,\r\n"))
        #expect(!all.contains(",6,") && !all.contains("a note beside a small count"))
    }

    @Test("data/index.html lists every download with its format, rows and what it holds, in each language")
    func cataloguePage() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        let page = try #require(site.file("data/index.html"))
        for (name, format, rows) in [("all.csv", "CSV", "7 rows"), ("beds.csv", "CSV", "3 rows"), ("beds.json", "JSON", "3 rows"),
                                     ("referrals.csv", "CSV", "4 rows"), ("referrals.json", "JSON", "4 rows"),
                                     ("progress.json", "JSON", "3 rows"), ("index.json", "JSON", "2 rows")] {
            #expect(page.contains("<th scope=\"row\"><a href=\"../data/\(name)\">\(name)</a></th><td>\(format)</td><td class=\"num\">\(rows)</td>"), "\(name)")
        }
        #expect(page.contains("Shelter beds: each city and period, also by age group and sex, with status, flag and note."))
        let spanish = try #require(site.file("es/data/index.html"))
        #expect(spanish.contains("<a href=\"../../data/all.csv\">all.csv</a></th><td>CSV</td><td class=\"num\">7 filas</td>"))
        // Every page links it from the navigation and the footer.
        let home = try #require(site.file("index.html"))
        #expect(home.contains("<li><a href=\"data/index.html\">Data</a></li>"))
        #expect(home.contains("<a href=\"data/index.html\">Data downloads</a>"))
        #expect(site.file("data/index.json")?.contains("\"all_csv\": \"all.csv\"") == true)
    }
}
