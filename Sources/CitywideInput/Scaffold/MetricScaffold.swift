import Foundation
import CitywideModel

/// `citywide new metric ID`: a metric definition listing every key, each with
/// a comment saying what it means and which values it takes. Valid as written
/// (a quarterly count); optional keys are left empty, which counts as absent.
public enum MetricScaffold {
    /// Checks the id, or says why it cannot be one.
    public static func validate(id: String) throws {
        guard Identifier.isValid(id) else {
            var message = "'\(id)' is not a metric id: use \(Identifier.rule), at most 100 characters"
            if let suggestion = suggestion(for: id), suggestion != id {
                message += ", e.g. '\(suggestion)'"
            }
            throw ScaffoldFailure.invalidName(message)
        }
    }

    /// "Labor Referrals" → "labor_referrals": what the user probably meant.
    package static func suggestion(for id: String) -> String? {
        guard let slug = BlueprintScaffold.slug(for: id) else { return nil }
        let underscored = slug.replacingOccurrences(of: "-", with: "_")
        return Identifier.isValid(underscored) ? underscored : nil
    }

    /// Writes `Metrics/<id>.yml` in `site`. Returns the path written, relative to the site.
    @discardableResult
    public static func create(id: String, in site: URL) throws -> String {
        try validate(id: id)
        let config = ScaffoldFile.siteConfig(site)
        return try ScaffoldFile.create("Metrics/\(id).yml", text: text(id: id, minCell: config.privacy.minCell),
                                       in: site, alsoRefusing: ["Metrics/\(id).yaml"])
    }

    /// "labor_trafficking_referrals" → "Labor trafficking referrals".
    package static func title(for id: String) -> String {
        let words = id.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    public static func text(id: String, minCell: Int = 11) -> String {
        let systems = CitySystem.allCases.map(\.rawValue).joined(separator: " | ")
        let lines: [String] = [
            "# The definition of the metric \(id). Every key is listed; a key left empty is",
            "# ignored. Run `citywide check` after editing. Formats: docs/formats.md in Citywide.",
            "",
            "# Required: must be the file name without .yml.",
            "id: \(id)",
            "",
            "# Required: the metric's name in plain words, shown as the heading of its page.",
            "title: \(ScaffoldFile.quoted(title(for: id)))",
            "",
            "# Optional: what is counted, by whom, and how, in a sentence or two.",
            "description:",
            "",
            "# Required: the city system it measures, one of",
            "# \(systems)",
            "# (cross_system: a metric that spans several systems).",
            "system: cross_system",
            "",
            "# Required: count | rate | percent | ratio.",
            "# A count comes from the data. A rate, percent or ratio comes from the data as it is,",
            "# or is computed by Citywide when it names a numerator (below).",
            "type: count",
            "",
            "# Optional, computed metrics only (a count has none of these three keys):",
            "#   a rate names a numerator, and per: numerator / the city's population x per",
            "#   a percent or ratio names a numerator and a denominator: numerator / denominator",
            "#   (x 100 for a percent). A computed metric may not declare dimensions.",
            "#   A percent or ratio given as data (no numerator) must still name its denominator.",
            "numerator:        # the id of a count metric with the same frequency",
            "denominator:      # the id of a count metric with the same frequency (percent, ratio)",
            "per:              # a rate is per this many residents (default 100000)",
            "",
            "# Optional: the unit shown after values and in chart descriptions, e.g. referrals.",
            "unit:",
            "",
            "# Optional: decimals shown on pages, a whole number from 0 to 6 (default 0).",
            "decimals: 0",
            "",
            "# Optional: which way is better, up | down | neutral (default up).",
            "direction: up",
            "",
            "# Required: annual | quarterly | monthly. Every data row of this metric must use",
            "# periods of this kind: 2024, 2024-Q1 or 2024-03.",
            "frequency: quarterly",
            "",
            "# Optional: the breakdowns the data may give, a name and its list of values each",
            "# (at most 8 names; each name becomes a column of the data files). For example:",
            "#   dimensions:",
            "#     trafficking_type: [sex, labor, both]",
            "#     sex: [female, male, another]",
            "#     age_group: [under_18, \"18_24\", 25_plus]",
            "dimensions:",
            "",
            "# Optional: how values read on pages, where a code would not, e.g.",
            "#   labels: { age_group: { \"18_24\": \"18–24\", 25_plus: \"25 and over\" } }",
            "labels:",
            "",
            "# Optional: the default target, drawn on charts and used for progress, e.g.",
            "#   target: { value: 40, year: 2026 }",
            "# A commitment's target replaces it for that commitment's city.",
            "target:",
            "",
            "# Optional: raise the smallest count published for this metric, never lower it",
            "# below the site's min_cell (\(minCell)), e.g. privacy: { min_cell: 20 }",
            "privacy:",
            "",
            "# Optional: where the figures come from; url must start with https:// or http://, e.g.",
            "#   source: { name: City labor standards division, url: https://example.org/labor }",
            "source:",
            "",
            "# Optional: how periods combine, sum | last. sum (the default for counts): a year is the",
            "# sum of its quarters or months, and they are protected together; last: a stock such as",
            "# beds on the last day (the default for rates, percents, ratios and cumulative counts).",
            "aggregation:",
            "",
            "# Optional: true when each period's value includes all earlier ones (a running total).",
            "# The increases between periods are then the counts the privacy rules protect.",
            "cumulative:",
            "",
            "# Optional: this metric is a part of another count metric, protected together with it,",
            "# e.g. part_of: { metric: survivors_identified, dimension: trafficking_type, value: labor }",
            "part_of:",
            "",
            "# Optional: the SDG indicator it reports against, in quotes, e.g. sdg: \"16.2.2\"",
            "sdg:",
            "",
            "# Optional: the progress status's thresholds (high >= med >= low, all three or none)",
            "# and the baseline period it is measured from, e.g.",
            "#   progress: { high: 0.95, med: 0.6, low: 0, baseline: 2024-Q1 }",
            "# Defaults: 0.95, 0.6 and 0 with a target; 0.015, 0.005 and 0 a year without one.",
            "progress:",
            "",
        ]
        return lines.joined(separator: "\n")
    }
}
