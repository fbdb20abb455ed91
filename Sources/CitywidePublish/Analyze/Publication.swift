import Foundation
import CitywideModel
import CitywidePublished
internal import CitywideInput

/// load → validate → analyze. Raw observations are read (by CitywideInput),
/// checked and turned into published figures here, and never leave this
/// module: what comes out is the site, which holds no values, and
/// `PublishedData`. Analysis runs only on input without errors: privacy
/// rules must never be applied to half-read data.
public enum Publication {
    public static func analyze(_ folder: URL, baseURL: String?, log: DiagnosticLog, clock: StageClock? = nil) -> (Site?, PublishedData?) {
        var (site, observations) = { let r = SiteLoader.load(folder, log: log); return (r.site, r.observations) }()
        if let baseURL {
            if WebAddress.isValid(baseURL) {
                site.config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
            } else {
                log.error(SourceLocation(path: "--base-url", line: 1), "must be a web address starting with https:// or http://, found '\(baseURL)'")
            }
        }
        clock?.mark("load")
        CrossReferences.check(site, observations, log: log)
        observations = DataIntegrity.check(site, observations, log: log)
        clock?.mark("validate")
        guard !log.hasErrors else { return (site, nil) }
        var published = Disclosure.publish(site, observations, ledger: Ledger.load(folder, log: log))
        clock?.mark("disclose")
        published.progress = Progress.assessAll(site, published)
        published.progressByReport = Progress.assessReports(site, published)
        clock?.mark("progress")
        return (site, published)
    }
}
