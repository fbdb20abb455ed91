import CitywideModel

/// `serve`'s last parts-and-totals check of each metric (`DataIntegrity`):
/// a metric whose definition and rows are the same as last time, in a site
/// with the same city slugs and data files, gets the same derived totals
/// and the same problems, so its tables are not checked again. An edit to
/// one metric's rows checks that metric alone. One builder uses it, one
/// build at a time.
package final class DataIntegrityMemo: @unchecked Sendable {
    private struct Entry {
        var metric: MetricDefinition
        /// The rows checked are the first `rows` of the result (derived
        /// totals are appended after them), so they are not kept twice.
        var rows: Int
        var checked: RecordedProblems<[Observation]>
    }

    /// What every metric's check reads besides its own definition and rows:
    /// the city slugs (in messages) and the data file names (in locations).
    private var slugs: [String] = []
    private var files: [String] = []
    private var entries: [String: Entry] = [:]
    /// How many metrics were reused, not checked (for tests).
    package private(set) var reused = 0

    package init() {}

    /// Starts a build: every entry is dropped if the slugs or files changed.
    func begin(_ site: Site, _ observations: ObservationSet) {
        let slugs = site.blueprints.map(\.slug)
        if slugs != self.slugs || observations.files != files { entries = [:] }
        self.slugs = slugs
        files = observations.files
    }

    /// `metric`'s rows after the check: the last ones when its definition
    /// and rows are the same, else `check`'s, kept for the next build.
    func check(_ metric: MetricDefinition, _ rows: [Observation], log: DiagnosticLog,
               _ check: (DiagnosticLog) -> [Observation]) -> [Observation] {
        if let entry = entries[metric.id], entry.metric == metric, entry.rows == rows.count,
           entry.checked.value.prefix(entry.rows).elementsEqual(rows) {
            reused += 1
            return entry.checked.replay(into: log)
        }
        let checked = RecordedProblems(check)
        entries[metric.id] = Entry(metric: metric, rows: rows.count, checked: checked)
        return checked.replay(into: log)
    }
}
