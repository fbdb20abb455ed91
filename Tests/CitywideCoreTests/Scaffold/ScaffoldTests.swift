import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywidePublish
@testable import CitywideRender
@testable import CitywideWrite

/// `citywide new city` and `new metric`: the files they write pass `check`,
/// and they never replace a file.
@Suite("Scaffolds: new city and new metric")
struct ScaffoldTests {
    /// A site made by `citywide init`.
    func newSite() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citywide-scaffold-\(UUID().uuidString)")
        try SiteScaffold.createSite(at: folder)
        return folder
    }

    func text(_ site: URL, _ path: String) -> String? {
        FileManager.default.contents(atPath: site.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
    }

    // MARK: slugs and names

    @Test("slugs: lowercase, spaces to -, only a-z 0-9 - _", arguments: [
        ("St. Paul", "st-paul"),
        ("Minneapolis", "minneapolis"),
        ("New York City", "new-york-city"),
        ("Winston-Salem", "winston-salem"),
        ("Winston - Salem", "winston-salem"),
        ("  Los   Angeles  ", "los-angeles"),
        ("San José", "san-jose"),
        ("São Paulo", "sao-paulo"),
        ("Coeur d'Alene", "coeur-dalene"),
        ("district_9", "district_9"),
        ("_Under_", "under"),
        ("Atlanta, GA", "atlanta-ga"),
        ("Ａｔｌａｎｔａ", "atlanta"),
    ])
    func slugs(name: String, slug: String) {
        #expect(BlueprintScaffold.slug(for: name) == slug)
    }

    @Test("names that give no slug, or one too long, or hold control characters, are refused", arguments: [
        "", "   ", "...", "東京", "-_-", String(repeating: "a", count: 81), "Line\nbreak", "Tab\there",
    ])
    func invalidNames(name: String) {
        #expect(throws: ScaffoldFailure.self) { try BlueprintScaffold.validate(name: name) }
    }

    @Test("a slug of 80 characters is accepted, and its commitment ids are valid ids")
    func longestSlug() throws {
        let name = String(repeating: "a", count: 80)
        let (_, slug) = try BlueprintScaffold.validate(name: name)
        #expect(slug.count == 80)
        #expect(Identifier.isValid("\(slug)-immigration-1"))
    }

    // MARK: new city

    static let populationWarning = "Blueprints/st-paul.md:1:1: warning: no 'population' in the front matter: the rate 'survivors_identified_rate' cannot be computed for St. Paul"

    @Test("new city writes Blueprints/<slug>.md that passes check: no errors; warnings for the population and each placeholder left")
    func newCityPassesCheck() throws {
        let site = try newSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let path = try BlueprintScaffold.create(city: "St. Paul", in: site)
        #expect(path == "Blueprints/st-paul.md")
        let outcome = Pipeline.check(site)
        // The starter site has a per-resident rate, which needs the population
        // the fellow has yet to fill in; and every text marked TO WRITE: and
        // every `metrics: []` is something not to publish as it is.
        let placeholder = "warning: placeholder text left from `citywide new city`"
        let commitments = CitySystem.seven.enumerated().flatMap { i, system in [
            "Blueprints/st-paul.md:\(30 + 7 * i):12: \(placeholder): write what the city will do, or remove commitment 'st-paul-\(system.rawValue)-1'",
            "Blueprints/st-paul.md:\(34 + 7 * i):14: warning: commitment 'st-paul-\(system.rawValue)-1' has no metrics (metrics: []): name the Metrics/<id>.yml that track it, so its page can show progress, or remove the line",
        ] }
        let narrative = [80, 85, 92, 98, 104].map { "Blueprints/st-paul.md:\($0):2: \(placeholder): replace it with the city's own words, or delete it" }
        #expect(outcome.diagnostics.map(\.formatted) == [Self.populationWarning] + commitments + narrative)
        #expect(outcome.succeeded)

        let loaded = try #require(outcome.site?.blueprints.first { $0.slug == "st-paul" })
        #expect(loaded.city == "St. Paul")
        #expect(loaded.state == "")
        #expect(loaded.population == nil)
        #expect(loaded.fellow == "")
        #expect(loaded.adopted == nil && loaded.updated == nil)
        #expect(loaded.commitments.map(\.system) == CitySystem.seven)
        #expect(loaded.commitments.map(\.id) == CitySystem.seven.map { "st-paul-\($0.rawValue)-1" })
        for commitment in loaded.commitments {
            #expect(commitment.status == .planned)
            #expect(commitment.due == nil)
            #expect(commitment.populations.isEmpty)
            #expect(commitment.metrics.isEmpty)
            #expect(commitment.title.hasPrefix("TO WRITE: one thing the city will do in "))
        }
    }

    @Test("the new blueprint builds, and its guide headings are on the city page")
    func newCityBuilds() throws {
        let site = try newSite()
        defer { try? FileManager.default.removeItem(at: site) }
        try BlueprintScaffold.create(city: "St. Paul", in: site)
        let output = site.appendingPathComponent("_site")
        let outcome = Pipeline.build(Pipeline.Options(site: site, output: output))
        #expect(outcome.errorCount == 0)
        let page = try #require(text(output, "cities/st-paul/index.html"))
        for heading in ["Why this plan", "What we commit to", "Who is left out", "How we measure"] {
            #expect(page.contains(heading))
        }
    }

    @Test("the blueprint has every front matter key, seven commitments and the guide headings")
    func blueprintText() {
        let text = BlueprintScaffold.text(city: "St. Paul", slug: "st-paul", populations: ["immigrants", "minors"], metrics: ["referrals"], minCell: 20)
        #expect(text.hasPrefix("---\n"))
        for key in ["city: \"St. Paul\"", "\nstate:", "\npopulation:", "\nfellow:", "\nadopted:", "\nupdated:", "\ncommitments:"] {
            #expect(text.contains(key), "\(key)")
        }
        #expect(text.components(separatedBy: "    status: planned\n").count - 1 == 7)
        #expect(text.components(separatedBy: "    populations: []\n").count - 1 == 7)
        #expect(text.components(separatedBy: "    metrics: []\n").count - 1 == 7)
        #expect(text.components(separatedBy: "    due:\n").count - 1 == 7)
        for system in CitySystem.seven {
            #expect(text.contains("  - id: st-paul-\(system.rawValue)-1\n    system: \(system.rawValue)\n"))
        }
        // The site's populations and metrics are listed for the fellow.
        #expect(text.contains("immigrants, minors"))
        #expect(text.contains("referrals"))
        #expect(text.contains("# St. Paul Blueprint\n"))
        for heading in ["## Why this plan", "## What we commit to", "## Who is left out", "## How we measure"] {
            #expect(text.contains("\n\(heading)\n"))
        }
        #expect(text.contains("from 1 to 19"))
    }

    @Test("a name with quotes, colons and backslashes is written as valid YAML and read back exactly")
    func awkwardName() throws {
        let site = try newSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let name = #"Town "A": #1 \ B's"#
        let path = try BlueprintScaffold.create(city: name, in: site)
        #expect(path == "Blueprints/town-a-1-bs.md")
        let outcome = Pipeline.check(site)
        #expect(outcome.errorCount == 0, "\(outcome.diagnostics.map(\.formatted))")
        #expect(outcome.site?.blueprints.first { $0.slug == "town-a-1-bs" }?.city == name)
    }

    @Test("the site's own populations and metrics are listed in the comments")
    func siteListsInComments() throws {
        let site = try newSite()
        defer { try? FileManager.default.removeItem(at: site) }
        try Data("title: T\npopulations:\n  night_workers: Night workers\n".utf8).write(to: site.appendingPathComponent("site.yml"))
        try BlueprintScaffold.create(city: "Duluth", in: site)
        let blueprint = try #require(text(site, "Blueprints/duluth.md"))
        #expect(blueprint.contains("night_workers"))
        #expect(!blueprint.contains("lgbtq_youth"))
        for metric in ["labor_trafficking_referrals,", "survivors_identified,", "survivors_identified_rate\n"] {
            #expect(blueprint.contains(metric))
        }
    }

    @Test("new city refuses to replace a blueprint, and leaves it as it was")
    func newCityRefusesExisting() throws {
        let site = try newSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let before = text(site, "Blueprints/our-city.md")
        #expect(throws: ScaffoldFailure.exists("Blueprints/our-city.md")) {
            try BlueprintScaffold.create(city: "Our City", in: site)
        }
        #expect(text(site, "Blueprints/our-city.md") == before)
    }

    @Test("new city creates Blueprints/ in a site that has none; a folder without site.yml, or none, is refused")
    func folders() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("citywide-scaffold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(throws: ScaffoldFailure.noSite(empty.path)) { try BlueprintScaffold.create(city: "Erie", in: empty) }
        #expect(throws: ScaffoldFailure.noSite(empty.path)) { try MetricScaffold.create(id: "referrals", in: empty) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: empty.path).isEmpty)
        try Data("title: Erie\n".utf8).write(to: empty.appendingPathComponent("site.yml"))
        #expect(try BlueprintScaffold.create(city: "Erie", in: empty) == "Blueprints/erie.md")
        #expect(try MetricScaffold.create(id: "referrals", in: empty) == "Metrics/referrals.yml")
        let missing = empty.appendingPathComponent("nowhere")
        #expect(throws: ScaffoldFailure.noSite(missing.path)) { try BlueprintScaffold.create(city: "Erie", in: missing) }
        #expect(throws: ScaffoldFailure.noSite(missing.path)) { try MetricScaffold.create(id: "x", in: missing) }
        #expect(!FileManager.default.fileExists(atPath: missing.path))
    }

    // MARK: new metric

    @Test("new metric writes Metrics/<id>.yml that passes check without errors or warnings")
    func newMetricPassesCheck() throws {
        let site = try newSite()
        defer { try? FileManager.default.removeItem(at: site) }
        #expect(try MetricScaffold.create(id: "shelter_beds", in: site) == "Metrics/shelter_beds.yml")
        let outcome = Pipeline.check(site)
        #expect(outcome.diagnostics.map(\.formatted) == [])
        let metric = try #require(outcome.site?.metrics.first { $0.id == "shelter_beds" })
        #expect(metric.title == "Shelter beds")
        #expect(metric.system == .crossSystem)
        #expect(metric.kind == .count)
        #expect(metric.frequency == .quarterly)
        #expect(metric.direction == .up)
        #expect(metric.decimals == 0)
        #expect(metric.dimensions.isEmpty)
        #expect(metric.target == nil && metric.source == nil && metric.minCell == nil && metric.sdg == nil)
        #expect(!metric.isComputed)
    }

    @Test("a new metric and a new city together pass check; the metric can be named by a commitment")
    func newCityAndMetric() throws {
        let site = try newSite()
        defer { try? FileManager.default.removeItem(at: site) }
        try MetricScaffold.create(id: "shelter-beds", in: site)
        try BlueprintScaffold.create(city: "St. Paul", in: site)
        let path = site.appendingPathComponent("Blueprints/st-paul.md")
        let original = try #require(text(site, "Blueprints/st-paul.md"))
        let blank = "    status: planned\n    due:\n    populations: []\n    metrics: []\n  - id: st-paul-economic-1"
        #expect(original.contains(blank))
        let filled = "    status: in_progress\n    due: 2026-12-31\n    populations: [immigrants]\n    metrics: [shelter-beds]\n"
            + "    target: { metric: shelter-beds, value: 40, by: 2026-12-31 }\n  - id: st-paul-economic-1"
        // Edits the blueprint `new city` wrote (the output under test), as a
        // fellow fills in a blank; the blank is asserted present above.
        try Data(original.replacingOccurrences(of: blank, with: filled).utf8).write(to: path)
        let outcome = Pipeline.check(site)
        #expect(outcome.succeeded)
        #expect(outcome.lines.first == Self.populationWarning)
        // The filled-in commitment is warned about no more; the six others still are.
        #expect(outcome.lines.filter { $0.contains("has no metrics") }.count == 6)
        #expect(!outcome.lines.contains { $0.contains("'st-paul-housing-1' has no metrics") })
        let housing = outcome.site?.blueprints.first { $0.slug == "st-paul" }?.commitments.first { $0.system == .housing }
        #expect(housing?.metrics == ["shelter-beds"])
        #expect(housing?.target?.value == 40)
    }

    @Test("every key of a metric definition is in the scaffold, with a comment")
    func metricText() {
        let text = MetricScaffold.text(id: "shelter_beds", minCell: 15)
        let keys = ["id", "title", "description", "system", "type", "numerator", "denominator", "per", "unit", "decimals",
                    "direction", "frequency", "dimensions", "labels", "target", "privacy", "source", "aggregation", "cumulative", "part_of",
                    "sdg", "progress"]
        let lines = text.split(separator: "\n").map(String.init)
        for key in keys {
            let index = lines.firstIndex { $0.hasPrefix("\(key):") }
            #expect(index != nil, "\(key)")
            if let index { #expect(lines[index - 1].hasPrefix("#") || lines[index].contains(" # "), "\(key) has a comment") }
        }
        // Only the keys above, each once.
        let written = lines.filter { !$0.hasPrefix("#") && $0.contains(":") }.map { String($0.prefix { $0 != ":" }) }
        #expect(written == keys)
        for words in ["count | rate | percent | ratio", "up | down | neutral", "annual | quarterly | monthly",
                      "immigration | youth | labor | health | housing | economic | justice | cross_system", "(15)"] {
            #expect(text.contains(words), "\(words)")
        }
    }

    @Test("new metric refuses invalid ids, with a suggestion", arguments: [
        ("Shelter Beds", "shelter_beds"), ("-beds", "beds"), ("beds.yml", "bedsyml"), ("", nil), ("../x", "x"), ("a/b", "ab"),
    ] as [(String, String?)])
    func invalidIDs(id: String, suggestion: String?) {
        do {
            try MetricScaffold.validate(id: id)
            Issue.record("'\(id)' was accepted")
        } catch let failure as ScaffoldFailure {
            guard case let .invalidName(message) = failure else {
                Issue.record("\(failure)")
                return
            }
            #expect(message.hasPrefix("'\(id)' is not a metric id"))
            if let suggestion { #expect(message.hasSuffix("e.g. '\(suggestion)'")) }
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test("new metric refuses to replace Metrics/<id>.yml or Metrics/<id>.yaml")
    func newMetricRefusesExisting() throws {
        let site = try newSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let before = text(site, "Metrics/survivors_identified.yml")
        #expect(throws: ScaffoldFailure.exists("Metrics/survivors_identified.yml")) {
            try MetricScaffold.create(id: "survivors_identified", in: site)
        }
        #expect(text(site, "Metrics/survivors_identified.yml") == before)
        try Data("id: beds\n".utf8).write(to: site.appendingPathComponent("Metrics/beds.yaml"))
        #expect(throws: ScaffoldFailure.exists("Metrics/beds.yaml")) {
            try MetricScaffold.create(id: "beds", in: site)
        }
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("Metrics/beds.yml").path))
    }
}
