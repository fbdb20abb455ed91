/// The `city` template's own values: a blueprint, its commitments, and the
/// city's metrics. A nil value is absent: Mustache looks it up further out.
package struct CityView {
    /// One metric the city reports, as a compact card: the latest value,
    /// trend, progress status and chart; the table, breakdowns, notes and
    /// the progress inputs one click away (`details_label`).
    package struct MetricSection {
        let id: String
        let title: String
        let href: String
        let system: String
        let description: OrNo<String>
        let chart_svg: String
        /// "The chart and tables show the latest 20 of 96 periods, from …"
        /// when the metric has more periods than a card shows; false otherwise.
        let history_note: OrNo<String>
        /// The metric's download, which holds every period.
        let history_href: String
        let table: TableView
        let latest: OrNo<String>
        let latest_period: OrNo<String>
        let latest_sentence: OrNo<String>
        let trend: OrNo<String>
        let trend_arrow: OrNo<String>
        let trend_class: OrNo<String>
        let breakdowns: [TableView]
        let withheld_note: OrNo<String>
        let withheld_href: String
        /// What the tables' markers mean ("Marks: † unreliable; ‡ provisional."); false when none.
        let marks_key: OrNo<String>
        let progress: OrNo<ProgressView>
        /// "Table and notes (2 notes)": the fold's summary.
        let details_label: String
    }

    let title: String
    let city: String
    let place: String
    let fellow: String?
    let adopted: String?
    let updated: String?
    let population: String?
    /// The blueprint's language when it is not the page's (no translation yet).
    let body_lang: OrNo<String>
    let translation_notice: OrNo<String>
    let body_html: String
    let status_counts: [StatusCountView]
    let commitment_count: Int
    let commitments_summary: String
    let systems: [SystemCommitmentsView]
    let metrics: [MetricSection]
    let data_href: String
}
