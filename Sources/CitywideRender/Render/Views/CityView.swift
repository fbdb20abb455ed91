/// The `city` template's own values: a blueprint, its commitments, and the
/// city's metrics. A nil value is absent: Mustache looks it up further out.
package struct CityView {
    /// One metric the city reports: chart, table, latest value, trend, progress.
    package struct MetricSection {
        let id: String
        let title: String
        let href: String
        let system: String
        let description: OrNo<String>
        let chart_svg: String
        let table: TableView
        let latest: String?
        let latest_period: String?
        let latest_sentence: String?
        let trend: String?
        let trend_arrow: String?
        let trend_class: String?
        let breakdowns: [TableView]
        let withheld_note: String?
        let withheld_href: String
        /// What the tables' markers mean ("Marks: † unreliable; ‡ provisional."); false when none.
        let marks_key: OrNo<String>
        let progress: OrNo<ProgressView>
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
