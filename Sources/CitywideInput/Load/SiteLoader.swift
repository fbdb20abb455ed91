import Foundation
import CitywideModel

/// Load stage: reads a site folder into the typed model, reporting every
/// problem it finds (never stopping at the first).
public enum SiteLoader {
    public struct Result: Sendable {
        public var site: Site
        public var observations: ObservationSet
    }

    /// `dataFiles`: `serve`'s data files as last read, reused when unchanged.
    package static func load(_ folder: URL, log: DiagnosticLog, dataFiles: DataFileMemo?) -> Result {
        let folder = folder.standardizedFileURL
        let config = loadConfig(folder, log: log)
        // Templates and the interface's translations need nothing else: read
        // while the blueprints load (the log sorts what every thread reports).
        let readAlongside = Background {
            (TemplateLoader.load(siteFolder: folder, log: log), TranslationLoader.load(siteFolder: folder, languages: config.languages, log: log))
        }
        // Metrics first: blueprints name them, and each name is checked as it is read.
        var unreadable = UnreadableInputs()
        let metrics = loadMetrics(folder, config: config, unreadable: &unreadable.metrics, log: log)
        let files = listBlueprints(folder, log: log)
        // The data files are read while the blueprints load, against the
        // cities the blueprint files' names promise: all that a data file is
        // read against (`DataCatalog`) is known before the blueprints are read
        // but which of them cannot be read. Their problems are kept apart and
        // reported only if the blueprints keep the promise; else the files are
        // read again once the blueprints are in. Not for `serve`, whose memo
        // keeps the files read against the names of its last build.
        let promised = DataCatalog(config: config, metrics: metrics, unreadable: unreadable, citySlugs: promisedSlugs(files.names))
        let early = dataFiles == nil ? Background {
            RecordedProblems { own in loadData(folder, catalog: promised, log: own, memo: nil) }
        } : nil
        let (blueprints, translations) = loadBlueprints(folder, files, config: config, metricIDs: Set(metrics.map(\.id)).union(unreadable.metrics),
                                                        unreadable: &unreadable.cities, log: log)
        let (templates, interface) = readAlongside.value
        var site = Site(config: config, blueprints: blueprints, translations: translations, metrics: metrics, templates: templates)
        site.unreadable = unreadable
        site.interface = interface
        let catalog = DataCatalog(site: site)
        let observations: ObservationSet
        if let read = early?.value, catalog == promised {
            observations = read.replay(into: log)
        } else {
            observations = loadData(folder, catalog: catalog, log: log, memo: dataFiles)
        }
        return Result(site: site, observations: observations)
    }

    /// The slugs of the cities whose blueprint files are there, in the order
    /// of `Site.blueprints`: each `<slug>.md` whose slug is valid (what
    /// `loadBlueprints` keeps when the file can be read).
    static func promisedSlugs(_ names: [String]) -> [String] {
        names.compactMap { name -> String? in
            guard let file = blueprintFile(name), file.language == nil else { return nil }
            return file.slug
        }.sorted()
    }

    /// `<slug>.md` or `<slug>.<language>.md` read from a file name of
    /// Blueprints/; nil for any other name (the slug not valid, more dots).
    static func blueprintFile(_ name: String) -> (slug: String, language: String?)? {
        let parts = name.dropLast(3).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 2, Identifier.isValid(parts[0]) else { return nil }
        return (parts[0], parts.count == 2 ? parts[1] : nil)
    }

    /// Blueprints/: the `*.md` files at its top, and the other files, which
    /// may be images a narrative shows (reported by `loadBlueprints` only if none does).
    package static func listBlueprints(_ folder: URL, log: DiagnosticLog) -> (names: [String], others: [String]) {
        var names: [String] = []
        var others: [String] = []
        // Byte tests: Foundation's `contains` of a String searched each of 10,000 names.
        for name in SiteFiles.list(folder.appendingPathComponent("Blueprints"), path: "Blueprints", log: log)
            where name.utf8.first != UInt8(ascii: ".") && !isInHiddenFolder(name) {
            if name.hasSuffix(".md"), !name.utf8.contains(UInt8(ascii: "/")) {
                names.append(name)
            } else {
                others.append("Blueprints/\(name)")
            }
        }
        return (names, others)
    }

