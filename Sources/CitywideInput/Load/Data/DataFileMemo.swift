import Foundation
import CitywideModel

/// `serve`'s data files as last read: a file with the same path and bytes,
/// read against the same names (`DataCatalog`), gives the same observations
/// and the same problems, so it is not read again. A front matter or metric
/// edit, or an edit to one data file of many, reads only what changed.
///
/// What a file gives depends on nothing else: its rows are checked against
/// the catalog alone, and the checks across files (`DimensionSpread`, the
/// validate stage) run on the merged result every time. One builder uses it,
/// one build at a time; the files of one build are read in parallel, hence
/// the lock.
package final class DataFileMemo: @unchecked Sendable {
    private struct Entry {
        var bytes: [UInt8]
        var fileIndex: Int32
        /// The rows and the problems the file gave, logged again when it is reused.
        var loaded: RecordedProblems<DataFileLoader.Result>
    }

    private let lock = NSLock()
    /// The names the entries were read against.
    private var catalog: DataCatalog?
    private var entries: [String: Entry] = [:]
    /// How many files were reused, not read (for tests).
    package private(set) var reused = 0

    package init() {}

    /// Starts a build: entries read against other names are dropped, and so
    /// are files no longer there (`paths`, the files this build reads).
    package func begin(catalog: DataCatalog, paths: [String]) {
        // Rows are read against names, kinds, dimensions and rules, never a
        // metric's title: a new title reads every file the same.
        var catalog = catalog
        catalog.definitions = catalog.definitions.map(\.withoutPageText)
        lock.withLock {
            if catalog != self.catalog { entries = [:] }
            self.catalog = catalog
            let kept = Set(paths)
            entries = entries.filter { kept.contains($0.key) }
        }
    }

    /// The file's observations and problems: the last ones when `bytes` are
    /// the same (the file's position among the data files renumbered),
    /// else `load`'s, which are kept for the next build.
    package func load(path: String, fileIndex: Int32, bytes: [UInt8], log: DiagnosticLog,
                      _ load: (DiagnosticLog) -> DataFileLoader.Result) -> DataFileLoader.Result {
        if let entry = lock.withLock({ entries[path] }), entry.bytes == bytes {
            lock.withLock { reused += 1 }
            let result = entry.loaded.replay(into: log)
            return entry.fileIndex == fileIndex ? result : result.renumbered(fileIndex)
        }
        let loaded = RecordedProblems(load)
        lock.withLock { entries[path] = Entry(bytes: bytes, fileIndex: fileIndex, loaded: loaded) }
        return loaded.replay(into: log)
    }
}

extension DataFileLoader.Result {
    /// The same rows, as the file at `fileIndex` among the data files.
    func renumbered(_ fileIndex: Int32) -> Self {
        var result = self
        for metric in result.observations.keys {
            result.observations[metric]?.withEach { $0.origin.file = fileIndex }
        }
        return result
    }
}

extension Array {
    fileprivate mutating func withEach(_ change: (inout Element) -> Void) {
        for i in indices { change(&self[i]) }
    }
}
