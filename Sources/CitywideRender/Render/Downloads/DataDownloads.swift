import Foundation
import CitywideModel
import CitywidePublished
import CitywideWrite

/// `data/<metric>.csv`, `data/<metric>.json`, `data/all.csv` and
/// `data/index.json`: the published observations after suppression. A withheld value is an empty
/// value with a status saying which rule withheld it.
package struct DataDownloads {
    /// `data/index.json`'s `format_version`. 2: one status `suppressed` for
    /// every withheld value (was `suppressed-primary` / `-complementary`), and
    /// one `suppressed` count per metric (see docs/data.md).
    package static let formatVersion = 2

    package let site: Site
    package let published: PublishedData

    /// Columns: city, period, each dimension, value, status, flag, note.
    package func csv(_ metric: PublishedMetric) -> [UInt8] {
        DownloadPieces.whole { csv(metric, into: $0) }
    }

    package func csv(_ metric: PublishedMetric, into pieces: DownloadPieces) {
        let dimensions = metric.definition.dimensions
        var csv = CSVWriter(capacity: pieces.capacity(metric.figures.count * 48))
        csv.fields(["city", "period"] + dimensions.map(\.name) + Self.figureColumns)
        csv.endRow()
        var periods = PeriodTexts()
        let positions = Array(dimensions.indices)
        for figure in metric.figures {
            row(figure, metric, dimensions: positions, periods: &periods, into: &csv)
            csv.flush(to: pieces)
        }
        pieces.end(csv.out.bytes)
    }

    /// `data/all.csv`: every metric's rows of `data/<metric>.csv` (the same
    /// published figures, the same suppression) in one file, metrics in id
    /// order. Its dimension columns are every metric's, in the order they
    /// first appear; a metric's row is blank in a column it does not have.
    package func allCSV() -> [UInt8] {
        DownloadPieces.whole { allCSV(into: $0) }
    }

    package func allCSV(into pieces: DownloadPieces) {
        let names = allDimensionNames
        var csv = CSVWriter(capacity: pieces.capacity(published.metrics.reduce(0) { $0 + $1.figures.count } * 56))
        csv.fields(["metric", "city", "period"] + names + Self.figureColumns)
        csv.endRow()
        var periods = PeriodTexts()
        for metric in published.metrics {
            let positions = names.map { metric.definition.dimensionIndex($0) }
            for figure in metric.figures {
                csv.field(metric.definition.id)
                row(figure, metric, dimensions: positions, periods: &periods, into: &csv)
                csv.flush(to: pieces)
            }
        }
        pieces.end(csv.out.bytes)
    }

    /// Every dimension of every metric, each once, in the order metrics
    /// (by id) first declare them: `data/all.csv`'s dimension columns.
    package var allDimensionNames: [String] {
        var seen: Set<String> = []
        return published.metrics.flatMap(\.definition.dimensions).map(\.name).filter { seen.insert($0).inserted }
    }

    /// The columns after a row's breakdown, in every CSV download.
    static let figureColumns = ["value", "status", "flag", "note"]

    /// A figure's fields from `city` on, ending the row: the dimension
    /// columns are the metric's dimensions at `dimensions` (nil: a column
    /// the metric lacks).
    private func row(_ figure: PublishedFigure, _ metric: PublishedMetric, dimensions: [Int?],
                     periods: inout PeriodTexts, into csv: inout CSVWriter) {
        let declared = metric.definition.dimensions
        csv.field(site.blueprints[figure.city].slug)
        csv.field(periods[figure.period])
        for d in dimensions {
            // Code 0 is the total over the dimension: a blank field.
            guard let d, case let code = figure.cell.code(d), code > 0 else {
                csv.field("")
                continue
            }
            csv.field(declared[d].values[code - 1])
        }
        csv.number(figure.value.number)
        csv.field(figure.status)
        csv.field(figure.flag?.rawValue ?? "")
        csv.field(figure.note ?? "")
        csv.endRow()
    }

    package func json(_ metric: PublishedMetric) -> [UInt8] {
        DownloadPieces.whole { json(metric, into: $0) }
    }

    package func json(_ metric: PublishedMetric, into pieces: DownloadPieces) {
        let d = metric.definition
        var json = JSONWriter(capacity: pieces.capacity(metric.figures.count * 224))
        var periods = PeriodTexts()
        json.beginObject()
        json.key("metric"); definition(d, minCell: metric.minCell, into: &json)
        json.key("data_status"); json.string(site.config.dataStatus.rawValue)
        json.key("observations")
        json.beginArray()
        // A city's rows come together: its slug is quoted once for them.
        var slug = (city: -1, quoted: [UInt8]())
        for figure in metric.figures {
            if slug.city != figure.city { slug = (figure.city, JSONWriter.quoted(site.blueprints[figure.city].slug)) }
            json.element()
            json.beginObject()
            json.key(quoted: "\"city\""); json.quotedString(slug.quoted)
            json.key(quoted: "\"period\""); json.string(periods[figure.period])
            json.key(quoted: "\"breakdown\"")
            json.beginObject()
            for dimension in d.dimensions.indices where figure.cell.code(dimension) > 0 {
                json.key(d.dimensions[dimension].name)
                json.string(d.dimensions[dimension].values[figure.cell.code(dimension) - 1])
            }
            json.endObject()
            json.key(quoted: "\"value\""); json.number(figure.value.number)
            json.key(quoted: "\"status\""); json.string(figure.status)
            json.key(quoted: "\"flag\""); json.string(figure.flag?.rawValue)
            json.key(quoted: "\"note\""); json.string(figure.note)
            json.endObject()
            json.flush(to: pieces)
        }
        json.endArray()
        json.endObject()
        pieces.end(json.finished())
    }

    package func catalog() -> [UInt8] {
        var json = JSONWriter(capacity: site.blueprints.count * 120 + published.metrics.count * 400 + 512)
        json.beginObject()
        json.key("format_version"); json.int(DataDownloads.formatVersion)
        json.key("title"); json.string(site.config.title)
        json.key("base_url"); json.string(site.config.baseURL)
        json.key("data_status"); json.string(site.config.dataStatus.rawValue)
        json.key("privacy")
        json.beginObject()
        json.key("min_cell"); json.int(site.config.privacy.minCell)
        json.key("min_rate_numerator"); json.int(site.config.privacy.minRateNumerator)
        json.endObject()
        json.key("all_csv"); json.string("all.csv")
        json.key("cities")
        json.beginArray()
        for b in site.blueprints {
            json.element()
            json.beginObject()
            json.key("slug"); json.string(b.slug)
            json.key("city"); json.string(b.city)
            json.key("state"); json.string(b.state)
            json.key("population"); json.int(b.population)
            json.endObject()
        }
        json.endArray()
        json.key("metrics")
        json.beginArray()
        for metric in published.metrics {
            let id = metric.definition.id
            json.element()
            json.beginObject()
            json.key("id"); json.string(id)
            json.key("title"); json.string(metric.definition.title)
            json.key("system"); json.string(metric.definition.system.rawValue)
            json.key("type"); json.string(metric.definition.kind.rawValue)
            json.key("csv"); json.string("\(id).csv")
            json.key("json"); json.string("\(id).json")
            json.key("opensdg"); json.string(OpenSDGExport.catalogName(id))
            json.key("observations"); json.int(metric.figures.count)
            json.key("published"); json.int(metric.counts.published)
            json.key("suppressed"); json.int(metric.counts.withheld)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.finished()
    }

    /// `data/progress.json`: one entry per city and metric with published
    /// totals, with every input of its status (see docs/progress.md).
    package func progress() -> [UInt8] {
        DownloadPieces.whole { progress(into: $0) }
    }

    package func progress(into pieces: DownloadPieces) {
        var json = JSONWriter(capacity: pieces.capacity(published.metrics.count * site.blueprints.count * 600))
        json.beginObject()
        json.key("method")
        json.string("Open SDG progress measure: compound annual growth against the growth a target needs (ratio), or against fixed thresholds without a target; once a target's date is covered by the data, target_achieved or target_missed by the value at that date")
        json.key("progress")
        json.beginArray()
        func point(_ x: ProgressAssessment.Point?) {
            guard let x else { return json.null() }
            json.beginObject()
            json.key("period"); json.string(x.period.description)
            json.key("value"); json.number(x.value)
            json.endObject()
        }
        for (m, metric) in published.metrics.enumerated() {
            for city in site.blueprints.indices {
                guard let p = published.progress(metric: m, city: city) else { continue }
                json.element()
                json.beginObject()
                json.key("city"); json.string(site.blueprints[city].slug)
                json.key("metric"); json.string(metric.definition.id)
                json.key("status"); json.string(p.status.rawValue)
                json.key("method"); json.string(p.method?.rawValue)
                json.key("base"); point(p.base)
                json.key("current"); point(p.current)
                json.key("target")
                if let t = p.target {
                    json.beginObject()
                    json.key("value"); json.number(t.value)
                    json.key("by"); json.string(t.by)
                    json.key("source"); json.string(t.source)
                    json.endObject()
                } else {
                    json.null()
                }
                json.key("value"); json.number(p.value.map { ($0 * 1e6).rounded() / 1e6 })
                json.key("needed_growth"); json.number(p.neededGrowth.map { ($0 * 1e6).rounded() / 1e6 })
                json.key("thresholds")
                if let t = p.thresholds {
                    json.beginObject()
                    json.key("high"); json.number(t.high)
                    json.key("med"); json.number(t.med)
                    json.key("low"); json.number(t.low)
                    json.endObject()
                } else {
                    json.null()
                }
                json.key("deadline"); point(p.deadline)
                json.key("reason"); json.string(p.reason.map { Self.downloadWords($0, base: p.base) })
                json.key("small_numbers"); json.bool(p.smallNumbers != nil)
                json.key("small_numbers_reason"); json.string(p.smallNumbers.map(Self.downloadWords))
                json.endObject()
                json.flush(to: pieces)
            }
        }
        json.endArray()
        json.endObject()
        pieces.end(json.finished())
    }

    private func definition(_ d: MetricDefinition, minCell: Int, into json: inout JSONWriter) {
        json.beginObject()
        json.key("id"); json.string(d.id)
        json.key("title"); json.string(d.title)
        json.key("description"); json.string(d.description)
        json.key("system"); json.string(d.system.rawValue)
        json.key("type"); json.string(d.kind.rawValue)
        json.key("unit"); json.string(d.unit)
        json.key("decimals"); json.int(d.decimals)
        json.key("direction"); json.string(d.direction.rawValue)
        json.key("frequency"); json.string(d.frequency.rawValue)
        json.key("dimensions")
        json.beginObject()
        for dimension in d.dimensions {
            json.key(dimension.name)
            json.beginArray()
            for value in dimension.values {
                json.element(); json.string(value)
            }
            json.endArray()
        }
        json.endObject()
        json.key("min_cell"); json.int(minCell)
        json.key("aggregation"); json.string(d.aggregation.rawValue)
        json.key("cumulative"); json.bool(d.cumulative)
        // The words pages show for codes (`labels:`), in the site's language.
        let labelled = d.dimensions.filter { !$0.labels.isEmpty }
        if !labelled.isEmpty {
            json.key("labels")
            json.beginObject()
            for dimension in labelled {
                json.key(dimension.name)
                json.beginObject()
                for value in dimension.values {
                    guard let label = dimension.labels[value] else { continue }
                    json.key(value); json.string(label)
                }
                json.endObject()
            }
            json.endObject()
        }
        if let link = d.partOf {
            json.key("part_of")
            json.beginObject()
            json.key("metric"); json.string(link.metric)
            json.key("dimension"); json.string(link.dimension)
            json.key("value"); json.string(link.value)
            json.endObject()
        }
        if let n = d.numerator { json.key("numerator"); json.string(n) }
        if let n = d.denominator { json.key("denominator"); json.string(n) }
        if let p = d.per { json.key("per"); json.number(p) }
        if let t = d.target {
            json.key("target")
            json.beginObject()
            json.key("value"); json.number(t.value)
            json.key("year"); json.int(t.year)
            json.endObject()
        }
        if let s = d.source {
            json.key("source")
            json.beginObject()
            json.key("name"); json.string(s.name)
            json.key("url"); json.string(s.url)
            json.endObject()
        }
        if let sdg = d.sdg { json.key("sdg"); json.string(sdg) }
        json.endObject()
    }

    /// RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so a
    /// spreadsheet does not run a note as a formula.
    package static func csvField(_ field: String) -> String {
        var text = field
        if let first = text.first, "=+-@".contains(first), Double(text) == nil { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A progress reason as `data/progress.json` words it: in English, the
    /// download's one language, whatever the site's interface text says
    /// (pages word it with `reason_*` in their own language).
    static func downloadWords(_ reason: ProgressAssessment.Reason, base: ProgressAssessment.Point?) -> String {
        let period = base?.period.description ?? ""
        switch reason {
        case .neutral: return "the metric is neutral: neither direction is better"
        case .noValue: return "no published value"
        case .oneValue: return "only one published value (\(period))"
        case .zeroBase: return "the base value (\(period)) is 0, from which no growth rate can be computed"
        case .targetNotAfterBase: return "the target's date is not after the base period"
        case .noGrowthRate: return "no growth rate can be computed from these values"
        case .withheldAtDeadline: return "withheld at the deadline"
        case .noValueAtDeadline: return "no value at the deadline"
        }
    }

    /// Why a status rests on small numbers, in the download's English.
    static func downloadWords(_ small: ProgressAssessment.SmallNumbers) -> String {
        "fewer than \(small.below) events in \(small.periods.map(\.description).joined(separator: " and ")): a few events more or less could change the status"
    }
}
