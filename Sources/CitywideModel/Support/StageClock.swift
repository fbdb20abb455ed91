import Dispatch
import Foundation

/// How long each stage of a run took, in the order they ran: what
/// `citywide-bench` prints. Stages report to it; nothing else reads it.
public final class StageClock: @unchecked Sendable {
    public private(set) var stages: [(name: String, seconds: Double)] = []
    private var start = DispatchTime.now()
    private let lock = NSLock()

    public init() {}

    /// Ends the stage that began at the previous mark (or at `init`).
    public func mark(_ name: String) {
        let now = DispatchTime.now()
        lock.lock()
        defer { lock.unlock() }
        stages.append((name, Double(now.uptimeNanoseconds - start.uptimeNanoseconds) / 1e9))
        start = now
    }
}
