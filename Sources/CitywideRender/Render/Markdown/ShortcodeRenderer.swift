import Mustache
import Foundation
import CitywideModel
import CitywidePublished
import CitywideWrite

/// Puts live figures where a blueprint's shortcodes were. Every figure comes
/// from `PublishedData`, so an embedded value obeys the same privacy rules as
/// the rest of the site: a withheld value reads "fewer than 11", never a number.
package struct ShortcodeRenderer {
    package let context: SiteContext
    /// The blueprint's own city.
    package let city: Int
    package let location: PageLocation

    /// The narrative's HTML, still in UTF-8 bytes (`MarkdownRenderer.renderBytes`),
    /// with its figures in: made a String once, after they are in.
    package func render(bytes html: [UInt8], shortcodes: [Shortcode]) -> String {
        guard !shortcodes.isEmpty else { return String(decoding: html, as: UTF8.self) }
        return html.withUnsafeBufferPointer { bytes in
            Self.fill(bytes, count: shortcodes.count) { i in self.html(shortcodes[i], index: i) }
        }
    }

    /// Plain text for places that take no markup (a title).
    package func text(_ title: String, shortcodes: [Shortcode]) -> String {
        guard !shortcodes.isEmpty, ShortcodeMarkers.mayHold(title) else { return title }
        return fill(title, count: shortcodes.count) { i in plain(shortcodes[i]) }
    }

    /// Replaces every marker of `text` in one pass over its UTF-8 bytes (a
    /// blueprint may hold thousands of shortcodes: replacing them one by one
    /// was quadratic, and splitting the page's HTML into Characters cost more
    /// than cmark). A marker that is a paragraph's whole content replaces the
    /// paragraph. A marker is one only as a Character of its own, as the
    /// loader wrote it (see `ShortcodeMarkers`).
    private func fill(_ text: String, count: Int, _ replacement: (Int) -> String) -> String {
        var text = text
        return text.withUTF8 { bytes in Self.fill(bytes, count: count, replacement) }
    }

    private static func fill(_ bytes: UnsafeBufferPointer<UInt8>, count: Int, _ replacement: (Int) -> String) -> String {
        guard var open = ShortcodeMarkers.next(ShortcodeMarkers.open, in: bytes, from: 0) else { return String(decoding: bytes, as: UTF8.self) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 64 * count)
        result.append(contentsOf: bytes[..<open])
        while true {
            let start = open + ShortcodeMarkers.open.count
            let nextOpen = ShortcodeMarkers.next(ShortcodeMarkers.open, in: bytes, from: start)
            let end = nextOpen ?? bytes.count
            if let close = ShortcodeMarkers.next(ShortcodeMarkers.close, in: bytes, from: start), close < end,
               let index = Int(String(decoding: bytes[start..<close], as: UTF8.self)), (0..<count).contains(index) {
                var rest = close + ShortcodeMarkers.close.count
                if ShortcodeMarkers.endsWithParagraphStart(result),
                   ShortcodeMarkers.paragraphEnd(in: bytes, at: rest, before: end) {
                    result.removeLast(3)
                    rest += 4
                }
                result.append(contentsOf: replacement(index).utf8)
                result.append(contentsOf: bytes[rest..<end])
            } else {
                result.append(contentsOf: bytes[open..<end])
            }
            guard let next = nextOpen else { break }
            open = next
        }
        return String(decoding: result, as: UTF8.self)
    }

    private func resolve(_ shortcode: Shortcode) -> (metric: Int, city: Int)? {
        guard let m = context.site.metricIndex(shortcode.metric) else { return nil }
        let c = shortcode.city.flatMap { context.site.cityIndex($0) } ?? city
        return (m, c)
    }

    private func plain(_ shortcode: Shortcode) -> String {
        guard let (m, c) = resolve(shortcode) else { return "" }
        let metric = context.published.metrics[m]
        switch shortcode.kind {
        case .value, .chart:
            guard let latest = metric.latestPublished(city: c) else { return context.t("no_published_value") }
            let number = FigureText(metric, context.t).text(latest)
            return shortcode.kind == .value && !shortcode.showsPeriod ? number : "\(number) (\(latest.period))"
        case .progress:
            return context.t("progress_\(context.published.progress(metric: m, city: c)?.status.rawValue ?? "not_enough_data")")
        }
    }

    private func html(_ shortcode: Shortcode, index: Int) -> String {
        guard let (m, c) = resolve(shortcode) else { return "" }
        let metric = context.published.metrics[m]
        let definition = metric.definition
        let other = c == city ? "" : " " + context.t("in_city", ["city": context.site.blueprints[c].city])
        switch shortcode.kind {
        case .value:
            let title = context.t("latest_published_value", ["title": definition.title + other])
            return "<span class=\"live-figure\" title=\"\(MarkupText.escape(title))\">\(MarkupText.escape(plain(shortcode)))</span>"
        case .progress:
            let status = context.published.progress(metric: m, city: c)?.status ?? .notEnoughData
            return "<span class=\"progress-badge progress-\(status.rawValue)\"><span aria-hidden=\"true\">\(status.icon)</span> \(MarkupText.escape(context.t("progress_\(status.rawValue)")))</span>"
        case .chart:
            let figures = MetricFigures(site: context.site, metric: metric, t: context.t)
            guard !metric.series(city: c).isEmpty else {
                return "<p class=\"note\">\(MarkupText.escape(definition.title))\(MarkupText.escape(other)): \(MarkupText.escape(context.t("no_data_yet")))</p>"
            }
            // The window of a metric card (`shownPeriods`): a narrative may embed many charts.
            let chart = figures.lineChart(id: "embedded-\(index)-\(definition.id)", cities: [c], target: figures.target(city: c)).svg()
            let table = context.site.templates.library.render(figures.view(figures.seriesTable(cities: [c])), withTemplate: "table") ?? ""
            let history = figures.historyNote().map { note in
                " " + MarkupText.escape(note) + " <a href=\"\(location.href(Paths.dataCSV(definition.id)))\">" + MarkupText.escape(context.t("history_download")) + "</a>"
            } ?? ""
            return """
            <figure class="chart-figure embedded-chart">
            \(chart)
            <figcaption><a href="\(location.href(Paths.metric(definition.id)))">\(MarkupText.escape(definition.title))</a>\(MarkupText.escape(other)). \(MarkupText.escape(context.t("numbers_in_details")))\(history)</figcaption>
            </figure>
            <details class="metric-details"><summary>\(MarkupText.escape(context.t("metric_details")))</summary>
            \(table)
            </details>
            """
        }
    }
}
