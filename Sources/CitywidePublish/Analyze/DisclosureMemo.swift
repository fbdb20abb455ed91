import Foundation
import CitywideModel
import CitywidePublished
internal import CitywideInput

/// The last disclosure `serve` made and its input: an edit that leaves the
/// input equal (a blueprint's narrative or front matter other than its
/// population, a metric's title, a template, site.yml apart from `privacy:`)
/// reuses it instead of running the disclosure again. It also holds the
/// analysis's other memos: each data file as last read (`DataFileMemo`) and
/// each metric's parts-and-totals check (`DataIntegrityMemo`). One builder
/// uses it, one build at a time (serve's rebuild queue).
public final class DisclosureMemo: @unchecked Sendable {
    let dataFiles = DataFileMemo()
    let integrity = DataIntegrityMemo()

    typealias Progress = ([[ProgressAssessment?]], [Period: [[ProgressAssessment?]]])

    private var input: DisclosureInput?
    private var published: PublishedData?
    /// Counts disclosures run: figures of one generation are the same.
    private var generation = 0
    private var progressInput: ProgressInput?
    private var progress: Progress?
    /// How many times the last result was reused (for tests).
    public private(set) var reused = 0
    /// How many times the last progress was reused (for tests).
    public private(set) var progressReused = 0

    /// The ledger as last read, and its file's bytes.
    private var ledgerRead: (bytes: Data, ledger: Ledger)?

    public init() {}

    /// The site's privacy ledger: the last one read while its file's bytes
    /// are the same (`build` rewrites it; `serve` only reads it).
    func ledger(_ folder: URL, log: DiagnosticLog) -> Ledger? {
        guard let bytes = Ledger.bytes(folder) else { return nil }
        if let ledgerRead, ledgerRead.bytes == bytes { return ledgerRead.ledger }
        let ledger = Ledger.read(bytes, log: log)
        ledgerRead = ledger.map { (bytes, $0) }
        return ledger
    }

    /// Progress on `published` (the figures this memo gave last), kept while
    /// its `ProgressInput` is the same.
    func progress(_ site: Site, _ published: PublishedData, _ assess: (PublishedData) -> Progress) -> Progress {
        let input = ProgressInput(site, published, generation: generation)
        if let progress, input == progressInput {
            progressReused += 1
            return progress
        }
        let progress = assess(published)
        progressInput = input
        self.progress = progress
        return progress
    }

    func publish(_ input: DisclosureInput, definitions full: Site) -> PublishedData {
        if let published, input == self.input {
            reused += 1
            var kept = published
            for m in kept.metrics.indices {
                kept.metrics[m].definition = full.metrics[m]
            }
            return kept
        }
        // serve never writes the ledger: the entries of this release are not made.
        let published = input.publish(definitions: full, recording: false)
        generation += 1
        self.input = input
        self.published = published
        return published
    }
}
