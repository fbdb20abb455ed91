import Foundation
import Testing
import Mustache
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywideRender

/// The interface text `t` read by key number from a table per language
/// (`TemplateStrings`) rather than looked up by name on every tag: the same
/// bytes as swift-mustache, in each language (a site's own translation file
/// included), in sections, partials and dotted names, and where there is no key.
@Suite("Template interface text")
struct TemplateInterfaceTextTests {
    static let site = """
        -- site.yml --
        title: Test City Progress
        base_url: https://example.org/test/
        languages: [en, fr]
        privacy:
          min_cell: 11
        data_status: synthetic
        -- Templates/i18n/fr.yml --
        city: 'Ville <"d''abord"> & co'
        commitments: Engagements
        status: Statut
        -- Blueprints/springfield.md --
        ---
        city: Springfield
        state: IL
        commitments:
          - id: spr-labor-screening
            system: labor
            title: Screen wage-theft cases for trafficking
            status: in_progress
            due: 2020-12-31
            metrics: [referrals]
        ---
        # Springfield Blueprint

        We will act.
        -- Metrics/referrals.yml --
        id: referrals
        title: Referrals
        system: labor
        type: count
        unit: referrals
        decimals: 0
        direction: up
        frequency: quarterly
        -- Data/referrals.csv --
        city,period,metric,value
        springfield,2019-Q1,referrals,30
        springfield,2019-Q2,referrals,35
        -- Templates/city.mustache --
        {{<layout}}
        {{$main}}
          [{{t.city}}] [{{{t.city}}}] {{#t.city}}({{.}}){{/t.city}}{{^t.city}}no city{{/t.city}} {{#empty(t.city)}}empty{{/empty(t.city)}}
          [{{t.no_such_key}}] {{^t.no_such_key}}no key{{/t.no_such_key}} [{{t.city.more}}] {{#t}}{{commitments}}{{/t}}
        {{#metrics}}
          {{title}}: {{t.metrics}} {{#latest}}{{t.status}} {{latest}}{{/latest}}
        {{/metrics}}
        {{#systems}}{{system}} {{t.commitments}}: {{#commitments}}{{t.status}} {{>commitment}}{{/commitments}}{{/systems}}
        {{/main}}
        {{/layout}}

        """

    @Test("every page renders to swift-mustache's bytes in both languages, a site's own translation included")
    func everyPageAsSwiftMustache() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        let (compiled, pages) = try CompiledPagesTests.renderedAsSwiftMustache(site)
        let english = try #require(pages.first { $0.path == "cities/springfield/index.html" })
        let englishCity = try #require(compiled.render(english.context, template: "city"))
        #expect(englishCity.contains("[City] [City] (City) \n[] no key [] Commitments\nReferrals: Metrics Status 35"), "\(englishCity)")
        let french = try #require(pages.first { $0.path == "fr/cities/springfield/index.html" })
        let frenchCity = try #require(compiled.render(french.context, template: "city"))
        #expect(frenchCity.contains("[Ville &lt;&quot;d&#39;abord&quot;&gt; &amp; co] [Ville <\"d'abord\"> & co] (Ville &lt;"), "\(frenchCity)")
        #expect(frenchCity.contains(" Engagements: Statut "), "\(frenchCity)")
    }

    @Test func aTableAnswersForItsOwnDictionaryOnly() throws {
        let keys = UnsafeMutableBufferPointer<String>.allocate(capacity: 3)
        _ = keys.initialize(from: ["city", "status", "missing"])
        defer { keys.deinitialize().deallocate() }
        let tables = TemplateStringTables(keys: keys)
        let english = ["city": "City", "status": "Status"]
        let french = ["city": "Ville", "status": "Statut"]
        let copy = english
        try withUnsafePointer(to: english) { englishPointer in
            try withUnsafePointer(to: copy) { copyPointer in
                try withUnsafePointer(to: french) { frenchPointer in
                    let table = try #require(tables.table(for: englishPointer))
                    #expect(tables.table(for: copyPointer) === table, "a copy shares its storage, and so its table")
                    let frenchTable = try #require(tables.table(for: frenchPointer))
                    #expect(frenchTable !== table)
                    #expect(table.text(0)??.pointee == "City" && frenchTable.text(1)??.pointee == "Statut")
                    #expect(table.text(2).map { $0 == nil } == true, "a key the dictionary lacks: no text")
                    #expect(table.text(3) == nil, "a key numbered after the table was made: looked up by name")
                }
            }
        }
    }

    @Test func noMoreTablesThanTheLimit() {
        let keys = UnsafeMutableBufferPointer<String>.allocate(capacity: 1)
        _ = keys.initialize(from: ["city"])
        defer { keys.deinitialize().deallocate() }
        let tables = TemplateStringTables(keys: keys)
        let dictionaries = (0...TemplateStringTables.limit).map { ["city": "City \($0)"] }
        let found = dictionaries.map { dictionary in withUnsafePointer(to: dictionary) { tables.table(for: $0) } }
        #expect(found.prefix(TemplateStringTables.limit).allSatisfy { $0 != nil })
        #expect(found.count == TemplateStringTables.limit + 1 && found[TemplateStringTables.limit] == nil)
        #expect(found.first??.text(0)??.pointee == "City 0")
    }
}
