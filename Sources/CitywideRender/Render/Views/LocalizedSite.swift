import CitywideModel
import CitywidePublished
import CitywideWrite

/// The site as readers of one language see it: the site's and metrics'
/// translated words, and each blueprint's translation where there is one
/// (else the default language's, marked so the page says so).
package enum LocalizedSite {
    package static func make(_ site: Site, _ published: PublishedData, language: String) -> (Site, PublishedData) {
        guard language != site.config.defaultLanguage else { return (site, published) }
        var site = site
        if let text = site.config.localized[language] {
            if let title = text.title { site.config.title = title }
            if let description = text.description { site.config.description = description }
            site.config.populations = site.config.populations.map { population in
                Population(key: population.key, label: text.populations[population.key] ?? population.label)
            }
        }
        site.metrics = site.metrics.map { localize($0, language) }
        site.blueprints = site.blueprints.map { blueprint in
            guard let translation = site.translations[blueprint.slug]?[language] else {
                var fallback = blueprint
                fallback.writtenIn = site.config.defaultLanguage
                return fallback
            }
            // Structure and figures come from the default blueprint; words from the translation.
            var localized = blueprint
            localized.body = translation.body
            localized.shortcodes = translation.shortcodes
            localized.city = translation.city
            localized.fellow = translation.fellow
            let titles = Dictionary(translation.commitments.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
            localized.commitments = blueprint.commitments.map { commitment in
                var c = commitment
                if let title = titles[commitment.id] { c.title = title }
                return c
            }
            return localized
        }
        var published = published
        published.metrics = published.metrics.map { metric in
            var copy = metric
            copy.definition = localize(metric.definition, language)
            return copy
        }
        return (site, published)
    }

    package static func localize(_ metric: MetricDefinition, _ language: String) -> MetricDefinition {
        guard let text = metric.localized[language] else { return metric }
        var m = metric
        if let title = text.title { m.title = title }
        if let description = text.description { m.description = description }
        if let unit = text.unit { m.unit = unit }
        return m
    }
}
