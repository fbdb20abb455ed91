import CitywideModel
import CitywidePublished

/// The values every page receives ("Values every page receives" in
/// docs/templates.md): the site's name, navigation, data status, and the
/// language the page is in. Property names are the templates' variable names.
package struct LayoutView {
    package struct NavLink {
        let label: String
        let href: String
        let current: Bool
    }

    package struct CityLink {
        let label: String
        let href: String
    }

    /// The site's "get help" line (site.yml `help:`), in the page's language.
    package struct Help {
        let text: String
        /// A web address or `tel:` link; no, when the line has none.
        let url: OrNo<String>
        /// The text's language when it is not the page's (no translation yet).
        let lang: OrNo<String>
    }

    /// This page in one language of the site.
    package struct Alternate {
        let lang: String
        let name: String
        let url: String
        let href: String
        let current: Bool
    }

    let lang: String
    /// The interface text of the page's language, by key: `{{t.skip_link}}`.
    let t: [String: String]
    let site_title: String
    let page_title: String
    let is_home: Bool
    let description: String
    let root: String
    let page_root: String
    /// A report for `reports/latest/` names its quarter's own address.
    var canonical_url: String
    let nav: [NavLink]
    let cities_nav: [CityLink]
    let alternates: [Alternate]
    let has_languages: Bool
    let default_url: String
    let data_status: String
    let data_status_label: String
    let data_notice: String
    let min_cell: Int
    /// The site's threshold, or on a metric's page the metric's own, and the
    /// metrics that raise it (SPEC: a metric may raise min_cell).
    let footer_privacy: String
    let help: OrNo<Help>
    let generator: String
    /// Absent (nil) when there is no data.
    let latest_period: String?
}

extension LayoutView {
    /// The footer's privacy sentence. On a metric's page it gives that
    /// metric's threshold; elsewhere the site's, then each metric that
    /// withholds more, so no page understates what is withheld.
    static func footerPrivacy(_ t: Translation, site: Site, published: PublishedData, metric: PublishedMetric?) -> String {
        let siteMinCell = site.config.privacy.minCell
        func sentence(_ minCell: Int) -> String {
            t("footer_privacy", ["min_cell": String(minCell), "max": String(minCell - 1)])
        }
        if let metric { return sentence(metric.minCell) }
        let raised = published.metrics.filter { $0.minCell > siteMinCell }
        guard !raised.isEmpty else { return sentence(siteMinCell) }
        let list = raised.map { t("footer_privacy_metric", ["title": $0.definition.title, "max": String($0.minCell - 1)]) }
        return sentence(siteMinCell) + " " + t("footer_privacy_raised", ["list": list.joined(separator: "; ")])
    }
}
