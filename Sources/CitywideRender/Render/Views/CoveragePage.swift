import CitywideModel
import CitywidePublished
import CitywideWrite

/// `coverage/index.html`: cities × systems, and who each city names or leaves out.
package struct CoveragePage {
    package let context: SiteContext

    package func page() -> Page {
        let site = context.site
        let location = context.location(Paths.coverage)
        let t = context.t
        let layout = context.layout(location, title: t("coverage_title"), description: t("coverage_description"), section: "coverage")
        var c: [String: Any] = [:]
        c["title"] = t("coverage_title")
        c["city_columns"] = site.blueprints.map { ["label": $0.city, "href": location.href(Paths.city($0.slug))] }
        c["systems"] = CitySystem.allCases.map { system -> [String: Any] in
            [
                "system": t("system_\(system.rawValue)"),
                "cells": site.blueprints.enumerated().map { city, blueprint -> [String: Any] in
                    let commitments = blueprint.commitments.filter { $0.system == system }.count
                    let metrics = context.published.metrics.filter { $0.definition.system == system && !$0.series(city: city).isEmpty }.count
                    let gap = system != .crossSystem && commitments == 0
                    return [
                        "commitments": commitments,
                        "metrics": metrics,
                        "gap": gap,
                        "text": t.plural("commitments_count", commitments) + ", " + t.plural("metrics_reported", metrics),
                    ]
                },
            ]
        }
        c["populations"] = site.config.populations.map { population -> [String: Any] in
            [
                "label": population.label,
                "cells": site.blueprints.map { blueprint -> [String: Any] in
                    let count = blueprint.commitments.filter { $0.populations.contains(population.key) }.count
                    return [
                        "named": count > 0,
                        "text": count > 0 ? t.plural("named_in", count) : t("not_named"),
                    ]
                },
            ]
        }
        c["left_out"] = site.blueprints.map { blueprint -> [String: Any] in
            let named = Set(blueprint.commitments.flatMap(\.populations))
            let missing = site.config.populations.filter { !named.contains($0.key) }.map(\.label)
            return ["city": blueprint.city, "missing": missing.joined(separator: "; "), "none_missing": missing.isEmpty]
        }
        return Page(path: location.outputPath, template: "coverage", layout: layout, view: c)
    }
}
