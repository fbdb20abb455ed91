import Dispatch

extension ParallelMap {
    /// Two different pieces of work at once, one per core (each may use
    /// `ParallelMap` in turn), and both results: for a serial piece that
    /// would otherwise leave a core idle while it runs.
    package static func both<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
        var a: A?
        var b: B?
        // Each iteration writes only its own result.
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 { a = first() } else { b = second() }
        }
        guard let a, let b else { preconditionFailure("concurrentPerform runs every iteration") }
        return (a, b)
    }
}
