import CitywideCore
import Foundation

/// What the preview serves: the files of the last good build, and the result
/// of the latest build attempt. Long-polling requests wait here for a change.
final class BuildState: @unchecked Sendable {
    struct Snapshot: Sendable {
        /// The files of the last build without errors (pages rendered when
        /// first asked for).
        var files = PreviewFiles()
        /// Counts good builds; each page carries the version it belongs to,
        /// and reloads itself when the version moves on.
        var version = 0
        /// Counts every finished build attempt, good or not, so the error
        /// overlay also learns about failed builds.
        var attempt = 0
        /// Problems of the latest attempt (errors and warnings).
        var diagnostics: [Diagnostic] = []
        /// The latest attempt had errors: `files` are from an older build.
        var failed = false
    }

    private let lock = NSLock()
    private var snapshot = Snapshot()
    private var waiters: [UUID: CheckedContinuation<Snapshot, Never>] = [:]
    private var closed = false

    var current: Snapshot { lock.withLock { snapshot } }

    /// Records a build attempt. `files` is nil when the build had errors:
    /// the previous files stay in place.
    func record(files: PreviewFiles?, diagnostics: [Diagnostic]) {
        let waiting: [CheckedContinuation<Snapshot, Never>]
        let now: Snapshot
        lock.lock()
        if let files {
            snapshot.files = files
            snapshot.version += 1
        }
        snapshot.attempt += 1
        snapshot.diagnostics = diagnostics
        snapshot.failed = files == nil
        now = snapshot
        waiting = Array(waiters.values)
        waiters.removeAll()
        lock.unlock()
        for continuation in waiting { continuation.resume(returning: now) }
    }

    /// Returns as soon as the attempt differs from `attempt` (or the version
    /// from `version`), or after `timeout` with the state unchanged.
    func waitForChange(version: Int, attempt: Int, timeout: Duration) async -> Snapshot {
        let id = UUID()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Snapshot, Never>) in
                lock.lock()
                if closed || Task.isCancelled || snapshot.version != version || snapshot.attempt != attempt {
                    let now = snapshot
                    lock.unlock()
                    continuation.resume(returning: now)
                    return
                }
                waiters[id] = continuation
                lock.unlock()
                Task { [weak self] in
                    try? await Task.sleep(for: timeout)
                    self?.release(id)
                }
            }
        } onCancel: {
            release(id)
        }
    }

    /// Lets every waiting request answer now: the server is stopping.
    func close() {
        lock.lock()
        closed = true
        let waiting = Array(waiters.values)
        waiters.removeAll()
        let now = snapshot
        lock.unlock()
        for continuation in waiting { continuation.resume(returning: now) }
    }

    private func release(_ id: UUID) {
        lock.lock()
        let continuation = waiters.removeValue(forKey: id)
        let now = snapshot
        lock.unlock()
        continuation?.resume(returning: now)
    }
}

extension BuildState.Snapshot {
    /// `/_citywide/status` and `/_citywide/events`: the state as JSON.
    var json: Data {
        let items: [[String: Any]] = diagnostics.map { d in
            ["path": d.path, "line": d.line, "column": d.column, "severity": d.severity.rawValue,
             "message": d.message, "text": d.formatted]
        }
        // What the panel lists: a problem repeated on many rows once, as the
        // terminal prints it; `errors` and `warnings` count every occurrence.
        let groups: [[String: Any]] = DiagnosticGroup.grouping(diagnostics).map { group in
            ["severity": group.first.severity.rawValue, "text": group.formatted, "occurrences": 1 + group.moreLines.count]
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let object: [String: Any] = [
            "version": version,
            "attempt": attempt,
            "ok": !failed,
            "errors": errors,
            "warnings": diagnostics.count - errors,
            "diagnostics": items,
            "groups": groups,
        ]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
    }
}
