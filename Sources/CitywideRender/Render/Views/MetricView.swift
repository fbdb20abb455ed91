/// The `metric` template's own values: one metric across cities.
/// A nil value is absent: Mustache looks it up further out (and finds nothing).
package struct MetricView {
    /// One line of the definition list.
    package struct Term {
        let term: String
        let detail: String
    }

    /// A commitment, in any city, that this metric tracks.
    package struct Commitment {
        let city: String
        let city_href: String
        let title: String
        let status_label: String
        let status_icon: String
        let status_key: String
    }

    let title: String
    let description_text: String?
    let definition: [Term]
    let source_name: String?
    let source_url: String?
    let line_chart_svg: String?
    /// Which cities the charts and tables show, when not every city (a large site).
    let selection_note: OrNo<String>
    /// "The chart and tables show the latest 20 of 96 periods, from …" when
    /// the metric has more periods than the page shows; false otherwise.
    let history_note: OrNo<String>
    let bar_chart_svg: String?
    let table: TableView?
    let breakdown_period: String?
    let breakdowns: [TableView]
    /// Yes when no city has reported the metric.
    let no_data: Bool
    let withheld_note: String?
    let withheld_href: String
    let unreliable_note: String?
    let progress: [ProgressView]
    let progress_json_href: String
    let methodology_href: String
    let csv_href: String
    let json_href: String
    let commitments: [Commitment]
}
