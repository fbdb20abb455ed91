import Foundation
// The command line, `serve` and the tools see the whole generator through
// this module.
@_exported import CitywideModel
@_exported import CitywideInput
@_exported import CitywidePublished
@_exported import CitywidePublish
@_exported import CitywideRender
@_exported import CitywideWrite

/// The whole of Citywide in one place. The stages are named values run in
/// order and timed (`Stage`): `Publication.stages` (load, validate,
/// disclose, progress), then for `build` render and write (`buildStages`).
///
///     load      site.yml, Blueprints/, Metrics/, Data/, Templates/  → Site + raw observations   (CitywideInput)
///     validate  cross-file references, duplicates, parts vs totals → Diagnostics (+ derived totals)
///     analyze   privacy rules, then progress on published values   → PublishedData  (CitywidePublish → CitywidePublished)
///     render    pages, charts, downloads, feed, sitemap            → files in a staging folder (CitywideRender)
///     write     swap the staging folder in whole, or throw it away                          (CitywideWrite)
///
/// Raw values are read in CitywideInput (loading, data integrity) and
/// CitywidePublish (disclosure, computed metrics), which imports Input
/// `internal`ly: nothing public of Publish names an Input type. Render
/// depends on neither (it reads CitywidePublished), so a page that reached
/// for a raw value would not build.
///
/// Every stage reports problems to one `DiagnosticLog`, so a run reports all
/// of them; nothing is written unless there are none.
public enum Pipeline {
    public struct Options: Sendable {
        public var site: URL
        public var output: URL
        /// Replaces `base_url` of site.yml (for staging servers).
        public var baseURL: String?

        public init(site: URL, output: URL? = nil, baseURL: String? = nil) {
            self.site = site.standardizedFileURL
            self.output = (output ?? site.appendingPathComponent("_site")).standardizedFileURL
            self.baseURL = baseURL
        }
    }

    public struct Outcome: Sendable {
        public var diagnostics: [Diagnostic]
        /// What was published, when the input had no errors.
        public var published: PublishedData?
        public var site: Site?
        /// Files written (0 for `check`, or when the build failed).
        public var filesWritten: Int
        /// Each stage that ran, in order, with its time: what `citywide-bench` prints.
        public var stages: [(name: String, seconds: Double)] = []

        public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
        public var succeeded: Bool { errorCount == 0 }
    }

    /// load → validate → analyze: everything `check` does, writing nothing.
    public static func check(_ folder: URL, baseURL: String? = nil) -> Outcome {
        let log = DiagnosticLog()
        let (site, published) = analyze(folder, baseURL: baseURL, log: log)
        if let site { TrackedData.check(site, in: folder, log: log) }
        if let site, let published {
            // A forked template that names a variable no page provides would
            // silently print nothing: compare with what the pages really get.
            let plan = SiteRenderer(site: site, published: published, assets: AssetFiles()).pagePlan()
            checkTemplateVariables(site, pageKeys: pageKeys(plan, enoughFor: site), log: log)
        }
        return Outcome(diagnostics: log.diagnostics, published: published, site: site, filesWritten: 0)
    }

    /// The variables pages provide, as far as the check of template
    /// variables needs them: it warns about a name a template uses that is
    /// neither built in nor given by any page, so once every such name has
    /// been seen the other pages cannot change its answer. With the built-in
    /// templates (or forks that use only their names) no page is made; else
    /// pages are made, one of each folder first, until every name is found
    /// (all of them only when some name is missing: then there is a warning
    /// to give, the same one `build` gives).
    static func pageKeys(_ plan: [PlannedPage], enoughFor site: Site) -> Set<String> {
        let wanted = TemplateVariables.names(in: site.templates.sources).subtracting(TemplateVariables.builtInNames)
        var keys: Set<String> = []
        var folders: Set<Substring> = []
        let firstOfFolder = plan.indices.filter { folders.insert(plan[$0].path.split(separator: "/").dropLast().first ?? "").inserted }
        let first = Set(firstOfFolder)
        let order = firstOfFolder + plan.indices.filter { !first.contains($0) }
        for i in order where !wanted.isSubset(of: keys) {
            keys.formUnion(TemplateVariables.keys(in: plan[i].make().variableSources))
        }
        return keys
    }

    /// The full build. On any error the previous output stays as it was.
    public static func build(_ options: Options) -> Outcome {
        let log = DiagnosticLog()
        if let problem = outputProblem(options) {
            log.error(SourceLocation(path: options.output.path, line: 1), problem)
            return Outcome(diagnostics: log.diagnostics, published: nil, site: nil, filesWritten: 0)
        }
        let run = BuildRun(options, log: log)
        let clock = StageClock()
        let finished = buildStages.run(on: run, clock: clock)
        return Outcome(diagnostics: log.diagnostics, published: run.analysis.published, site: run.analysis.site,
                       filesWritten: finished ? run.filesWritten : 0, stages: clock.stages)
    }

    /// load, validate, analyze: `Publication`, in CitywidePublish, the one
    /// place raw observations are turned into figures.
    package static func analyze(_ folder: URL, baseURL: String?, log: DiagnosticLog, clock: StageClock? = nil,
                                memo: DisclosureMemo? = nil) -> (Site?, PublishedData?) {
        Publication.analyze(folder, baseURL: baseURL, log: log, clock: clock, memo: memo)
    }

    /// Warnings for template variables no page provides (`check` and `build` alike).
    static func checkTemplateVariables(_ site: Site, pageKeys: Set<String>, log: DiagnosticLog) {
        let known = pageKeys.union(TemplateVariables.builtInNames)
        for diagnostic in TemplateVariables.check(templates: site.templates.sources, knownKeys: known) {
            log.add(diagnostic)
        }
    }

    /// The output folder may not be, or contain, the site folder: a build
    /// replaces its output whole, and must never take the input with it.
    package static func outputProblem(_ options: Options) -> String? {
        let site = options.site.resolvingSymlinksInPath().path
        let output = options.output.resolvingSymlinksInPath().path
        if site == output || site.hasPrefix(output + "/") {
            return "the output folder \(output) contains the site itself; choose a folder inside or beside it, such as \(site)/_site"
        }
        // A build replaces its output whole; inside an input folder it would
        // also be read back as input on the next build.
        for input in SiteInputs.folders {
            let folder = site + "/" + input
            if output == folder || output.hasPrefix(folder + "/") {
                return "the output folder \(output) is inside the site's \(input)/ folder; choose a folder outside Blueprints/, Metrics/, Data/ and Templates/, such as \(site)/_site"
            }
        }
        return nil
    }
}
