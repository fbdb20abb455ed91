import Foundation

/// A name templates look up, numbered once per process, so a view type finds
/// its field by the number (an index into `ViewType`'s table) rather than by
/// hashing the name for every lookup of every page.
struct TemplateKey: Sendable {
    let name: String
    let id: Int

    init(_ name: String) {
        self.name = name
        id = Self.number(name)
    }

    /// Every name numbered so far, in order of their numbers.
    static var all: [String] {
        lock.withLock { names }
    }

    nonisolated(unsafe) private static var ids: [String: Int] = [:]
    nonisolated(unsafe) private static var names: [String] = []
    private static let lock = NSLock()

    private static func number(_ name: String) -> Int {
        lock.withLock {
            if let id = ids[name] { return id }
            ids[name] = names.count
            names.append(name)
            return names.count - 1
        }
    }
}
