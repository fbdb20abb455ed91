import CitywideModel
import CitywidePublished

/// What changed in one city in a report's quarter, as positions: the
/// metrics whose progress status changed since the report before, the
/// commitments completed or due in the quarter, the metrics whose target
/// fell due in it. A large site's report ranks every city by how much
/// changed and makes views only of the few it shows.
struct ReportChanges {
    /// Metrics (positions in `PublishedData.metrics`) whose status is not
    /// the one of the report before.
    let statusChanges: [Int]
    /// Commitments (positions in the blueprint's) completed in the quarter.
    let completed: [Int]
    /// Commitments due in the quarter; one completed in the quarter it was
    /// due is listed once, as completed.
    let due: [Int]
    /// Metrics whose target's date falls in the quarter.
    let dueTargets: [Int]

    /// How much changed: what `ReportPages.mostChanged` ranks cities by.
    var count: Int { statusChanges.count + completed.count + due.count + dueTargets.count }

    /// `metrics`: how many metrics the site publishes; `progress` and
    /// `before`: each metric's statuses by city at the end of this quarter
    /// and of the report before.
    init(city: Int, commitments: [Commitment], quarter: Period, metrics: Int,
         progress: [[ProgressAssessment?]], before: [[ProgressAssessment?]]?) {
        let first = quarter.firstDay, last = quarter.lastDay
        func inQuarter(_ day: Day?) -> Bool {
            guard let day else { return false }
            return day >= first && day <= last
        }
        func status(_ progress: [[ProgressAssessment?]], _ m: Int) -> ProgressAssessment? {
            progress.indices.contains(m) && progress[m].indices.contains(city) ? progress[m][city] : nil
        }
        let completed = commitments.indices.filter { commitments[$0].status == .done && inQuarter(commitments[$0].completed) }
        self.completed = completed
        due = commitments.indices.filter { c in
            inQuarter(commitments[c].due) && !completed.contains { commitments[$0].id == commitments[c].id }
        }
        statusChanges = (0..<metrics).filter { m in
            guard let now = status(progress, m) else { return false }
            return before.flatMap { status($0, m) }?.status != now.status
        }
        dueTargets = (0..<metrics).filter { m in
            guard let target = status(progress, m)?.target else { return false }
            return target.due >= first && target.due <= last
        }
    }
}
