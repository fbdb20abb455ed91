/// The `report` template's own values: what changed in one quarter, city by
/// city. A nil value is absent: Mustache looks it up further out.
package struct ReportView {
    package struct City {
        let name: String
        let slug: String
        let href: String
        let metrics: [MetricRow]
        let has_metrics: Bool
        /// What the markers in `metrics` mean; false when no value is flagged.
        let marks_key: OrNo<String>
        let status_changes: [StatusChange]
        let has_status_changes: Bool
        let due_commitments: [CommitmentView]
        let has_due: Bool
        let completed_commitments: [CommitmentView]
        let has_completed: Bool
        /// Targets (a commitment's, else the metric's) that fell due in the
        /// quarter, by how they ended: met, missed, with no status. Only
        /// groups with targets.
        let target_groups: [TargetGroup]
    }

    package struct TargetGroup {
        let heading: String
        let status_key: String
        let targets: [DueTarget]
    }

    /// A target that fell due in the quarter, with its status at that date.
    package struct DueTarget {
        let title: String
        let href: String
        let progress: ProgressView
    }

    /// A metric's value in the quarter, beside the one published before it.
    package struct MetricRow {
        let title: String
        let href: String
        let period: String
        /// The figure without its flags ("42", "withheld").
        let value: String
        /// Its flags' marker ("‡"), and the flags in words for screen readers
        /// ("provisional"); false when it has none.
        let value_marks: OrNo<String>
        let value_marks_label: OrNo<String>
        let value_class: String
        let previous: String
        let change: String
        let trend_arrow: String?
        let trend_class: String?
    }

    /// A metric whose progress status changed in the quarter.
    package struct StatusChange {
        let title: String
        let href: String
        let from: String
        let to_label: String
        let to_icon: String
        let to_key: String
    }

    /// On a large site, which cities the report lists and where the rest are.
    package struct Selection {
        let text: String
        let href: String
        let label: String
    }

    let title: String
    let period: String
    let period_intro: String
    let previous: ReportLink?
    let next: ReportLink?
    /// Said on a large site only, where the report lists the cities where most changed.
    let selection: OrNo<Selection>
    let cities: [City]
}
