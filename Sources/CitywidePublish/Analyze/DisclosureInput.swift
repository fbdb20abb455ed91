import CitywideModel
import CitywidePublished
internal import CitywideInput

/// Exactly what the disclosure reads, and nothing else: the privacy rules,
/// each city's slug and population, the metrics without the text only pages
/// show, the observations and the privacy ledger. `Disclosure.publish` runs on
/// `site`, a site made of these alone, so what it publishes depends on
/// nothing else: two equal inputs give the same figures, and `serve` keeps
/// the last result while the input compares equal (`DisclosureMemo`).
struct DisclosureInput: Equatable {
    struct City: Equatable {
        var slug: String
        var population: Int?
    }

    var privacy: PrivacyRules
    /// In id order (`Site.blueprints`).
    var cities: [City]
    /// In id order, with their titles, descriptions, translations, source and
    /// SDG goal left out: a new title does not move a figure.
    var metrics: [MetricDefinition]
    var observations: ObservationSet
    var ledger: Ledger?

    init(_ site: Site, _ observations: ObservationSet, ledger: Ledger?) {
        privacy = site.config.privacy
        cities = site.blueprints.map { City(slug: $0.slug, population: $0.population) }
        metrics = site.metrics.map(\.withoutPageText)
        self.observations = observations
        self.ledger = ledger
    }

    /// The site the disclosure runs on: these inputs, every other field empty.
    private var site: Site {
        var config = SiteConfig()
        config.privacy = privacy
        let blueprints = cities.map { city in
            Blueprint(slug: city.slug, city: "", state: "", population: city.population, fellow: "", commitments: [], body: "",
                      bodyLine: 1, location: SourceLocation(path: "Blueprints/\(city.slug).md"))
        }
        return Site(config: config, blueprints: blueprints, translations: [:], metrics: metrics, templates: .none)
    }

    /// What may be published, each metric with its whole definition from
    /// `full` (the site these inputs were taken from, or one that gives the
    /// same inputs). `recording: false` leaves the new ledger's entries out
    /// (`serve` never writes the ledger).
    func publish(definitions full: Site, recording: Bool = true) -> PublishedData {
        var published = Disclosure.publish(site, observations, ledger: ledger, recording: recording)
        for m in published.metrics.indices {
            published.metrics[m].definition = full.metrics[m]
        }
        return published
    }
}
