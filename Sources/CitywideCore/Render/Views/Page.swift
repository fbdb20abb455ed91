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
///
/// Pages of other languages than the first live under `<lang>/`; assets,
/// data and the feed are shared, at the root.
struct PageLocation {
    /// The page's path within its language: "cities/atlanta/index.html".
    let path: String
    /// "" for the default language, "es/" for Spanish.
    var prefix: String = ""

    /// Where the file is written.
    var outputPath: String { prefix + path }

    /// "../../" for "cities/atlanta/index.html": the way up to the output's root.
    var root: String {
        String(repeating: "../", count: outputPath.split(separator: "/").count - 1)
    }

    /// The way to the pages of this page's language.
    var pageRoot: String { root + prefix }

    /// A relative link: pages stay in this page's language; shared files
    /// (assets, data, feed) are at the root.
    func href(_ target: String) -> String {
        target.hasSuffix(".html") ? pageRoot + target : root + target
    }

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
    /// A site file a narrative shows (`Blueprints/images/team.png`), kept at
    /// its place in the site so two files never share a name.
    static func media(_ sitePath: String) -> String { "media/\(sitePath)" }
}
