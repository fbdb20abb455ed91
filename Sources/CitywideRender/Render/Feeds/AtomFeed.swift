import CitywideModel
import CitywidePublished
import CitywideWrite

/// `feed.xml`: an Atom entry per progress report and per blueprint update,
/// in the site's default language. Dates come from the input (report
/// periods, `updated:`), never the clock.
package struct AtomFeed {
    package let site: Site
    package let published: PublishedData

    /// The most entries the feed holds: the newest. A reader wants what
    /// changed lately; with 10,000 cities every entry would make the feed
    /// megabytes long, and the sitemap lists every page anyway.
    package static let entryLimit = 50

    /// The default language's interface text (English if none is loaded).
    private var t: Translation? { site.interface[site.config.defaultLanguage] }

    package func xml() -> String {
        let base = site.config.baseURL
        var entries: [(updated: Day, id: String, title: String, summary: String)] = []
        for period in ReportPeriods.all(published) {
            entries.append((period.lastDay, PageLocation.absolute(Paths.report(period), base: base),
                            t.map { $0("report_title", ["period": period.description]) } ?? "Progress report, \(period)",
                            t.map { $0.plural("report_description", site.blueprints.count, ["period": period.description]) } ?? "What changed across cities in \(period)."))
        }
        for blueprint in site.blueprints {
            guard let day = blueprint.updated ?? blueprint.adopted else { continue }
            entries.append((day, PageLocation.absolute(Paths.city(blueprint.slug), base: base),
                            t.map { $0("feed_blueprint_updated", ["city": blueprint.city]) } ?? "\(blueprint.city) blueprint updated",
                            t.map { $0("feed_blueprint_updated_summary", ["place": blueprint.displayName, "date": $0.date(day)]) }
                                ?? "The \(blueprint.displayName) blueprint was updated on \(day)."))
        }
        entries.sort { ($0.updated, $0.id) > ($1.updated, $1.id) }
        entries = Array(entries.prefix(Self.entryLimit))
        let newest = entries.first?.updated.description ?? "2000-01-01"
        var out = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(site.config.defaultLanguage)">
          <title>\(MarkupText.escape(site.config.title))</title>
          <id>\(MarkupText.escape(base))</id>
          <link href="\(MarkupText.escape(base))"/>
          <link rel="self" href="\(MarkupText.escape(base + "feed.xml"))"/>
          <updated>\(newest)T00:00:00Z</updated>
          <author><name>\(MarkupText.escape(site.config.title))</name></author>

        """
        for entry in entries {
            out += """
              <entry>
                <title>\(MarkupText.escape(entry.title))</title>
                <id>\(MarkupText.escape(entry.id))</id>
                <link href="\(MarkupText.escape(entry.id))"/>
                <updated>\(entry.updated)T00:00:00Z</updated>
                <summary>\(MarkupText.escape(entry.summary))</summary>
              </entry>

            """
        }
        return out + "</feed>\n"
    }
}
