import CitywideModel
import CitywidePublished
import CitywideWrite

/// `coverage/index.html`: cities × systems, and who each city names or leaves out.
/// On a large site (past `CityListing.pageSize` cities) the grid is split by
/// state: `coverage/<state>/` (paged `coverage/<state>/page/<n>/`), and
/// `coverage/index.html` links to each state's.
package struct CoveragePage {
    package let context: SiteContext

    package func page() -> Page {
        let site = context.site
        let t = context.t
        guard CityListing.isPaged(site) else {
            return page(Array(site.blueprints.indices), location: context.location(Paths.coverage), title: t("coverage_title"))
        }
        let location = context.location(Paths.coverage)
        let listing = CityListing(site, other: t("state_other"))
        return page([], location: location, title: t("coverage_title"), states: listing.states.map { state in
            CoverageView.StateLink(name: state.name, href: location.href(Paths.coverage(state: state.slug)), cities: state.cities.count)
        })
    }

    /// A large site's coverage pages by state: path (within the language) and maker.
    package func statePlan(_ listing: CityListing) -> [(path: String, make: () -> Page)] {
        listing.states.flatMap { state in
            let count = CityListing.pageCount(state.cities.count)
            return (1...count).map { n in
                let path = Paths.coverage(state: state.slug, page: n)
                return (path, {
                    let location = context.location(path)
                    let title = context.t("coverage_state_title", ["state": state.name])
                        + (count > 1 ? " (\(context.t("pagination_page", ["page": String(n), "pages": String(count)])))" : "")
                    return page(Array(CityListing.page(n, of: state.cities)), location: location, title: title,
                                pagination: PaginationView.make(current: n, count: count, t: context.t) {
                                    location.href(Paths.coverage(state: state.slug, page: $0))
                                })
                })
            }
        }
    }

    private func page(_ cities: [Int], location: PageLocation, title: String, states: [CoverageView.StateLink] = [],
                      pagination: PaginationView? = nil) -> Page {
        let site = context.site
        let t = context.t
        let layout = context.layout(location, title: title, description: t("coverage_description"), section: "coverage")
        let published = context.published.metrics
        // Counts repeat from cell to cell: each text is made once per page.
        // A system cell's two counts are one key (array counts: each fits in 32 bits).
        var systemCellText = CountTexts { t.plural("commitments_count", $0 >> 32) + ", " + t.plural("metrics_reported", $0 & 0xFFFF_FFFF) }
        var namedIn = CountTexts { $0 > 0 ? t.plural("named_in", $0) : t("not_named") }
        // The cities are read in place by index: a copy of each blueprint
        // would retain every one of its strings and arrays.
        let view = CoverageView(
            title: title,
            states: states,
            pagination: OrNo(pagination),
            city_columns: cities.map { CoverageView.CityColumn(label: site.blueprints[$0].city, href: location.href(Paths.city(site.blueprints[$0].slug))) },
            systems: cities.isEmpty ? [] : CitySystem.allCases.map { system in
                CoverageView.SystemRow(
                    system: t("system_\(system.rawValue)"),
                    cells: cities.map { city in
                        // By position: iterating would copy each commitment.
                        let commitments = site.blueprints[city].commitments.indices.count { site.blueprints[city].commitments[$0].system == system }
                        let metrics = published.indices.count { published[$0].definition.system == system && published[$0].hasSeries(city: city) }
                        return CoverageView.SystemCell(
                            commitments: commitments,
                            metrics: metrics,
                            gap: system != .crossSystem && commitments == 0,
                            text: systemCellText(commitments << 32 | metrics)
                        )
                    }
                )
            },
            populations: cities.isEmpty ? [] : site.config.populations.map { population in
                CoverageView.PopulationRow(
                    label: population.label,
                    cells: cities.map { city in
                        let commitments = site.blueprints[city].commitments
                        let count = commitments.indices.count { commitments[$0].populations.contains(population.key) }
                        return CoverageView.PopulationCell(named: count > 0, text: namedIn(count))
                    }
                )
            },
            left_out: cities.map { city in
                let commitments = site.blueprints[city].commitments
                let named = Set(commitments.indices.flatMap { commitments[$0].populations })
                let missing = site.config.populations.filter { !named.contains($0.key) }.map(\.label)
                return CoverageView.LeftOut(city: site.blueprints[city].city, missing: missing.joined(separator: "; "), none_missing: missing.isEmpty)
            }
        )
        return Page(path: location.outputPath, template: "coverage", layout: layout, view: view)
    }
}

/// The `coverage` template's own values: cities × systems, and who each city names.
package struct CoverageView {
    /// A state's coverage page, linked from `coverage/index.html` on a large site.
    package struct StateLink {
        let name: String
        let href: String
        let cities: Int
    }

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
    /// On a large site's `coverage/index.html` only (else empty): each state's page.
    let states: [StateLink]
    /// On a state's coverage pages, when there are several.
    let pagination: OrNo<PaginationView>
    let city_columns: [CityColumn]
    let systems: [SystemRow]
    let populations: [PopulationRow]
    let left_out: [LeftOut]
}