    /// Whether a path below Blueprints/ has a part that starts with a dot ("/.").
    private static func isInHiddenFolder(_ name: String) -> Bool {
        var previous: UInt8 = 0
        for byte in name.utf8 {
            if previous == UInt8(ascii: "/"), byte == UInt8(ascii: ".") { return true }
            previous = byte
        }
        return false
    }

    public static func load(_ folder: URL, log: DiagnosticLog) -> Result {
        load(folder, log: log, dataFiles: nil)
    }

    package static func loadConfig(_ folder: URL, log: DiagnosticLog) -> SiteConfig {
        let url = folder.appendingPathComponent("site.yml")
        var info = stat()
        guard lstat(url.path, &info) == 0 else {
            log.warning(SourceLocation(path: "site.yml"), "no site.yml: using the defaults (title 'Citywide', min_cell 11)")
            return SiteConfig()
        }
        guard let text = SiteFiles.readText(url, path: "site.yml", log: log) else { return SiteConfig() }
        return SiteConfig.load(text: text, path: "site.yml", log: log)
    }

    /// `metricIDs` includes unreadable metric files, so naming one is not an error.
    package static func loadBlueprints(_ folder: URL, config: SiteConfig, metricIDs: Set<String>, unreadable: inout Set<String>, log: DiagnosticLog) -> ([Blueprint], [String: [String: Blueprint]]) {
        loadBlueprints(folder, listBlueprints(folder, log: log), config: config, metricIDs: metricIDs, unreadable: &unreadable, log: log)
    }

    /// `files`: Blueprints/ as `listBlueprints` gives it.
    static func loadBlueprints(_ folder: URL, _ files: (names: [String], others: [String]), config: SiteConfig, metricIDs: Set<String>,
                               unreadable: inout Set<String>, log: DiagnosticLog) -> ([Blueprint], [String: [String: Blueprint]]) {
        let (names, others) = files
        // Listed just now as regular files: a narrative's link to one needs no `stat`.
        let listed = Set(names.map { "Blueprints/" + $0 } + others)
        // Blueprints are independent files: read and parse them on every core.
        var loaded = ParallelMap.map(names.indices) { i -> (slug: String, language: String?, blueprint: Blueprint?)? in
            let name = names[i]
            let path = "Blueprints/\(name)"
            guard let file = blueprintFile(name) else {
                log.error(SourceLocation(path: path), "a blueprint is named <city-slug>.md or <city-slug>.<language>.md; the slug is \(Identifier.rule)")
                return nil
            }
            // `isDirectory: false`: else URL asks the file system whether it is a folder.
            let blueprint = SiteFiles.readText(folder.appendingPathComponent(path, isDirectory: false), path: path, log: log).flatMap {
                Blueprint.load(text: $0, path: path, slug: file.slug, site: config, metricIDs: metricIDs, folder: folder, listedFiles: listed, log: log)
            }
            return (file.slug, file.language, blueprint)
        }
        var blueprints: [Blueprint] = []
        blueprints.reserveCapacity(loaded.count)
        var translations: [String: [String: Blueprint]] = [:]
        // Each result moved out of `loaded`, not copied: a copy of a
        // blueprint retains each of its strings and arrays, and freeing
        // `loaded` then releases them all again, on one core, for 10,000.
        for i in loaded.indices {
            var taken: (slug: String, language: String?, blueprint: Blueprint?)?
            swap(&taken, &loaded[i])
            guard let (slug, language, loadedBlueprint) = taken else { continue }
            guard let blueprint = loadedBlueprint else {
                if language == nil { unreadable.insert(slug) }
                continue
            }
            if let language {
                if !config.languages.contains(language) || language == config.defaultLanguage {
                    log.warning(blueprint.location, "'\(language)' is not one of the site's other languages (\(config.languages.dropFirst().joined(separator: ", "))); this translation is not published")
                }
                translations[slug, default: [:]][language] = blueprint
            } else {
                blueprints.append(blueprint)
            }
        }
        let shown = Set(Site.mediaFiles(blueprints: blueprints, translations: translations, config: config))
        for path in others where !shown.contains(path) {
            log.warning(SourceLocation(path: path), "ignored: Blueprints/ holds one <city-slug>.md per city, and the images their narratives show; no published narrative shows this file")
        }
        for (slug, byLanguage) in translations where !blueprints.contains(where: { $0.slug == slug }) && !unreadable.contains(slug) {
            for language in byLanguage.keys.sorted() {
                log.error(SourceLocation(path: "Blueprints/\(slug).\(language).md"), "translation of a city with no Blueprints/\(slug).md")
            }
        }
        if blueprints.isEmpty, unreadable.isEmpty {
            log.error(SourceLocation(path: "Blueprints"), "no blueprints: a site needs at least one Blueprints/<city-slug>.md")
        }
        // Sorted in place: elements are moved, not copied.
        blueprints.sort { $0.slug < $1.slug }
        return (blueprints, translations)
    }

