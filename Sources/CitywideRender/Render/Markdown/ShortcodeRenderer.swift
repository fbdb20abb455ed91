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

    package func render(_ html: String, shortcodes: [Shortcode]) -> String {
        guard !shortcodes.isEmpty else { return html }
        return fill(html, count: shortcodes.count) { i in self.html(shortcodes[i], index: i) }
    }

    /// Plain text for places that take no markup (a title).
    package func text(_ title: String, shortcodes: [Shortcode]) -> String {
        guard !shortcodes.isEmpty else { return title }
        return fill(title, count: shortcodes.count) { i in plain(shortcodes[i]) }
    }

    /// Replaces every marker of `text` in one pass (a blueprint may hold
    /// thousands of shortcodes: replacing them one by one was quadratic).
    /// A marker that is a paragraph's whole content replaces the paragraph.
    private func fill(_ text: String, count: Int, _ replacement: (Int) -> String) -> String {
        let pieces = text.split(separator: ShortcodeParser.open, omittingEmptySubsequences: false)
        var result = String(pieces[0])
        for piece in pieces.dropFirst() {
            guard let close = piece.firstIndex(of: ShortcodeParser.close), let index = Int(piece[..<close]), index < count else {
                result.append(ShortcodeParser.open)
                result += piece
                continue
            }
            var rest = piece[piece.index(after: close)...]
            if result.hasSuffix("<p>"), rest.hasPrefix("</p>") {
                result.removeLast(3)
                rest = rest.dropFirst(4)
                result += replacement(index)
            } else {
                result += replacement(index)
            }
            result += rest
        }
        return result
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
            let chart = figures.lineChart(id: "embedded-\(index)-\(definition.id)", cities: [c], target: figures.target(city: c)).svg()
            let table = context.site.templates.library.render(figures.view(figures.seriesTable(cities: [c])), withTemplate: "table") ?? ""
            return """
            <figure class="chart-figure embedded-chart">
            \(chart)
            <figcaption><a href="\(location.href(Paths.metric(definition.id)))">\(MarkupText.escape(definition.title))</a>\(MarkupText.escape(other)). \(MarkupText.escape(context.t("numbers_in_details")))</figcaption>
            </figure>
            <details class="metric-details"><summary>\(MarkupText.escape(context.t("metric_details")))</summary>
            \(table)
            </details>
            """
        }
    }
}
