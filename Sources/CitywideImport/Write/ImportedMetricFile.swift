import CitywideModel
import CitywideInput

/// What the metric file takes from outside the data: an Open SDG metadata
/// file's title, unit, source and SDG indicator number.
package struct MetricFacts: Sendable, Equatable {
    package var title: String?
    package var description: String?
    package var unit: String?
    package var sourceName: String?
    package var sourceURL: String?
    package var sdg: String?

    package init(title: String? = nil, description: String? = nil, unit: String? = nil, sourceName: String? = nil, sourceURL: String? = nil, sdg: String? = nil) {
        self.title = title
        self.description = description
        self.unit = unit
        self.sourceName = sourceName
        self.sourceURL = sourceURL
        self.sdg = sdg
    }
}

/// `Metrics/<metric-id>.yml` as an import writes it when there is none.
///
/// What the data cannot say is a default a person must confirm: `system:
/// cross_system` and `direction: neutral`. The file says so at the top and in
/// its `imported:` key, which makes `citywide check` warn until someone
/// deletes that line (docs/import.md).
package enum ImportedMetricFile {
    package static func text(plan: ImportPlan, facts: MetricFacts, from source: String, command: String) -> String {
        var lines = [
            "# Written by `citywide \(command)` from \(oneLine(source)).",
            "# Check system, direction and type (the import cannot know them), the title and the unit,",
            "# then delete the line `imported:` at the end: until then `citywide check` warns about this file.",
            "id: \(plan.metric)",
            "title: \(ScaffoldFile.quoted(oneLine(facts.title ?? MetricScaffold.title(for: plan.metric))))",
        ]
        if let description = facts.description { lines.append("description: \(ScaffoldFile.quoted(oneLine(description)))") }
        lines += [
            "system: cross_system             # the city system it measures: \(CitySystem.allCases.map(\.rawValue).joined(separator: " | "))",
            "type: \(plan.kind.rawValue)\(typeComment(plan.kind))",
        ]
        if let unit = facts.unit { lines.append("unit: \(ScaffoldFile.quoted(oneLine(unit)))") }
        lines += [
            "decimals: \(plan.decimals)",
            "direction: neutral               # up | down | neutral: which way is better",
            "frequency: \(plan.frequency.rawValue)",
        ]
        if !plan.dimensions.isEmpty {
            lines.append("dimensions:")
            for d in plan.dimensions {
                lines.append("  \(d.name): [\(d.values.map(scalar).joined(separator: ", "))]")
            }
        }
        let labelled = plan.dimensions.filter { !$0.labels.isEmpty }
        if !labelled.isEmpty {
            lines.append("labels:                          # the file's own words for each value")
            for d in labelled {
                lines.append("  \(d.name): { \(d.labels.map { "\(scalar($0.0)): \(ScaffoldFile.quoted(oneLine($0.1)))" }.joined(separator: ", ")) }")
            }
        }
        if let name = facts.sourceName {
            var source = "source: { name: \(ScaffoldFile.quoted(oneLine(name)))"
            if let url = facts.sourceURL, WebAddress.isValid(url) { source += ", url: \(ScaffoldFile.quoted(url))" }
            lines.append(source + " }")
        }
        if let sdg = facts.sdg { lines.append("sdg: \(ScaffoldFile.quoted(oneLine(sdg)))") }
        lines.append("imported: \(ScaffoldFile.quoted(oneLine(source)))")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func typeComment(_ kind: MetricDefinition.Kind) -> String {
        switch kind {
        case .count: "                      # every value is a whole number"
        case .percent: "                    # given as data: add `denominator:` (the count it is a percent of)"
        case .rate, .ratio: "                       # given as data, as the file has it"
        }
    }

    /// An identifier as a YAML scalar: quoted when YAML could read it as a number.
    private static func scalar(_ id: String) -> String {
        id.first.map { $0 >= "a" && $0 <= "z" } == true ? id : ScaffoldFile.quoted(id)
    }

    private static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 }).trimmingSpaces
    }
}
