/// The `home` template's own values: the overview a funder opens first.
/// A nil value is absent: Mustache looks it up further out (and finds nothing).
package struct HomeView {
    /// One city: its row of both matrices. The rows are a plain list of
    /// cities with their state; `groups` cuts it by state for display.
    package struct CityRow {
        let name: String
        let href: String
        let state: String
        let systems: [SystemCell]
        let metrics: [MetricCell]
    }

    /// A city's commitments in one system: how many in each status, and how
    /// many are overdue or missed their target, said in words with a shape.
    package struct SystemCell {
        let counts: [StatusCountView]
        let none: Bool
        let overdue: OrNo<String>
        let missed: OrNo<String>
    }

    /// A key metric's progress status in one city (any status key).
    package struct MetricCell {
        let status_key: String
        let status_label: String
        let status_icon: String
    }

    /// The cities of one state; `state` is false when the rows are not grouped.
    package struct StateGroup {
        let state: OrNo<String>
        let cities: [CityRow]
    }

    /// A state's line in the overview of a large site: its page, how many
    /// cities, their commitments by status.
    package struct StateSummary {
        let name: String
        let href: String
        let cities: Int
        let status_counts: [StatusCountView]
    }

    /// The first page of the city index, and how many pages it has.
    package struct IndexLink {
        let href: String
        let pages: String
    }

    package struct MetricColumn {
        let title: String
        let href: String
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
    /// Both matrices' rows, by state when there are many cities.
    let groups: [StateGroup]
    let system_columns: [TableView.Column]
    let key_metrics: [MetricColumn]
    /// Columns of the systems matrix and of the metrics matrix, with the city's (for `colspan`).
    let system_span: Int
    let metric_span: Int
    /// Commitments of every city by status: only on a large site, where the
    /// matrices are on other pages (empty otherwise).
    let status_counts: [StatusCountView]
    /// Each state's summary, on a large site (empty otherwise).
    let states: [StateSummary]
    /// The city index, on a large site.
    let city_index: OrNo<IndexLink>
    /// The latest value of every metric in every city, while the cities fit across a table.
    let systems: [SystemMetrics]
    let city_columns: [TableView.Column]
    let reports_href: String
    let coverage_href: String
    let methodology_href: String
    let data_href: String
}
