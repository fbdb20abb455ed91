import Foundation
import CitywideModel

extension MetricDefinition {
    /// The most dimensions a metric may declare, and values per dimension: a
    /// cell's breakdown is packed into one 64-bit key (see `CellKey`).
    package static let maxDimensions = 8
    package static let maxDimensionValues = 254

    /// Reads `Metrics/<id>.yml`.
    package static func load(text: String, path: String, fileID: String, site: SiteConfig, log: DiagnosticLog) -> MetricDefinition? {
        let fileName = (path as NSString).lastPathComponent
        guard let root = YAMLDocument.parse(text, path: path, log: log),
              var fields = YAMLMapping(root, path: path, log: log, what: "a metric definition")
        else { return nil }

        let id = fields.string("id", required: true)
        if let id, id != fileID {
            log.error(fields.valueLocation("id"), "metric id '\(id)' must match its file name '\(fileName)'")
        }
        let title = fields.string("title", required: true)
        let description = fields.string("description") ?? ""
        let system: CitySystem? = fields.choice("system", required: true)
        let kind: Kind? = fields.choice("type", required: true)
        let numerator = fields.string("numerator")
        let denominator = fields.string("denominator")
        let per = fields.number("per", min: 1)
        let unit = fields.string("unit") ?? ""
        let decimals = fields.int("decimals", min: 0) ?? 0
        let direction: Direction = fields.choice("direction", default: .up) ?? .up
        let frequency: Period.Granularity? = fields.choice("frequency", required: true)

        var dimensions: [CitywideModel.Dimension] = []
        if var dims = fields.mapping("dimensions") {
            for pair in dims.allPairs() {
                let at = dims.location(of: pair.keyNode)
                guard Identifier.isValid(pair.key), !Self.reservedColumns.contains(pair.key) else {
                    log.error(at, "dimension name '\(pair.key)' must be \(Identifier.rule), and not one of \(Self.reservedColumns.sorted().joined(separator: ", "))")
                    continue
                }
                guard !PersonLevelColumns.identifies(pair.key) else {
                    log.error(at, "dimension '\(pair.key)' identifies people: a breakdown by person is person-level data, which Citywide refuses; break down by groups instead (for example age_group, sex)")
                    continue
                }
                guard case let .sequence(values) = pair.value else {
                    dims.wrongType(pair.key, pair.value, expected: "a list of values, e.g. [sex, labor]")
                    continue
                }
                guard !values.isEmpty else {
                    log.error(dims.location(of: pair.value), "dimension '\(pair.key)' needs at least one value, e.g. [sex, labor]")
                    continue
                }
                var names: [String] = []
                for value in values {
                    guard let name = value.scalar?.string, !name.isEmpty else {
                        dims.wrongType(pair.key, value, expected: "a list of words")
                        continue
                    }
                    if names.contains(name) {
                        log.error(dims.location(of: value), "dimension '\(pair.key)' lists '\(name)' twice")
                    } else {
                        names.append(name)
                    }
                }
                if names.count > maxDimensionValues {
                    log.error(at, "dimension '\(pair.key)' has \(names.count) values; at most \(maxDimensionValues) are supported")
                    continue
                }
                dimensions.append(CitywideModel.Dimension(name: pair.key, values: names))
            }
            if dimensions.count > maxDimensions {
                log.error(dims.location, "a metric may declare at most \(maxDimensions) dimensions")
                dimensions = Array(dimensions.prefix(maxDimensions))
            }
        }

        var target: MetricTarget?
        if var t = fields.mapping("target") {
            let value = t.number("value", required: true)
            let year = t.int("year", required: true, min: 1900)
            t.finish("target")
            if let value, let year { target = MetricTarget(value: value, year: year) }
        }

        var minCell: Int?
        if var privacy = fields.mapping("privacy") {
            if let value = privacy.int("min_cell", min: 1) {
                if value < site.privacy.minCell {
                    log.error(privacy.location, "a metric may raise min_cell, never lower it: \(value) is below the site's \(site.privacy.minCell)")
                } else {
                    minCell = value
                }
            }
            privacy.finish("privacy")
        }

        var source: Source?
        if var s = fields.mapping("source") {
            let name = s.string("name", required: true)
            let url = s.string("url")
            let valid = url.map(WebAddress.isValid) ?? true
            if !valid {
                log.error(s.valueLocation("url"), "source url must be a web address starting with https:// or http://, without spaces, quotes or < >")
            }
            s.finish("source")
            if let name { source = Source(name: name, url: valid ? url : nil) }
        }
        let sdg = fields.string("sdg")
        // `citywide import` writes the defaults it cannot know (system, direction)
        // and this key; the warning stays until a person confirms them.
        if let origin = fields.string("imported") {
            log.warning(fields.valueLocation("imported"), "imported from \(origin): system (\(system?.rawValue ?? "?")), direction (\(direction.rawValue)) and type are guesses; confirm them, then delete the line 'imported:'")
        }

        var thresholds: ProgressThresholds?
        var baseline: Period?
        if var p = fields.mapping("progress") {
            // Thresholds replace those of whichever method applies (with a
            // target: ratio 0.95/0.6/0; without: growth 0.015/0.005/0).
            let high = p.number("high")
            let med = p.number("med")
            let low = p.number("low")
            if let text = p.string("baseline") {
                baseline = Period(text)
                if baseline == nil { log.error(p.valueLocation("baseline"), "'baseline' must be a period such as 2019, 2019-Q1 or 2019-03, found '\(text)'") }
            }
            p.finish("progress")
            if high != nil || med != nil || low != nil {
                if let high, let med, let low {
                    if high >= med, med >= low {
                        thresholds = ProgressThresholds(high: high, med: med, low: low)
                    } else {
                        log.error(p.location, "progress thresholds must satisfy high >= med >= low")
                    }
                } else {
                    log.error(p.location, "progress thresholds come as a set: give high, med and low")
                }
            }
        }
        let cumulative = fields.bool("cumulative") ?? false
        let aggregation: Aggregation = fields.choice("aggregation", default: kind == .count && !cumulative ? .sum : .last)
            ?? (kind == .count && !cumulative ? .sum : .last)
        if aggregation == .sum, kind != .count || cumulative {
            log.error(fields.valueLocation("aggregation"), "'aggregation: sum' is for counts of a period (flows); a \(cumulative ? "cumulative count" : kind?.rawValue ?? "metric") is 'last'")
        }
        if cumulative, kind != .count {
            log.error(fields.valueLocation("cumulative"), "'cumulative' is for counts; a \(kind?.rawValue ?? "metric") is not added up over periods")
        }
        var partOf: PartOf?
        if var link = fields.mapping("part_of") {
            let metric = link.string("metric", required: true)
            let dimension = link.string("dimension", required: true)
            let value = link.string("value", required: true)
            link.finish("part_of")
            if let metric, let dimension, let value {
                partOf = PartOf(metric: metric, dimension: dimension, value: value, location: link.location)
            }
        }
        let labels = DimensionLabels.read(&fields, dimensions: dimensions)
        for d in dimensions.indices { dimensions[d].labels = labels.labels[dimensions[d].name] ?? [:] }
        var localized: [String: LocalizedText] = [:]
        if var translations = fields.mapping("translations") {
            for pair in translations.allPairs() {
                guard site.languages.contains(pair.key), pair.key != site.defaultLanguage else {
                    log.warning(translations.location(of: pair.keyNode), "'\(pair.key)' is not one of the site's other languages (\(site.languages.dropFirst().joined(separator: ", ")))")
                    continue
                }
                guard var words = YAMLMapping(pair.value, path: path, log: log, what: "'translations.\(pair.key)'") else { continue }
                localized[pair.key] = LocalizedText(title: words.string("title"), description: words.string("description"), unit: words.string("unit"),
                                                    labels: DimensionLabels.read(&words, dimensions: dimensions).labels)
                words.finish("translations.\(pair.key)")
            }
        }
        // Each word of the metric a reader sees, that another language lacks.
        var gaps = TranslationGaps()
        if title != nil { gaps.add("title", at: fields.valueLocation("title")) }
        if !description.isEmpty { gaps.add("description", at: fields.valueLocation("description")) }
        if !unit.isEmpty { gaps.add("unit", at: fields.valueLocation("unit")) }
        gaps.words += labels.words
        gaps.report(languages: site.languages, translated: localized.mapValues(\.keys), log: log)
        fields.finish("metric definition")

        guard let title, let system, let kind, let frequency else { return nil }
        var metric = MetricDefinition(
            id: fileID, title: title, description: description, system: system, kind: kind,
            numerator: numerator, denominator: denominator,
            per: per ?? (kind == .rate ? 100_000 : nil),
            unit: unit, decimals: min(decimals, 6), direction: direction, frequency: frequency,
            dimensions: dimensions, target: target, minCell: minCell, source: source, sdg: sdg,
            progressThresholds: thresholds, progressBaseline: baseline, location: fields.location
        )
        metric.localized = localized
        metric.aggregation = aggregation
        metric.cumulative = cumulative
        metric.partOf = partOf
        metric.checkFormula(log: log)
        return metric
    }

