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
        let view = CoverageView(
            title: t("coverage_title"),
            city_columns: site.blueprints.map { CoverageView.CityColumn(label: $0.city, href: location.href(Paths.city($0.slug))) },
            systems: CitySystem.allCases.map { system in
                CoverageView.SystemRow(
                    system: t("system_\(system.rawValue)"),
                    cells: site.blueprints.enumerated().map { city, blueprint in
                        let commitments = blueprint.commitments.filter { $0.system == system }.count
                        let metrics = context.published.metrics.filter { $0.definition.system == system && !$0.series(city: city).isEmpty }.count
                        return CoverageView.SystemCell(
                            commitments: commitments,
                            metrics: metrics,
                            gap: system != .crossSystem && commitments == 0,
                            text: t.plural("commitments_count", commitments) + ", " + t.plural("metrics_reported", metrics)
                        )
                    }
                )
            },
            populations: site.config.populations.map { population in
                CoverageView.PopulationRow(
                    label: population.label,
                    cells: site.blueprints.map { blueprint in
                        let count = blueprint.commitments.filter { $0.populations.contains(population.key) }.count
                        return CoverageView.PopulationCell(named: count > 0, text: count > 0 ? t.plural("named_in", count) : t("not_named"))
                    }
                )
            },
            left_out: site.blueprints.map { blueprint in
                let named = Set(blueprint.commitments.flatMap(\.populations))
                let missing = site.config.populations.filter { !named.contains($0.key) }.map(\.label)
                return CoverageView.LeftOut(city: blueprint.city, missing: missing.joined(separator: "; "), none_missing: missing.isEmpty)
            }
        )
        return Page(path: location.outputPath, template: "coverage", layout: layout, view: view)
    }
}

/// The `coverage` template's own values: cities × systems, and who each city names.
package struct CoverageView {
    package struct CityColumn {
        let label: String
        let href: String
    }

    package struct SystemRow {
        let system: String
        let cells: [SystemCell]
    }

    package struct SystemCell {
        let commitments: Int
        let metrics: Int
        /// No commitment in a system that needs one.
        let gap: Bool
        let text: String
    }

    package struct PopulationRow {
        let label: String
        let cells: [PopulationCell]
    }

    package struct PopulationCell {
        let named: Bool
        let text: String
    }

    package struct LeftOut {
        let city: String
        let missing: String
        let none_missing: Bool
    }

    let title: String
    let city_columns: [CityColumn]
    let systems: [SystemRow]
    let populations: [PopulationRow]
    let left_out: [LeftOut]
}
