/// Values every page receives: the site's name, navigation, data status.
struct SiteContext {
    let site: Site
    let published: PublishedData

    static let cityMenuLimit = 12

    var latestReportPeriod: Period? { ReportPeriods.all(published).last }

    func base(_ location: PageLocation, title: String, description: String? = nil, section: String) -> [String: Any] {
        let config = site.config
        let nav: [(String, String, String)] = [
            ("home", "Overview", Paths.home),
            ("reports", "Reports", Paths.reports),
            ("coverage", "Coverage", Paths.coverage),
            ("methodology", "Methodology", Paths.methodology),
        ]
        var context: [String: Any] = [
            "lang": config.defaultLanguage,
            "site_title": config.title,
            "page_title": title,
            "is_home": section == "home",
            "description": description ?? config.description,
            "root": location.root,
            "canonical_url": PageLocation.absolute(location.path, base: config.baseURL),
            "nav": nav.map { key, label, path in
                ["label": label, "href": location.href(path), "current": key == section] as [String: Any]
            },
            // A menu of every city helps with a few; with hundreds it would
            // make each page as long as the site. The overview lists them all.
            "cities_nav": site.blueprints.count <= SiteContext.cityMenuLimit
                ? site.blueprints.map { ["label": $0.city, "href": location.href(Paths.city($0.slug))] }
                : [],
            "data_status": config.dataStatus.rawValue,
            "data_status_label": dataStatusLabel,
            "data_notice": dataNotice,
            "min_cell": config.privacy.minCell,
            "generator": "Citywide \(CitywideVersion.string)",
        ]
        if let latest = latestReportPeriod {
            context["latest_period"] = latest.description
        }
        return context
    }

    var dataStatusLabel: String {
        switch site.config.dataStatus {
        case .synthetic: "Synthetic data."
        case .provisional: "Provisional data."
        case .final: "Final data."
        }
    }

    var dataNotice: String {
        switch site.config.dataStatus {
        case .synthetic: "The figures on this site are made up to show how the site works. They are not real counts."
        case .provisional: "The figures on this site are provisional and may be revised."
        case .final: "The figures on this site are final as published by the city."
        }
    }
}

/// The program's version, shown in page footers and `--version`.
public enum CitywideVersion {
    public static let string = "0.1.0"
}
