import Foundation
import CitywideModel
import CitywideInput
import CitywidePublished
import CitywidePublish
import CitywideRender
import CitywideWrite

/// Builds for `citywide serve`, in memory, and rebuilds only what a change
/// touches: when the only change is the narrative of blueprints (their front
/// matter as before), just those cities' pages are made again, in every
/// language, from the analysis kept. Any other change (front matter,
/// metrics, data, templates, site.yml, a file added or removed) reruns the
/// analysis stages, since it can move any figure on any page, but the
/// disclosure only if what it reads changed (`DisclosureMemo`: a new fellow
/// or metric title keeps it); pages and downloads are then made when first
/// asked for (`PreviewFiles`).
public final class PreviewBuilder: @unchecked Sendable {
    public struct Result: Sendable {
        public var outcome: Pipeline.Outcome
        /// Every file of the site, or nil when the input has errors (the
        /// previous files stay good).
        public var files: PreviewFiles?
        /// How many pages a narrative edit changed (0 after a full build:
        /// its pages are rendered when asked for).
        public var pagesRendered: Int
        public var incremental: Bool
    }

    package let folder: URL
    package let bodyEnd: String?
    private var site: Site?
    private var published: PublishedData?
    /// The last disclosure and exactly what it read: a build whose
    /// disclosure input is the same (a front matter edit other than a
    /// population, a metric's title) keeps it.
    let memo = DisclosureMemo()
    private var files = PreviewFiles()
    /// The problems (warnings) of the last good build.
    private var diagnostics: [Diagnostic] = []
    /// The inputs of the last good build, path → bytes.
    private var inputs: [String: Data] = [:]
    /// The inputs of the last attempt, good or not.
    private var attempted: [String: Data]?

    public init(folder: URL, bodyEnd: String?) {
        self.folder = folder.standardizedFileURL
        self.bodyEnd = bodyEnd
    }

    /// Builds, as little as the change since the last good build allows.
    public func build() -> Result {
        build(readInputs())
    }

    /// Builds only if some input's bytes differ from the last attempt's (a
    /// save without edits, a `touch`, an editor's hidden swap file change
    /// nothing); nil when nothing changed. Builds are deterministic, so the
    /// output would be the same.
    public func buildIfChanged() -> Result? {
        let current = readInputs()
        guard current != attempted else { return nil }
        return build(current)
    }

    private func build(_ current: [String: Data]) -> Result {
        attempted = current
        if let site, let published, let changed = narrativeOnlyChanges(current) {
            return rebuild(cities: changed, site: site, published: published, inputs: current)
        }
        return rebuildAll(inputs: current)
    }

    private func rebuildAll(inputs current: [String: Data]) -> Result {
        let log = DiagnosticLog()
        let clock = StageClock()
        let (site, published) = Pipeline.analyze(folder, baseURL: nil, log: log, clock: clock, memo: memo)
        guard let site, let published, !log.hasErrors else { return failed(log, published, site, incremental: false) }
        let renderer = SiteRenderer(site: site, published: published, assets: AssetFiles(of: site, in: folder), bodyEnd: bodyEnd)
        let plan = renderer.pagePlan()
        Pipeline.checkTemplateVariables(site, pageKeys: Pipeline.pageKeys(plan, enoughFor: site), log: log)
        clock.mark("template check")
        for path in plan.map(\.path) {
            do { _ = try OutputPath.check(path) } catch { log.error(SourceLocation(path: "_site"), "\(error)") }
        }
        let assets = MemoryOutput()
        renderer.writeAssets(into: assets, log: log)
        guard !log.hasErrors else { return failed(log, published, site, incremental: false) }
        self.site = site
        self.published = published
        files = PreviewFiles(renderer: renderer, pages: plan, made: assets.files)
        diagnostics = log.diagnostics
        inputs = current
        return Result(outcome: Pipeline.Outcome(diagnostics: log.diagnostics, published: published, site: site, filesWritten: files.paths.count,
                                                stages: clock.stages),
                      files: files, pagesRendered: 0, incremental: false)
    }

    /// A problem found in the narrative of one of `paths` (at or after its
    /// body's first line), or about a shortcode (checked again for the whole site).
    private func isInNarrative(_ diagnostic: Diagnostic, of paths: [String], site: Site) -> Bool {
        guard paths.contains(diagnostic.path) else { return false }
        let name = diagnostic.path.dropFirst("Blueprints/".count).dropLast(3)
        let parts = name.split(separator: ".").map(String.init)
        let blueprint = parts.count == 2 ? site.translations[parts[0]]?[parts[1]] : site.cityIndex(parts[0]).map { site.blueprints[$0] }
        return diagnostic.line >= (blueprint?.bodyLine ?? 1)
    }

