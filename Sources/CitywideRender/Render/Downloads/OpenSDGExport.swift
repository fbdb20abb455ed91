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
        let figures = metric.figures
        for row in Self.rowOrder(figures) {
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

    /// The figures' positions by breakdown, city and period. Positions are
    /// sorted, not a sorted copy of the figures (140,000 on a 10,000-city
    /// site, at the build's peak of memory), and on integers: each distinct
    /// breakdown and period is ranked once, so no comparison walks a
    /// `CellKey`'s dimensions or a `Period`'s fields. Equal rows keep their
    /// order (the position is the last key).
    static func rowOrder(_ figures: [PublishedFigure]) -> [Int] {
        func ranks<T: Hashable & Comparable>(_ values: Set<T>) -> [T: UInt64] {
            Dictionary(uniqueKeysWithValues: values.sorted().enumerated().map { ($1, UInt64($0)) })
        }
        let cellRank = ranks(Set(figures.lazy.map(\.cell)))
        let periodRank = ranks(Set(figures.lazy.map(\.period)))
        var keys = figures.indices.map { i -> (first: UInt64, second: UInt64) in
            let figure = figures[i]
            return ((cellRank[figure.cell] ?? 0) << 32 | UInt64(UInt32(truncatingIfNeeded: figure.city)),
                    (periodRank[figure.period] ?? 0) << 32 | UInt64(i))
        }
        keys.sort { $0.first != $1.first ? $0.first < $1.first : $0.second < $1.second }
        return keys.map { Int($0.second & 0xFFFF_FFFF) }
    }

    /// `suppressed` for every withheld value, whatever rule withheld it (the
    /// same word as `data/<metric>.csv`); `not-available` for an empty value;
    /// for a number, `unreliable` and the provider's status, or nothing.
    static func observationStatus(_ figure: PublishedFigure) -> String {
        switch figure.value {
        case .withheld, .notAvailable:
            return figure.status
        case .number:
            switch (figure.unreliable, figure.flag?.rawValue) {
            case (false, nil): return "" // nearly every row: no array made for it
            case (false, let flag?): return flag
            case (true, nil): return "unreliable"
            case (true, let flag?): return "unreliable; " + flag
            }
        }
    }
}
