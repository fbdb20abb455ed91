import Foundation

/// Work started on a thread of its own and joined later (`value`), while the
/// calling thread goes on: for a piece that needs nothing the caller does
/// next, so that both run at once and the kernel shares the two cores
/// between them.
///
/// Not `ParallelMap.both`: work running inside `concurrentPerform` that calls
/// `ParallelMap` again gets one core (libdispatch runs a nested apply on the
/// calling thread alone), so a side that is itself parallel ran serially
/// there, and the other core idled once the other side was done. A thread of
/// its own is no apply: both the background work and the caller keep every
/// `ParallelMap` they make on both cores.
package final class Background<Value>: @unchecked Sendable {
    private var result: Value?
    /// The work, let go of as soon as it starts: what it captured (a site's
    /// raw observations, say) must not live on with the thread.
    private var work: (() -> Value)?
    private let done = DispatchSemaphore(value: 0)

    package init(_ work: @escaping () -> Value) {
        self.work = work
        // Weak: neither the thread nor its block keeps the result (nor the
        // work) alive; the owner does, until it has read the value.
        let thread = Thread { [weak self] in
            guard let self, let work = self.work else { return }
            self.work = nil
            self.result = work()
            self.done.signal()
        }
        // As large as the main thread's: parsers recurse on nested input.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The work's result: waits for the work to be done.
    package var value: Value {
        done.wait()
        // `done` was signalled after `result` was set, on the worker thread.
        guard let result else { preconditionFailure("the background work sets its result before it signals") }
        done.signal() // a later read does not wait forever
        return result
    }
}
