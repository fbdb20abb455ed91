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
    package func csv(_ metric: PublishedMetric) -> String {
        let dimensions = metric.definition.dimensions
        var out = Self.csvLine(["city", "period"] + dimensions.map(\.name) + Self.figureColumns)
        for figure in metric.figures {
            out += Self.csvLine(fields(figure, metric, dimensions: Array(dimensions.indices)))
        }
        return out
    }

    /// `data/all.csv`: every metric's rows of `data/<metric>.csv` (the same
    /// published figures, the same suppression) in one file, metrics in id
    /// order. Its dimension columns are every metric's, in the order they
    /// first appear; a metric's row is blank in a column it does not have.
    package func allCSV() -> String {
        let names = allDimensionNames
        var out = Self.csvLine(["metric", "city", "period"] + names + Self.figureColumns)
        for metric in published.metrics {
            let positions = names.map { metric.definition.dimensionIndex($0) }
            for figure in metric.figures {
                out += Self.csvLine([metric.definition.id] + fields(figure, metric, dimensions: positions))
            }
        }
        return out
    }

    /// Every dimension of every metric, each once, in the order metrics
    /// (by id) first declare them: `data/all.csv`'s dimension columns.
    package var allDimensionNames: [String] {
        var seen: Set<String> = []
        return published.metrics.flatMap(\.definition.dimensions).map(\.name).filter { seen.insert($0).inserted }
    }

    /// The columns after a row's breakdown, in every CSV download.
    static let figureColumns = ["value", "status", "flag", "note"]

    /// A figure's fields from `city` on: the dimension columns are the
    /// metric's dimensions at `dimensions` (nil: a column the metric lacks).
    private func fields(_ figure: PublishedFigure, _ metric: PublishedMetric, dimensions: [Int?]) -> [String] {
        let declared = metric.definition.dimensions
        var fields = [site.blueprints[figure.city].slug, figure.period.description]
        for d in dimensions {
            // Code 0 is the total over the dimension: a blank field.
            guard let d, case let code = figure.cell.code(d), code > 0 else {
                fields.append("")
                continue
            }
            fields.append(declared[d].values[code - 1])
        }
        fields.append(figure.value.number.map(NumberText.plain) ?? "")
        fields.append(figure.status)
        fields.append(figure.flag?.rawValue ?? "")
        fields.append(figure.note ?? "")
        return fields
    }

    static func csvLine(_ fields: [String]) -> String {
        fields.map(Self.csvField).joined(separator: ",") + "\r\n"
    }

    package func json(_ metric: PublishedMetric) -> String {
        let d = metric.definition
        let observations: [JSONValue] = metric.figures.map { figure in
            var breakdown: [(String, JSONValue)] = []
            for (dimension, value) in figure.cell.parts {
                breakdown.append((d.dimensions[dimension].name, .string(d.dimensions[dimension].values[value])))
            }
            return .object([
                ("city", .string(site.blueprints[figure.city].slug)),
                ("period", .string(figure.period.description)),
                ("breakdown", .object(breakdown)),
                ("value", figure.value.number.map(JSONValue.number) ?? .null),
                ("status", .string(figure.status)),
                ("flag", .optional(figure.flag?.rawValue)),
                ("note", .optional(figure.note)),
            ])
        }
        return JSONValue.object([
            ("metric", definition(d, minCell: metric.minCell)),
            ("data_status", .string(site.config.dataStatus.rawValue)),
            ("observations", .array(observations)),
        ]).text
    }

    package func catalog() -> String {
        JSONValue.object([
            ("format_version", .int(DataDownloads.formatVersion)),
            ("title", .string(site.config.title)),
            ("base_url", .string(site.config.baseURL)),
            ("data_status", .string(site.config.dataStatus.rawValue)),
            ("privacy", .object([
                ("min_cell", .int(site.config.privacy.minCell)),
                ("min_rate_numerator", .int(site.config.privacy.minRateNumerator)),
            ])),
            ("all_csv", .string("all.csv")),
            ("cities", .array(site.blueprints.map { b in
                .object([
                    ("slug", .string(b.slug)), ("city", .string(b.city)), ("state", .string(b.state)),
                    ("population", b.population.map(JSONValue.int) ?? .null),
                ])
            })),
            ("metrics", .array(published.metrics.map { metric in
                .object([
                    ("id", .string(metric.definition.id)),
                    ("title", .string(metric.definition.title)),
                    ("system", .string(metric.definition.system.rawValue)),
                    ("type", .string(metric.definition.kind.rawValue)),
                    ("csv", .string("\(metric.definition.id).csv")),
                    ("json", .string("\(metric.definition.id).json")),
                    ("opensdg", .string(OpenSDGExport.catalogName(metric.definition.id))),
                    ("observations", .int(metric.figures.count)),
                    ("published", .int(metric.counts.published)),
                    ("suppressed", .int(metric.counts.withheld)),
                ])
            })),
        ]).text
    }

    /// `data/progress.json`: one entry per city and metric with published
    /// totals, with every input of its status (see docs/progress.md).
    package func progress() -> String {
        var entries: [JSONValue] = []
        for (m, metric) in published.metrics.enumerated() {
            for city in site.blueprints.indices {
                guard let p = published.progress(metric: m, city: city) else { continue }
                func point(_ x: ProgressAssessment.Point?) -> JSONValue {
                    x.map { .object([("period", .string($0.period.description)), ("value", .number($0.value))]) } ?? .null
                }
                let reason: String? = p.reason.map { Self.downloadWords($0, base: p.base) }
                entries.append(.object([
                    ("city", .string(site.blueprints[city].slug)),
                    ("metric", .string(metric.definition.id)),
                    ("status", .string(p.status.rawValue)),
                    ("method", .optional(p.method?.rawValue)),
                    ("base", point(p.base)),
                    ("current", point(p.current)),
                    ("target", p.target.map { t in .object([("value", .number(t.value)), ("by", .string(t.by)), ("source", .string(t.source))]) } ?? .null),
                    ("value", p.value.map { .number(($0 * 1e6).rounded() / 1e6) } ?? .null),
                    ("needed_growth", p.neededGrowth.map { .number(($0 * 1e6).rounded() / 1e6) } ?? .null),
                    ("thresholds", p.thresholds.map { t in .object([("high", .number(t.high)), ("med", .number(t.med)), ("low", .number(t.low))]) } ?? .null),
                    ("deadline", point(p.deadline)),
                    ("reason", .optional(reason)),
                    ("small_numbers", .bool(p.smallNumbers != nil)),
                    ("small_numbers_reason", .optional(p.smallNumbers.map(Self.downloadWords))),
                ]))
            }
        }
        return JSONValue.object([
            ("method", .string("Open SDG progress measure: compound annual growth against the growth a target needs (ratio), or against fixed thresholds without a target; once a target's date is covered by the data, target_achieved or target_missed by the value at that date")),
            ("progress", .array(entries)),
        ]).text
    }

    private func definition(_ d: MetricDefinition, minCell: Int) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("id", .string(d.id)), ("title", .string(d.title)), ("description", .string(d.description)),
            ("system", .string(d.system.rawValue)), ("type", .string(d.kind.rawValue)), ("unit", .string(d.unit)),
            ("decimals", .int(d.decimals)), ("direction", .string(d.direction.rawValue)),
            ("frequency", .string(d.frequency.rawValue)),
            ("dimensions", .object(d.dimensions.map { ($0.name, .array($0.values.map(JSONValue.string))) })),
            ("min_cell", .int(minCell)),
            ("aggregation", .string(d.aggregation.rawValue)),
            ("cumulative", .bool(d.cumulative)),
        ]
        // The words pages show for codes (`labels:`), in the site's language.
        let labelled = d.dimensions.filter { !$0.labels.isEmpty }
        if !labelled.isEmpty {
            pairs.append(("labels", .object(labelled.map { dimension in
                (dimension.name, .object(dimension.values.compactMap { value in dimension.labels[value].map { (value, JSONValue.string($0)) } }))
            })))
        }
        if let link = d.partOf {
            pairs.append(("part_of", .object([("metric", .string(link.metric)), ("dimension", .string(link.dimension)), ("value", .string(link.value))])))
        }
        if let n = d.numerator { pairs.append(("numerator", .string(n))) }
        if let n = d.denominator { pairs.append(("denominator", .string(n))) }
        if let p = d.per { pairs.append(("per", .number(p))) }
        if let t = d.target { pairs.append(("target", .object([("value", .number(t.value)), ("year", .int(t.year))]))) }
        if let s = d.source { pairs.append(("source", .object([("name", .string(s.name)), ("url", .optional(s.url))]))) }
        if let sdg = d.sdg { pairs.append(("sdg", .string(sdg))) }
        return .object(pairs)
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
