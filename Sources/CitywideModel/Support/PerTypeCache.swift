import Foundation

/// A value worked out once per Swift type and shared by every thread: the
/// fields of a view struct, whether a type is a view. Made outside the lock
/// (two threads may both make it the first time; the values are equal).
package final class PerTypeCache<Value>: @unchecked Sendable {
    private var values: [ObjectIdentifier: Value] = [:]
    private let lock = NSLock()

    package init() {}

    package func value(for type: Any.Type, make: (Any.Type) -> Value) -> Value {
        let key = ObjectIdentifier(type)
        if let known = lock.withLock({ values[key] }) { return known }
        let made = make(type)
        lock.withLock { values[key] = made }
        return made
    }
}
