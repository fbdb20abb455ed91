import Foundation
import CitywideModel

/// Reads one `Data/*.csv` file into observations, in a single pass over its
/// bytes, reporting every problem at its file:line:column.
package struct DataFileLoader {
    package let path: String
    package let fileIndex: Int32
    package let catalog: DataCatalog
    package let log: DiagnosticLog

    package struct Result: Sendable {
        /// Observations of this file, grouped by metric index.
        var observations: [Int: [Observation]] = [:]
        /// How each dimension's values spread over this file's rows.
        var spreads: [DimensionSpread.Key: DimensionSpread] = [:]
    }

    /// What is tracked while the rows are read, for the person-level checks.
    private struct Scan {
        var caches = FieldCaches()
        var result = Result()
        var onePerPerson: [Int: OnePerPersonTest] = [:]
        /// (metric, dimension) pairs already refused for a person-level value.
        var refusedDimensions: Set<DimensionSpread.Key> = []
        var problems: RowProblems

        /// Adds what a later part of the same file gave (`FileHalves`).
        mutating func append(_ later: Scan) {
            for (metric, rows) in later.result.observations { result.observations[metric, default: []] += rows }
            for (key, spread) in later.result.spreads { result.spreads[key, default: DimensionSpread()].merge(spread) }
            for (metric, test) in later.onePerPerson { onePerPerson[metric, default: OnePerPersonTest()].append(test) }
            refusedDimensions.formUnion(later.refusedDimensions)
        }
    }

    /// `halvesFrom`: the size from which a file is read in two halves (tests make it small).
    package func load(_ bytes: [UInt8], halvesFrom: Int = FileHalves.minimumBytes) -> Result {
        if let halves = FileHalves(bytes, minimumBytes: halvesFrom), let result = loadInHalves(bytes, halves) { return result }
        return loadWhole(bytes)
    }

    /// One pass over the whole file.
    func loadWhole(_ bytes: [UInt8]) -> Result {
        var header: DataHeader?
        var headerFailed = false
        var scan = Scan(problems: RowProblems(catalog: catalog))
        var unchecked = UncheckedRows()
        let problems = CSVReader(bytes: bytes).forEachRecord { record in
            guard let columns = header else {
                header = DataHeader.read(record, path: path, catalog: catalog, log: log)
                headerFailed = header == nil
                return !headerFailed
            }
            take(record, columns, &scan, &unchecked)
            return true
        }
        return finish(scan, unchecked, problems: problems, empty: header == nil && !headerFailed)
    }

    /// A large file read in two halves, one per core, then joined in file
    /// order: the same rows, spreads and tests as one pass gives. Only a file
    /// without a single problem: the first problem of each kind is reported
    /// once per file, and long lists of names stop suggesting (`RowProblems`),
    /// which two halves could not say as one pass does, so a file with any
    /// problem is read again whole (nil).
    private func loadInHalves(_ bytes: [UInt8], _ halves: FileHalves) -> Result? {
        let reader = CSVReader(bytes: bytes)
        let own = DiagnosticLog()
        let quiet = DataFileLoader(path: path, fileIndex: fileIndex, catalog: catalog, log: own)
        var header: DataHeader?
        let headerProblems = reader.forEachRecord(in: 0..<halves.rowsStart, firstLine: 1) { record in
            header = DataHeader.read(record, path: path, catalog: catalog, log: own)
            return false
        }
        guard let columns = header, headerProblems.isEmpty, own.diagnostics.isEmpty else { return nil }
        let parts = [(halves.rowsStart..<halves.middle, 2), (halves.middle..<bytes.count, halves.middleLine)]
        let read = ParallelMap.map(parts.indices) { k -> (scan: Scan, unchecked: UncheckedRows, problems: [CSVError]) in
            var scan = Scan(problems: RowProblems(catalog: catalog))
            var unchecked = UncheckedRows()
            let problems = reader.forEachRecord(in: parts[k].0, firstLine: parts[k].1) { record in
                quiet.take(record, columns, &scan, &unchecked)
                return true
            }
            return (scan, unchecked, problems)
        }
        guard own.diagnostics.isEmpty, read.allSatisfy({ $0.problems.isEmpty && $0.unchecked.byFile.isEmpty }) else { return nil }
        var scan = read[0].scan
        scan.append(read[1].scan)
        return finish(scan, UncheckedRows(), problems: [], empty: false)
    }

    /// One row: its observation kept, and counted for the one-per-person test.
    private func take(_ record: borrowing CSVRecord, _ columns: DataHeader, _ scan: inout Scan, _ unchecked: inout UncheckedRows) {
        guard let (metric, observation) = readRow(record, columns, &scan, &unchecked) else { return }
        scan.result.observations[metric, default: []].append(observation)
        if let value = observation.value {
            var test = scan.onePerPerson[metric, default: OnePerPersonTest()]
            let location = value == 1 && test.wantsLocation ? at(record, columns.value) : nil
            test.add(value, breakdown: observation.cell != .total, location: location)
            scan.onePerPerson[metric] = test
        }
    }

    /// What is reported once the whole file is read.
    private func finish(_ scan: Scan, _ unchecked: UncheckedRows, problems: [CSVError], empty: Bool) -> Result {
        for (metric, test) in scan.onePerPerson.sorted(by: { $0.key < $1.key }) {
            test.report(metric: catalog.definitions[metric].id, log: log)
        }
        for (file, entry) in unchecked.byFile.sorted(by: { $0.key < $1.key }) {
            log.warning(entry.first, "\(entry.count) \(entry.count == 1 ? "row names" : "rows name") \(file), which has errors: \(entry.count == 1 ? "it was" : "they were") not checked")
        }
        for problem in problems {
            log.error(SourceLocation(path: path, line: problem.position.line, column: problem.position.column), problem.message)
        }
        if empty {
            log.warning(SourceLocation(path: path), "the file is empty: a data file starts with a header line (city,period,metric,...,value)")
        }
        return scan.result
    }

    private func at(_ record: borrowing CSVRecord, _ field: Int) -> SourceLocation {
        let p = record.position(of: field)
        return SourceLocation(path: path, line: p.line, column: p.column)
    }

    private func readRow(_ record: borrowing CSVRecord, _ columns: DataHeader, _ scan: inout Scan, _ unchecked: inout UncheckedRows) -> (Int, Observation)? {
        if record.count == 1, record.isEmpty(0) { return nil } // a blank line holds no row
        guard record.count == columns.count else {
            let emptyBeyond = record.count > columns.count && (columns.count..<record.count).allSatisfy { record.isEmpty($0) }
            let problem = RowProblems.fieldCount(record.count, header: columns.count, emptyBeyondHeader: emptyBeyond)
            log.error(SourceLocation(path: path, line: record.line, column: 1), problem.message, group: problem.group)
            return nil
        }
        var ok = true

        let city = scan.caches.city.lookup(record, columns.city) { catalog.cities[$0] }
        if city == nil, catalog.unreadable.cities.contains(record.string(columns.city)) {
            unchecked.add("Blueprints/\(record.string(columns.city)).md", at(record, columns.city))
            return nil
        }
        if city == nil {
            ok = false
            let problem = scan.problems.unknownCity(record.string(columns.city))
            log.error(at(record, columns.city), problem.message, group: problem.group)
        }

        let metricIndex = scan.caches.metric.lookup(record, columns.metric) { catalog.metrics[$0] }
        // The row's metric is read in place (`catalog.definitions[metricIndex]`):
        // a copy of the definition per row retained and released each of its many fields.
        if let metricIndex {
            if catalog.definitions[metricIndex].isComputed {
                let m = catalog.definitions[metricIndex]
                log.error(at(record, columns.metric), "metric '\(m.id)' is computed from \(m.inputsDescription); give the data for its inputs, not for it", group: "metric-computed:" + m.id)
                return nil
            }
        } else if catalog.unreadable.metrics.contains(record.string(columns.metric)) {
            unchecked.add("Metrics/\(record.string(columns.metric)).yml", at(record, columns.metric))
            return nil
        } else {
            ok = false
            let problem = scan.problems.unknownMetric(record.string(columns.metric))
            log.error(at(record, columns.metric), problem.message, group: problem.group)
        }

        let period = scan.caches.period.lookup(record, columns.period) { Period($0) }
        if let period, let metricIndex, period.granularity != catalog.definitions[metricIndex].frequency {
            ok = false
            let metric = catalog.definitions[metricIndex]
            log.error(at(record, columns.period), "period '\(period)' does not fit metric '\(metric.id)', which is \(metric.frequency.rawValue) (\(metric.frequency.example))",
                      group: "period-frequency:" + metric.id)
        } else if period == nil {
            ok = false
            let problem = scan.problems.notAPeriod(record.string(columns.period))
            log.error(at(record, columns.period), problem.message, group: problem.group)
        }

        var cell = CellKey.total
        if let metricIndex {
            for (column, name) in columns.dimensions where !record.isEmpty(column) {
                guard let d = catalog.definitions[metricIndex].dimensionIndex(name) else {
                    ok = false
                    let metric = catalog.definitions[metricIndex]
                    log.error(at(record, column), "column '\(name)' is not a dimension of metric '\(metric.id)'; leave it blank for this metric", group: "dimension-column:\(name):\(metric.id)")
                    continue
                }
                let text = record.string(column)
                guard let v = catalog.definitions[metricIndex].dimensions[d].values.firstIndex(of: text) else {
                    ok = false
                    let metric = catalog.definitions[metricIndex]
                    let problem = scan.problems.notAValue(text, dimension: metric.dimensions[d], metric: metric)
                    log.error(at(record, column), problem.message, group: problem.group)
                    continue
                }
                cell = cell.setting(d, to: v + 1)
                if !checkPersonLevel(record, column, metric: metricIndex, dimension: d, value: v, &scan) { ok = false }
            }
        }

        var value: Double?
        if !record.isEmpty(columns.value) {
            value = record.double(columns.value)
            if value == nil {
                ok = false
                let text = record.string(columns.value)
                let problem = CellHints.value(text)
                    ?? ("value '\(text)' is not a number (write 1204 or 12.5, no thousands separators or units)", "value")
                log.error(at(record, columns.value), problem.message, group: problem.group)
            } else if let v = value, v == 0 || v.magnitude >= NumberLimits.largest || v.magnitude < NumberLimits.smallest,
                      let problem = NumberLimits.problem(v, text: record.string(columns.value)) {
                ok = false
                log.error(at(record, columns.value), "value '\(record.string(columns.value))' \(problem)", group: "value-limits")
            } else if let v = value, let metricIndex, catalog.definitions[metricIndex].kind == .count, v < 0 || v.rounded() != v {
                ok = false
                log.error(at(record, columns.value), "metric '\(catalog.definitions[metricIndex].id)' is a count: its value must be a whole number of 0 or more, found \(record.string(columns.value))",
                          group: "value-count:" + catalog.definitions[metricIndex].id)
            }
        }

        var flag: InputFlag?
        if let c = columns.status, !record.isEmpty(c) {
            flag = InputFlag(rawValue: record.string(c)).flatMap { InputFlag.allowedInData.contains($0) ? $0 : nil }
            if flag == nil {
                ok = false
                let problem = scan.problems.notAStatus(record.string(c))
                log.error(at(record, c), problem.message, group: problem.group)
            }
        }
        let note = columns.note.flatMap { record.isEmpty($0) ? nil : record.string($0) }
        if let note, let c = columns.note, let metricIndex {
            warnIfNoteIdentifies(note, at: at(record, c), metric: catalog.definitions[metricIndex], value: value)
        }

        guard ok, let city, let metricIndex, let period else { return nil }
        return (metricIndex, Observation(
            city: Int32(city), period: period, cell: cell, value: value, flag: flag, note: note,
            origin: RowOrigin(file: fileIndex, line: Int32(record.line))
        ))
    }
}

