import Foundation
import CitywideModel
import CitywideInput

/// What `citywide import` did: the problems (every cell not imported among
/// them), the files written, and a few lines to print.
public struct ImportOutcome: Sendable {
    public var diagnostics: [Diagnostic]
    /// Paths written, relative to the site.
    public var written: [String]
    public var messages: [String]
    /// False when anything was an error: then nothing was written.
    public var succeeded: Bool { !diagnostics.contains { $0.severity == .error } }
}

/// The two imports: read a file, work out the plan, and write
/// `Data/<metric-id>.csv` (and `Metrics/<metric-id>.yml` when there is none)
/// only when there is no error. docs/opensdg.md and docs/import.md.
public enum Importer {
    /// `citywide import opensdg FILE --metric ID --city SLUG [--meta FILE] [--units U] [--series S] [--geocode CODE]`
    public static func openSDG(file: String, metric: String, city: String, site: URL, meta: String?,
                               units: String? = nil, series: String? = nil, geocode: String? = nil) -> ImportOutcome {
        let log = DiagnosticLog()
        guard start(metric: metric, cities: [city], site: site, log: log), let bytes = readInput(file, log: log),
              let grid = CSVGrid.read(bytes, path: file, log: log) else { return ImportOutcome(diagnostics: log.diagnostics, written: [], messages: []) }
        var facts = MetricFacts()
        if let meta {
            if let bytes = readInput(meta, log: log) {
                if let text = String(validating: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes, as: UTF8.self) {
                    facts = OpenSDGMeta.read(text.replacingOccurrences(of: "\r\n", with: "\n"), path: meta, log: log) ?? facts
                } else {
                    log.error(SourceLocation(path: meta), "the file is not valid UTF-8 text (save it as UTF-8)")
                }
            }
        }
        let selection = OpenSDGSelection(units: units, series: series, geocode: geocode)
        guard let batch = OpenSDGReader.read(grid, city: city, selection: selection, log: log) else {
            return ImportOutcome(diagnostics: log.diagnostics, written: [], messages: [])
        }
        if facts.unit == nil { facts.unit = batch.unit }
        return finish(batch, facts: facts, metric: metric, file: file, command: "import opensdg", site: site, log: log)
    }

    /// `citywide import table FILE --metric ID [--city SLUG] [--sheet NAME]`
    public static func table(file: String, metric: String, city: String?, site: URL, sheet: String? = nil) -> ImportOutcome {
        let log = DiagnosticLog()
        guard start(metric: metric, cities: city.map { [$0] } ?? [], site: site, log: log), let bytes = readInput(file, log: log) else {
            return ImportOutcome(diagnostics: log.diagnostics, written: [], messages: [])
        }
        let isWorkbook = file.lowercased().hasSuffix(".xlsx") || bytes.starts(with: [0x50, 0x4B, 0x03, 0x04])
        if sheet != nil, !isWorkbook {
            log.error(SourceLocation(path: file), "--sheet is for .xlsx workbooks; a CSV file has one table")
        }
        let grid = isWorkbook ? XLSXReader.read(bytes, file: URL(fileURLWithPath: file), path: file, sheet: sheet, log: log) : CSVGrid.read(bytes, path: file, log: log)
        guard let grid, !log.hasErrors, let batch = TableReader.read(grid, metric: metric, city: city, log: log) else {
            return ImportOutcome(diagnostics: log.diagnostics, written: [], messages: [])
        }
        return finish(batch, facts: MetricFacts(), metric: metric, file: file, command: "import table", site: site, log: log)
    }

    /// The site folder, the metric id and the city slugs, checked before reading anything.
    private static func start(metric: String, cities: [String], site: URL, log: DiagnosticLog) -> Bool {
        if !FileManager.default.fileExists(atPath: site.appendingPathComponent("site.yml").path) {
            log.error(SourceLocation(path: site.path), ScaffoldFailure.noSite(site.path).description)
        }
        do { try MetricScaffold.validate(id: metric) } catch { log.error(SourceLocation(path: "--metric"), "\(error)") }
        for city in cities where !Identifier.isValid(city) {
            let hint = ImportIdentifier.city(city).map { ", e.g. '\($0)'" } ?? ""
            log.error(SourceLocation(path: "--city"), "'\(city)' is not a city slug: use \(Identifier.rule)\(hint) (the name of Blueprints/<slug>.md)")
        }
        return !log.hasErrors
    }

