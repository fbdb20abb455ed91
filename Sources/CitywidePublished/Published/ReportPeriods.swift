import CitywideModel

/// The periods that get a progress report: quarters. Monthly figures are
/// reported in their quarter, annual ones in the fourth quarter of their
/// year, when the year is complete.
extension Period {
    /// The latest of `periods` that falls in this quarter or before: "as of
    /// this report", whatever the metrics' frequencies.
    package func lastPeriod(in periods: [Period]) -> Period? {
        periods.last { $0.quarter <= self }
    }
}

package enum ReportPeriods {
    package static func all(_ published: PublishedData) -> [Period] {
        Set(published.periods.map(\.quarter)).sorted()
    }

    /// The latest published total of `city` whose period falls in `quarter`.
    package static func figure(_ metric: PublishedMetric, city: Int, in quarter: Period) -> PublishedFigure? {
        metric.figures(city: city).last { $0.cell == .total && $0.period.quarter == quarter }
    }

    /// The latest published total of `city` before `period` (for "what changed").
    package static func previousPublished(_ metric: PublishedMetric, city: Int, before period: Period) -> PublishedFigure? {
        metric.figures(city: city).last { $0.cell == .total && $0.period < period && $0.value.number != nil }
    }
}