extension DataFileLoader {
    /// Counts the value in the dimension's spread, and refuses it when it
    /// looks like a name, a date, an identifier, a phone number or an
    /// e-mail address (once per dimension and file: the first such value).
    private func checkPersonLevel(_ record: borrowing CSVRecord, _ column: Int, metric: Int, dimension: Int, value: Int, _ scan: inout Scan) -> Bool {
        let key = DimensionSpread.Key(metric: metric, dimension: dimension)
        // Counted in place (a copy out of the dictionary would copy the set on every row).
        let first = scan.result.spreads[key] == nil ? at(record, column) : nil
        scan.result.spreads[key, default: DimensionSpread(first: first)].count(value)

        guard let kind = catalog.personLevelValues[metric][dimension][value] else { return true }
        if scan.refusedDimensions.insert(key).inserted {
            let definition = catalog.definitions[metric]
            log.error(at(record, column), "'\(record.string(column))' looks like \(kind): dimension '\(definition.dimensions[dimension].name)' of metric '\(definition.id)' holds person-level data, which Citywide refuses; a dimension's values name groups (for example under_18, labor)")
        }
        return false
    }

    /// A note is published beside its figure as it is. Notes beside a
    /// withheld small count are dropped, so only the others are checked.
    private func warnIfNoteIdentifies(_ note: String, at location: SourceLocation, metric: MetricDefinition, value: Double?) {
        let minCell = max(catalog.minCell, metric.minCell ?? 0)
        if metric.kind == .count, let value, value >= 1, value < Double(minCell) { return }
        if let kind = PersonLevelText.kind(inNote: note) {
            log.warning(location, "this note holds what looks like \(kind), and notes are published as they are; take out anything that could identify a person")
        } else if let number = PersonLevelText.smallNumber(inNote: note, below: minCell) {
            log.warning(location, "this note holds the number '\(number)', and notes are published as they are; a count from 1 to \(minCell - 1) in a note undoes the withholding of small counts, so leave it out")
        }
    }
}

