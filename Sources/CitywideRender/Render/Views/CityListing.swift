import CitywideModel

/// How a site's cities are cut into pages once there are too many for one:
/// every city A to Z (`cities/page/<n>/`), and each state's cities
/// (`states/<state>/`, cities without a state under "Other"), no page
/// listing more than `pageSize` cities.
package struct CityListing {
    /// The most cities any page lists in its matrices. Below it, the overview
    /// lists every city and no city index or state page is made.
    package static let pageSize = 100

    /// One state's cities (or the "Other" group) and the folder its pages live in.
    package struct State {
        package let name: String
        package let slug: String
        /// City indices, A to Z.
        package let cities: [Int]
    }

    /// Every city, A to Z by name (slug breaks ties).
    package let alphabetical: [Int]
    /// States A to Z, then "Other" for cities without a state.
    package let states: [State]

    /// The slug of the group of cities without a state.
    package static let otherSlug = "other"

    package init(_ site: Site, other: String) {
        let blueprints = site.blueprints
        alphabetical = blueprints.indices.sorted { (blueprints[$0].city, blueprints[$0].slug) < (blueprints[$1].city, blueprints[$1].slug) }
        let names = Set(blueprints.map(\.state).filter { !$0.isEmpty }).sorted()
        var byState: [String: [Int]] = [:]
        for city in alphabetical { byState[blueprints[city].state, default: []].append(city) }
        // Two names can make one slug ("Nuevo León", "Nuevo Leon"), or make
        // "other": later ones get a number, so every state has its own folder.
        var taken: Set<String> = [Self.otherSlug]
        var states: [State] = names.map { name in
            let base = Slug.make(name) ?? "state"
            var slug = base
            var n = 2
            while taken.contains(slug) { slug = "\(base)-\(n)"; n += 1 }
            taken.insert(slug)
            return State(name: name, slug: slug, cities: byState[name] ?? [])
        }
        if let stateless = byState[""] { states.append(State(name: other, slug: Self.otherSlug, cities: stateless)) }
        self.states = states
    }

    /// Whether the site has more cities than one page lists.
    package static func isPaged(_ site: Site) -> Bool { site.blueprints.count > pageSize }

    /// How many pages `count` items take (at least one).
    package static func pageCount(_ count: Int) -> Int { max(1, (count + pageSize - 1) / pageSize) }

    /// The items of page `n` (from 1).
    package static func page<T>(_ n: Int, of items: [T]) -> ArraySlice<T> {
        let start = min(items.count, (n - 1) * pageSize)
        return items[start..<min(items.count, start + pageSize)]
    }
}
