import CitywideModel

/// `sitemap.xml`: every HTML page, by its public URL. Past the sitemap
/// protocol's limits for one file (50,000 URLs, 50 MB) or this site's own
/// (no generated file over 1 MB), `sitemap.xml` becomes a sitemap index of
/// `sitemap-<n>.xml` files, each within both.
package struct Sitemap {
    package let base: String

    /// The most URLs one sitemap file lists (the protocol's limit).
    package static let urlLimit = 50_000
    /// The most bytes one sitemap file has: under the 1 MB every page keeps to.
    package static let byteLimit = 1_000_000

    private static let urlsetHead = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
    private static let urlsetTail = "</urlset>\n"

    /// The sitemap files, path → text: `sitemap.xml` alone when every URL
    /// fits in it, else the index and its parts.
    package func files(_ paths: [String]) -> [(path: String, text: String)] {
        let lines = paths.sorted().map { "  <url><loc>\(MarkupText.escape(PageLocation.absolute($0, base: base)))</loc></url>\n" }
        let room = Self.byteLimit - Self.urlsetHead.utf8.count - Self.urlsetTail.utf8.count
        var parts: [String] = []
        var part = "", count = 0, bytes = 0
        for line in lines {
            if count == Self.urlLimit || (count > 0 && bytes + line.utf8.count > room) {
                parts.append(part)
                part = ""
                count = 0
                bytes = 0
            }
            part += line
            count += 1
            bytes += line.utf8.count
        }
        parts.append(part)
        guard parts.count > 1 else { return [("sitemap.xml", Self.urlsetHead + parts[0] + Self.urlsetTail)] }
        var index = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        var files: [(path: String, text: String)] = []
        for (n, part) in parts.enumerated() {
            let path = "sitemap-\(n + 1).xml"
            index += "  <sitemap><loc>\(MarkupText.escape(base + path))</loc></sitemap>\n"
            files.append((path, Self.urlsetHead + part + Self.urlsetTail))
        }
        return [("sitemap.xml", index + "</sitemapindex>\n")] + files
    }
}