    /// The file to import: a regular file of at most 1 GiB.
    private static func readInput(_ file: String, log: DiagnosticLog) -> [UInt8]? {
        let at = SourceLocation(path: file)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file) else {
            log.error(at, "no such file")
            return nil
        }
        guard (attributes[.type] as? FileAttributeType) == .typeRegular || (attributes[.type] as? FileAttributeType) == .typeSymbolicLink else {
            log.error(at, "not a file")
            return nil
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= SiteFiles.maximumDataBytes else {
            log.error(at, "the file is \(size) bytes; an import reads at most \(SiteFiles.maximumDataBytes)")
            return nil
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            log.error(at, "cannot read the file")
            return nil
        }
        return [UInt8](data)
    }

    /// Plans, merges and writes, or writes nothing when anything is an error.
    private static func finish(_ batch: ImportBatch, facts: MetricFacts, metric: String, file: String, command: String, site: URL, log: DiagnosticLog) -> ImportOutcome {
        let fail = { ImportOutcome(diagnostics: log.diagnostics, written: [], messages: []) }
        guard !log.hasErrors, let plan = ImportPlan.make(batch, metric: metric, unit: facts.unit, path: file, log: log) else { return fail() }
        let dataPath = "Data/\(metric).csv", metricPath = "Metrics/\(metric).yml"
        let existing: [UInt8]?
        do {
            existing = try SiteFileWriter.existing(dataPath, in: site)
        } catch {
            log.error(SourceLocation(path: dataPath), "\(error)")
            return fail()
        }
        guard let data = DataFileMerge.merge(existing: existing, plan: plan, path: dataPath, log: log), !log.hasErrors else { return fail() }
        let hasMetric = ScaffoldFile.exists(site.appendingPathComponent(metricPath)) || ScaffoldFile.exists(site.appendingPathComponent("Metrics/\(metric).yaml"))
        var written: [String] = []
        var messages: [String] = []
        do {
            if !hasMetric {
                let source = (file as NSString).lastPathComponent
                try SiteFileWriter.write(ImportedMetricFile.text(plan: plan, facts: facts, from: source, command: command), to: metricPath, in: site, onlyNew: true)
                written.append(metricPath)
            }
            try SiteFileWriter.write(data, to: dataPath, in: site)
            written.append(dataPath)
        } catch {
            log.error(SourceLocation(path: written.isEmpty ? metricPath : dataPath), "\(error)")
            return ImportOutcome(diagnostics: log.diagnostics, written: written, messages: [])
        }
        let values = plan.rows.filter { !$0.value.isEmpty }.count
        let cities = plan.cities
        messages.append("Wrote \(dataPath): \(plan.rows.count) \(plan.rows.count == 1 ? "row" : "rows") of \(metric) for \(cities.joined(separator: ", ")) (\(values) with a value, \(plan.rows.count - values) not available); earlier rows of \(metric) for \(cities.count == 1 ? "this city" : "these cities") replaced.")
        if hasMetric {
            messages.append("\(metricPath) exists: left as it is (its dimensions must list the values imported: \(plan.dimensions.map { "\($0.name): \($0.values.joined(separator: ", "))" }.joined(separator: "; ")))")
        } else {
            messages.append("Wrote \(metricPath): a \(plan.kind.rawValue), \(plan.frequency.rawValue), system cross_system, direction neutral: confirm them, then delete its 'imported:' line.")
        }
        for city in cities where !ScaffoldFile.exists(site.appendingPathComponent("Blueprints/\(city).md")) {
            log.warning(SourceLocation(path: "Blueprints/\(city).md"), "no blueprint for the city '\(city)' yet: its rows are imported, and check reports them until the city has one (citywide new city NAME)")
        }
        let skipped = log.diagnostics.filter { $0.severity == .warning && $0.message.contains("not imported") }.count
        if skipped > 0 { messages.append("\(skipped) \(skipped == 1 ? "warning lists" : "warnings list") what was not imported, with file and line.") }
        messages.append("Next: citywide check \(site.path)")
        return ImportOutcome(diagnostics: log.diagnostics, written: written, messages: messages)
    }
}
