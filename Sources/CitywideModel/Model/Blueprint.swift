/// One city's policy blueprint: `Blueprints/<slug>.md`.
public struct Blueprint: Sendable {
    package init(slug: String, city: String, state: String, population: Int? = nil, fellow: String, adopted: Day? = nil, updated: Day? = nil, commitments: [Commitment], body: String, prepared: PreparedNarrative? = nil, shortcodes: [Shortcode] = [], links: [String: LocalLink] = [:], bodyLine: Int, location: SourceLocation, writtenIn: String? = nil) {
        self.slug = slug
        self.city = city
        self.state = state
        self.population = population
        self.fellow = fellow
        self.adopted = adopted
        self.updated = updated
        self.commitments = commitments
        self.body = body
        self.prepared = prepared
        self.shortcodes = shortcodes
        self.links = links
        self.bodyLine = bodyLine
        self.location = location
        self.writtenIn = writtenIn
    }

    /// The file name without `.md`: the city's id everywhere (URLs, data).
    public var slug: String
    public var city: String
    public var state: String
    public var population: Int?
    public var fellow: String
    public var adopted: Day?
    public var updated: Day?
    public var commitments: [Commitment]
    /// The Markdown after the front matter, with each shortcode replaced by a
    /// marker (see `ShortcodeParser`); empty when `prepared` holds it, as HTML.
    public var body: String
    /// The narrative parsed and written as HTML when it was loaded, for each
    /// page in each language to finish; nil when `body` is rendered instead.
    public var prepared: PreparedNarrative?
    /// The live figures the narrative embeds, in marker order.
    public var shortcodes: [Shortcode] = []
    /// The narrative's relative links and images, by the URL as written.
    public var links: [String: LocalLink] = [:]
    /// Line of the file on which `body` starts, so Markdown problems point at the right line.
    public var bodyLine: Int
    public var location: SourceLocation

    /// The language the body and titles are written in, when it is not the
    /// page's (a translation that does not exist yet falls back to the default).
    public var writtenIn: String? = nil

    /// The site files the narrative shows or links to, to copy into the output.
    public var mediaFiles: [String] {
        links.values.compactMap { if case let .media(path) = $0 { path } else { nil } }
    }

    /// "Minneapolis, MN"
    public var displayName: String { state.isEmpty ? city : "\(city), \(state)" }
}

/// A translation of a blueprint: `Blueprints/<slug>.<lang>.md`.
public struct BlueprintTranslation: Sendable {
    public var slug: String
    public var language: String
    public var blueprint: Blueprint
}

/// What a city committed to do, in one system.
public struct Commitment: Sendable {
    package init(id: String, system: CitySystem, title: String, status: Status, due: Day? = nil, completed: Day? = nil, populations: [String], metrics: [String], metricLocations: [SourceLocation], target: CommitmentTarget? = nil, location: SourceLocation) {
        self.id = id
        self.system = system
        self.title = title
        self.status = status
        self.due = due
        self.completed = completed
        self.populations = populations
        self.metrics = metrics
        self.metricLocations = metricLocations
        self.target = target
        self.location = location
    }

    public enum Status: String, Sendable, CaseIterable {
        case planned
        case inProgress = "in_progress"
        case done
        case dropped
    }

    public var id: String
    public var system: CitySystem
    public var title: String
    /// The language `title` is written in, when it is not the page's (a
    /// translation that lacks this commitment shows the default's title).
    public var titleWrittenIn: String? = nil
    public var status: Status
    public var due: Day?
    /// When the commitment was done (optional), so reports can say in which
    /// quarter it was completed.
    public var completed: Day?
    public var populations: [String]
    public var metrics: [String]
    /// Where each of `metrics` is written, to point at an unknown one.
    public var metricLocations: [SourceLocation]
    public var target: CommitmentTarget?
    public var location: SourceLocation
}

/// A commitment's target overrides its metric's default target for this city.
public struct CommitmentTarget: Sendable {
    package init(metric: String, value: Double, by: Day, location: SourceLocation) {
        self.metric = metric
        self.value = value
        self.by = by
        self.location = location
    }

    public var metric: String
    public var value: Double
    public var by: Day
    public var location: SourceLocation
}
