import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel

/// The site's own words in every language: value labels from the metric
/// file, the help line, units, and commitment titles a translation lacks;
/// `check` names each word a language lacks, at its line.
@Suite("Translated words")
struct TranslatedWordsTests {
    static let site = """
        -- site.yml --
        title: Test City Progress
        description: How Springfield is doing.
        base_url: https://example.org/test/
        languages: [en, es]
        data_status: synthetic
        help: { text: "Hotline: 1-888-373-7888", url: "tel:+18883737888" }
        translations:
          es:
            title: Avance de Springfield
            help: { text: "Línea de ayuda: 1-888-373-7888" }
        -- Blueprints/springfield.md --
        ---
        city: Springfield
        fellow: Senior fellow
        commitments:
          - id: spr-screening
            system: labor
            title: Screen wage-theft cases for trafficking
            status: in_progress
            metrics: [referrals]
          - id: spr-housing
            system: housing
            title: Open a shelter for men
            status: planned
            metrics: [referrals]
        ---
        # Springfield Blueprint

        We will act.
        -- Blueprints/springfield.es.md --
        ---
        city: Springfield
        fellow: Senior fellow
        commitments:
          - id: spr-screening
            system: labor
            title: Revisar los casos de robo de salarios
            status: in_progress
            metrics: [referrals]
        ---
        # Plan de Springfield

        Actuaremos.
        -- Metrics/referrals.yml --
        id: referrals
        title: Referrals
        system: labor
        type: count
        unit: referrals
        frequency: quarterly
        dimensions:
          age_group: [under_25, "25_64", 65_plus]
        labels:
          age_group: { "25_64": "25–64", 65_plus: "65 and over" }
        translations:
          es:
            title: Derivaciones
            labels: { age_group: { "25_64": "25 a 64" } }
        -- Data/referrals.csv --
        city,period,metric,age_group,value,status,note
        springfield,2019-Q1,referrals,,60,,
        springfield,2019-Q1,referrals,under_25,20,,
        springfield,2019-Q1,referrals,25_64,25,,
        springfield,2019-Q1,referrals,65_plus,15,,
        springfield,2019-Q2,referrals,,70,,

        """

