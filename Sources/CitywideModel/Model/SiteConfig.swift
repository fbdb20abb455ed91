/// `site.yml`: settings that apply to the whole site.
public struct SiteConfig: Sendable {
    public var title: String
    public var description: String
    /// Always ends in `/`; used for absolute links in the feed and sitemap.
    public var baseURL: String
    /// The first is the default language.
    public var languages: [String]
    public var privacy: PrivacyRules
    public var dataStatus: DataStatus
    /// Ordered key → label: the groups commitments may name.
    public var populations: [Population]
    /// Title, description and population labels in other languages.
    public var localized: [String: SiteText] = [:]
    /// The "get help" line every page shows (site.yml `help:`).
    public var help: HelpLine?

    /// `key_metrics:`, the metrics the overview crosses with cities, in the
    /// order given; empty means every metric, in id order (`Site.keyMetrics`).
    public var keyMetrics: [KeyMetricName] = []

    /// A metric id named in `key_metrics:`, and where, for the check that it exists.
    public struct KeyMetricName: Sendable {
        package init(id: String, location: SourceLocation) {
            self.id = id
            self.location = location
        }

        public var id: String
        public var location: SourceLocation
    }

    /// The site's own words in another language (site.yml `translations:`).
    public struct SiteText: Sendable {
        package init(title: String? = nil, description: String? = nil, populations: [String: String] = [:]) {
            self.title = title
            self.description = description
            self.populations = populations
        }

        public var title: String?
        public var description: String?
        public var populations: [String: String] = [:]
        public var help: HelpLine?
    }

    public enum DataStatus: String, Sendable, CaseIterable {
        case synthetic, provisional, final
    }

    public static let defaultPopulations: [Population] = [
        Population(key: "labor_trafficking_survivors", label: "Labor trafficking survivors"),
        Population(key: "male_survivors", label: "Male survivors"),
        Population(key: "lgbtq_youth", label: "LGBTQ youth"),
        Population(key: "immigrants", label: "Immigrants, including undocumented"),
        Population(key: "minors", label: "Minors"),
        Population(key: "people_with_disabilities", label: "People with disabilities"),
        Population(key: "communities_of_color", label: "Communities of color"),
        Population(key: "native_communities", label: "Native communities"),
        Population(key: "rural_communities", label: "Rural communities"),
        Population(key: "people_with_substance_use_history", label: "People with a history of substance use"),
        Population(key: "low_wage_workers", label: "Low-wage workers"),
    ]

    public init(
        title: String = "Citywide",
        description: String = "",
        baseURL: String = "https://example.org/",
        languages: [String] = ["en"],
        privacy: PrivacyRules = PrivacyRules(),
        dataStatus: DataStatus = .provisional,
        populations: [Population] = SiteConfig.defaultPopulations
    ) {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.languages = languages
        self.privacy = privacy
        self.dataStatus = dataStatus
        self.populations = populations
    }

    public var defaultLanguage: String { languages.first ?? "en" }
}

/// The disclosure thresholds from `site.yml`.
public struct PrivacyRules: Sendable, Hashable {
    /// Counts from 1 to `minCell - 1` are never published; 0 is.
    public var minCell: Int
    /// Rates and percents made from fewer events than this are flagged unreliable.
    public var minRateNumerator: Int

    public init(minCell: Int = 11, minRateNumerator: Int = 20) {
        self.minCell = minCell
        self.minRateNumerator = minRateNumerator
    }
}

/// A group of people a commitment may name; coverage shows who is left out.
public struct Population: Sendable, Hashable {
    package init(key: String, label: String) {
        self.key = key
        self.label = label
    }

    public var key: String
    public var label: String
}
