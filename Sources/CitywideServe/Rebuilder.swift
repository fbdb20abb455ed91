import CitywideCore
import Foundation

/// Runs builds one at a time, off the server's threads, and coalesces the
/// bursts of file events a save makes into one build.
///
/// * An event schedules one build `debounce` later; events that arrive before
///   it starts join it; events during a build schedule exactly one more.
/// * A build is skipped when no input's bytes changed since the last one
///   (`PreviewBuilder.buildIfChanged`): builds are deterministic, so the
///   output would be the same.
final class Rebuilder: @unchecked Sendable {
    struct Report: Sendable {
        var succeeded: Bool
        var diagnostics: [Diagnostic]
        var seconds: Double
        var version: Int
        var files: Int
    }

    let site: URL
    let state: BuildState
    var debounce: Duration = .milliseconds(20)
    /// Called after every build that ran (for the terminal).
    var onReport: (@Sendable (Report) -> Void)?

    private let queue = DispatchQueue(label: "citywide.serve.rebuild", qos: .userInitiated)
    private let lock = NSLock()
    private var scheduled = false
    /// Keeps the last good build, so a narrative edit re-renders one city's pages.
    private let builder: PreviewBuilder

    init(site: URL, state: BuildState) {
        self.site = site
        self.state = state
        // The script's build version is filled in as each page is served
        // (PreviewHandler), so pages not re-rendered never look stale.
        builder = PreviewBuilder(folder: site, bodyEnd: LiveReloadScript.html(version: nil))
    }

    /// The first build, before the server answers.
    func buildFirst() async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            queue.async {
                self.build(force: true)
                done.resume()
            }
        }
    }

    /// A file changed: build soon.
    func changed() {
        let alreadyScheduled = lock.withLock {
            defer { scheduled = true }
            return scheduled
        }
        guard !alreadyScheduled else { return }
        let delay = debounce.components
        let nanoseconds = Int(delay.seconds) * 1_000_000_000 + Int(delay.attoseconds / 1_000_000_000)
        queue.asyncAfter(deadline: .now() + .nanoseconds(nanoseconds)) {
            self.lock.withLock { self.scheduled = false }
            self.build(force: false)
        }
    }

    /// Always on `queue`, so builds never overlap.
    private func build(force: Bool) {
        let start = DispatchTime.now()
        // One read of the inputs serves both the skip check and the build.
        guard let result = force ? builder.build() : builder.buildIfChanged() else { return }
        let outcome = result.outcome, files = result.files
        state.record(files: files, diagnostics: outcome.diagnostics)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        onReport?(Report(succeeded: files != nil, diagnostics: outcome.diagnostics, seconds: seconds,
                         version: state.current.version, files: files?.paths.count ?? 0))
    }
}