    @Test("check warns about each word a language lacks, where the word is written")
    func gapsWarned() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        let outcome = site.check()
        #expect(outcome.errors.isEmpty, "\(outcome.lines)")
        let warnings = outcome.lines.filter { $0.contains("translation;") }
        #expect(warnings == [
            "Metrics/referrals.yml:5:7: warning: 'unit' has no 'es' translation; 'es' pages show it in 'en' (add it under translations: es: unit)",
            "Metrics/referrals.yml:10:43: warning: 'labels.age_group.65_plus' has no 'es' translation; 'es' pages show it in 'en' (add it under translations: es: labels: age_group: 65_plus)",
            "site.yml:2:14: warning: 'description' has no 'es' translation; 'es' pages show it in 'en' (add it under translations: es: description)",
        ], "\(outcome.lines)")
    }

    @Test("value labels read on pages in each language: the metric's, the translation's, else the code made readable")
    func valueLabels() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        let english = try #require(site.file("metrics/referrals/index.html"))
        #expect(english.contains(">25–64<") && english.contains(">65 and over<") && english.contains(">Under 25<"))
        #expect(!english.contains(">25 64<"))
        let spanish = try #require(site.file("es/metrics/referrals/index.html"))
        #expect(spanish.contains(">25 a 64<"), "the metric's Spanish label")
        #expect(spanish.contains(">65 and over<"), "no Spanish label yet: the default language's")
        #expect(site.file("data/referrals.csv")?.contains("springfield,2019-Q1,25_64,25,published,,") == true, "downloads keep the codes")
        #expect(site.file("data/referrals.json")?.contains("\"labels\": {\n      \"age_group\": {\n        \"25_64\": \"25–64\",\n        \"65_plus\": \"65 and over\"\n      }\n    }") == true, "the JSON definition names the labels")
    }

    @Test("a label for a dimension or value the metric does not declare is an error at its line")
    func unknownLabels() throws {
        let site = try TestSite(txtar: Self.site + """
            -- Metrics/screened.yml --
            id: screened
            title: Screened
            system: labor
            type: count
            frequency: quarterly
            dimensions:
              sex: [female, male]
            labels:
              age: { young: Young }
              sex: { female: Women, femme: Women, male: [Men] }

            """)
        defer { site.cleanUp() }
        let outcome = site.check()
        #expect(outcome.hasError("Metrics/screened.yml", line: 9, containing: "labels name dimension 'age', which this metric does not declare (it declares sex)"), "\(outcome.lines)")
        #expect(outcome.lines.contains("Metrics/screened.yml:10:25: error: 'femme' is not a value of dimension 'sex' (its values: female, male)"), "\(outcome.lines)")
        #expect(outcome.hasError("Metrics/screened.yml", line: 10, containing: "'male' must be a label"), "\(outcome.lines)")
        #expect(outcome.errors.count == 3, "\(outcome.lines)")
    }

    @Test("the help line is on every page in every language, with the site's link when a translation gives none")
    func helpLine() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        for path in ["index.html", "cities/springfield/index.html", "metrics/referrals/index.html", "reports/index.html", "data/index.html"] {
            #expect(site.file(path)?.contains("<p class=\"help-line\"><strong>Get help:</strong> <a href=\"tel:+18883737888\">Hotline: 1-888-373-7888</a></p>") == true, "\(path)")
            #expect(site.file("es/" + path)?.contains("<p class=\"help-line\"><strong>Pida ayuda:</strong> <a href=\"tel:+18883737888\">Línea de ayuda: 1-888-373-7888</a></p>") == true, "es/\(path)")
        }
    }

    @Test("a language without its own help line shows the site's, marked as English, and check says so")
    func helpLineUntranslated() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        try site.write("site.yml", """
            title: Test City Progress
            base_url: https://example.org/test/
            languages: [en, es]
            help: { text: "Hotline: 1-888-373-7888" }
            translations:
              es:
                title: Avance de Springfield

            """)
        let outcome = site.build()
        #expect(outcome.succeeded, "\(outcome.lines)")
        #expect(outcome.lines.contains("site.yml:4:15: warning: 'help.text' has no 'es' translation; 'es' pages show it in 'en' (add it under translations: es: help: text)"), "\(outcome.lines)")
        #expect(site.file("es/index.html")?.contains("<p class=\"help-line\"><strong>Pida ayuda:</strong> <span lang=\"en\">Hotline: 1-888-373-7888</span></p>") == true)
        #expect(site.file("index.html")?.contains("<p class=\"help-line\"><strong>Get help:</strong> <span>Hotline: 1-888-373-7888</span></p>") == true)
    }

    @Test("a help url that is neither a web address nor a phone link is an error")
    func helpURL() throws {
        let site = try TestSite(txtar: """
            -- site.yml --
            title: Test
            help: { text: Call us, url: "javascript:alert(1)" }
            -- Blueprints/springfield.md --
            ---
            city: Springfield
            fellow: Senior fellow
            ---
            # Springfield
            """)
        defer { site.cleanUp() }
        let outcome = site.check()
        #expect(outcome.hasError("site.yml", line: 2, containing: "help url must be a web address"), "\(outcome.lines)")
    }

    @Test("a commitment title the translation lacks is marked as English and says so; translated ones are not")
    func untranslatedCommitmentTitle() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        let city = try #require(site.file("es/cities/springfield/index.html"))
        #expect(city.contains("<h4 class=\"commitment-title\">Revisar los casos de robo de salarios</h4>"))
        #expect(city.contains("<h4 class=\"commitment-title\" lang=\"en\">Open a shelter for men</h4>\n  <p class=\"note translation-notice\">Este compromiso aún no está traducido; se muestra en inglés.</p>"))
        #expect(city.components(separatedBy: "translation-notice").count == 2, "one notice: the one untranslated title")
        #expect(site.file("cities/springfield/index.html")?.contains("translation-notice") == false)
    }
}
