import Dispatch
import Foundation

/// Runs independent work on every core and returns results in input order,
/// so parallel builds stay byte-for-byte deterministic.
package enum ParallelMap {
    package static func map<T>(_ indices: Range<Int>, _ transform: (Int) -> T) -> [T] {
        let count = indices.count
        guard count > 1 else { return indices.map(transform) }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        DispatchQueue.concurrentPerform(iterations: count) { i in
            // Each iteration writes only its own slot.
            results[i] = transform(indices.lowerBound + i)
        }
        return results.compactMap { $0 }
    }
}
