import CitywideModel
import CitywidePublished
import CitywideWrite

/// A progress status as pages show it: words and a shape, then every input,
/// so a funder can redo the arithmetic.
package struct ProgressViews {
    package let metric: MetricDefinition
    package let t: Translation

    package func context(_ p: ProgressAssessment?) -> ProgressView? {
        guard let p else { return nil }
        // Filled without a dictionary each: every city page shows every metric's progress.
        func point(_ x: ProgressAssessment.Point) -> String {
            let value = t.number(x.value, for: metric)
            return t("value_in_period") { $0 == "value" ? value : $0 == "period" ? x.period.description : nil }
        }
        let target = p.target.map { target in
            let by = Day(target.by).map(t.date) ?? target.by
            let value = t.number(target.value, for: metric)
            return t(target.source == "metric" ? "target_of_metric" : "target_of_commitment") { $0 == "value" ? value : $0 == "by" ? by : nil }
        }
        return ProgressView(
            status_key: p.status.rawValue,
            status_label: t("progress_\(p.status.rawValue)"),
            status_icon: p.status.icon,
            since: OrNo(sinceText(p)),
            base: OrNo(p.base.map(point)),
            current: OrNo(p.current.map(point)),
            target: OrNo(target),
            deadline: OrNo(p.deadline.map(point)),
            value: OrNo(valueText(p)),
            reason: OrNo(p.reason.map { reasonText(p, $0) }),
            small_numbers: OrNo(p.smallNumbers.map(smallNumbersText))
        )
    }

    /// What the status compares, so it cannot be read against the trend
    /// beside it (which compares with the period before): "since 2019-Q3".
    package func sinceText(_ p: ProgressAssessment) -> String? {
        if p.deadline != nil, let target = p.target {
            return t("status_at_deadline", ["date": t.date(target.due)])
        }
        switch p.status {
        case .substantial, .moderate, .limited, .deterioration:
            return p.base.map { t("status_since", ["period": $0.period.description]) }
        case .targetAchieved, .targetMissed, .notEnoughData, .none:
            // Reached before its date: the current value says so on its own.
            return nil
        }
    }

    /// "this status rests on fewer than 20 events in 2019-Q1 and 2020-Q4: ..."
    package func smallNumbersText(_ small: ProgressAssessment.SmallNumbers) -> String {
        let periods = small.periods.map(\.description)
        let list = periods.count == 2 ? t("list_and", ["a": periods[0], "b": periods[1]]) : periods.joined(separator: ", ")
        return t("small_numbers_text", ["n": String(small.below), "periods": list])
    }

    /// "ratio 0.961: growth of 10.0% a year where 10.4% is needed"
    package func valueText(_ p: ProgressAssessment) -> String? {
        guard let value = p.value else { return nil }
        switch p.method {
        case .target:
            guard let needed = p.neededGrowth, let base = p.base, let current = p.current else { return nil }
            let actual = Progress.growth(current.value, base.value, current.period.time, base.period.time)
            return t("measure_ratio", ["ratio": t.number(value, decimals: 3), "growth": percent(actual), "needed": percent(needed)])
        case .growth:
            return t(metric.direction == .down ? "measure_growth_down" : "measure_growth", ["growth": percent(value)])
        case nil:
            return nil
        }
    }

    package func percent(_ x: Double) -> String { t("percent", ["value": t.number(x * 100, decimals: 1)]) }

    /// The reason for no status, in the page's language.
    package func reasonText(_ p: ProgressAssessment, _ reason: ProgressAssessment.Reason) -> String {
        t(reason.key) { $0 == "period" ? p.base?.period.description ?? "" : nil }
    }
}
