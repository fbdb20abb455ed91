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
        func point(_ x: ProgressAssessment.Point) -> String { t("value_in_period", ["value": t.number(x.value, for: metric), "period": x.period.description]) }
        let target = p.target.map { target in
            let by = Day(target.by).map(t.date) ?? target.by
            return t(target.source == "metric" ? "target_of_metric" : "target_of_commitment", ["value": t.number(target.value, for: metric), "by": by])
        }
        return ProgressView(
            status_key: p.status.rawValue,
            status_label: t("progress_\(p.status.rawValue)"),
            status_icon: p.status.icon,
            base: OrNo(p.base.map(point)),
            current: OrNo(p.current.map(point)),
            target: OrNo(target),
            value: OrNo(valueText(p)),
            reason: OrNo(p.reason.map { reasonText(p, $0) })
        )
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
        t(reason.key, ["period": p.base?.period.description ?? ""])
    }
}
