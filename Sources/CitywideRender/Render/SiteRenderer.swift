import Foundation
import Mustache
import CitywideModel
import CitywidePublished
import CitywideWrite

/// Render stage: turns the site and its published figures into files.
/// Pages are independent, so they render on every core; each is written as
/// soon as it is rendered, so memory stays flat however many pages there are.
package struct SiteRenderer {
    package let site: Site
    package let published: PublishedData
    /// The site files pages copy (template assets, narrative media),
    /// resolved by the pipeline: the renderer never sees the site folder.
    package let assets: AssetFiles
    /// HTML put before `</body>` of every page: `serve`'s live-reload script.
    /// Never set by `build`, so published pages carry no script.
    package var bodyEnd: String? = nil
    /// The templates compiled for our own renderer; nil: swift-mustache renders.
    private let compiled: CompiledTemplates?

    package init(site: Site, published: PublishedData, assets: AssetFiles, bodyEnd: String? = nil) {
        self.site = site
        self.published = published
        self.assets = assets
        self.bodyEnd = bodyEnd
        self.compiled = CompiledTemplates.enabled ? CompiledTemplates(site.templates.sources) : nil
    }

    /// Renders and writes every file. `alongside`: work of the caller's that
    /// needs no page (`build` writes the privacy ledger's temporary file),
    /// run in the same list so it fills a core instead of waiting its turn.
    package func render(into writer: some OutputSink, log: DiagnosticLog, alongside: [() -> Void] = []) {
        let plan = pagePlan()
        let data = dataPieces(sitemap: plan.map(\.path))
        // One list of work, the largest first: the downloads (a 10,000-city
        // data/<metric>.json is 29 MB) start at once and pages fill both cores
        // around them. Written after the pages, the last download kept one core
        // busy while the other had nothing left to do.
        let firstPage = alongside.count + data.count
        let failures = ParallelMap.map(0..<(firstPage + plan.count)) { i -> String? in
            if i < alongside.count {
                alongside[i]()
                return nil
            }
            if i < firstPage {
                let (path, make) = data[i - alongside.count]
                // Written a piece at a time as it is made: never a whole
                // download in memory.
                do { try writer.write(path, inPieces: { emit in make(DownloadPieces(emit: emit)) }) } catch { return "\(error)" }
                return nil
            }
            let page = plan[i - firstPage].make()
            guard let html = htmlBytes(page) else { return "no template named '\(page.template)'" }
            do { try writer.write(page.path, bytes: html) } catch { return "\(error)" }
            return nil
        }
        // Pages' problems first, then the downloads', as when they were written in that order.
        for failure in (failures[firstPage...] + failures[..<firstPage]).compactMap({ $0 }) {
            log.error(SourceLocation(path: "_site"), failure)
        }
        writeAssets(into: writer, log: log)
    }

    /// A page's HTML as the bytes written: what the compiled templates
    /// render, with no String made of it (building one validated and
    /// copied every page's bytes, then writing copied them again).
    package func htmlBytes(_ page: Page) -> [UInt8]? {
        guard bodyEnd == nil, let compiled else { return html(page).map { Array($0.utf8) } }
        return compiled.renderBytes(page.context, template: page.template)
    }

    /// A page's HTML, with `bodyEnd` (serve's script) before `</body>`.
    package func html(_ page: Page) -> String? {
        let rendered = compiled.map { $0.render(page.context, template: page.template) }
            ?? site.templates.library.render(page.context, withTemplate: page.template)
        guard var html = rendered else { return nil }
        if let bodyEnd, let end = html.range(of: "</body>", options: .backwards) {
            html.insert(contentsOf: bodyEnd, at: end.lowerBound)
        }
        return html
    }

    /// Page makers, not pages: each page is built, rendered and written on
    /// its own thread, and only its HTML lives until it is written. Every
    /// page is made once per language, under `<lang>/` but for the first.
    /// With `onlyCities`, just those cities' pages (a preview's narrative edit).
    package func pagePlan(onlyCities: Set<String>? = nil) -> [PlannedPage] {
        var makers: [PlannedPage] = []
        for language in site.config.languages {
            guard let t = site.interface[language] ?? site.interface[site.config.defaultLanguage] ?? site.interface.values.first else { continue }
            let (localSite, localPublished) = LocalizedSite.make(site, published, language: language, interface: t.strings)
            let context = SiteContext(site: localSite, published: localPublished, t: t,
                                      prefix: SiteContext.prefix(for: language, in: site.config))
            if let onlyCities {
                makers += localSite.blueprints.indices.filter { onlyCities.contains(localSite.blueprints[$0].slug) }
                    .map { city in PlannedPage(context.location(Paths.city(localSite.blueprints[city].slug)).outputPath) { CityPage(context: context, city: city).page() } }
                continue
            }
            let reports = ReportPages(context: context)
            let at = { (path: String) in context.location(path).outputPath }
            makers += [
                PlannedPage(at(Paths.home)) { HomePage(context: context).page() },
                PlannedPage(at(Paths.reports)) { reports.index() },
                PlannedPage(at(Paths.coverage)) { CoveragePage(context: context).page() },
                PlannedPage(at(Paths.methodology)) { MethodologyPage(context: context).page() },
                PlannedPage(at(Paths.dataPage)) { DataCataloguePage(context: context).page() },
            ]
            makers += localSite.blueprints.indices.map { city in PlannedPage(at(Paths.city(localSite.blueprints[city].slug))) { CityPage(context: context, city: city).page() } }
            makers += localPublished.metrics.map { metric in PlannedPage(at(Paths.metric(metric.definition.id))) { MetricPage(context: context, metric: metric).page() } }
            makers += reports.plan()
            // A large site's city index and state pages, where its matrices are.
            if CityListing.isPaged(localSite) {
                let listing = CityListing(localSite, other: t("state_other"))
                makers += CityListPage(context: context, listing: listing).plan().map { PlannedPage(at($0.path), $0.make) }
                makers += CoveragePage(context: context).statePlan(listing).map { PlannedPage(at($0.path), $0.make) }
            }
        }
        return makers
    }

    /// The downloads, feed and sitemap, each with how to make it (`serve`
    /// makes one when it is first asked for).
    package func dataFiles(sitemap pagePaths: [String]) -> [(String, () -> [UInt8])] {
        dataPieces(sitemap: pagePaths).map { path, make in (path, { DownloadPieces.whole(make) }) }
    }

    /// `dataFiles`, each made into pieces (the large ones a piece at a
    /// time; the small ones in one piece), for `build` to write as they come.
    package func dataPieces(sitemap pagePaths: [String]) -> [(String, (DownloadPieces) -> Void)] {
        let downloads = DataDownloads(site: site, published: published)
        let whole = { (make: @escaping () -> [UInt8]) in { (pieces: DownloadPieces) in pieces.end(make()) } }
        let files: [(String, (DownloadPieces) -> Void)] =
            published.metrics.flatMap { metric in
                [(Paths.dataCSV(metric.definition.id), { downloads.csv(metric, into: $0) }),
                 (Paths.dataJSON(metric.definition.id), { downloads.json(metric, into: $0) }),
                 (OpenSDGExport.path(metric.definition.id), { OpenSDGExport(site: site).csv(metric, into: $0) })]
            } + [
                (Paths.dataAllCSV, { downloads.allCSV(into: $0) }),
                (Paths.dataCatalog, whole { downloads.catalog() }),
                (Paths.progress, { downloads.progress(into: $0) }),
                ("feed.xml", whole { Array(AtomFeed(site: site, published: published).xml().utf8) }),
            ] + Sitemap(base: site.config.baseURL).files(pagePaths).map { file in (file.path, whole { Array(file.text.utf8) }) }
        return files
    }

    package func writeAssets(into writer: some OutputSink, log: DiagnosticLog) {
        for (path, source) in site.templates.assets.sorted(by: { $0.key < $1.key }) {
            do {
                switch source {
                case let .builtIn(bytes): try writer.write(path, Data(bytes))
                case let .file(sitePath): try writer.copy(from: try resolved(sitePath), to: path)
                }
            } catch {
                log.error(SourceLocation(path: path), "\(error)")
            }
        }
        // Only the files narratives show: nothing else of the site folder is copied.
        for sitePath in site.mediaFiles {
            do {
                try writer.copy(from: try resolved(sitePath), to: Paths.media(sitePath))
            } catch {
                log.error(SourceLocation(path: sitePath), "\(error)")
            }
        }
    }

    private func resolved(_ sitePath: String) throws -> URL {
        guard let url = assets.url(sitePath) else { throw MissingAsset(sitePath: sitePath) }
        return url
    }

    /// A file the site names that the pipeline did not resolve: a bug, but
    /// reported as an error rather than trapped.
    package struct MissingAsset: Error, CustomStringConvertible {
        let sitePath: String
        package var description: String { "\(sitePath) was not resolved for copying" }
    }
}
