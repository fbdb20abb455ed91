/// The `cities` template's own values: a page of a large site's city list
/// (a page of the index A to Z, or a state's cities), with both matrices'
/// rows for those cities, as the overview shows them on a small site.
package struct CityListView {
    let title: String
    /// "Cities 101 to 200 of 10,000", what this page lists.
    let lead: String
    let groups: [HomeView.StateGroup]
    let system_columns: [TableView.Column]
    let key_metrics: [HomeView.MetricColumn]
    let system_span: Int
    let metric_span: Int
    let pagination: OrNo<PaginationView>
    /// The other way in: the city index from a state's page, and back.
    let index_href: String
    let index_label: String
}
