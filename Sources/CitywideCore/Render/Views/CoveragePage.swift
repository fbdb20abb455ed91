/// `coverage/index.html`: cities × systems, and who each city names or leaves out.
struct CoveragePage {
    let context: SiteContext

    func page() -> Page {
        let site = context.site
        let location = PageLocation(path: Paths.coverage)
        var c = context.base(location, title: "Coverage: systems and populations", description: "Which city systems each blueprint covers, and which populations it names or leaves out.", section: "coverage")
        c["title"] = "Coverage: systems and populations"
        c["city_columns"] = site.blueprints.map { ["label": $0.city, "href": location.href(Paths.city($0.slug))] }
        c["systems"] = CitySystem.allCases.map { system -> [String: Any] in
            [
                "system": system.label,
                "cells": site.blueprints.enumerated().map { city, blueprint -> [String: Any] in
                    let commitments = blueprint.commitments.filter { $0.system == system }.count
                    let metrics = context.published.metrics.filter { $0.definition.system == system && !$0.series(city: city).isEmpty }.count
                    let gap = system != .crossSystem && commitments == 0
                    return [
                        "commitments": commitments,
                        "metrics": metrics,
                        "gap": gap,
                        "text": "\(commitments) \(commitments == 1 ? "commitment" : "commitments"), \(metrics) \(metrics == 1 ? "metric" : "metrics") reported",
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
                        "text": count > 0 ? "Named in \(count) \(count == 1 ? "commitment" : "commitments")" : "Not named",
                    ]
                },
            ]
        }
        c["left_out"] = site.blueprints.map { blueprint -> [String: Any] in
            let named = Set(blueprint.commitments.flatMap(\.populations))
            let missing = site.config.populations.filter { !named.contains($0.key) }.map(\.label)
            return ["city": blueprint.city, "missing": missing.joined(separator: "; "), "none_missing": missing.isEmpty]
        }
        return Page(path: location.path, template: "coverage", context: c)
    }
}