    package static func loadMetrics(_ folder: URL, config: SiteConfig, unreadable: inout Set<String>, log: DiagnosticLog) -> [MetricDefinition] {
        var metrics: [MetricDefinition] = []
        let folderURL = folder.appendingPathComponent("Metrics")
        for name in SiteFiles.list(folderURL, path: "Metrics", log: log) {
            let path = "Metrics/\(name)"
            guard name.hasSuffix(".yml") || name.hasSuffix(".yaml"), !name.contains("/") else {
                if !name.hasPrefix(".") {
                    log.warning(SourceLocation(path: path), "ignored: Metrics/ holds one <metric-id>.yml per metric")
                }
                continue
            }
            let id = String(name[..<(name.lastIndex(of: ".") ?? name.endIndex)])
            guard Identifier.isValid(id) else {
                log.error(SourceLocation(path: path), "a metric file is named <metric-id>.yml; the id is \(Identifier.rule)")
                continue
            }
            guard let text = SiteFiles.readText(folder.appendingPathComponent(path), path: path, log: log) else {
                unreadable.insert(id)
                continue
            }
            if text.allSatisfy(\.isWhitespace) {
                log.error(SourceLocation(path: path), "the metric file is empty: it needs at least id, title, system, type and frequency (citywide new metric \(id) writes one with every key)")
                unreadable.insert(id)
                continue
            }
            guard let metric = MetricDefinition.load(text: text, path: path, fileID: id, site: config, log: log) else {
                unreadable.insert(id)
                continue
            }
            metrics.append(metric)
        }
        return metrics.sorted { $0.id < $1.id }
    }

    /// Each data file is read on its own (in parallel: two cores read two
    /// files), then merged in file order so the result is deterministic.
    package static func loadData(_ folder: URL, site: Site, log: DiagnosticLog, memo: DataFileMemo? = nil) -> ObservationSet {
        loadData(folder, catalog: DataCatalog(site: site), log: log, memo: memo)
    }

    /// The data files read against `catalog` alone (the site's metrics are its `definitions`).
    static func loadData(_ folder: URL, catalog: DataCatalog, log: DiagnosticLog, memo: DataFileMemo?) -> ObservationSet {
        let names = SiteFiles.list(folder.appendingPathComponent("Data"), path: "Data", log: log).filter { !$0.hasPrefix(".") && !$0.contains("/.") }
        var paths: [String] = []
        for name in names {
            if name.lowercased().hasSuffix(".csv") {
                paths.append("Data/\(name)")
            } else {
                log.warning(SourceLocation(path: "Data/\(name)"), "ignored: Data/ holds .csv files")
            }
        }
        memo?.begin(catalog: catalog, paths: paths)
        let results = ParallelMap.map(paths.indices) { index -> DataFileLoader.Result in
            let path = paths[index]
            guard let bytes = SiteFiles.readBytes(folder.appendingPathComponent(path), path: path, limit: SiteFiles.maximumDataBytes, log: log) else { return .init() }
            guard let memo else { return DataFileLoader(path: path, fileIndex: Int32(index), catalog: catalog, log: log).load(bytes) }
            return memo.load(path: path, fileIndex: Int32(index), bytes: bytes, log: log) { own in
                DataFileLoader(path: path, fileIndex: Int32(index), catalog: catalog, log: own).load(bytes)
            }
        }
        DimensionSpread.check(results.map(\.spreads), metrics: catalog.definitions, log: log)
        var byMetric = Array(repeating: [Observation](), count: catalog.definitions.count)
        for result in results {
            for (metric, observations) in result.observations {
                byMetric[metric].append(contentsOf: observations)
            }
        }
        return ObservationSet(byMetric: byMetric, files: paths)
    }
}