    private func failed(_ log: DiagnosticLog, _ published: PublishedData?, _ site: Site?, incremental: Bool) -> Result {
        Result(outcome: Pipeline.Outcome(diagnostics: log.diagnostics, published: published, site: site, filesWritten: 0),
               files: nil, pagesRendered: 0, incremental: incremental)
    }

    /// Re-reads the changed blueprints' narratives; their city pages are
    /// rendered again (when asked for), every other file is kept.
    private func rebuild(cities changed: [String], site: Site, published: PublishedData, inputs current: [String: Data]) -> Result {
        let log = DiagnosticLog()
        // The last build's problems stay (warnings about data, templates,
        // front matter), but those in the narratives read again below.
        for diagnostic in diagnostics where !isInNarrative(diagnostic, of: changed, site: site) {
            log.add(diagnostic)
        }
        var site = site
        var slugs: Set<String> = []
        for path in changed {
            // Read as `build` reads it: size limit, BOM, CRLF, and invalid
            // UTF-8 an error, not a replacement character.
            guard current[path] != nil, let text = SiteFiles.readText(folder.appendingPathComponent(path), path: path, log: log),
                  let split = FrontMatter.split(text) else { continue }
            let name = String(path.dropFirst("Blueprints/".count).dropLast(3))
            let parts = name.split(separator: ".").map(String.init)
            let (body, prepared, shortcodes, links) = Blueprint.readNarrative(split.body, path: path, bodyLine: split.bodyLine, folder: folder, log: log)
            if parts.count == 2 {
                site.translations[parts[0]]?[parts[1]]?.body = body
                site.translations[parts[0]]?[parts[1]]?.prepared = prepared
                site.translations[parts[0]]?[parts[1]]?.shortcodes = shortcodes
                site.translations[parts[0]]?[parts[1]]?.links = links
            } else if let i = site.cityIndex(parts[0]) {
                site.blueprints[i].body = body
                site.blueprints[i].prepared = prepared
                site.blueprints[i].shortcodes = shortcodes
                site.blueprints[i].links = links
            }
            slugs.insert(parts[0])
        }
        CrossReferences.checkShortcodes(site, log: log)
        // A narrative that shows another set of images changes which files
        // are copied: build it all, so the files stay those of a full build.
        if !log.hasErrors, site.mediaFiles != self.site?.mediaFiles {
            return rebuildAll(inputs: current)
        }
        guard !log.hasErrors else { return failed(log, published, site, incremental: true) }
        let renderer = SiteRenderer(site: site, published: published, assets: AssetFiles(of: site, in: folder), bodyEnd: bodyEnd)
        let changedPages = renderer.pagePlan(onlyCities: slugs)
        files = files.replacing(changedPages, renderer: renderer)
        self.site = site
        diagnostics = log.diagnostics
        inputs = current
        return Result(outcome: Pipeline.Outcome(diagnostics: log.diagnostics, published: published, site: site, filesWritten: changedPages.count),
                      files: files, pagesRendered: changedPages.count, incremental: true)
    }

    /// The blueprint files whose narrative alone changed, or nil when any
    /// other input changed (or nothing did: then a full build is cheap to skip
    /// upstream, and correct here).
    private func narrativeOnlyChanges(_ current: [String: Data]) -> [String]? {
        guard Set(current.keys) == Set(inputs.keys) else { return nil }
        let changed = current.keys.filter { current[$0] != inputs[$0] }.sorted()
        guard !changed.isEmpty else { return nil }
        for path in changed {
            guard path.hasPrefix("Blueprints/"), path.hasSuffix(".md"), !path.dropFirst("Blueprints/".count).contains("/"),
                  let old = inputs[path], let new = current[path],
                  let before = FrontMatter.split(String(decoding: old, as: UTF8.self)),
                  let after = FrontMatter.split(String(decoding: new, as: UTF8.self)),
                  before.yaml == after.yaml, before.bodyLine == after.bodyLine
            else { return nil }
        }
        return changed
    }

    /// Every input file's bytes (`SiteInputs`, the files a build reads).
    private func readInputs() -> [String: Data] {
        var result: [String: Data] = [:]
        for path in SiteInputs.files(in: folder) {
            result[path] = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path)
        }
        return result
    }
}
