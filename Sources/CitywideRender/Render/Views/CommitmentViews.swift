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

    /// Due before `asOf` and neither done nor dropped.
    package static func isOverdue(_ commitment: Commitment, asOf: Day?) -> Bool {
        guard let due = commitment.due, let asOf else { return false }
        return due < asOf && (commitment.status == .planned || commitment.status == .inProgress)
    }

    package func context(_ commitment: Commitment, city: Int, location: PageLocation) -> CommitmentView {
        let overdue = Self.isOverdue(commitment, asOf: asOf)
        let target = commitment.target.flatMap { target in
            site.metric(target.metric).map { metric in
                // A metric without a unit leaves two spaces.
                Self.singleSpaced(t("target_value_by", ["value": t.number(target.value, for: metric), "unit": metric.unit, "by": t.date(target.by)]))
            }
        }
        // Optional values are `OrNo`: Mustache would otherwise look them up in the enclosing page.
        return CommitmentView(
            id: commitment.id,
            title: commitment.title,
            title_lang: OrNo(commitment.titleWrittenIn),
            title_notice: OrNo(commitment.titleWrittenIn.map { t("commitment_translation_missing", ["language": t.languageName($0)]) }),
            system: t("system_\(commitment.system.rawValue)"),
            status_key: commitment.status.rawValue,
            status_label: t("status_\(commitment.status.rawValue)"),
            status_icon: Self.icon(commitment.status),
            populations: commitment.populations.map { key in
                CommitmentView.Population(label: site.config.populations.first { $0.key == key }?.label ?? humanize(key))
            },
            due: OrNo(commitment.due.map(t.date)),
            overdue: overdue,
            completed: OrNo(commitment.completed.map(t.date)),
            target: OrNo(target),
            metrics: commitment.metrics.compactMap { id -> CommitmentView.TrackingMetric? in
                guard let m = site.metricIndex(id) else { return nil }
                let metric = site.metrics[m]
                let progress = published.progress(metric: m, city: city)
                return CommitmentView.TrackingMetric(
                    title: metric.title, href: location.href(Paths.metric(id)),
                    progress_label: progress.map { t("progress_\($0.status.rawValue)") } ?? t("no_data_yet"),
                    progress_icon: progress?.status.icon ?? "○",
                    progress_key: progress?.status.rawValue ?? "not_enough_data"
                )
            }
        )
    }

    /// Commitments of one blueprint, grouped by system in SPEC's order.
    package func bySystem(_ blueprint: Blueprint, city: Int, location: PageLocation) -> [SystemCommitmentsView] {
        // Positions, not a copy of each system's commitments.
        let commitments = blueprint.commitments
        return CitySystem.seven.compactMap { system in
            let list = commitments.indices.filter { commitments[$0].system == system }
            guard !list.isEmpty else { return nil }
            return SystemCommitmentsView(
                system: t("system_\(system.rawValue)"),
                system_id: system.rawValue,
                commitments: list.map { context(commitments[$0], city: city, location: location) }
            )
        }
    }

    /// `text` with each two spaces made one, left to right: what Foundation's
    /// `replacingOccurrences(of: "  ", with: " ")` gave, without searching
    /// the text through Foundation for every commitment with a target.
    static func singleSpaced(_ text: String) -> String {
        guard zip(text.utf8, text.utf8.dropFirst()).contains(where: { $0 == 0x20 && $1 == 0x20 }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var heldSpace = false
        for character in text {
            if character == " " {
                // The second of two spaces is dropped; the first is written.
                if heldSpace { result.append(" ") }
                heldSpace.toggle()
            } else {
                if heldSpace { result.append(" "); heldSpace = false }
                result.append(character)
            }
        }
        if heldSpace { result.append(" ") }
        return result
    }

    /// "Planned 2 · In progress 5 · Done 3 · Dropped 1"
    package static func statusCounts(_ blueprint: Blueprint, _ t: Translation) -> [StatusCountView] {
        statusCounts([blueprint], t)
    }

    /// The same over many cities: a state's, or every city of a large site.
    package static func statusCounts(_ blueprints: some Sequence<Blueprint>, _ t: Translation) -> [StatusCountView] {
        var counts: [Commitment.Status: Int] = [:]
        for blueprint in blueprints { for i in blueprint.commitments.indices { counts[blueprint.commitments[i].status, default: 0] += 1 } }
        return Commitment.Status.allCases.map { status in
            StatusCountView(
                status_key: status.rawValue,
                status_label: t("status_\(status.rawValue)"),
                status_icon: icon(status),
                count: counts[status] ?? 0
            )
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
