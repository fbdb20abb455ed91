import Foundation

/// Reads one `Data/*.csv` file into observations, in a single pass over its
/// bytes, reporting every problem at its file:line:column.
struct DataFileLoader {
    let path: String
    let fileIndex: Int32
    let catalog: DataCatalog
    let log: DiagnosticLog

    /// Observations of this file, grouped by metric index.
    func load(_ bytes: [UInt8]) -> [Int: [Observation]] {
        var result: [Int: [Observation]] = [:]
        var header: DataHeader?
        var headerFailed = false
        var caches = FieldCaches()
        var unchecked = UncheckedRows()
        let problems = CSVReader(bytes: bytes).forEachRecord { record in
            guard let columns = header else {
                header = DataHeader.read(record, path: path, catalog: catalog, log: log)
                headerFailed = header == nil
                return !headerFailed
            }
            if let (metric, observation) = readRow(record, columns, &caches, &unchecked) {
                result[metric, default: []].append(observation)
            }
            return true
        }
        warnIfOnePerPerson(result)
        for (file, entry) in unchecked.byFile.sorted(by: { $0.key < $1.key }) {
            log.warning(entry.first, "\(entry.count) \(entry.count == 1 ? "row names" : "rows name") \(file), which has errors: \(entry.count == 1 ? "it was" : "they were") not checked")
        }
        for problem in problems {
            log.error(SourceLocation(path: path, line: problem.position.line, column: problem.position.column), problem.message)
        }
        if header == nil, !headerFailed {
            log.warning(SourceLocation(path: path), "the file is empty: a data file starts with a header line (city,period,metric,...,value)")
        }
        return result
    }

    /// Aggregates have totals and varied counts. A file whose every value is
    /// 1 is almost certainly one row per person with the names taken off:
    /// still person-level data, so say so (it is not refused: a tiny
    /// aggregate can be all ones, and every 1 is withheld anyway).
    private func warnIfOnePerPerson(_ result: [Int: [Observation]]) {
        let values = result.values.joined().compactMap(\.value)
        guard values.count >= 5, values.allSatisfy({ $0 == 1 }) else { return }
        log.warning(SourceLocation(path: path, line: 1), "every value in this file is 1: it looks like one row per person, which Citywide must not receive; send counts per city, period and breakdown instead")
    }

    private func at(_ record: borrowing CSVRecord, _ field: Int) -> SourceLocation {
        let p = record.position(of: field)
        return SourceLocation(path: path, line: p.line, column: p.column)
    }

