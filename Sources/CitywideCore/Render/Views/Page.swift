/// One HTML page to write: where it goes, which template renders it, and the
/// values the template receives (already formatted: templates hold no logic).
struct Page {
    var path: String
    var template: String
    var context: [String: Any]
}

/// Links between pages are relative, so the site works from any folder of
/// any server and straight from disk (file://); the feed and sitemap use
/// `base_url` for absolute ones.
struct PageLocation {
    let path: String

    /// "../../" for "cities/atlanta/index.html".
    var root: String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }

    func href(_ target: String) -> String { root + target }

    /// The public URL of a page: folders end in `/`.
    static func absolute(_ path: String, base: String) -> String {
        base + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
    }
}

extension String {
    /// nil for empty text. Mustache renders a section for any string, even
    /// an empty one, so optional text reaches templates as nil.
    var nonEmpty: String? { isEmpty ? nil : self }
}

/// Where each kind of page lives.
enum Paths {
    static let home = "index.html"
    static let reports = "reports/index.html"
    static let coverage = "coverage/index.html"
    static let methodology = "methodology/index.html"
    static let dataCatalog = "data/index.json"
    static let progress = "data/progress.json"
    static let latestReport = "reports/latest/index.html"
    static func city(_ slug: String) -> String { "cities/\(slug)/index.html" }
    static func metric(_ id: String) -> String { "metrics/\(id)/index.html" }
    static func report(_ period: Period) -> String { "reports/\(period)/index.html" }
    static func dataCSV(_ id: String) -> String { "data/\(id).csv" }
    static func dataJSON(_ id: String) -> String { "data/\(id).json" }
}
