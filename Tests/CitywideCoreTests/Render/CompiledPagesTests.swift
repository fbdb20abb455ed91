import Foundation
import Testing
import Mustache
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywideRender

/// The pages of a site rendered by our compiled renderer and by
/// swift-mustache: the same bytes. Here the values are the real page views
/// (read in place, field by field, through `ViewType`), which the
/// dictionary- and struct-based cases of `CompiledTemplatesTests` cannot
/// reach: text, numbers, yes/no, optionals, `OrNo`, lists of views, the
/// interface text `t`, dotted names, transforms and `{{.}}` of each.
@Suite("Compiled pages")
struct CompiledPagesTests {
    static let site = """
        -- site.yml --
        title: Test City Progress
        base_url: https://example.org/test/
        languages: [en, es]
        privacy:
          min_cell: 11
        data_status: synthetic
        help:
          text: Call the hotline
          url: tel:+18883737888
        -- Blueprints/springfield.md --
        ---
        city: Springfield
        state: IL
        population: 100000
        fellow: Senior <fellow> & "friends"
        adopted: 2019-01-15
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
        commitments: []
        ---
        # Shelbyville

        No plan yet.
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
        springfield,2019-Q2,referrals,,35,,not collected in May
        -- Templates/city.mustache --
        {{<layout}}
        {{$main}}
          <h1>{{title}}</h1> {{.title}} {{t.city}} {{#t}}{{city}}|{{title}}{{/t}}{{^t}}no t{{/t}} [{{t.no_such_key}}] [{{no_such_name}}]
          {{commitment_count}} {{#commitment_count}}({{.}}){{/commitment_count}}{{^commitment_count}}zero{{/commitment_count}} {{min_cell}} {{is_home}} {{has_languages}}
          {{#fellow}}<{{.}}>{{/fellow}}{{^fellow}}no fellow{{/fellow}} {{#population}}{{.}} {{/population}}{{^adopted}}-{{/adopted}}{{#latest_period}}{{.}}{{/latest_period}}
          {{#body_lang}}{{.}}{{/body_lang}}{{^body_lang}}same language{{/body_lang}} {{help.text}} {{#help}}{{url}} {{#lang}}{{.}}{{/lang}}{{^lang}}no lang{{/lang}}{{/help}}
          {{empty(metrics)}} {{count(metrics)}} {{^empty(systems)}}systems{{/empty(systems)}} {{#first(metrics)}}{{title}} {{id}}{{/first(metrics)}} {{empty(title)}} {{uppercased(place)}} {{#empty(fellow)}}no fellow{{/empty(fellow)}}
        {{#metrics}}
          {{#table}}{{caption}} {{#rows}}{{header}}:{{#cells}}{{text}}{{#note_mark}}*{{.}}{{/note_mark}};{{/cells}} {{title}} {{#href}}{{.}}{{/href}}{{/rows}}{{#notes}}{{mark}} {{text}}{{/notes}}{{/table}}
          {{#latest}}{{latest}}{{/latest}}{{^latest}}none{{/latest}} {{#progress}}{{status_key}} {{value}}{{/progress}}{{^progress}}no progress{{/progress}} {{site_title}} {{.site_title}}|{{#breakdowns}}{{>table}}{{/breakdowns}}{{^breakdowns}}no breakdowns{{/breakdowns}}
        {{/metrics}}
        {{#systems}}{{system}}: {{#commitments}}{{>commitment}}{{/commitments}}{{/systems}}{{^systems}}no systems{{/systems}}
          {{#nav}}{{label}}{{#current}}*{{/current}} {{/nav}}{{#alternates}}{{lang}}={{href}} {{/alternates}}
        {{{body_html}}}
        {{/main}}
        {{/layout}}

        """

    /// Every page of `site`, rendered by the compiled templates and by
    /// swift-mustache: each page's two renders are expected to be the same
    /// bytes. Returns the compiled templates and the pages, for a test's own
    /// checks of what they render.
    static func renderedAsSwiftMustache(_ site: TestSite) throws -> (CompiledTemplates, [Page]) {
        let log = DiagnosticLog()
        let (analyzed, published) = Pipeline.analyze(site.folder, baseURL: nil, log: log)
        let loaded = try #require(analyzed, "\(log.diagnostics)")
        let compiled = try #require(CompiledTemplates(loaded.templates.sources))
        let pages = SiteRenderer(site: loaded, published: try #require(published), assets: AssetFiles()).pagePlan().map { $0.make() }
        for page in pages {
            let expected = try #require(loaded.templates.library.render(page.context, withTemplate: page.template), "\(page.path)")
            #expect(compiled.render(page.context, template: page.template) == expected, "\(page.path)")
        }
        return (compiled, pages)
    }

    @Test("every page renders to swift-mustache's bytes, a forked template with every kind of value included")
    func everyPageAsSwiftMustache() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        let (compiled, pages) = try Self.renderedAsSwiftMustache(site)
        #expect(Set(pages.map(\.template)).isSuperset(of: ["home", "city", "metric", "reports", "report", "coverage", "methodology", "data"]))
        let springfield = try #require(pages.first { $0.path == "cities/springfield/index.html" })
        let forked = try #require(compiled.render(springfield.context, template: "city"))
        #expect(forked.contains("<Senior &lt;fellow&gt; &amp; &quot;friends&quot;> 100,000 2019-Q2"), "\(forked)")
        #expect(forked.contains("1 (1) 11 false true") && forked.contains("2019-Q2:35*1;"), "\(forked)")
        #expect(forked.contains("same language") && forked.contains("tel:+18883737888"), "\(forked)")
    }
}
