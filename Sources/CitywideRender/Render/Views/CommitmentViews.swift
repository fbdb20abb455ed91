import Foundation
import CitywideModel
import CitywidePublished
import CitywideWrite

/// Commitments as pages show them: status in words with a shape (never
/// colour alone), due date, target, and links to the metrics that track them.
package struct CommitmentViews {
    package let site: Site
    package let published: PublishedData
    package let t: Translation
    /// Overdue is judged against the latest report period, not the clock,
    /// so the same input always builds the same pages.
    package let asOf: Day?

    package func context(_ commitment: Commitment, city: Int, location: PageLocation) -> [String: Any] {
        var c: [String: Any] = [
            "id": commitment.id,
            "title": commitment.title,
            "system": t("system_\(commitment.system.rawValue)"),
            "status_key": commitment.status.rawValue,
            "status_label": t("status_\(commitment.status.rawValue)"),
            "status_icon": Self.icon(commitment.status),
            "populations": commitment.populations.map { key in
                ["label": site.config.populations.first { $0.key == key }?.label ?? humanize(key)]
            },
            // Optional keys are always set (false when absent): Mustache
            // would otherwise look them up in the enclosing page.
            "due": false,
            "overdue": false,
            "target": false,
            "metrics": commitment.metrics.compactMap { id -> [String: Any]? in
                guard let m = site.metricIndex(id) else { return nil }
                let metric = site.metrics[m]
                let progress = published.progress(metric: m, city: city)
                return [
                    "title": metric.title, "href": location.href(Paths.metric(id)),
                    "progress_label": progress.map { t("progress_\($0.status.rawValue)") } ?? t("no_data_yet"),
                    "progress_icon": progress?.status.icon ?? "○",
                    "progress_key": progress?.status.rawValue ?? "not_enough_data",
                ]
            },
        ]
        if let completed = commitment.completed {
            c["completed"] = t.date(completed)
        } else {
            c["completed"] = false
        }
        if let due = commitment.due {
            c["due"] = t.date(due)
            if let asOf, due < asOf, commitment.status == .planned || commitment.status == .inProgress {
                c["overdue"] = true
            }
        }
        if let target = commitment.target, let metric = site.metric(target.metric) {
            c["target"] = t("target_value_by", ["value": t.number(target.value, for: metric), "unit": metric.unit, "by": t.date(target.by)])
                .replacingOccurrences(of: "  ", with: " ")
        }
        return c
    }

    /// Commitments of one blueprint, grouped by system in SPEC's order.
    package func bySystem(_ blueprint: Blueprint, city: Int, location: PageLocation) -> [[String: Any]] {
        CitySystem.seven.compactMap { system in
            let list = blueprint.commitments.filter { $0.system == system }
            guard !list.isEmpty else { return nil }
            return [
                "system": t("system_\(system.rawValue)"),
                "system_id": system.rawValue,
                "commitments": list.map { context($0, city: city, location: location) },
            ]
        }
    }

    /// "Planned 2 · In progress 5 · Done 3 · Dropped 1"
    package static func statusCounts(_ blueprint: Blueprint, _ t: Translation) -> [[String: Any]] {
        Commitment.Status.allCases.map { status in
            [
                "status_key": status.rawValue,
                "status_label": t("status_\(status.rawValue)"),
                "status_icon": icon(status),
                "count": blueprint.commitments.filter { $0.status == status }.count,
            ]
        }
    }

    package static func icon(_ status: Commitment.Status) -> String {
        switch status {
        case .planned: "○"
        case .inProgress: "◐"
        case .done: "●"
        case .dropped: "✕"
        }
    }
}
