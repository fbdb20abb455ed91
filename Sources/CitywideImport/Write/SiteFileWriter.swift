import Foundation
import CitywideModel
import CitywideInput

/// Writes an import's files into the site, atomically and only inside it.
///
/// A file is written whole to a temporary file beside it, flushed to disk,
/// then renamed over the old one: a reader (or a build) sees the old file or
/// the new one, never half of one. The folders on the way (`Data/`,
/// `Metrics/`) must be real folders of the site, not links, and the file
/// itself must not be a link: so nothing is ever written outside the site.
package enum SiteFileWriter {
    package enum Failure: Error, CustomStringConvertible {
        case refused(String)
        case io(String)
        case exists(String)
        package var description: String {
            switch self {
            case let .refused(m), let .io(m): m
            case let .exists(path): "\(path) already exists"
            }
        }
    }

    /// The file's bytes when it is a regular file of the site; nil when there
    /// is none. Throws for a link or anything else that is not a file.
    package static func existing(_ relative: String, in site: URL) throws -> [UInt8]? {
        let url = site.appendingPathComponent(relative)
        try checkFolders(relative, in: site, create: false)
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return nil }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw Failure.refused("\(relative) is not a regular file (a link or a folder): an import writes only plain files inside the site")
        }
        let log = DiagnosticLog()
        guard let bytes = SiteFiles.readBytes(url, path: relative, limit: SiteFiles.maximumDataBytes, log: log) else {
            throw Failure.io(log.diagnostics.first?.message ?? "cannot read \(relative)")
        }
        return bytes
    }

    /// Replaces (or creates) `relative` with `text`. With `onlyNew`, refuses
    /// a file that exists, even one created since it was looked at.
    package static func write(_ text: String, to relative: String, in site: URL, onlyNew: Bool = false) throws {
        try checkFolders(relative, in: site, create: true)
        let url = site.appendingPathComponent(relative)
        var info = stat()
        if lstat(url.path, &info) == 0 {
            if onlyNew { throw Failure.exists(relative) }
            guard (info.st_mode & S_IFMT) == S_IFREG else {
                throw Failure.refused("\(relative) is not a regular file (a link or a folder): an import writes only plain files inside the site")
            }
        }
        let folder = url.deletingLastPathComponent().path
        let temporary = "\(folder)/.\(url.lastPathComponent).import-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure.io("cannot write in \(folder): \(String(cString: strerror(errno)))") }
        var ok = true
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let n = Foundation.write(fd, base + offset, buffer.count - offset)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { ok = false; return }
                offset += n
            }
        }
        if fsync(fd) != 0 { ok = false }
        close(fd)
        guard ok else {
            unlink(temporary)
            throw Failure.io("cannot write \(relative): \(String(cString: strerror(errno)))")
        }
        if onlyNew {
            // link() fails when the name exists: a file made meanwhile is never replaced.
            let linked = link(temporary, url.path)
            let reason = errno
            unlink(temporary)
            guard linked == 0 else {
                throw reason == EEXIST ? Failure.exists(relative) : Failure.io("cannot write \(relative): \(String(cString: strerror(reason)))")
            }
        } else if rename(temporary, url.path) != 0 {
            let reason = errno
            unlink(temporary)
            throw Failure.io("cannot write \(relative): \(String(cString: strerror(reason)))")
        }
    }

    /// Every folder between the site and the file must be a real folder (no
    /// link), created when missing if `create`.
    private static func checkFolders(_ relative: String, in site: URL, create: Bool) throws {
        let parts = relative.split(separator: "/").map(String.init)
        guard !parts.isEmpty, !parts.contains(".."), !parts.contains("."), !relative.hasPrefix("/") else {
            throw Failure.refused("\(relative) is not a path inside the site")
        }
        var folder = site
        for part in parts.dropLast() {
            folder.appendPathComponent(part)
            var info = stat()
            if lstat(folder.path, &info) == 0 {
                guard (info.st_mode & S_IFMT) == S_IFDIR else {
                    throw Failure.refused("\(part)/ in the site is a link or a file, not a folder: an import writes only inside the site; make it a folder")
                }
            } else if create {
                guard mkdir(folder.path, 0o755) == 0 || errno == EEXIST else {
                    throw Failure.io("cannot create \(folder.path): \(String(cString: strerror(errno)))")
                }
            }
        }
    }
}
