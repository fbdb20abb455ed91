/// A progress status as pages show it: words and a shape, then every input,
/// so a funder can redo the arithmetic.
struct ProgressViews {
    let metric: MetricDefinition

    func context(_ p: ProgressAssessment?) -> [String: Any]? {
        guard let p else { return nil }
        var c: [String: Any] = [
            "status_key": p.status.rawValue,
            "status_label": p.status.label,
            "status_icon": p.status.icon,
            "base": false, "current": false, "target": false, "value": false, "reason": false,
        ]
        if let base = p.base { c["base"] = "\(NumberText.format(base.value, for: metric)) in \(base.period)" }
        if let current = p.current { c["current"] = "\(NumberText.format(current.value, for: metric)) in \(current.period)" }
        if let target = p.target { c["target"] = target.label + (target.source == "metric" ? " (the metric's target)" : " (the city's commitment)") }
        if let reason = p.reason { c["reason"] = reason }
        c["value"] = valueText(p) ?? false
        return c
    }

    /// "ratio 0.961: growth of 10.0% a year where 10.4% is needed"
    func valueText(_ p: ProgressAssessment) -> String? {
        guard let value = p.value else { return nil }
        switch p.method {
        case .target:
            guard let needed = p.neededGrowth, let base = p.base, let current = p.current else { return nil }
            let actual = Progress.growth(current.value, base.value, current.period.time, base.period.time)
            return "ratio \(NumberText.format(value, decimals: 3)): growth of \(percent(actual)) a year, where \(percent(needed)) a year is needed to reach the target"
        case .growth:
            let sign = metric.direction == .down ? " (a fall counts as progress for this metric)" : ""
            return "growth of \(percent(value)) a year\(sign)"
        case nil:
            return nil
        }
    }

    func percent(_ x: Double) -> String { NumberText.format(x * 100, decimals: 1) + "%" }

    /// One line for tables: "▲ Substantial progress".
    func short(_ p: ProgressAssessment?) -> String {
        guard let p else { return "–" }
        return p.status.label
    }
}
