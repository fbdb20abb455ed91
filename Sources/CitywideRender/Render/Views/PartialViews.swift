// The values each partial template receives. Property names are the
// templates' variable names: Mustache finds them by reflection, and
// TemplateVariableDocTests checks them against docs/templates.md.

/// The `progress` partial: one progress status with every input to it.
package struct ProgressView {
    let status_key: String
    let status_label: String
    let status_icon: String
    /// What the status compares: "since 2019-Q3", or "at the deadline, 31 December 2020".
    let since: OrNo<String>
    let base: OrNo<String>
    let current: OrNo<String>
    let target: OrNo<String>
    /// The value judged once the target fell due.
    let deadline: OrNo<String>
    let value: OrNo<String>
    let reason: OrNo<String>
    /// Why the status rests on small numbers, when it does.
    let small_numbers: OrNo<String>
    /// Set on the metric page only, where each status is one city's; nil
    /// elsewhere, so the city page's own `city` stays in reach.
    var city: String? = nil
    var city_href: String? = nil
}

/// One item of `status_counts`, for the `status-counts` and `status` partials.
package struct StatusCountView {
    let status_key: String
    let status_label: String
    let status_icon: String
    let count: Int
}

/// The `commitment` partial (and the `status` partial it includes).
package struct CommitmentView {
    package struct Population {
        let label: String
    }

    /// A metric that tracks the commitment, with its progress.
    package struct TrackingMetric {
        let title: String
        let href: String
        let progress_label: String
        let progress_icon: String
        let progress_key: String
    }

    let id: String
    let title: String
    /// The title's language when it is not the page's (no translation yet).
    let title_lang: OrNo<String>
    /// Says the title is not translated yet, as the narrative's notice does.
    let title_notice: OrNo<String>
    let system: String
    let status_key: String
    let status_label: String
    let status_icon: String
    let populations: [Population]
    let due: OrNo<String>
    let overdue: Bool
    let completed: OrNo<String>
    let target: OrNo<String>
    let metrics: [TrackingMetric]
}

/// One system's commitments on a city page and on the overview.
package struct SystemCommitmentsView {
    let system: String
    let system_id: String
    let commitments: [CommitmentView]
}
