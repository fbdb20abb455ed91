import CitywideModel

/// The files Citywide carries inside its binary (SwiftPM `embedInCode`), so
/// the program works when copied anywhere: the built-in templates and
/// stylesheet, and the starter site `citywide init` writes.
public enum BuiltinSite {
    public struct File: Sendable {
        /// Where the file goes in a site folder.
        public var path: String
        public var bytes: [UInt8]

        /// "city" for "Templates/city.mustache".
        var templateName: String? {
            guard path.hasPrefix("Templates/"), path.hasSuffix(".mustache") else { return nil }
            return String(path.dropFirst("Templates/".count).dropLast(".mustache".count))
        }
    }

    /// Templates and assets: what a site without a `Templates/` folder uses.
    public static let files: [File] = [
        File(path: "Templates/layout.mustache", bytes: PackageResources.layout_mustache),
        File(path: "Templates/home.mustache", bytes: PackageResources.home_mustache),
        File(path: "Templates/city.mustache", bytes: PackageResources.city_mustache),
        File(path: "Templates/metric.mustache", bytes: PackageResources.metric_mustache),
        File(path: "Templates/reports.mustache", bytes: PackageResources.reports_mustache),
        File(path: "Templates/report.mustache", bytes: PackageResources.report_mustache),
        File(path: "Templates/coverage.mustache", bytes: PackageResources.coverage_mustache),
        File(path: "Templates/methodology.mustache", bytes: PackageResources.methodology_mustache),
        File(path: "Templates/data.mustache", bytes: PackageResources.data_mustache),
        File(path: "Templates/table.mustache", bytes: PackageResources.table_mustache),
        File(path: "Templates/commitment.mustache", bytes: PackageResources.commitment_mustache),
        File(path: "Templates/status.mustache", bytes: PackageResources.status_mustache),
        File(path: "Templates/status-counts.mustache", bytes: PackageResources.status_counts_mustache),
        File(path: "Templates/progress.mustache", bytes: PackageResources.progress_mustache),
        File(path: "Templates/matrices.mustache", bytes: PackageResources.matrices_mustache),
        File(path: "Templates/cities.mustache", bytes: PackageResources.cities_mustache),
        File(path: "Templates/pagination.mustache", bytes: PackageResources.pagination_mustache),
        File(path: "Templates/assets/style.css", bytes: PackageResources.style_css),
        File(path: "Templates/i18n/en.yml", bytes: PackageResources.i18n_en_yml),
        File(path: "Templates/i18n/es.yml", bytes: PackageResources.i18n_es_yml),
    ]

    /// The starter site of `citywide init`, besides a copy of `files`.
    public static let starter: [File] = [
        File(path: "site.yml", bytes: PackageResources.init_site_yml),
        File(path: "Blueprints/our-city.md", bytes: PackageResources.init_blueprint_md),
        File(path: "Metrics/survivors_identified.yml", bytes: PackageResources.init_metric_survivors_identified_yml),
        File(path: "Metrics/labor_trafficking_referrals.yml", bytes: PackageResources.init_metric_labor_trafficking_referrals_yml),
        File(path: "Metrics/survivors_identified_rate.yml", bytes: PackageResources.init_metric_survivors_identified_rate_yml),
        File(path: "Data/our-city.csv", bytes: PackageResources.init_data_csv),
        File(path: ".gitignore", bytes: PackageResources.init_gitignore),
    ]
}
