import Foundation

/// Everything a site folder says, typed and checked: the input to analysis.
///
/// Raw observations are not part of it, nor is the site folder: the
/// observations are CitywideInput's, read only by CitywidePublish, and
/// rendering receives the site, `PublishedData` and the resolved
/// `AssetFiles`, so no page can reach a value that was withheld.
public struct Site: Sendable {
    public var config: SiteConfig
    /// Sorted by slug; a city's index here is its id in observations.
    public var blueprints: [Blueprint]
    /// Keyed by slug, then language.
    public var translations: [String: [String: Blueprint]]
    /// Sorted by id; a metric's index here is its id in observations.
    public var metrics: [MetricDefinition]
    public var templates: TemplateSet
    /// The interface text of each language in `config.languages`.
    public var interface: [String: Translation] = [:]
    /// Blueprints and metric files that exist but could not be read (their
    /// own errors are reported): names of them elsewhere are not errors too.
    public var unreadable = UnreadableInputs()

    /// Every site file a published narrative, in any of the site's
    /// languages, shows or links to: what the build copies under `media/`,
    /// and nothing else.
    public var mediaFiles: [String] {
        Self.mediaFiles(blueprints: blueprints, translations: translations, config: config)
    }

    /// `mediaFiles` of blueprints and translations not yet made a site (the
    /// loader warns about the files of Blueprints/ no narrative shows).
    /// Each blueprint is read in place: joining the arrays first copied
    /// every one of them, retaining each of its fields.
    package static func mediaFiles(blueprints: [Blueprint], translations: [String: [String: Blueprint]], config: SiteConfig) -> [String] {
        var files = Set<String>()
        for i in blueprints.indices {
            files.formUnion(blueprints[i].mediaFiles)
        }
        for byLanguage in translations.values {
            for (language, blueprint) in byLanguage where config.languages.contains(language) && language != config.defaultLanguage {
                files.formUnion(blueprint.mediaFiles)
            }
        }
        return files.sorted()
    }

    public init(config: SiteConfig, blueprints: [Blueprint], translations: [String: [String: Blueprint]], metrics: [MetricDefinition], templates: TemplateSet) {
        self.config = config
        self.blueprints = blueprints
        self.translations = translations
        self.metrics = metrics
        self.templates = templates
    }

    public func cityIndex(_ slug: String) -> Int? { blueprints.firstIndex { $0.slug == slug } }
    public func metricIndex(_ id: String) -> Int? { metrics.firstIndex { $0.id == id } }
    public func metric(_ id: String) -> MetricDefinition? { metrics.first { $0.id == id } }

    /// The metrics the overview crosses with cities, as indices of `metrics`:
    /// site.yml's `key_metrics:` in its order (each once), else every metric
    /// in id order. One order for every page that lists key metrics.
    public var keyMetrics: [Int] {
        guard !config.keyMetrics.isEmpty else { return Array(metrics.indices) }
        var seen: Set<Int> = []
        return config.keyMetrics.compactMap { metricIndex($0.id) }.filter { seen.insert($0).inserted }
    }
}

/// City slugs and metric ids whose file is there but has errors that kept it
/// from loading. One broken file gives its own errors, not one more for every
/// commitment, shortcode and data row that names it.
public struct UnreadableInputs: Sendable, Equatable {
    package init(cities: Set<String> = [], metrics: Set<String> = []) {
        self.cities = cities
        self.metrics = metrics
    }

    public var cities: Set<String> = []
    public var metrics: Set<String> = []
}
