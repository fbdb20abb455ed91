import CitywideModel
import CitywidePublished
import CitywideWrite

/// Values every page receives: the site's name, navigation, data status,
/// and the language the page is in.
///
/// A class, though nothing in it changes: every page's views and renderers
/// hold it, and a struct of a dozen references was copied (a retain and a
/// release each) wherever one was made or captured.
package final class SiteContext: Sendable {
    package let site: Site
    package let published: PublishedData
    /// The interface text of this page's language.
    package let t: Translation
    /// "" for the default language, "es/" for Spanish: where its pages live.
    package let prefix: String

    /// The newest report quarter: every page shows it, so it is found once.
    package let latestReportPeriod: Period?

    package static let cityMenuLimit = 12

    /// The ids city.mustache and its partials give on every city page, the
    /// commitments' own aside: a narrative's headings take others. The same
    /// for every city, so made once.
    package let cityPageIDs: Set<String>

    /// Each metric's charts and tables in this language (`PublishedData.metrics`
    /// order), made once: every city page shows every metric.
    package let metricFigures: [MetricFigures]

    /// The frame's words that are the same on every page of this language,
    /// worked out once, not per page.
    private let navigation: [(key: String, label: String, path: String)]
    private let footerPrivacy: String
    private let dataStatusLabel: String
    private let dataNotice: String
    private let help: OrNo<LayoutView.Help>

    package init(site: Site, published: PublishedData, t: Translation, prefix: String) {
        self.site = site
        self.published = published
        self.t = t
        self.prefix = prefix
        latestReportPeriod = ReportPeriods.all(published).last
        metricFigures = published.metrics.map { MetricFigures(site: site, metric: $0, t: t) }
        cityPageIDs = Set(["main", "commitments", "commitments-heading", "blueprint", "blueprint-heading",
                           "metrics", "metrics-heading", FootnoteMarkup.headingID])
            .union(CitySystem.allCases.map { "system-\($0.rawValue)" })
            .union(site.metrics.flatMap { ["metric-\($0.id)", "chart-\($0.id)"] })
        navigation = [
            ("home", t("nav_overview"), Paths.home),
            ("reports", t("nav_reports"), Paths.reports),
            ("coverage", t("nav_coverage"), Paths.coverage),
            ("methodology", t("nav_methodology"), Paths.methodology),
            ("data", t("nav_data"), Paths.dataPage),
        ]
        let config = site.config
        footerPrivacy = LayoutView.footerPrivacy(t, site: site, published: published, metric: nil)
        dataStatusLabel = t("data_status_\(config.dataStatus.rawValue)")
        dataNotice = t("data_notice_\(config.dataStatus.rawValue)")
        help = OrNo(config.help.map { LayoutView.Help(text: $0.text, url: OrNo($0.url), lang: OrNo($0.writtenIn)) })
    }
    package var language: String { t.language }

    /// A page of this context's language.
    package func location(_ path: String) -> PageLocation { PageLocation(path: path, prefix: prefix) }

    /// The frame's values for a page of this language at `location`.
    /// `metric`: on a metric's page, the metric (its own threshold is the footer's).
    package func layout(_ location: PageLocation, title: String, description: String? = nil, section: String, metric: PublishedMetric? = nil) -> LayoutView {
        let config = site.config
        let languages = config.languages
        return LayoutView(
            lang: language,
            t: t.strings,
            site_title: config.title,
            page_title: title,
            is_home: section == "home",
            description: description ?? config.description,
            root: location.root,
            page_root: location.pageRoot,
            canonical_url: PageLocation.absolute(location.outputPath, base: config.baseURL),
            nav: navigation.map { key, label, path in
                LayoutView.NavLink(label: label, href: location.href(path), current: key == section)
            },
            // A menu of every city helps with a few; with hundreds it would
            // make each page as long as the site. The overview lists them all.
            cities_nav: site.blueprints.count <= SiteContext.cityMenuLimit
                ? site.blueprints.map { LayoutView.CityLink(label: $0.city, href: location.href(Paths.city($0.slug))) }
                : [],
            // The same page in every language, for hreflang links and the switcher.
            alternates: languages.map { lang in
                let other = PageLocation(path: location.path, prefix: SiteContext.prefix(for: lang, in: config))
                return LayoutView.Alternate(
                    lang: lang,
                    name: SiteContext.languageNames[lang] ?? lang,
                    url: PageLocation.absolute(other.outputPath, base: config.baseURL),
                    href: location.root + other.outputPath,
                    current: lang == language
                )
            },
            has_languages: languages.count > 1,
            default_url: PageLocation.absolute(location.path, base: config.baseURL),
            data_status: config.dataStatus.rawValue,
            data_status_label: dataStatusLabel,
            data_notice: dataNotice,
            min_cell: config.privacy.minCell,
            footer_privacy: metric.map { LayoutView.footerPrivacy(t, site: site, published: published, metric: $0) } ?? footerPrivacy,
            help: help,
            generator: "Citywide \(CitywideVersion.string)",
            latest_period: latestReportPeriod?.description
        )
    }

    package static func prefix(for language: String, in config: SiteConfig) -> String {
        language == config.defaultLanguage ? "" : language + "/"
    }

    /// Each language's name in itself, for the switcher.
    package static let languageNames: [String: String] = [
        "en": "English", "es": "Español", "fr": "Français", "pt": "Português", "so": "Soomaali",
        "hmn": "Hmoob", "vi": "Tiếng Việt", "zh": "中文", "ar": "العربية", "ru": "Русский", "ht": "Kreyòl ayisyen",
        "ko": "한국어", "tl": "Tagalog", "am": "አማርኛ", "om": "Afaan Oromoo", "pl": "Polski", "de": "Deutsch",
    ]
}
