import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywidePublish
@testable import CitywideRender
@testable import CitywideWrite

/// The whole site in every language of `site.yml`, with interface text from
/// translation files a city can add to without code.
@Suite("Languages")
struct LanguageTests {
    /// The site in English and Spanish; `extra` adds files to the archive.
    static func bilingual(_ extra: String = "") -> String {
        """
            -- site.yml --
            title: Test City Progress
            base_url: https://example.org/test/
            languages: [en, es]
            privacy:
              min_cell: 11
              min_rate_numerator: 20
            data_status: synthetic
            translations:
              es:
                title: Avance de Springfield
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
            translations:
              es:
                title: Derivaciones
                unit: derivaciones
            -- Data/referrals.csv --
            city,period,metric,trafficking_type,value,status,note
            springfield,2019-Q1,referrals,,30,,
            springfield,2019-Q1,referrals,sex,12,,
            springfield,2019-Q1,referrals,labor,18,,
            springfield,2019-Q2,referrals,,35,,
            springfield,2019-Q3,referrals,,1204,,
            """ + extra
    }

    @Test("every page is built in Spanish under es/, with Spanish interface text, numbers and dates")
    func spanishSite() throws {
        let site = try TestSite(txtar: Self.bilingual())
        defer { site.cleanUp() }
        let outcome = site.build()
        #expect(outcome.succeeded, "\(outcome.lines)")
        let home = try #require(site.file("es/index.html"))
        #expect(home.contains("<html lang=\"es\">"))
        #expect(home.contains("<h1>Avance de Springfield</h1>"))
        #expect(home.contains("Saltar al contenido principal"))
        #expect(home.contains("1.204 (2019-Q3)"), "thousands grouped the Spanish way")
        let metric = try #require(site.file("es/metrics/referrals/index.html"))
        #expect(metric.contains("<h1>Derivaciones</h1>"))
        let city = try #require(site.file("es/cities/springfield/index.html"))
        #expect(city.contains("31 de diciembre de 2020"), "dates written the Spanish way")
        #expect(city.contains("href=\"../../../assets/style.css\""), "assets are shared at the root")
        #expect(city.contains("href=\"../../../es/metrics/referrals/index.html\""), "links stay in Spanish")
        // The English site is unchanged at the root, and both link each other.
        let english = try #require(site.file("cities/springfield/index.html"))
        #expect(english.contains("<html lang=\"en\">"))
        #expect(english.contains("hreflang=\"es\" href=\"https://example.org/test/es/cities/springfield/\""))
        #expect(english.contains("href=\"../../es/cities/springfield/index.html\" hreflang=\"es\" lang=\"es\">Español</a>"))
        #expect(city.contains("href=\"../../../cities/springfield/index.html\" hreflang=\"en\" lang=\"en\">English</a>"))
        #expect(site.file("sitemap.xml")?.contains("https://example.org/test/es/metrics/referrals/") == true)
    }

    @Test("a blueprint without a translation is shown in its own language, marked and announced")
    func fallback() throws {
        let site = try TestSite(txtar: Self.bilingual())
        defer { site.cleanUp() }
        site.build()
        let city = try #require(site.file("es/cities/springfield/index.html"))
        #expect(city.contains("Este plan aún no está traducido; se muestra en inglés."))
        #expect(city.contains("<div lang=\"en\">"))
    }

    @Test("a blueprint translation supplies the narrative and commitment titles")
    func translatedBlueprint() throws {
        let site = try TestSite(txtar: Self.bilingual("""

            -- Blueprints/springfield.es.md --
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
                title: Revisar casos de robo de salario
                status: in_progress
                due: 2020-12-31
                populations: [immigrants]
                metrics: [referrals]
                target: { metric: referrals, value: 40, by: 2021-12-31 }
            ---
            # Plan de Springfield

            Actuaremos.
            """))
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        let city = try #require(site.file("es/cities/springfield/index.html"))
        #expect(city.contains("<h1>Plan de Springfield</h1>"))
        #expect(city.contains("Revisar casos de robo de salario"))
        #expect(!city.contains("translation-notice"))
    }