    private func readRow(_ record: borrowing CSVRecord, _ columns: DataHeader, _ caches: inout FieldCaches, _ unchecked: inout UncheckedRows) -> (Int, Observation)? {
        if record.count == 1, record.isEmpty(0) { return nil } // a blank line holds no row
        guard record.count == columns.count else {
            log.error(SourceLocation(path: path, line: record.line, column: 1),
                      "this row has \(record.count) fields but the header has \(columns.count); every row needs one value per column (quote a value that contains a comma)")
            return nil
        }
        var ok = true

        let city = caches.city.lookup(record, columns.city) { catalog.cities[$0] }
        if city == nil, catalog.unreadable.cities.contains(record.string(columns.city)) {
            unchecked.add("Blueprints/\(record.string(columns.city)).md", at(record, columns.city))
            return nil
        }
        if city == nil {
            ok = false
            let text = record.string(columns.city)
            log.error(at(record, columns.city), text.isEmpty
                ? "missing city: each row names a city by its blueprint slug"
                : "unknown city '\(text)': no Blueprints/\(text).md (known: \(catalog.citySlugs))")
        }

        let metricIndex = caches.metric.lookup(record, columns.metric) { catalog.metrics[$0] }
        var metric: MetricDefinition?
        if let metricIndex {
            metric = catalog.definitions[metricIndex]
            if let m = metric, m.isComputed {
                log.error(at(record, columns.metric), "metric '\(m.id)' is computed from \(m.inputsDescription); give the data for its inputs, not for it")
                return nil
            }
        } else if catalog.unreadable.metrics.contains(record.string(columns.metric)) {
            unchecked.add("Metrics/\(record.string(columns.metric)).yml", at(record, columns.metric))
            return nil
        } else {
            ok = false
            let text = record.string(columns.metric)
            log.error(at(record, columns.metric), text.isEmpty ? "missing metric id" : "unknown metric '\(text)': no Metrics/\(text).yml")
        }

        let period = caches.period.lookup(record, columns.period) { Period($0) }
        if let period, let metric, period.granularity != metric.frequency {
            ok = false
            log.error(at(record, columns.period), "period '\(period)' does not fit metric '\(metric.id)', which is \(metric.frequency.rawValue) (\(metric.frequency.example))")
        } else if period == nil {
            ok = false
            log.error(at(record, columns.period), "'\(record.string(columns.period))' is not a period: write 2019, 2019-Q1 or 2019-03")
        }

        var cell = CellKey.total
        if let metric {
            for (column, name) in columns.dimensions where !record.isEmpty(column) {
                guard let d = metric.dimensionIndex(name) else {
                    ok = false
                    log.error(at(record, column), "column '\(name)' is not a dimension of metric '\(metric.id)'; leave it blank for this metric")
                    continue
                }
                let text = record.string(column)
                guard let v = metric.dimensions[d].values.firstIndex(of: text) else {
                    ok = false
                    log.error(at(record, column), "'\(text)' is not a value of dimension '\(name)' of metric '\(metric.id)' (declared: \(metric.dimensions[d].values.joined(separator: ", ")))")
                    continue
                }
                cell = cell.setting(d, to: v + 1)
            }
        }

        var value: Double?
        if !record.isEmpty(columns.value) {
            value = record.double(columns.value)
            if value == nil {
                ok = false
                log.error(at(record, columns.value), "value '\(record.string(columns.value))' is not a number (write 1204 or 12.5, no thousands separators or units)")
            } else if let v = value, v == 0 || v.magnitude >= NumberLimits.largest || v.magnitude < NumberLimits.smallest,
                      let problem = NumberLimits.problem(v, text: record.string(columns.value)) {
                ok = false
                log.error(at(record, columns.value), "value '\(record.string(columns.value))' \(problem)")
            } else if let v = value, let metric, metric.kind == .count, v < 0 || v.rounded() != v {
                ok = false
                log.error(at(record, columns.value), "metric '\(metric.id)' is a count: its value must be a whole number of 0 or more, found \(record.string(columns.value))")
            }
        }

        var flag: InputFlag?
        if let c = columns.status, !record.isEmpty(c) {
            flag = InputFlag(rawValue: record.string(c)).flatMap { InputFlag.allowedInData.contains($0) ? $0 : nil }
            if flag == nil {
                ok = false
                log.error(at(record, c), "status '\(record.string(c))' must be empty or one of provisional, estimated, break")
            }
        }
        let note = columns.note.flatMap { record.isEmpty($0) ? nil : record.string($0) }

        guard ok, let city, let metricIndex, let period else { return nil }
        return (metricIndex, Observation(
            city: Int32(city), period: period, cell: cell, value: value, flag: flag, note: note,
            origin: RowOrigin(file: fileIndex, line: Int32(record.line))
        ))
    }
}

/// Rows that name a blueprint or metric file with errors: counted, not
/// checked, and reported in one line per file.
struct UncheckedRows {
    var byFile: [String: (count: Int, first: SourceLocation)] = [:]

    mutating func add(_ file: String, _ location: SourceLocation) {
        byFile[file, default: (0, location)].count += 1
    }
}

/// The names a data file may use, prepared once for all files.
struct DataCatalog: Sendable {
    var cities: [String: Int]
    var metrics: [String: Int]
    var definitions: [MetricDefinition]
    /// Every dimension name some metric declares.
    var dimensionNames: Set<String>
    var citySlugs: String
    var unreadable: UnreadableInputs

    init(site: Site) {
        unreadable = site.unreadable
        cities = Dictionary(uniqueKeysWithValues: site.blueprints.enumerated().map { ($1.slug, $0) })
        metrics = Dictionary(uniqueKeysWithValues: site.metrics.enumerated().map { ($1.id, $0) })
        definitions = site.metrics
        dimensionNames = Set(site.metrics.flatMap { $0.dimensions.map(\.name) })
        citySlugs = site.blueprints.map(\.slug).joined(separator: ", ")
    }
}

extension Period.Granularity {
    var example: String {
        switch self {
        case .annual: "e.g. 2019"
        case .quarterly: "e.g. 2019-Q1"
        case .monthly: "e.g. 2019-03"
        }
    }
}

extension MetricDefinition {
    var inputsDescription: String {
        [numerator, denominator].compactMap { $0.map { "'\($0)'" } }.joined(separator: " and ")
            + (kind == .rate ? " and each city's population" : "")
    }
}
