import Foundation
import CitywideModel

/// `citywide new city NAME`: a blueprint to fill in, with one commitment for
/// each of the seven city systems and a short guide to the narrative. It passes
/// `citywide check` as written, so a fellow can build and look at it at once.
public enum BlueprintScaffold {
    /// Commitment ids are `<slug>-<system>-1`; the longest system name keeps them
    /// within the 100 bytes ids may have.
    public static let maxSlugLength = 80

    /// Begins every text the fellow is to replace, so `check` can warn about
    /// any left when the blueprint is published.
    public static let placeholderMarker = "TO WRITE:"

    /// "St. Paul" → "st-paul", "San José" → "san-jose": lowercase, accents
    /// removed, spaces → `-`, anything but `a-z 0-9 - _` dropped, repeated `-`
    /// collapsed, `-` and `_` trimmed from both ends. nil when nothing is left.
    public static func slug(for name: String) -> String? { Slug.make(name) }

    /// Checks the name and works out the slug, or says why it cannot.
    public static func validate(name rawName: String) throws -> (name: String, slug: String) {
        let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else {
            throw ScaffoldFailure.invalidName("the city needs a name, e.g. citywide new city \"St. Paul\"")
        }
        guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw ScaffoldFailure.invalidName("a city name is one line of text, without tabs, line breaks or control characters")
        }
        guard let slug = slug(for: name) else {
            throw ScaffoldFailure.invalidName("'\(name)' gives no file name: a city name needs at least one letter a-z or digit")
        }
        guard slug.utf8.count <= maxSlugLength else {
            throw ScaffoldFailure.invalidName("'\(name)' is too long: its file name '\(slug)' has \(slug.utf8.count) characters, at most \(maxSlugLength) are allowed")
        }
        return (name, slug)
    }

    /// Writes `Blueprints/<slug>.md` in `site`. Returns the path written, relative to the site.
    @discardableResult
    public static func create(city rawName: String, in site: URL) throws -> String {
        let (name, slug) = try validate(name: rawName)
        let config = ScaffoldFile.siteConfig(site)
        let text = text(city: name, slug: slug, populations: config.populations.map(\.key),
                        metrics: ScaffoldFile.metricIDs(site), minCell: config.privacy.minCell)
        return try ScaffoldFile.create("Blueprints/\(slug).md", text: text, in: site)
    }

    /// What each system's placeholder commitment asks the fellow to write.
    package static func example(_ system: CitySystem) -> String {
        switch system {
        case .immigration: "help survivors apply for T and U visas and other immigration relief"
        case .youth: "train child welfare and runaway-youth staff to identify trafficked young people"
        case .labor: "screen wage-theft and labor-standards cases for signs of labor trafficking"
        case .health: "train clinic and emergency-room staff to recognize and refer survivors"
        case .housing: "open emergency and longer-term housing for survivors, including men and families"
        case .economic: "reserve places in job-training and hiring programs for survivors"
        case .justice: "help survivors clear records of crimes they were forced to commit"
        case .crossSystem: "work across city systems"
        }
    }

    /// The text of the blueprint. `populations` and `metrics` are the keys and
    /// ids the site has, listed in comments so the fellow need not look them up.
    public static func text(city name: String, slug: String, populations: [String] = SiteConfig.defaultPopulations.map(\.key), metrics: [String] = [], minCell: Int = 11) -> String {
        var lines: [String] = [
            "---",
            "# The blueprint of \(name): the front matter (down to the second ---) lists the",
            "# commitments; the text after it is the narrative. A key left empty is ignored.",
            "# Run `citywide check` after editing. Formats: docs/formats.md in Citywide.",
            "city: \(ScaffoldFile.quoted(name))",
            "state:              # optional: shown after the name, e.g. MN",
            "population:         # optional: residents, a whole number such as 311527 (needed for rates per resident)",
            "fellow:             # optional: the senior fellow who keeps this blueprint",
            "adopted:            # optional: the date the city adopted the blueprint, YYYY-MM-DD",
            "updated:            # optional: the date of the last revision, YYYY-MM-DD",
            "commitments:",
            "  # One commitment for each of the seven city systems. For each one:",
            "  #   id           unique on the site; rename it after what it does, e.g. \(slug)-labor-wage-screening",
            "  #   system       immigration | youth | labor | health | housing | economic | justice",
            "  #   title        what the city will do, in one plain sentence",
            "  #   status       planned | in_progress | done | dropped",
            "  #   due          optional: the date it is due, YYYY-MM-DD (left empty: no due date)",
            "  #   completed    optional, once done: the date it was completed, YYYY-MM-DD",
            "  #   populations  who it reaches, from site.yml's populations:",
        ]
        lines += ScaffoldFile.wrapped(populations, prefix: "  #                  ")
        lines.append("  #   metrics      ids of the Metrics/<id>.yml files that track it" + (metrics.isEmpty ? " (create one with: citywide new metric ID)" : ":"))
        lines += ScaffoldFile.wrapped(metrics, prefix: "  #                  ")
        lines += [
            "  #   target       optional: { metric: <id>, value: 40, by: 2026-12-31 }, the value the city aims for",
            "  # Remove a commitment the city does not make, copy one to add another.",
        ]
        for system in CitySystem.seven {
            lines += [
                "  - id: \(slug)-\(system.rawValue)-1",
                "    system: \(system.rawValue)",
                "    title: \(ScaffoldFile.quoted("\(placeholderMarker) one thing the city will do in \(system.label.lowercased()), e.g. \(example(system))"))",
                "    status: planned",
                "    due:",
                "    populations: []",
                "    metrics: []",
            ]
        }
        lines += [
            "---",
            "# \(name) Blueprint",
            "",
            "_\(placeholderMarker) replace each paragraph marked \(placeholderMarker) with your own words. Headings marked",
            "`##` become the sections of the city page. Write for the public: plain words, short sentences._",
            "",
            "## Why this plan",
            "",
            "_\(placeholderMarker) why \(name) needs this plan: what the city knows about sex and labor trafficking here,",
            "who is harmed, and which city systems survivors pass through (immigration, children and",
            "youth services, labor enforcement, health care, housing, economic empowerment, criminal",
            "justice)._",
            "",
            "## What we commit to",
            "",
            "_\(placeholderMarker) what the city will do, system by system, and who is responsible. The commitments in the",
            "front matter appear on the city page with their status and due date; say here how they",
            "fit together and what survivors will notice._",
            "",
            "## Who is left out",
            "",
            "_\(placeholderMarker) which survivors this plan does not reach yet (labor trafficking survivors, male",
            "survivors, LGBTQ youth, immigrants, people with disabilities...), why, and what the city",
            "will do about it. The coverage page lists the populations no commitment names._",
            "",
            "## How we measure",
            "",
            "_\(placeholderMarker) which figures the city publishes every quarter, where they come from, and what would show",
            "that the plan works. Figures are aggregate counts only: a count from 1 to \(max(1, minCell - 1)) is never",
            "published, so no one can be singled out._",
            "",
        ]
        return lines.joined(separator: "\n")
    }
}
