import Foundation

/// Collects every problem of a run, so that one run reports all of them.
///
/// A class (not a value) because loaders running on several files in
/// parallel share one log; the lock keeps it safe.
public final class DiagnosticLog: @unchecked Sendable {
    private var items: [Diagnostic] = []
    private let lock = NSLock()

    public init() {}

    public func add(_ diagnostic: Diagnostic) {
        lock.lock()
        items.append(diagnostic)
        lock.unlock()
    }

    /// - Parameter group: names the problem when it can recur on many rows (see `Diagnostic.group`).
    public func error(_ location: SourceLocation, _ message: String, group: String? = nil) {
        add(Diagnostic(location, .error, message, group: group))
    }

    public func warning(_ location: SourceLocation, _ message: String, group: String? = nil) {
        add(Diagnostic(location, .warning, message, group: group))
    }

    /// All problems, sorted and without exact repeats.
    public var diagnostics: [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        return Array(Set(items)).sorted()
    }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
    public var hasErrors: Bool {
        lock.lock()
        defer { lock.unlock() }
        return items.contains { $0.severity == .error }
    }
}
