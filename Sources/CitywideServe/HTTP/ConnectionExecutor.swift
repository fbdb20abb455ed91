import Foundation

/// Runs the jobs of one request's task on the connection's own thread.
///
/// The connection thread would otherwise hand the request to Swift's shared
/// task pool and block until it is answered. That pool has one thread per
/// core, and anything else in the process that holds its threads (a long
/// synchronous job, a busy test run) then delays every answer, past the
/// point where browsers and clients give up. With this executor preferred,
/// the handler's code runs here, while the connection thread waits for it:
/// an answer needs no thread but its own.
///
/// One executor serves one request. Unstructured tasks the handler starts
/// (a long poll's timer) do not inherit the preference; should any job still
/// arrive after the answer, it runs on a global queue rather than being lost.
final class ConnectionExecutor: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var answered = false

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let late = condition.withLock {
            if answered { return true }
            jobs.append(job)
            condition.signal()
            return false
        }
        if late {
            DispatchQueue.global().async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
        }
    }

    /// Runs `operation` as a task that prefers this executor, running its
    /// jobs on the calling thread until it returns.
    func run<Value: Sendable>(_ operation: @escaping @Sendable () async -> Value) -> Value {
        let answer = Answer<Value>()
        Task(executorPreference: self) {
            let value = await operation()
            self.condition.withLock {
                answer.value = value
                self.condition.signal()
            }
        }
        while true {
            let next: UnownedJob? = condition.withLock {
                while jobs.isEmpty && answer.value == nil { condition.wait() }
                if jobs.isEmpty { answered = true }
                return jobs.isEmpty ? nil : jobs.removeFirst()
            }
            guard let next else { break }
            next.runSynchronously(on: asUnownedTaskExecutor())
        }
        return condition.withLock { answer.value! }
    }

    private final class Answer<Value>: @unchecked Sendable {
        var value: Value?
    }
}
