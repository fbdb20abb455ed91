import Foundation
import CitywideModel
import CitywideInput
import CitywidePublished
import CitywidePublish
import CitywideRender
import CitywideWrite

/// What a build carries from stage to stage.
final class BuildRun: @unchecked Sendable {
    let options: Pipeline.Options
    let analysis: Publication.Run
    var writer: OutputWriter?
    /// The privacy ledger in its temporary file, written while pages render;
    /// renamed into place by the write stage, after the site.
    var ledger: Result<PreparedLedger, any Error>?
    var filesWritten = 0
    /// The files the site copies, found while the analysis runs (they depend
    /// on the site as loaded alone).
    var assets: Background<AssetFiles>?
    var log: DiagnosticLog { analysis.log }

    init(_ options: Pipeline.Options, log: DiagnosticLog) {
        self.options = options
        analysis = Publication.Run(folder: options.site, baseURL: options.baseURL, log: log)
    }

    /// The build failed: its ledger is not kept either.
    func discardLedger() {
        if case let .success(prepared) = ledger { prepared.discard() }
    }
}

extension Pipeline {
    /// `build`: the analysis stages, then render and write.
    static let buildStages: [Stage<BuildRun>] = Publication.stages.map { stage in
        let analysis = stage.on { (run: BuildRun) in run.analysis }
        guard stage.name == "load" else { return analysis }
        return Stage(stage.name) { run in
            let carryOn = analysis.run(run)
            if let site = run.analysis.site {
                let folder = run.options.site
                run.assets = Background { AssetFiles(of: site, in: folder) }
            }
            return carryOn
        }
    } + [
        // Every page and file, into a staging folder; thrown away on any error.
        Stage("render") { run in
            guard let site = run.analysis.site, let published = run.analysis.published else { return false }
            let writer: OutputWriter
            do {
                writer = try OutputWriter(output: run.options.output)
            } catch {
                run.log.error(SourceLocation(path: run.options.output.path, line: 1), "\(error)")
                return false
            }
            run.writer = writer
            let renderer = SiteRenderer(site: site, published: published, assets: run.assets?.value ?? AssetFiles(of: site, in: run.options.site))
            let prepareLedger = { [run] in
                // A ledger the same as the file read (text edited, data not) stays as it is.
                guard published.ledgerChanged else { return }
                run.ledger = published.ledger.map { ledger in Result { try ledger.prepare(in: run.options.site) } }
            }
            renderer.render(into: writer, log: run.log, alongside: [prepareLedger])
            // The check `check` makes: pages are made again for it only when a
            // forked template names a variable the built-in templates do not.
            checkTemplateVariables(site, pageKeys: Pipeline.pageKeys(renderer.pagePlan(), enoughFor: site), log: run.log)
            guard !run.log.hasErrors else {
                writer.discard()
                run.discardLedger()
                return false
            }
            return true
        },
        // The staging folder swapped in whole; then the privacy ledger, the
        // one file written outside the output, once the release is out.
        Stage("write") { run in
            guard let writer = run.writer else { return false }
            do {
                try writer.commit()
            } catch {
                writer.discard()
                run.discardLedger()
                run.log.error(SourceLocation(path: run.options.output.path, line: 1), "\(error)")
                return false
            }
            do {
                try run.ledger?.get().commit()
            } catch {
                run.log.error(SourceLocation(path: Ledger.path, line: 1), "cannot write the privacy ledger: \(error.localizedDescription)")
            }
            run.filesWritten = writer.filesWritten
            return true
        },
    ]
}
