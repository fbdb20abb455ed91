/// The `reports` template's own values: every quarter's report, newest first.
package struct ReportsView {
    package struct Report {
        let label: String
        let href: String
        let is_latest: Bool
    }

    let title: String
    let reports: [Report]
}

/// A link to one quarter's report.
package struct ReportLink {
    let label: String
    let href: String
}
