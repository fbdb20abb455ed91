import CitywideModel
import CitywidePublished

/// `data/opensdg/<metric>.csv`: a metric in the layout Open SDG platforms
/// read (`data/indicator_*.csv` in open-sdg/sdg-build), so a city can feed an
/// SDG reporting platform from its Citywide site (docs/opensdg.md).
///
/// One row per published figure, exactly the figures of `data/<metric>.csv`:
/// nothing is summed here, so the file says nothing the site does not (no
/// total across cities or periods that the site does not publish, which
/// could otherwise give a withheld value away by difference).
package struct OpenSDGExport {
    package let site: Site

    /// Where a metric's file is written, beside the other downloads.
    package static func path(_ metricID: String) -> String { "data/opensdg/\(metricID).csv" }

    /// What `data/index.json` calls the file: relative to `data/`, as `csv` and `json` are.
    package static func catalogName(_ metricID: String) -> String { "opensdg/\(metricID).csv" }

    /// Columns: `Year`, `GeoCode`, the metric's dimensions, `Units`,
    /// `Observation status`, `Value` (sdg-build wants `Year` first and
    /// `Value` last). Rows: the headline series (every dimension blank) first,
    /// then each breakdown; within one, by city and period.
    package func csv(_ metric: PublishedMetric) -> [UInt8] {
        DownloadPieces.whole { csv(metric, into: $0) }
    }

    package func csv(_ metric: PublishedMetric, into pieces: DownloadPieces) {
        let definition = metric.definition
        let dimensions = definition.dimensions
        var csv = CSVWriter(capacity: pieces.capacity(metric.figures.count * 40))
        csv.fields(["Year", "GeoCode"] + dimensions.map(\.name) + ["Units", "Observation status", "Value"])
        csv.endRow()
        var periods = PeriodTexts()
        // Positions sorted, not a sorted copy of the figures (140,000 on a
        // 10,000-city site, at the build's peak of memory).
        let figures = metric.figures
        let rows = figures.indices.sorted { (figures[$0].cell, figures[$0].city, figures[$0].period) < (figures[$1].cell, figures[$1].city, figures[$1].period) }
        for row in rows {
            let figure = figures[row]
            csv.field(periods[figure.period])
            csv.field(site.blueprints[figure.city].slug)
            for d in dimensions.indices {
                let code = figure.cell.code(d)
                csv.field(code == 0 ? "" : dimensions[d].values[code - 1])
            }
            csv.field(definition.unit)
            csv.field(Self.observationStatus(figure))
            csv.number(figure.value.number)
            csv.endRow()
            csv.flush(to: pieces)
        }
        pieces.end(csv.out.bytes)
    }

    /// `suppressed` for every withheld value, whatever rule withheld it (the
    /// same word as `data/<metric>.csv`); `not-available` for an empty value;
    /// for a number, `unreliable` and the provider's status, or nothing.
    static func observationStatus(_ figure: PublishedFigure) -> String {
        switch figure.value {
        case .withheld, .notAvailable:
            return figure.status
        case .number:
            return [figure.unreliable ? "unreliable" : nil, figure.flag?.rawValue].compactMap { $0 }.joined(separator: "; ")
        }
    }
}