    @Test("a city adds a third language with a translation file, without code")
    func thirdLanguage() throws {
        let site = try TestSite(txtar: """
            -- site.yml --
            title: Test City Progress
            base_url: https://example.org/test/
            languages: [en, fr]
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
            -- Data/referrals.csv --
            city,period,metric,trafficking_type,value,status,note
            springfield,2019-Q1,referrals,,30,,
            springfield,2019-Q1,referrals,sex,12,,
            springfield,2019-Q1,referrals,labor,18,,
            springfield,2019-Q2,referrals,,35,,
            -- Templates/i18n/fr.yml --
            nav_overview: "Vue d'ensemble"
            skip_link: "Aller au contenu principal"
            number_grouping: " "
            number_decimal: ","
            date: "{day} {month} {year}"
            months: [janvier, février, mars, avril, mai, juin, juillet, août, septembre, octobre, novembre, décembre]
            """)
        defer { site.cleanUp() }
        let outcome = site.build()
        #expect(outcome.succeeded, "\(outcome.lines)")
        #expect(outcome.diagnostics.contains { $0.path == "Templates/i18n/fr.yml" && $0.severity == .warning && $0.message.contains("not translated and will show in English") })
        let home = try #require(site.file("fr/index.html"))
        #expect(home.contains("<html lang=\"fr\">"))
        #expect(home.contains("Aller au contenu principal"))
        #expect(home.contains("Vue d&#39;ensemble") || home.contains("Vue d'ensemble"))
        #expect(site.file("fr/cities/springfield/index.html")?.contains("31 décembre 2020") == true)
    }

    @Test("a site whose first language is Spanish has Spanish pages at the root and a Spanish feed")
    func spanishFirst() throws {
        let site = try TestSite(txtar: """
        -- site.yml --
        title: Test City Progress
        base_url: https://example.org/test/
        languages: [es, en]
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
        -- Data/referrals.csv --
        city,period,metric,trafficking_type,value,status,note
        springfield,2019-Q1,referrals,,30,,
        springfield,2019-Q1,referrals,sex,12,,
        springfield,2019-Q1,referrals,labor,18,,
        springfield,2019-Q2,referrals,,35,,

        """)
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        #expect(site.file("index.html")?.contains("<html lang=\"es\">") == true)
        #expect(site.file("en/index.html")?.contains("<html lang=\"en\">") == true)
        let feed = try #require(site.file("feed.xml"))
        #expect(feed.contains("xml:lang=\"es\""))
        #expect(feed.contains("<title>Informe de avance, 2019-Q2</title>"))
        #expect(feed.contains("El plan de Springfield, IL se actualizó el 1 de febrero de 2020."))
    }

    @Test("a language with no translation file is an error")
    func missingTranslation() throws {
        let site = try TestSite(txtar: """
        -- site.yml --
        title: Test City Progress
        base_url: https://example.org/test/
        languages: [en, de]
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
        -- Data/referrals.csv --
        city,period,metric,trafficking_type,value,status,note
        springfield,2019-Q1,referrals,,30,,
        springfield,2019-Q1,referrals,sex,12,,
        springfield,2019-Q1,referrals,labor,18,,
        springfield,2019-Q2,referrals,,35,,

        """)
        defer { site.cleanUp() }
        #expect(site.check().hasError("site.yml", containing: "language 'de' has no translation file"))
    }

    @Test("the built-in English and Spanish files have the same keys")
    func builtInFilesAgree() throws {
        let log = DiagnosticLog()
        let translations = TranslationLoader.load(siteFolder: URL(fileURLWithPath: "/nonexistent"), languages: ["en", "es"], log: log)
        #expect(log.diagnostics.isEmpty, "\(log.diagnostics.map(\.formatted))")
        let en = try #require(translations["en"]), es = try #require(translations["es"])
        let optional = { (key: String) in key.hasPrefix("dimension_") || key.hasPrefix("value_") }
        #expect(Set(en.strings.keys.filter { !optional($0) }) == Set(es.strings.keys.filter { !optional($0) }))
        #expect(es.months.count == 12)
    }
}
