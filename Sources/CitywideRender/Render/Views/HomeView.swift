/// The `home` template's own values: the overview a funder opens first.
/// A nil value is absent: Mustache looks it up further out (and finds nothing).
package struct HomeView {
    package struct City {
        let name: String
        let href: String
        let slug: String
        let status_counts: [StatusCountView]
        let commitments_label: String
        let commitment_count: Int
        let fellow: OrNo<String>
        let updated: OrNo<String>
        let key_metrics: [KeyMetric]
        let systems: [SystemCommitmentsView]
    }

    /// A metric a city's commitments name: its latest value, trend and progress.
    package struct KeyMetric {
        let title: String
        let href: String
        let value: String
        let period: String?
        let trend: String?
        let trend_arrow: String?
        let trend_class: String?
        let progress_label: String
        let progress_icon: String
        let progress_key: String
    }

    package struct SystemMetrics {
        let system: String
        let metrics: [MetricRow]
    }

    /// A metric's latest value in every city: a small bar chart and table cells.
    package struct MetricRow {
        let id: String
        let chart_svg: OrNo<String>
        let title: String
        let href: String
        let cells: [TableView.Cell]
    }

    let intro: String?
    let summary: String
    let city_count: Int
    let commitment_count: Int
    let metric_count: Int
    let latest_report: ReportLink?
    let cities: [City]
    let systems: [SystemMetrics]
    let city_columns: [TableView.Column]
    let reports_href: String
    let coverage_href: String
    let methodology_href: String
    let data_href: String
}
