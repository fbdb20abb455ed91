import Foundation
import CitywideModel

/// Where a build's files go: a staging folder on disk (`OutputWriter`), or
/// memory (`MemoryOutput`, for `citywide serve`, which serves pages
/// without writing them).
public protocol OutputSink: AnyObject, Sendable {
    func write(_ path: String, _ data: Data) throws
    /// Bytes made as `[UInt8]` (the downloads); a sink on disk writes them
    /// without first copying them into `Data`.
    func write(_ path: String, bytes: [UInt8]) throws
    /// A file made a piece at a time (a large download): `make` hands each
    /// piece to `emit` in order. A sink on disk writes each piece as it
    /// comes, so the whole file is never in memory.
    func write(_ path: String, inPieces make: (_ emit: @escaping ([UInt8]) -> Void) -> Void) throws
}

extension OutputSink {
    public func write(_ path: String, bytes: [UInt8]) throws {
        try write(path, Data(bytes))
    }

    /// In memory, the pieces are joined into one file.
    public func write(_ path: String, inPieces make: (_ emit: @escaping ([UInt8]) -> Void) -> Void) throws {
        var whole = Data()
        make { whole.append(contentsOf: $0) }
        try write(path, whole)
    }

    public func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    /// Copies a file of the site (an asset) into the output.
    public func copy(from source: URL, to path: String) throws {
        guard let data = FileManager.default.contents(atPath: source.path) else {
            throw OutputWriter.Failure.io("cannot read \(source.path)")
        }
        try write(path, data)
    }
}

/// A build kept in memory: path → bytes.
public final class MemoryOutput: OutputSink, @unchecked Sendable {
    private var storage: [String: Data] = [:]
    private let lock = NSLock()

    public init() {}

    public func write(_ path: String, _ data: Data) throws {
        _ = try OutputPath.check(path)
        lock.lock()
        storage[path] = data
        lock.unlock()
    }

    public var files: [String: Data] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}

/// Output paths are relative and stay inside the output: no `..`, no
/// absolute paths, no empty segments.
package enum OutputPath {
    /// Read over the path's bytes (every file of a build passes here): a
    /// segment ends at each `/` and at the end, and none may be empty,
    /// `.` or `..`; no NUL, no backslash.
    package static func check(_ path: String) throws -> String {
        var segmentLength = 0
        var segmentDots = 0
        var safe = !path.isEmpty
        for byte in path.utf8 where safe {
            switch byte {
            case UInt8(ascii: "/"):
                safe = isSafeSegment(length: segmentLength, dots: segmentDots)
                segmentLength = 0
                segmentDots = 0
            case 0, UInt8(ascii: "\\"):
                safe = false
            default:
                segmentLength += 1
                if byte == UInt8(ascii: ".") { segmentDots += 1 }
            }
        }
        guard safe, isSafeSegment(length: segmentLength, dots: segmentDots) else { throw OutputWriter.Failure.unsafePath(path) }
        return path
    }

    /// Not empty, `.` or `..` (a longer run of dots is an ordinary name).
    private static func isSafeSegment(length: Int, dots: Int) -> Bool {
        length > 2 || (length > 0 && dots < length)
    }
}
