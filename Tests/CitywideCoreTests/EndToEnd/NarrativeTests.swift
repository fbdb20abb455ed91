import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywidePublish
@testable import CitywideRender
@testable import CitywideWrite

/// A fellow's narrative as GitHub shows it: footnotes, images next to the
/// blueprint, links to other blueprints and to sections; and `check` saying
/// what would otherwise break without a word.
@Suite("Blueprint narratives")
struct NarrativeTests {
    /// What every test here shares: site.yml in `languages`, the metric the
    /// blueprints name, and its data. Each test adds its blueprints.
    static func site(languages: String = "[en]") -> String {
        """
        -- site.yml --
        title: Test City Progress
        base_url: https://example.org/test/
        languages: \(languages)
        privacy:
          min_cell: 11
          min_rate_numerator: 20
        data_status: synthetic
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

        """
    }

    /// A blueprint whose narrative starts on line 10.
    static func blueprint(city: String = "Springfield", id: String = "spr-labor", _ body: String) -> String {
        """
        ---
        city: \(city)
        commitments:
          - id: \(id)
            system: labor
            title: Screen wage-theft cases
            status: planned
            metrics: [referrals]
        ---
        \(body)
        """
    }

    @Test("footnotes are numbered, linked both ways, in a section named by a heading, in every language")
    func footnotes() throws {
        let site = try TestSite(txtar: Self.site(languages: "[en, es]") + """
            -- Blueprints/springfield.md --
            ---
            city: Springfield
            commitments:
              - id: spr-labor
                system: labor
                title: Screen wage-theft cases
                status: planned
                metrics: [referrals]
            ---
            # Springfield Blueprint

            Wage theft hides labor trafficking.[^report] Screening works.[^2]

            [^report]: City auditor, *Wage theft in Springfield*, 2018.
            [^2]: Second source.
            """)
        defer { site.cleanUp() }
        let outcome = site.build()
        #expect(outcome.lines.filter { $0.hasPrefix("Blueprints/") } == [] && outcome.succeeded, "\(outcome.lines)")
        let english = try #require(site.file("cities/springfield/index.html"))
        #expect(!english.contains("[^"))
        #expect(english.contains("trafficking.<sup class=\"footnote-ref\"><a href=\"#fn-report\" id=\"fnref-report\" data-footnote-ref aria-describedby=\"footnote-label\">1</a></sup>"))
        #expect(english.contains("<section class=\"footnotes\" data-footnotes aria-labelledby=\"footnote-label\">\n<h3 id=\"footnote-label\">Notes</h3>\n<ol>\n<li id=\"fn-report\">"))
        #expect(english.contains("<a href=\"#fnref-2\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to the text\">↩</a>"))
        let spanish = try #require(site.file("es/cities/springfield/index.html"))
        #expect(spanish.contains("<h3 id=\"footnote-label\">Notas</h3>"))
        #expect(spanish.contains("aria-label=\"Volver al texto\""))
        #expect(spanish.contains("href=\"#fn-report\""))
    }

    @Test("headings get GitHub's ids, -1 and -2 on repeats, never an id the page or a footnote has, and a link to the section")
    func headingIDs() throws {
        let site = try TestSite(txtar: Self.site() + """
            -- Blueprints/springfield.md --
            ---
            city: Springfield
            commitments:
              - id: spr-labor
                system: labor
                title: Screen wage-theft cases
                status: planned
                metrics: [referrals]
            ---
            # Springfield Blueprint

            ## Funding & staff

            ## Funding & staff

            ### Funding & staff

            ## Commitments

            ## Fn 1

            ## Árbol de decisión

            See the sources.[^1]

            [^1]: A source.
            """)
        defer { site.cleanUp() }
        #expect(site.build().lines.filter { $0.hasPrefix("Blueprints/") } == [])
        let html = try #require(site.file("cities/springfield/index.html"))
        for (level, id, text) in [(3, "funding--staff", "Funding &amp; staff"), (3, "funding--staff-1", "Funding &amp; staff"), (4, "funding--staff-2", "Funding &amp; staff"),
                                  (3, "commitments-1", "Commitments"), (3, "fn-1-1", "Fn 1"), (3, "árbol-de-decisión", "Árbol de decisión")] {
            #expect(html.contains("<div class=\"section-heading\"><h\(level) id=\"\(id)\">\(text)</h\(level)> <a class=\"heading-link\" href=\"#\(id)\" aria-label=\"Link to this section: \(text)\">#</a></div>"), "\(id)")
        }
        #expect(html.contains("<section id=\"commitments\""), "the page's own id is kept")
        #expect(html.contains("<li id=\"fn-1\">"), "the footnote's id is kept")
    }

