import Foundation

/// Everything a site folder says, typed and checked: the input to analysis.
///
/// Raw observations are not part of it: they travel separately, as an
/// `ObservationSet`, into analysis only. Rendering receives the site and
/// `PublishedData`, so no page can reach a value that was withheld.
public struct Site: Sendable {
    /// The site folder, for copying its assets.
    public var folder: URL
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
        let published = translations.values.flatMap { byLanguage in
            byLanguage.filter { config.languages.contains($0.key) && $0.key != config.defaultLanguage }.values
        }
        return Set((blueprints + published).flatMap(\.mediaFiles)).sorted()
    }

    public func cityIndex(_ slug: String) -> Int? { blueprints.firstIndex { $0.slug == slug } }
    public func metricIndex(_ id: String) -> Int? { metrics.firstIndex { $0.id == id } }
    public func metric(_ id: String) -> MetricDefinition? { metrics.first { $0.id == id } }
}

/// City slugs and metric ids whose file is there but has errors that kept it
/// from loading. One broken file gives its own errors, not one more for every
/// commitment, shortcode and data row that names it.
public struct UnreadableInputs: Sendable {
    public var cities: Set<String> = []
    public var metrics: Set<String> = []
}
