import CitywideModel
import CitywidePublished

/// The pages of a large site's city list: `cities/page/<n>/` (every city,
/// A to Z) and `states/<state>/` (paged `states/<state>/page/<n>/`), each
/// with both overview matrices for its cities. Made only when the site has
/// more cities than `CityListing.pageSize`.
package struct CityListPage {
    package let context: SiteContext
    package let listing: CityListing

    /// Every page of the lists: path (within the language) and page.
    package func plan() -> [(path: String, make: () -> Page)] {
        let index = (1...CityListing.pageCount(listing.alphabetical.count)).map { n in
            (Paths.cityIndex(page: n), { indexPage(n) })
        }
        let states = listing.states.indices.flatMap { s in
            (1...CityListing.pageCount(listing.states[s].cities.count)).map { n in
                (Paths.state(listing.states[s].slug, page: n), { statePage(s, n) })
            }
        }
        return index + states
    }

    func indexPage(_ n: Int) -> Page {
        let count = CityListing.pageCount(listing.alphabetical.count)
        return page(path: Paths.cityIndex(page: n),
                    title: context.t("cities_index_title") + (count > 1 ? " (\(context.t("pagination_page", ["page": String(n), "pages": String(count)])))" : ""),
                    cities: listing.alphabetical, n: n, pageCount: count, pagePath: { Paths.cityIndex(page: $0) },
                    other: (Paths.home, context.t("nav_overview")))
    }

    func statePage(_ s: Int, _ n: Int) -> Page {
        let state = listing.states[s]
        let count = CityListing.pageCount(state.cities.count)
        return page(path: Paths.state(state.slug, page: n),
                    title: context.t("state_title", ["state": state.name]) + (count > 1 ? " (\(context.t("pagination_page", ["page": String(n), "pages": String(count)])))" : ""),
                    cities: state.cities, n: n, pageCount: count, pagePath: { Paths.state(state.slug, page: $0) },
                    other: (Paths.cityIndex(page: 1), context.t("cities_index_title")))
    }

    private func page(path: String, title: String, cities: [Int], n: Int, pageCount: Int,
                      pagePath: (Int) -> String, other: (path: String, label: String)) -> Page {
        let location = context.location(path)
        let matrix = CityMatrix(context: context)
        let shown = CityListing.page(n, of: cities)
        let first = (n - 1) * CityListing.pageSize + 1
        let view = CityListView(
            title: title,
            lead: context.t("cities_shown", ["first": String(first), "last": String(first + shown.count - 1), "count": String(cities.count)]),
            groups: matrix.ungrouped(Array(shown), location: location),
            system_columns: matrix.systemColumns,
            key_metrics: matrix.metricColumns(location: location),
            system_span: matrix.systemSpan,
            metric_span: matrix.metricSpan,
            pagination: OrNo(PaginationView.make(current: n, count: pageCount, t: context.t) { location.href(pagePath($0)) }),
            index_href: location.href(other.path),
            index_label: other.label
        )
        let layout = context.layout(location, title: title, section: "cities")
        return Page(path: location.outputPath, template: "cities", layout: layout, view: view)
    }
}
