import CitywideModel
import CitywidePublished
import CitywideWrite

/// The site as readers of one language see it: the site's and metrics'
/// translated words, and each blueprint's translation where there is one
/// (else the default language's, marked so the page says so).
package enum LocalizedSite {
    /// `interface` is the language's interface text, whose `value_<code>`
    /// keys label dimension values a metric file does not translate.
    package static func make(_ site: Site, _ published: PublishedData, language: String, interface: [String: String] = [:]) -> (Site, PublishedData) {
        guard language != site.config.defaultLanguage else { return (site, published) }
        let original = site.config.defaultLanguage
        var site = site
        if let text = site.config.localized[language] {
            if let title = text.title { site.config.title = title }
            if let description = text.description { site.config.description = description }
            site.config.populations = site.config.populations.map { population in
                Population(key: population.key, label: text.populations[population.key] ?? population.label)
            }
            if let help = text.help {
                // A translated line without its own address keeps the site's.
                site.config.help = HelpLine(text: help.text, url: help.url ?? site.config.help?.url)
            }
        }
        if site.config.localized[language]?.help == nil { site.config.help?.writtenIn = original }
        site.metrics = site.metrics.map { localize($0, language, interface: interface) }
        site.blueprints = site.blueprints.map { blueprint in
            guard let translation = site.translations[blueprint.slug]?[language] else {
                var fallback = blueprint
                fallback.writtenIn = original
                fallback.commitments = blueprint.commitments.map { commitment in
                    var c = commitment
                    c.titleWrittenIn = original
                    return c
                }
                return fallback
            }
            // Structure and figures come from the default blueprint; words from the translation.
            var localized = blueprint
            localized.body = translation.body
            localized.prepared = translation.prepared
            localized.shortcodes = translation.shortcodes
            localized.city = translation.city
            localized.fellow = translation.fellow
            let titles = Dictionary(translation.commitments.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
            localized.commitments = blueprint.commitments.map { commitment in
                var c = commitment
                if let title = titles[commitment.id] { c.title = title } else { c.titleWrittenIn = original }
                return c
            }
            return localized
        }
        var published = published
        published.metrics = published.metrics.map { metric in
            var copy = metric
            copy.definition = localize(metric.definition, language, interface: interface)
            return copy
        }
        return (site, published)
    }

    package static func localize(_ metric: MetricDefinition, _ language: String, interface: [String: String] = [:]) -> MetricDefinition {
        let text = metric.localized[language] ?? LocalizedText()
        var m = metric
        if let title = text.title { m.title = title }
        if let description = text.description { m.description = description }
        if let unit = text.unit { m.unit = unit }
        // A value's label: the metric's own in this language, else the
        // interface text's `value_<code>`, else the default language's label.
        m.dimensions = metric.dimensions.map { dimension in
            var d = dimension
            let translated = text.labels[dimension.name] ?? [:]
            for value in dimension.values {
                if let label = translated[value] ?? interface["value_\(value)"] { d.labels[value] = label }
            }
            return d
        }
        return m
    }
}

extension Translation {
    /// A language's name in this language ("inglés"), for translation notices.
    package func languageName(_ code: String) -> String {
        strings["language_\(code)"] ?? SiteContext.languageNames[code] ?? code
    }
}