    /// CSV columns with a fixed meaning, which no dimension may take.
    package static let reservedColumns: Set<String> = ["city", "period", "metric", "value", "status", "note"]

    /// A computed metric names what it is made of, consistently with its type.
    private func checkFormula(log: DiagnosticLog) {
        switch kind {
        case .count:
            if numerator != nil || denominator != nil || per != nil {
                log.error(location, "a count comes from the data; 'numerator', 'denominator' and 'per' are for rate, percent and ratio metrics")
            }
        case .rate:
            if denominator != nil {
                log.error(location, "a rate is computed per residents ('numerator' and 'per'); use type percent or ratio for a 'denominator'")
            }
        case .percent, .ratio:
            if numerator != nil, denominator == nil {
                log.error(location, "a computed \(kind.rawValue) needs both 'numerator' and 'denominator'")
            }
            if numerator == nil, denominator == nil {
                log.error(location, "a \(kind.rawValue) given as data must name its 'denominator:' metric, so that the count it implies is protected")
            }
            if per != nil {
                log.error(location, "'per' is for rates; a \(kind.rawValue) uses 'numerator' and 'denominator'")
            }
        }
        if isComputed, !dimensions.isEmpty {
            log.error(location, "a computed metric is published as a total per city and period; declare dimensions on its input metrics")
        }
    }
}

extension LocalizedText {
    /// The words this language gives, as `TranslationGaps` names them.
    var keys: Set<String> {
        var keys: Set<String> = []
        if title != nil { keys.insert("title") }
        if description != nil { keys.insert("description") }
        if unit != nil { keys.insert("unit") }
        for (dimension, values) in labels {
            for value in values.keys { keys.insert(DimensionLabels.key(dimension, value)) }
        }
        return keys
    }
}