    @Test("an image next to the blueprint is copied, linked relatively from every language's page; other files are not copied")
    func images() throws {
        // French is not one of the site's languages: its narrative is not published, nor its image.
        let site = try TestSite(txtar: Self.site(languages: "[en, es]") + """
            -- Blueprints/springfield.md --
            ---
            city: Springfield
            commitments:
              - id: spr-labor
                system: labor
                title: Screen wage-theft cases
                status: planned
                metrics: [referrals]
            ---
            # Springfield Blueprint

            ![The survivors' advisory board](images/board.png)
            ![Logo](../Templates/assets/logo%20small.svg)
            -- Blueprints/springfield.es.md --
            ---
            city: Springfield
            commitments:
              - id: spr-labor
                system: labor
                title: Screen wage-theft cases
                status: planned
                metrics: [referrals]
            ---
            # Plan de Springfield

            ![El consejo asesor](images/board.png)
            -- Blueprints/springfield.fr.md --
            ---
            city: Springfield
            commitments:
              - id: spr-labor
                system: labor
                title: Screen wage-theft cases
                status: planned
                metrics: [referrals]
            ---
            # Plan de Springfield

            ![Inutilisée](images/unused.png)
            -- Blueprints/images/unused.png --
            not shown by any narrative
            -- Templates/assets/logo small.svg --
            <svg xmlns="http://www.w3.org/2000/svg"/>
            """)
        // Written apart: a txtar file ends in a newline, and the copy is compared byte for byte.
        try site.write("Blueprints/images/board.png", "PNG bytes")
        defer { site.cleanUp() }
        let outcome = site.build()
        #expect(outcome.succeeded)
        #expect(outcome.lines.filter { $0.hasPrefix("Blueprints/") } == [
            "Blueprints/images/unused.png:1:1: warning: ignored: Blueprints/ holds one <city-slug>.md per city, and the images their narratives show; no published narrative shows this file",
            "Blueprints/springfield.fr.md:1:1: warning: 'fr' is not one of the site's other languages (es); this translation is not published",
        ], "\(outcome.lines)")
        #expect(site.file("media/Blueprints/images/board.png") == "PNG bytes")
        #expect(site.file("media/Blueprints/images/unused.png") == nil)
        #expect(site.file("cities/springfield/index.html")?.contains("<img src=\"../../media/Blueprints/images/board.png\" alt=\"The survivors' advisory board\" />") == true)
        #expect(site.file("cities/springfield/index.html")?.contains("<img src=\"../../media/Templates/assets/logo%20small.svg\" alt=\"Logo\" />") == true)
        #expect(site.file("es/cities/springfield/index.html")?.contains("<img src=\"../../../media/Blueprints/images/board.png\" alt=\"El consejo asesor\" />") == true)
    }

    @Test("a missing, private, outside or non-image file is an error at the image; no alt text is a warning")
    func imageProblems() throws {
        let site = try TestSite(txtar: Self.site() + """
            -- Blueprints/springfield.md --
            ---
            city: Springfield
            commitments:
              - id: spr-labor
                system: labor
                title: Screen wage-theft cases
                status: planned
                metrics: [referrals]
            ---
            # Springfield Blueprint

            ![Team](images/team.png) and ![](images/board.png)
            ![Secret](../../outside.png) ![Counts](../Data/chart.png)
            ![Report](report.pdf) ![Hidden](.hidden/x.png)
            -- Blueprints/images/board.png --
            PNG
            -- Blueprints/report.pdf --
            PDF
            -- Data/chart.png --
            PNG
            """)
        defer { site.cleanUp() }
        let outcome = site.check()
        let path = "Blueprints/springfield.md"
        #expect(outcome.lines.filter { $0.hasPrefix(path) } == [
            "\(path):12:1: error: image 'images/team.png' not found: there is no file Blueprints/images/team.png",
            "\(path):12:30: warning: image 'images/board.png' has no alt text: say what it shows for readers who cannot see it, e.g. ![Survivors' advisory board at City Hall](images/board.png)",
            "\(path):13:1: error: image '../../outside.png' leads out of the site folder; only files of the site are published",
            "\(path):13:30: error: image '../Data/chart.png' is in Data/, the raw counts, which are never published",
            "\(path):14:1: error: image 'report.pdf' is not an image: an image is a png, jpg, jpeg, gif, svg, webp or avif file",
            "\(path):14:23: error: image '.hidden/x.png' names a hidden file or folder, which is never published",
        ], "\(outcome.lines)")
    }

    @Test("a link to another blueprint leads to that city's page, in the page's language; a link to a missing or unpublished file is an error")
    func links() throws {
        let site = try TestSite(txtar: Self.site(languages: "[en, es]") + """
            -- Blueprints/springfield.md --
            ---
            city: Springfield
            commitments:
              - id: spr-labor
                system: labor
                title: Screen wage-theft cases
                status: planned
                metrics: [referrals]
            ---
            # Springfield Blueprint

            Like [Shelbyville](shelbyville.md), we [fund staff](./shelbyville.md#funding--staff).
            See [Ogdenville](ogdenville.md), [our notes](notes.txt) and [settings](../site.yml).
            The [Spanish plan](shelbyville.es.md), [the web](https://example.org/a.md), [below](#sources).
            -- Blueprints/shelbyville.md --
            ---
            city: Shelbyville
            commitments:
              - id: shb-labor
                system: labor
                title: Screen wage-theft cases
                status: planned
                metrics: [referrals]
            ---
            # Shelbyville Blueprint

            ## Funding & staff
            """)
        defer { site.cleanUp() }
        let outcome = site.check()
        let path = "Blueprints/springfield.md"
        #expect(outcome.lines.filter { $0.hasPrefix(path) } == [
            "\(path):13:5: error: link 'ogdenville.md' not found: there is no file Blueprints/ogdenville.md",
            "\(path):13:34: error: link 'notes.txt' not found: there is no file Blueprints/notes.txt",
            "\(path):13:61: error: link '../site.yml' is not published: a narrative links to other blueprints (.md) and shows images (png, jpg, jpeg, gif, svg, webp or avif); put other documents on the web and link to their address",
            "\(path):14:5: error: link 'shelbyville.es.md' not found: there is no file Blueprints/shelbyville.es.md",
        ], "\(outcome.lines)")

        try site.write(path, Self.blueprint("""
        # Springfield Blueprint

        Like [Shelbyville](shelbyville.md), we [fund staff](./shelbyville.md#funding--staff).
        The [web](https://example.org/a.md), [below](#sources).
        """))
        #expect(site.build().lines.filter { $0.hasPrefix("Blueprints/") } == [])
        let english = try #require(site.file("cities/springfield/index.html"))
        #expect(english.contains("Like <a href=\"../../cities/shelbyville/index.html\">Shelbyville</a>, we <a href=\"../../cities/shelbyville/index.html#funding--staff\">fund staff</a>."))
        #expect(english.contains("<a href=\"https://example.org/a.md\">web</a>, <a href=\"#sources\">below</a>"))
        let spanish = try #require(site.file("es/cities/springfield/index.html"))
        #expect(spanish.contains("Like <a href=\"../../../es/cities/shelbyville/index.html\">Shelbyville</a>, we <a href=\"../../../es/cities/shelbyville/index.html#funding--staff\">"))
        #expect(site.file("cities/shelbyville/index.html")?.contains("<h3 id=\"funding--staff\">") == true)

        // Translated, Shelbyville's headings have other ids: a link to a section
        // of shelbyville.md leads to the page that shows shelbyville.md.
        try site.write("Blueprints/shelbyville.es.md", Self.blueprint(city: "Shelbyville", id: "shb-labor", "# Plan de Shelbyville\n\n## Fondos y personal\n"))
        #expect(site.build().succeeded)
        let translated = try #require(site.file("es/cities/springfield/index.html"))
        #expect(translated.contains("Like <a href=\"../../../es/cities/shelbyville/index.html\">Shelbyville</a>, we <a href=\"../../../cities/shelbyville/index.html#funding--staff\">"))
        #expect(site.file("es/cities/shelbyville/index.html")?.contains("<h3 id=\"fondos-y-personal\">") == true)
    }

    @Test("check warns at file:line:column for what would be dropped or published unfinished")
    func silentFailures() throws {
        let site = try TestSite(txtar: Self.site() + """
            -- Blueprints/springfield.md --
            ---
            city: Springfield
            commitments:
              - id: spr-labor
                system: labor
                title: "TO WRITE: one thing the city will do in labor"
                status: planned
                metrics: []
            ---
            # Springfield Blueprint

            We <b>will</b> act. <!-- a note to ourselves -->

            <div class="box">Boxed</div>

            {{% value referrals %}} and {{ .Params.count }} and {% include count.html %}.
            Code is left alone: `{{ .Params.count }}` and `<b>`.

            _TO WRITE: why Springfield needs this plan._
            -- Blueprints/shelbyville.md --
            ---
            city: Shelbyville
            commitments: []
            ---
            # Shelbyville Blueprint
            """)
        defer { site.cleanUp() }
        let outcome = site.check()
        #expect(outcome.succeeded)
        let path = "Blueprints/springfield.md"
        let syntax = "is printed as text: Citywide's live figures are written {{< value metric_id >}}, {{< progress metric_id >}} or {{< chart metric_id >}}"
        #expect(outcome.lines.filter { $0.hasPrefix("Blueprints/") } == [
            "Blueprints/shelbyville.md:3:14: warning: the blueprint has no commitments: its page shows none, and the coverage page counts none for Shelbyville",
            "\(path):6:12: warning: placeholder text left from `citywide new city`: write what the city will do, or remove commitment 'spr-labor'",
            "\(path):8:14: warning: commitment 'spr-labor' has no metrics (metrics: []): name the Metrics/<id>.yml that track it, so its page can show progress, or remove the line",
            "\(path):12:4: warning: raw HTML is not published: '<b>' is dropped from the page; write it in Markdown",
            "\(path):14:1: warning: raw HTML is not published: '<div class=\"box\">' is dropped from the page; write it in Markdown",
            "\(path):16:1: warning: '{{% value referrals %}}' is Hugo's shortcode syntax and \(syntax)",
            "\(path):16:29: warning: '{{ .Params.count }}' is the template syntax of another generator and \(syntax)",
            "\(path):16:53: warning: '{% include count.html %}' is Liquid (Jekyll) syntax and \(syntax)",
            "\(path):19:2: warning: placeholder text left from `citywide new city`: replace it with the city's own words, or delete it",
        ], "\(outcome.lines)")
    }
}