/// Rows that name a blueprint or metric file with errors: counted, not
/// checked, and reported in one line per file.
package struct UncheckedRows {
    package var byFile: [String: (count: Int, first: SourceLocation)] = [:]

    package mutating func add(_ file: String, _ location: SourceLocation) {
        byFile[file, default: (0, location)].count += 1
    }
}

/// The names a data file may use, prepared once for all files.
package struct DataCatalog: Sendable, Equatable {
    package var cities: [String: Int]
    package var metrics: [String: Int]
    package var definitions: [MetricDefinition]
    /// Every dimension name some metric declares.
    package var dimensionNames: Set<String>
    package var citySlugs: String
    /// Blueprint slugs and metric ids, in order: what "did you mean" looks through.
    package var cityList: [String]
    package var metricList: [String]
    /// Metric → dimension → declared value → what the value looks like when
    /// it identifies a person ("a name"), else nil. Worked out once here,
    /// so rows only look the answer up.
    package var personLevelValues: [[[String?]]]
    package var minCell: Int

    package var unreadable: UnreadableInputs

    package init(site: Site) {
        self.init(config: site.config, metrics: site.metrics, unreadable: site.unreadable, citySlugs: site.blueprints.map(\.slug))
    }

    /// What a data file is read against is this alone: a site's blueprints
    /// give only their slugs, in order (`SiteLoader` reads the data files
    /// against the slugs the blueprint files' names promise, before the
    /// blueprints are read).
    package init(config: SiteConfig, metrics definitions: [MetricDefinition], unreadable: UnreadableInputs, citySlugs slugs: [String]) {
        self.unreadable = unreadable
        personLevelValues = definitions.map { $0.dimensions.map { $0.values.map(PersonLevelText.kind(ofValue:)) } }
        minCell = config.privacy.minCell
        cities = Dictionary(uniqueKeysWithValues: slugs.enumerated().map { ($1, $0) })
        metrics = Dictionary(uniqueKeysWithValues: definitions.enumerated().map { ($1.id, $0) })
        self.definitions = definitions
        dimensionNames = Set(definitions.flatMap { $0.dimensions.map(\.name) })
        cityList = slugs
        metricList = definitions.map(\.id)
        citySlugs = cityList.joined(separator: ", ")
    }
}

extension Period.Granularity {
    package var example: String {
        switch self {
        case .annual: "e.g. 2019"
        case .quarterly: "e.g. 2019-Q1"
        case .monthly: "e.g. 2019-03"
        }
    }
}

extension MetricDefinition {
    package var inputsDescription: String {
        [numerator, denominator].compactMap { $0.map { "'\($0)'" } }.joined(separator: " and ")
            + (kind == .rate ? " and each city's population" : "")
    }
}
