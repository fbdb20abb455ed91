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
    let footer_privacy: String
    let generator: String
    /// Absent (nil) when there is no data.
    let latest_period: String?
}
