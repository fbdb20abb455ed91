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
        metrics = site.metrics.map(Self.figuresOnly)
        self.observations = observations
        self.ledger = ledger
    }

    /// A metric as the disclosure sees it.
    private static func figuresOnly(_ metric: MetricDefinition) -> MetricDefinition {
        var metric = metric
        metric.title = ""
        metric.description = ""
        metric.localized = [:]
        metric.source = nil
        metric.sdg = nil
        return metric
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
    /// same inputs).
    func publish(definitions full: Site) -> PublishedData {
        var published = Disclosure.publish(site, observations, ledger: ledger)
        for m in published.metrics.indices {
            published.metrics[m].definition = full.metrics[m]
        }
        return published
    }
}

/// The last disclosure `serve` made and its input: an edit that leaves the
/// input equal (a blueprint's narrative or front matter other than its
/// population, a metric's title, a template, site.yml apart from `privacy:`)
/// reuses it instead of running the disclosure again.
public final class DisclosureMemo: @unchecked Sendable {
    typealias Progress = ([[ProgressAssessment?]], [Period: [[ProgressAssessment?]]])

    private var input: DisclosureInput?
    private var published: PublishedData?
    /// Counts disclosures run: figures of one generation are the same.
    private var generation = 0
    private var progressInput: ProgressInput?
    private var progress: Progress?
    /// How many times the last result was reused (for tests).
    public private(set) var reused = 0
    /// How many times the last progress was reused (for tests).
    public private(set) var progressReused = 0

    public init() {}

    /// Progress on `published` (the figures this memo gave last), kept while
    /// its `ProgressInput` is the same.
    func progress(_ site: Site, _ published: PublishedData, _ assess: (PublishedData) -> Progress) -> Progress {
        let input = ProgressInput(site, published, generation: generation)
        if let progress, input == progressInput {
            progressReused += 1
            return progress
        }
        let progress = assess(published)
        progressInput = input
        self.progress = progress
        return progress
    }

    func publish(_ input: DisclosureInput, definitions full: Site) -> PublishedData {
        if let published, input == self.input {
            reused += 1
            var kept = published
            for m in kept.metrics.indices {
                kept.metrics[m].definition = full.metrics[m]
            }
            return kept
        }
        let published = input.publish(definitions: full)
        generation += 1
        self.input = input
        self.published = published
        return published
    }
}
