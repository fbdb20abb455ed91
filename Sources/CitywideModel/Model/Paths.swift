import Foundation

/// Where each kind of page lives.
package enum Paths {
    package static let home = "index.html"
    package static let reports = "reports/index.html"
    package static let coverage = "coverage/index.html"
    package static let methodology = "methodology/index.html"
    package static let dataCatalog = "data/index.json"
    /// The catalogue as a page people read: every download, what it holds.
    package static let dataPage = "data/index.html"
    /// Every metric's published observations in one CSV.
    package static let dataAllCSV = "data/all.csv"
    package static let progress = "data/progress.json"
    package static let latestReport = "reports/latest/index.html"
    package static func city(_ slug: String) -> String { "cities/\(slug)/index.html" }
    package static func metric(_ id: String) -> String { "metrics/\(id)/index.html" }
    package static func report(_ period: Period) -> String { "reports/\(period)/index.html" }
    /// Page `n` (from 1) of every city, A to Z: the city index of a large site.
    package static func cityIndex(page n: Int) -> String { "cities/page/\(n)/index.html" }
    /// A state's cities (`slug` "other" for cities without a state); its
    /// pages after the first under `page/<n>/`.
    package static func state(_ slug: String, page n: Int = 1) -> String {
        n <= 1 ? "states/\(slug)/index.html" : "states/\(slug)/page/\(n)/index.html"
    }
    /// The coverage grid of a state's cities, on a large site; paged as `state`.
    package static func coverage(state slug: String, page n: Int = 1) -> String {
        n <= 1 ? "coverage/\(slug)/index.html" : "coverage/\(slug)/page/\(n)/index.html"
    }
    package static func dataCSV(_ id: String) -> String { "data/\(id).csv" }
    package static func dataJSON(_ id: String) -> String { "data/\(id).json" }
    /// A site file a narrative shows (`Blueprints/images/team.png`), kept at
    /// its place in the site so two files never share a name.
    package static func media(_ sitePath: String) -> String { "media/\(sitePath)" }
}
