import Foundation
import CitywideCore

#if canImport(Glibc)
import Glibc
#endif

/// Watches a site's inputs and calls `onChange` (on its own thread) after
/// any of them is saved, created, deleted or renamed.
///
/// Linux has no `DispatchSource` file-system events, so this uses inotify:
/// one watch per folder, added for new folders as they appear. Where
/// inotify is not available it polls every 300 ms instead.
final class SiteWatcher: @unchecked Sendable {
    private let site: URL
    private let onChange: @Sendable () -> Void
    private let lock = NSLock()
    private var stopped = false
    private var thread: Thread?
    private var fd: Int32 = -1
    /// Watch descriptor → folder path relative to the site ("" for the site itself).
    private var watches: [Int32: String] = [:]

    // From <sys/inotify.h>.
    private static let inModify: UInt32 = 0x0000_0002
    private static let inCloseWrite: UInt32 = 0x0000_0008
    private static let inMovedFrom: UInt32 = 0x0000_0040
    private static let inMovedTo: UInt32 = 0x0000_0080
    private static let inCreate: UInt32 = 0x0000_0100
    private static let inDelete: UInt32 = 0x0000_0200
    private static let inDeleteSelf: UInt32 = 0x0000_0400
    private static let inMoveSelf: UInt32 = 0x0000_0800
    private static let inQueueOverflow: UInt32 = 0x0000_4000
    private static let inIgnored: UInt32 = 0x0000_8000
    private static let inOnlyDir: UInt32 = 0x0100_0000
    private static let inIsDir: UInt32 = 0x4000_0000
    /// Saves end in a close after writing, or a rename onto the file (editors
    /// that save atomically). Not IN_MODIFY: a build must not read half a file.
    private static let mask = inCloseWrite | inMovedFrom | inMovedTo | inCreate | inDelete | inDeleteSelf | inMoveSelf | inOnlyDir

    init(site: URL, onChange: @escaping @Sendable () -> Void) {
        self.site = site.standardizedFileURL
        self.onChange = onChange
    }

    /// Whether changes are seen through inotify (false: by polling).
    private(set) var usesInotify = false

    func start() {
        #if canImport(Glibc)
        fd = inotify_init1(Int32(O_NONBLOCK | O_CLOEXEC))
        #endif
        usesInotify = fd >= 0
        if usesInotify {
            addWatch("")
            for folder in SiteInputs.folders { addTree(folder) }
        }
        let thread = Thread { [self] in usesInotify ? readEvents() : poll() }
        thread.name = "citywide-watch"
        self.thread = thread
        thread.start()
    }

    func stop() {
        lock.withLock { stopped = true }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    // MARK: inotify

    private func addWatch(_ relative: String) {
        #if canImport(Glibc)
        let path = relative.isEmpty ? site.path : site.appendingPathComponent(relative).path
        let wd = inotify_add_watch(fd, path, Self.mask)
        if wd >= 0 { lock.withLock { watches[wd] = relative } }
        #endif
    }

    /// Watches a folder and every folder below it.
    private func addTree(_ relative: String) {
        var isDirectory: ObjCBool = false
        let url = site.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else { return }
        addWatch(relative)
        let children = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        for child in children.sorted() where !child.hasPrefix(".") {
            // Only real folders: a symbolic link to a folder is not followed
            // (`Data/loop -> ..` would otherwise recurse without end), as the
            // loader does not follow it either.
            let type = (try? FileManager.default.attributesOfItem(atPath: url.appendingPathComponent(child).path))?[.type] as? FileAttributeType
            if type == .typeDirectory {
                addTree(relative + "/" + child)
            }
        }
    }

    private func readEvents() {
        #if canImport(Glibc)
        defer { close(fd) }
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
        defer { buffer.deallocate() }
        while !isStopped {
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = Glibc.poll(&pfd, 1, 200)
            if ready <= 0 { continue }
            let count = read(fd, buffer, size)
            if count <= 0 { continue }
            var changed = false
            var offset = 0
            while offset + 16 <= count {
                let wd = buffer.load(fromByteOffset: offset, as: Int32.self)
                let mask = buffer.load(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(buffer.load(fromByteOffset: offset + 12, as: UInt32.self))
                let namePointer = (buffer + offset + 16).assumingMemoryBound(to: CChar.self)
                let name = length > 0 ? String(cString: namePointer) : ""
                offset += 16 + length
                if handle(wd: wd, mask: mask, name: name) { changed = true }
            }
            if changed { onChange() }
        }
        #endif
    }

    /// Returns whether the event concerns an input.
    private func handle(wd: Int32, mask: UInt32, name: String) -> Bool {
        if mask & Self.inQueueOverflow != 0 { return true }
        guard let folder = lock.withLock({ watches[wd] }) else { return false }
        if mask & Self.inIgnored != 0 {
            lock.withLock { _ = watches.removeValue(forKey: wd) }
            return false
        }
        if mask & (Self.inDeleteSelf | Self.inMoveSelf) != 0 { return !folder.isEmpty }
        if name.hasPrefix(".") { return false }
        if folder.isEmpty && !SiteInputs.isInput(rootName: name) { return false }
        let relative = folder.isEmpty ? name : folder + "/" + name
        if mask & Self.inIsDir != 0 {
            // A new or renamed folder: watch it and everything already in it.
            if mask & (Self.inCreate | Self.inMovedTo) != 0, !isSymbolicLink(relative) { addTree(relative) }
            return true
        }
        // A new file is announced again when its writer closes it.
        if mask & Self.inCreate != 0 { return false }
        return true
    }

    private func isSymbolicLink(_ relative: String) -> Bool {
        let type = (try? FileManager.default.attributesOfItem(atPath: site.appendingPathComponent(relative).path))?[.type] as? FileAttributeType
        return type == .typeSymbolicLink
    }

    // MARK: polling

    private func poll() {
        var last = SiteInputs.metadata(of: site)
        while !isStopped {
            Thread.sleep(forTimeInterval: 0.3)
            let now = SiteInputs.metadata(of: site)
            if now != last {
                last = now
                onChange()
            }
        }
    }
}
