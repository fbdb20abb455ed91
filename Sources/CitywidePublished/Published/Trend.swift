import CitywideModel

/// The change between a city's two latest published totals of a metric,
/// and whether it went the way the metric counts as better.
package struct Trend {
    package enum Judgement: String {
        case better, worse, same, neutral
    }

    package var from: PublishedFigure
    package var to: PublishedFigure
    package var change: Double
    package var judgement: Judgement

    package init?(from: PublishedFigure?, to: PublishedFigure?, direction: MetricDefinition.Direction) {
        guard let from, let to, let a = from.value.number, let b = to.value.number else { return nil }
        self.from = from
        self.to = to
        change = b - a
        if change == 0 {
            judgement = .same
        } else if direction == .neutral {
            judgement = .neutral
        } else {
            judgement = (change > 0) == (direction == .up) ? .better : .worse
        }
    }

    /// The two latest published totals of the city's series.
    package static func latest(_ metric: PublishedMetric, city: Int) -> Trend? {
        var last: PublishedFigure?, beforeLast: PublishedFigure?
        for figure in metric.figures(city: city) where figure.cell == .total && figure.value.number != nil {
            beforeLast = last
            last = figure
        }
        guard let beforeLast, let last else { return nil }
        return between(beforeLast, last, metric, city: city)
    }

    /// The change from `from` to `to`, unless `metric` is cumulative and a
    /// withheld period lies between them or at `to`: a change across a
    /// withheld period of a running total would read as the withheld increase.
    package static func between(_ from: PublishedFigure?, _ to: PublishedFigure?, _ metric: PublishedMetric, city: Int) -> Trend? {
        guard let from, let to else { return nil }
        if metric.definition.cumulative {
            let spanned = metric.series(city: city).filter { $0.period > from.period && $0.period <= to.period }
            if spanned.contains(where: { $0.value.number == nil }) { return nil }
        }
        return Trend(from: from, to: to, direction: metric.definition.direction)
    }

    /// "up 4 since last quarter (better)", or "up 4 since 2019-Q3 (better)"
    /// across a gap — words first, never colour alone.
    package func text(_ metric: MetricDefinition, _ t: Translation) -> String {
        let number = t.number(abs(change), decimals: metric.decimals)
        let amount = metric.kind == .percent ? t(number == "1" ? "points_one" : "points_other", ["count": number]) : number
        let since = ["amount": amount, "period": sinceText(t)]
        let way = change > 0 ? t("trend_up", since) : change < 0 ? t("trend_down", since) : t("trend_same", since)
        let verdict = judgement == .better ? " (" + t("better") + ")" : judgement == .worse ? " (" + t("worse") + ")" : ""
        return way + verdict
    }

    /// "last quarter" when `from` is the period just before `to`, else the
    /// period itself ("2019-Q3"): a trend over a withheld gap must not read as
    /// one period's change.
    package func sinceText(_ t: Translation) -> String {
        guard from.period.granularity == to.period.granularity, from.period.isJustBefore(to.period) else {
            return from.period.description
        }
        switch to.period.granularity {
        case .annual: return t("period_last_year")
        case .quarterly: return t("period_last_quarter")
        case .monthly: return t("period_last_month")
        }
    }

    package var arrow: String { change > 0 ? "▲" : change < 0 ? "▼" : "●" }
}

extension Period {
    /// Whether `self` is the period of the same granularity right before `next`.
    fileprivate func isJustBefore(_ next: Period) -> Bool {
        switch granularity {
        case .annual: year + 1 == next.year
        case .quarterly: year * 4 + index + 1 == next.year * 4 + next.index
        case .monthly: year * 12 + index + 1 == next.year * 12 + next.index
        }
    }
}
