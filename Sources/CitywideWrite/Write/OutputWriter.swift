import Foundation
import CitywideModel

/// Writes a build into a staging folder beside the output, then swaps it in
/// whole (as Toucan does): a failed build leaves the previous output exactly
/// as it was, and readers never see half a site.
///
/// Every path is checked to stay inside the staging folder, so no input can
/// make Citywide write anywhere else.
public final class OutputWriter: OutputSink, @unchecked Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case unsafePath(String)
        case notAnOutputFolder(String)
        case io(String)

        public var description: String {
            switch self {
            case let .unsafePath(path): "refusing to write outside the output folder: \(path)"
            case let .notAnOutputFolder(path): "\(path) exists and was not written by Citywide; refusing to replace it (remove it or choose another --output)"
            case let .io(message): message
            }
        }
    }

    /// Marks a folder as Citywide's, so a build never replaces a folder it did not write.
    public static let markerName = ".citywide-output"

    public let output: URL
    package let staging: URL
    private let stagingPath: String
    private let fm = FileManager.default
    private let lock = NSLock()
    /// Held from the staging folder's creation to the swap (or discard).
    private let buildLock: OutputLock
    private var createdFolders: Set<String> = []
    private var written = 0
    /// The previous build's folder, when there is one: a file whose bytes
    /// are unchanged is hard-linked from it rather than written again.
    private let previousPath: String?

    /// How many files this build wrote.
    public var filesWritten: Int {
        lock.lock()
        defer { lock.unlock() }
        return written
    }

    /// Waits for any other build into the same output, then makes the staging folder.
    public init(output: URL) throws {
        self.output = output.standardizedFileURL
        let parent = self.output.deletingLastPathComponent()
        staging = parent.appendingPathComponent(".\(self.output.lastPathComponent).citywide-staging-\(getpid())")
        stagingPath = staging.path
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw Failure.io("cannot create \(parent.path): \(error.localizedDescription)")
        }
        buildLock = try OutputLock(beside: self.output)
        OutputLock.removeLeftovers(beside: self.output)
        try OutputWriter.checkReplaceable(self.output)
        var isDirectory: ObjCBool = false
        previousPath = fm.fileExists(atPath: self.output.path, isDirectory: &isDirectory) && isDirectory.boolValue ? self.output.path : nil
        do {
            if fm.fileExists(atPath: staging.path) { try fm.removeItem(at: staging) }
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw Failure.io("cannot create \(staging.path): \(error.localizedDescription)")
        }
    }

    /// An existing output folder is replaced only if it is empty or Citywide wrote it.
    package static func checkReplaceable(_ output: URL) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw Failure.notAnOutputFolder(output.path) }
        let contents = (try? fm.contentsOfDirectory(atPath: output.path)) ?? []
        if contents.isEmpty || contents.contains(markerName) { return }
        throw Failure.notAnOutputFolder(output.path)
    }

    public func write(_ path: String, _ data: Data) throws {
        try store(path, data)
    }

    /// Bytes made as `[UInt8]` (the downloads) are written as they are,
    /// without a copy into `Data`.
    public func write(_ path: String, bytes: [UInt8]) throws {
        try store(path, bytes)
    }

    /// Each piece is written as it comes. The file is always written, never
    /// linked from the previous build: comparing would need it whole.
    public func write(_ path: String, inPieces make: (_ emit: @escaping ([UInt8]) -> Void) -> Void) throws {
        let file = try folderMade(for: path)
        let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure.io("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        // The first failure is kept and the pieces after it dropped.
        var failure: Error?
        make { piece in
            guard failure == nil else { return }
            do {
                try piece.withUnsafeBytes { try OutputWriter.writeAll(fd, $0) }
            } catch {
                failure = error
            }
        }
        if let failure { throw Failure.io("cannot write \(path): \(failure)") }
        lock.lock()
        written += 1
        lock.unlock()
    }

    /// The file's place in the staging folder, its folder made. Paths stay
    /// strings (no URL per file): a build writes ten thousand of them.
    private func folderMade(for path: String) throws -> String {
        let relative = try OutputPath.check(path)
        if let slash = relative.utf8.lastIndex(of: UInt8(ascii: "/")) {
            try makeFolder(String(relative[..<slash]), of: path)
        }
        return stagingPath + "/" + relative
    }

    /// Makes `folder` (relative to the staging folder) and any missing parent,
    /// one mkdir each, remembering what exists. Only the memory of what
    /// exists is under the lock, not the mkdir: every city page has a folder
    /// of its own, and a thread waiting on another's mkdir left its core
    /// idle. Two threads making the same folder both go on (EEXIST is made).
    private func makeFolder(_ folder: String, of path: String) throws {
        lock.lock()
        let known = createdFolders.contains(folder)
        lock.unlock()
        guard !known else { return }
        let full = stagingPath + "/" + folder
        var failure = OutputWriter.mkdirUnlessPresent(full)
        if failure == ENOENT, let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
            try makeFolder(String(folder[..<slash]), of: path)
            failure = OutputWriter.mkdirUnlessPresent(full)
        }
        guard failure == 0 else { throw Failure.io("cannot create the folder of \(path): \(String(cString: strerror(failure)))") }
        lock.lock()
        createdFolders.insert(folder)
        lock.unlock()
    }

    /// 0 when the folder was made or already there, else the error number.
    private static func mkdirUnlessPresent(_ path: String) -> Int32 {
        mkdir(path, 0o755) == 0 || errno == EEXIST ? 0 : errno
    }

    private func store(_ path: String, _ bytes: some ContiguousBytes) throws {
        let file = try folderMade(for: path)
        do {
            try bytes.withUnsafeBytes { buffer in
                if let previousPath, OutputWriter.linkIfUnchanged(previousPath + "/" + path, to: file, buffer) {
                    // Reused: same bytes as the previous build, no new file.
                } else {
                    try OutputWriter.writeFile(file, buffer)
                }
            }
            lock.lock()
            written += 1
            lock.unlock()
        } catch {
            throw Failure.io("cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// Links the previous build's file into the staging folder when its bytes
    /// are exactly `bytes`. Rebuilding a site changes few pages; creating ten
    /// thousand new files (and deleting the old ones) costs the file system
    /// more than rendering them. The swap stays atomic: the staging folder is
    /// complete before it replaces the output. Only a regular file is linked
    /// (never a symlink), and any failure falls back to writing.
    package static func linkIfUnchanged(_ old: String, to new: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var info = stat()
        guard lstat(old, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count,
              let existing = FileManager.default.contents(atPath: old),
              existing.withUnsafeBytes({ $0.elementsEqual(bytes) })
        else { return false }
        return link(old, new) == 0
    }

    /// A plain write, without the fsync Foundation's `Data.write` does for
    /// every file: the build is made durable once, by the folder swap, and
    /// syncing ten thousand pages one by one costs more than rendering them.
    package static func writeFile(_ path: String, _ buffer: UnsafeRawBufferPointer) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure.io(String(cString: strerror(errno))) }
        defer { close(fd) }
        try writeAll(fd, buffer)
    }

    /// All of `buffer` to the open file `fd`, however many calls it takes.
    private static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < buffer.count {
            guard let base = buffer.baseAddress else { return }
            let n = Glibc.write(fd, base + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure.io(String(cString: strerror(errno)))
            }
            offset += n
        }
    }

    /// Puts the staged build in place of the output folder: one exchange of
    /// the two folders, then the old one (now at the staging path) is removed.
    /// Where the file system cannot exchange, two renames, putting the old
    /// output back if the second fails.
    public func commit() throws {
        defer { buildLock.release() }
        try write(OutputWriter.markerName, "Written by Citywide. Each build replaces this folder whole.\n")
        var info = stat()
        guard lstat(output.path, &info) == 0 else {
            try FolderExchange.move(staging.path, to: output.path)
            return
        }
        try OutputWriter.checkReplaceable(output)
        if try FolderExchange.exchange(staging.path, output.path) {
            try? fm.removeItem(at: staging) // the previous build, now at the staging path
            return
        }
        let old = staging.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).citywide-old-\(getpid())")
        try FolderExchange.move(output.path, to: old.path)
        do {
            try FolderExchange.move(staging.path, to: output.path)
        } catch {
            try? FolderExchange.move(old.path, to: output.path)
            throw error
        }
        try? fm.removeItem(at: old)
    }

    /// Throws the staged files away (the build failed).
    public func discard() {
        try? fm.removeItem(at: staging)
        buildLock.release()
    }
}
