import Foundation
import CitywideModel
import CitywideRender

/// The files of one good preview build, held in memory. Assets are copied
/// with the build; a page, download, feed or sitemap is made the first time
/// it is asked for, and kept. On a 200-city site an edit to data then costs
/// the analysis and the few pages a reader has open, not every file: each is
/// the same bytes `build` writes (the same plan, the same renderer, the same
/// analysis), only made later.
public final class PreviewFiles: @unchecked Sendable {
    /// Files not made yet, by output path, with how to make each.
    private var planned: [String: @Sendable () -> Data?]
    /// Files made, by output path: the assets and what was asked for so far.
    private var made: [String: Data]
    /// Every output path, made or not.
    public let paths: Set<String>
    private let lock = NSLock()

    /// Files already made (a test's fixed set, or nothing before the first build).
    public convenience init(_ files: [String: Data] = [:]) {
        self.init(planned: [:], made: files)
    }

    init(planned: [String: @Sendable () -> Data?], made: [String: Data]) {
        self.planned = planned.filter { made[$0.key] == nil }
        self.made = made
        paths = Set(made.keys).union(planned.keys)
    }

    /// What `renderer` would write, pages and data files to be made when
    /// asked for, with `made` (the assets) ready.
    convenience init(renderer: SiteRenderer, pages: [PlannedPage], made: [String: Data]) {
        var planned: [String: @Sendable () -> Data?] = [:]
        for page in pages {
            planned[page.path] = { renderer.html(page.make()).map { Data($0.utf8) } }
        }
        for (path, make) in renderer.dataFiles(sitemap: pages.map(\.path)) {
            planned[path] = { Data(make()) }
        }
        self.init(planned: planned, made: made)
    }

    public func contains(_ path: String) -> Bool { paths.contains(path) }

    /// The file's bytes, making it now if it was not yet. Two requests for
    /// the same new file may both make it: the bytes are the same.
    public func data(_ path: String) -> Data? {
        let (ready, make) = lock.withLock { (made[path], planned[path]) }
        if let ready { return ready }
        guard let make, let data = make() else { return nil }
        lock.withLock {
            made[path] = data
            planned[path] = nil
        }
        return data
    }

    /// Every file, each made: what `build` would write (tests compare the two).
    public func all() -> [String: Data] {
        let pending = lock.withLock { Array(planned.keys) }
        _ = ParallelMap.map(pending.indices) { data(pending[$0]) }
        return lock.withLock { made }
    }

    /// The same build after a narrative edit: the edited cities' pages
    /// (`changed`, planned with the new narratives) are made again when asked
    /// for; every other file stays as it was, made or planned.
    func replacing(_ changed: [PlannedPage], renderer: SiteRenderer) -> PreviewFiles {
        let paths = Set(changed.map(\.path))
        var (pending, kept) = lock.withLock { (planned.filter { !paths.contains($0.key) }, made.filter { !paths.contains($0.key) }) }
        for page in changed {
            pending[page.path] = { renderer.html(page.make()).map { Data($0.utf8) } }
        }
        return PreviewFiles(planned: pending, made: kept)
    }
}
