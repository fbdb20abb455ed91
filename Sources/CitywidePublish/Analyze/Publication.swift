import Foundation
import CitywideModel
import CitywidePublished
internal import CitywideInput

/// load → validate → disclose → progress, as named stages. Raw observations are read (by CitywideInput),
/// checked and turned into published figures here, and never leave this
/// module: what comes out is the site, which holds no values, and
/// `PublishedData`. Analysis runs only on input without errors: privacy
/// rules must never be applied to half-read data.
public enum Publication {
    /// What the analysis stages share. The raw observations live here,
    /// internal to this module: no stage outside Publish can read them.
    public final class Run: @unchecked Sendable {
        public let folder: URL
        public let baseURL: String?
        public let log: DiagnosticLog
        public internal(set) var site: Site?
        public internal(set) var published: PublishedData?
        var observations = ObservationSet()
        /// `serve`'s last disclosure, kept while its input stays the same.
        let memo: DisclosureMemo?
        /// The privacy ledger's file, read on a thread of its own while the
        /// site loads (not by `serve`, whose memo keeps the last one read).
        var ledgerReading: Background<Ledger.Reading>?

        public init(folder: URL, baseURL: String?, log: DiagnosticLog, memo: DisclosureMemo? = nil) {
            self.folder = folder
            self.baseURL = baseURL
            self.log = log
            self.memo = memo
        }
    }

    /// load → validate → disclose → progress: the first stages of `build`,
    /// `check` and `serve`.
    public static let stages: [Stage<Run>] = [
        Stage("load") { run in
            if run.memo == nil {
                let folder = run.folder
                run.ledgerReading = Background { Ledger.reading(folder) }
            }
            let loaded = SiteLoader.load(run.folder, log: run.log, dataFiles: run.memo?.dataFiles)
            var site = loaded.site
            if let baseURL = run.baseURL {
                if WebAddress.isValid(baseURL) {
                    site.config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
                } else {
                    run.log.error(SourceLocation(path: "--base-url", line: 1), "must be a web address starting with https:// or http://, found '\(baseURL)'")
                }
            }
            run.site = site
            run.observations = loaded.observations
            // Input with errors is still validated: every problem in one run.
            return true
        },
        Stage("validate") { run in
            guard let site = run.site else { return false }
            // What reads no observation is checked on a thread of its own
            // while the data is checked on both cores (the log sorts what
            // every thread reports).
            let siteChecks = Background { CrossReferences.checkSite(site, log: run.log) }
            CrossReferences.checkData(site, run.observations, log: run.log)
            run.observations = DataIntegrity.check(site, run.observations, log: run.log, memo: run.memo?.integrity)
            siteChecks.value
            return !run.log.hasErrors
        },
        Stage("disclose") { run in
            guard let site = run.site else { return false }
            let ledger = run.memo.map { $0.ledger(run.folder, log: run.log) }
                ?? (run.ledgerReading?.value ?? Ledger.reading(run.folder)).ledger(log: run.log)
            run.ledgerReading = nil
            let input = DisclosureInput(site, run.observations, ledger: ledger)
            run.published = run.memo?.publish(input, definitions: site) ?? input.publish(definitions: site)
            // Nothing after this stage needs a raw value.
            run.observations = ObservationSet()
            return true
        },
        Stage("progress") { run in
            guard let site = run.site, var published = run.published else { return false }
            let assess = { (published: PublishedData) in Progress.assessLatestAndReports(site, published) }
            (published.progress, published.progressByReport) = run.memo?.progress(site, published, assess) ?? assess(published)
            run.published = published
            return !run.log.hasErrors
        },
    ]

    /// The analysis stages on their own: the site, and what may be published.
    public static func analyze(_ folder: URL, baseURL: String?, log: DiagnosticLog, clock: StageClock? = nil,
                               memo: DisclosureMemo? = nil) -> (Site?, PublishedData?) {
        let run = Run(folder: folder, baseURL: baseURL, log: log, memo: memo)
        _ = stages.run(on: run, clock: clock)
        return (run.site, run.published)
    }
}
