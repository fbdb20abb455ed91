import Foundation
import CitywideModel

/// Small file-system helpers for loading: listing in a stable order, reading
/// text with a diagnostic instead of a crash.
///
/// Links are never followed, so input cannot come from outside the site, and
/// nothing is skipped without a word: a link, a name that is not UTF-8 or
/// anything that is not a regular file is reported at its path (an error when
/// it looks like input the site meant to give, a warning otherwise).
package enum SiteFiles {
    /// The largest data file read (docs/limits.md).
    package static let maximumDataBytes = 1 << 30
    /// The largest site.yml, metric, blueprint, template or translation file.
    package static let maximumTextBytes = 10_000_000

    /// Names that look like input a site folder means to give.
    private static let inputExtensions = [".csv", ".md", ".yml", ".yaml", ".mustache"]

    /// Every regular file below `folder`, relative to it, sorted. `path` is
    /// the folder as messages name it (`Data`); with a `log`, everything
    /// skipped is reported there.
    package static func list(_ folder: URL, path: String? = nil, log: DiagnosticLog? = nil) -> [String] {
        let root = folder.standardizedFileURL.path
        let shown = path ?? folder.lastPathComponent
        var info = stat()
        guard lstat(root, &info) == 0 else { return [] }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            log?.error(SourceLocation(path: shown), "\(shown)/ is a symbolic link: Citywide does not follow links, so that input always comes from inside the site; put the files themselves in \(shown)/")
            return []
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return [] }

        var files: [String] = []
        var pending = [""]  // folders still to read, relative to the root
        while let relativeFolder = pending.popLast() {
            let folderPath = relativeFolder.isEmpty ? root : root + "/" + relativeFolder
            guard let directory = opendir(folderPath) else {
                log?.warning(SourceLocation(path: shown + "/" + relativeFolder), "ignored: this folder cannot be read (\(String(cString: strerror(errno))))")
                continue
            }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let nameBytes = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
                if nameBytes == Array(".".utf8) || nameBytes == Array("..".utf8) { continue }
                let hidden = nameBytes.first == UInt8(ascii: ".")
                guard let name = String(validating: nameBytes, as: UTF8.self) else {
                    if !hidden {
                        let readable = String(decoding: nameBytes, as: UTF8.self)
                        let relative = relativeFolder.isEmpty ? readable : relativeFolder + "/" + readable
                        log?.warning(SourceLocation(path: shown + "/" + relative), "ignored: this file name is not valid UTF-8 text; rename it")
                    }
                    continue
                }
                let relative = relativeFolder.isEmpty ? name : relativeFolder + "/" + name
                // The kind of file as the folder lists it, without a stat per
                // file (10,000 blueprints); looked up only where the file
                // system does not say.
                var kind = Self.kind(fromDirectoryEntry: entry.pointee.d_type)
                if kind == nil {
                    var entryInfo = stat()
                    guard lstat(folderPath + "/" + name, &entryInfo) == 0 else { continue }
                    kind = entryInfo.st_mode & S_IFMT
                }
                switch kind {
                case S_IFREG:
                    files.append(relative)
                case S_IFDIR:
                    pending.append(relative)
                case S_IFLNK where !hidden:
                    let looksLikeInput = inputExtensions.contains { name.lowercased().hasSuffix($0) }
                    let message = "ignored: a symbolic link; Citywide does not follow links, so that input always comes from inside the site (copy the file here instead)"
                    if looksLikeInput {
                        log?.error(SourceLocation(path: shown + "/" + relative), message)
                    } else {
                        log?.warning(SourceLocation(path: shown + "/" + relative), message)
                    }
                default:
                    if !hidden {
                        log?.warning(SourceLocation(path: shown + "/" + relative), "ignored: not a regular file")
                    }
                }
            }
        }
        return files.sorted()
    }

    /// `stat`'s file kind (`S_IFREG`, ...) from a directory entry's type;
    /// nil when the file system leaves it unknown.
    private static func kind(fromDirectoryEntry type: UInt8) -> mode_t? {
        switch Int32(type) {
        case Int32(DT_REG): S_IFREG
        case Int32(DT_DIR): S_IFDIR
        case Int32(DT_LNK): S_IFLNK
        case Int32(DT_UNKNOWN): nil
        case Int32(DT_FIFO): S_IFIFO
        case Int32(DT_SOCK): S_IFSOCK
        case Int32(DT_CHR): S_IFCHR
        case Int32(DT_BLK): S_IFBLK
        default: nil
        }
    }

    /// Files directly in `folder` (not below) with the given extension, sorted.
    package static func list(_ folder: URL, withExtension ext: String) -> [String] {
        list(folder).filter { !$0.contains("/") && $0.hasSuffix("." + ext) && !$0.hasPrefix(".") }
    }

    /// The bytes of one input file. A link is refused (never followed: a
    /// link's target must not appear in messages), and so is a file larger
    /// than `limit`.
    package static func readBytes(_ url: URL, path: String, limit: Int = maximumTextBytes, log: DiagnosticLog) -> [UInt8]? {
        let fd = open(url.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ELOOP {
                log.error(SourceLocation(path: path), "\(path) is a symbolic link: Citywide does not follow links, so that input always comes from inside the site; put the file itself here")
            } else {
                log.error(SourceLocation(path: path), "cannot read the file (\(String(cString: strerror(errno))))")
            }
            return nil
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            log.error(SourceLocation(path: path), "cannot read the file: not a regular file")
            return nil
        }
        guard Int(info.st_size) <= limit else {
            log.error(SourceLocation(path: path), "the file is \(NumberText.format(Double(info.st_size))) bytes; Citywide reads files of at most \(NumberText.format(Double(limit))) bytes here (docs/limits.md)")
            return nil
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return read(fd, base + offset, buffer.count - offset)
            }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }
            offset += n
        }
        // A file that changed size while being read is read as far as it went.
        if offset < bytes.count { bytes.removeLast(bytes.count - offset) }
        return bytes
    }

    /// UTF-8 text; a BOM is dropped, CRLF becomes LF, invalid UTF-8 is an error.
    package static func readText(_ url: URL, path: String, log: DiagnosticLog) -> String? {
        guard var bytes = readBytes(url, path: path, log: log) else { return nil }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = firstInvalidUTF8(bytes)
            log.error(SourceLocation(path: path, line: line, column: column), "the file is not valid UTF-8 text (save it as UTF-8)")
            return nil
        }
        return withUnixLineEnds(text, bytes: bytes)
    }

    /// `text` (whose UTF-8 is `bytes`) with each CRLF made LF. Over bytes
    /// when every CRLF stands between ASCII bytes; Foundation decides the
    /// rest (it keeps a CRLF that a combining mark follows, as one character).
    package static func withUnixLineEnds(_ text: String, bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            var feeds: [Int] = []  // line feeds that end a CRLF
            var from = 0
            while let cr = UTF8Bytes.firstIndex(of: UTF8Bytes.carriageReturn, in: buffer, from..<buffer.count) {
                from = cr + 1
                guard from < buffer.count, buffer[from] == UTF8Bytes.lineFeed else { continue }
                let before = cr > 0 ? buffer[cr - 1] : 0
                let after = from + 1 < buffer.count ? buffer[from + 1] : 0
                guard before < 0x80, after < 0x80 else { return text.replacingOccurrences(of: "\r\n", with: "\n") }
                feeds.append(from)
            }
            guard !feeds.isEmpty else { return text }
            var unix: [UInt8] = []
            unix.reserveCapacity(buffer.count - feeds.count)
            var start = 0
            for feed in feeds {
                unix.append(contentsOf: buffer[start..<(feed - 1)])
                start = feed
            }
            unix.append(contentsOf: buffer[start...])
            return String(decoding: unix, as: UTF8.self)
        }
    }

    /// Line and column (in characters) of the first byte that is not UTF-8.
    package static func firstInvalidUTF8(_ bytes: [UInt8]) -> (line: Int, column: Int) {
        var iterator = bytes.makeIterator()
        var decoder = Unicode.UTF8()
        var line = 1
        var column = 1
        while case let .scalarValue(scalar) = decoder.decode(&iterator) {
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}
