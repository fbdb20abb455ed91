import Foundation
import Mustache
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideRender

/// The template variables are the property names of the typed page views
/// (`LayoutView`, `HomeView`, ..., `TableView`): Mustache reads them by
/// reflection. docs/templates.md documents them for people who fork the
/// templates, so renaming a property without the docs (or documenting a
/// variable no view has) fails here instead of silently emptying a forked
/// template.
///
/// The views are those of every page of the example site (the repository
/// root), and of a small site whose metric sets its own progress thresholds
/// (the example's do not): a list's item type is seen only in a list with items.
@Suite("Template variables are the documented ones")
struct TemplateVariableDocTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The docs section that documents each view: a page template's name,
    /// `layout` for the values every page receives, or a partial's name.
    struct ProvidedNames {
        var bySection: [String: Set<String>] = [:]
        /// The page sections each partial's view appears in.
        var partialUsedIn: [String: Set<String>] = [:]

        static func partial(_ value: Any) -> String? {
            switch value {
            case is TableView: "table"
            case is CommitmentView: "commitment"
            case is ProgressView: "progress"
            case is StatusCountView: "status-counts"
            case is PaginationView: "pagination"
            default: nil
            }
        }

        mutating func collect(_ value: Any, section: String) {
            if let custom = value as? MustacheCustomRepresentation {
                if let shown = custom.representation { collect(shown, section: section) }
                return
            }
            // Values, and the interface text `t` (its keys are the i18n files', not a view's).
            if value is String || value is Bool || value is Int || value is Double || value is [String: String] { return }
            if let list = value as? [Any] {
                for item in list { collect(item, section: section) }
                return
            }
            if let partial = Self.partial(value), partial != section {
                partialUsedIn[partial, default: []].insert(section)
                collect(value, section: partial)
                return
            }
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .struct:
                for child in mirror.children {
                    if let label = child.label { bySection[section, default: []].insert(label) }
                    collect(child.value, section: section)
                }
            case .optional:
                if let wrapped = mirror.children.first { collect(wrapped.value, section: section) }
            default:
                Issue.record("a view holds \(type(of: value)), which Mustache does not read as values")
            }
        }
    }

    /// Every page of the example site and of the small site, in every language.
    static func pages() throws -> (pages: [Page], site: Site) {
        let small = try TestSite(txtar: """
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
            progress: { high: 0.9, med: 0.5, low: 0 }
            -- Data/referrals.csv --
            city,period,metric,trafficking_type,value,status,note
            springfield,2019-Q1,referrals,,30,,
            springfield,2019-Q1,referrals,sex,12,,
            springfield,2019-Q1,referrals,labor,18,,
            springfield,2019-Q2,referrals,,35,,

            """)
        defer { small.cleanUp() }
        // A site past a page of cities, for the overview by state and the
        // city lists (only those pages: its 300 city pages add nothing).
        let large = try PagedCityListTests.largeSite()
        defer { large.cleanUp() }
        let (example, examplePages) = try pages(of: root)
        let largePages = try pages(of: large.folder) { path in
            ["index.html", "es/index.html"].contains(path) || path.contains("cities/page/") || path.contains("states/") || path.contains("coverage/") || path.contains("reports/")
        }.pages
        return (examplePages + (try pages(of: small.folder)).pages + largePages, example)
    }

    static func pages(of folder: URL, only: (String) -> Bool = { _ in true }) throws -> (site: Site, pages: [Page]) {
        let log = DiagnosticLog()
        let (site, published) = Pipeline.analyze(folder, baseURL: nil, log: log)
        let loaded = try #require(site, "\(log.diagnostics)")
        let data = try #require(published)
        return (loaded, SiteRenderer(site: loaded, published: data, assets: AssetFiles()).pagePlan().filter { only($0.path) }.map { $0.make() })
    }

    static func provided(_ pages: [Page]) -> ProvidedNames {
        var names = ProvidedNames()
        for page in pages {
            names.collect(page.layout, section: "layout")
            names.collect(page.view, section: page.template)
        }
        return names
    }

    /// docs/templates.md by section: `## home` → "home", `### table` → "table";
    /// "Values every page receives" → "layout".
    static func docSections() throws -> [String: String] {
        let doc = try String(contentsOf: root.appendingPathComponent("docs/templates.md"), encoding: .utf8)
        var sections: [String: String] = [:]
        var current = ""
        for line in doc.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") || line.hasPrefix("### ") {
                let heading = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
                current = heading == "Values every page receives" ? "layout" : heading
            } else {
                sections[current, default: ""] += line + "\n"
            }
        }
        return sections
    }

    /// Names in backticks: `x`.
    static func backticked(_ text: some StringProtocol) -> Set<String> {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false)
        return Set(stride(from: 1, to: parts.count, by: 2).map { String(parts[$0]) }
            .filter { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } })
    }

    /// The names a section's tables document: the first column of each row.
    static func documented(_ section: String) -> Set<String> {
        section.split(separator: "\n").filter { $0.hasPrefix("| `") }.reduce(into: Set<String>()) { names, row in
            let cells = row.split(separator: "|", omittingEmptySubsequences: false)
            if cells.count > 1 { names.formUnion(backticked(cells[1])) }
        }
    }

    static let viewSections = ["layout", "home", "cities", "city", "metric", "reports", "report", "coverage", "methodology", "data",
                               "table", "commitment", "progress", "status-counts", "pagination"]

    @Test("every variable a view provides is named in its docs/templates.md section")
    func everyProvidedVariableIsDocumented() throws {
        let names = Self.provided(try Self.pages().pages)
        let docs = try Self.docSections()
        #expect(Set(names.bySection.keys) == Set(Self.viewSections), "every page and partial has its view")
        for section in Self.viewSections {
            // A partial's values may be told where a page adds to them (`city` of the metric page's `progress`).
            let places = [section] + (names.partialUsedIn[section] ?? []).sorted()
            let mentioned = places.reduce(into: Set<String>()) { $0.formUnion(Self.backticked(docs[$1] ?? "")) }
            let undocumented = (names.bySection[section] ?? []).subtracting(mentioned).sorted()
            #expect(undocumented.isEmpty, "docs/templates.md section '\(section)' does not name: \(undocumented)")
        }
    }

    @Test("every variable docs/templates.md lists is provided by its view")
    func everyDocumentedVariableIsProvided() throws {
        let names = Self.provided(try Self.pages().pages)
        let docs = try Self.docSections()
        for section in Self.viewSections {
            let documented = Self.documented(docs[section] ?? "")
            let missing = documented.subtracting(names.bySection[section] ?? []).sorted()
            #expect(missing.isEmpty, "docs/templates.md section '\(section)' lists variables its view does not have: \(missing)")
        }
        // The status partial reads what a commitment and a status count both have.
        let status: Set<String> = ["status_key", "status_label", "status_icon"]
        #expect(status.isSubset(of: Self.backticked(docs["status"] ?? "")))
        #expect(status.isSubset(of: names.bySection["commitment"] ?? []))
        #expect(status.isSubset(of: names.bySection["status-counts"] ?? []))
    }

    @Test("every variable the built-in templates use is provided by a view (or is interface text)")
    func builtInTemplatesUseProvidedVariables() throws {
        let (pages, site) = try Self.pages()
        let names = Self.provided(pages)
        let provided = names.bySection.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        let interface = Set(site.interface.values.flatMap { $0.strings.keys })
        let builtIn = site.templates.sources.filter { $0.origin.hasPrefix("built-in ") }
        #expect(builtIn.count >= 12, "the example site uses the built-in templates")
        let unknown = TemplateVariables.names(in: builtIn).subtracting(provided).subtracting(interface).sorted()
        #expect(unknown.isEmpty, "built-in templates use variables no view provides: \(unknown)")
    }

    @Test("a renamed property is caught: a view's names are its property names")
    func namesAreProperties() {
        var names = ProvidedNames()
        names.collect(ReportsView(title: "Reports", reports: [ReportsView.Report(label: "2020-Q4", href: "x", is_latest: true)]), section: "reports")
        names.collect(TableView(caption: "c", corner: "k", columns: [], rows: [
            TableView.Row(header: "h", href: OrNo(nil), cells: [TableView.Cell(text: "1", class: "num", note_mark: OrNo(nil))]),
        ], notes: [], notes_lang: OrNo(nil), folded: OrNo(nil), download_href: OrNo(nil),
           words: TableView.Words(note_mark: "note", notes: "Notes", download: "Downloads")), section: "city")
        #expect(names.bySection["reports"] == ["title", "reports", "label", "href", "is_latest"])
        #expect(names.bySection["table"] == ["caption", "corner", "columns", "rows", "header", "href", "cells", "text", "class", "note_mark",
                                             "notes", "notes_lang", "folded", "download_href", "words", "download"])
        #expect(names.partialUsedIn["table"] == ["city"])
    }

    @Test("the check of forked templates knows the typed views' names, and an absent `OrNo` value hides nothing of its type")
    func checkKnowsTypedViews() {
        let progress = ProgressView(status_key: "none", status_label: "No status", status_icon: "–", since: OrNo(nil),
                                    base: OrNo(nil), current: OrNo("14 in 2019-Q1"), target: OrNo(nil), deadline: OrNo(nil), value: OrNo(nil),
                                    reason: OrNo("one value only"), small_numbers: OrNo(nil))
        let keys = TemplateVariables.keys(in: [progress, ["extra": [progress]] as [String: Any]])
        #expect(keys == ["status_key", "status_label", "status_icon", "since", "base", "current", "target", "deadline", "value", "reason",
                         "small_numbers", "city", "city_href", "extra"])
    }
}
