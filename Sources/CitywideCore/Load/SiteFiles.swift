import Foundation

/// Small file-system helpers for loading: listing in a stable order, reading
/// text with a diagnostic instead of a crash.
enum SiteFiles {
    /// Every regular file below `folder`, relative to it, sorted; links are not
    /// followed, so input cannot pull in files from outside the site.
    static func list(_ folder: URL) -> [String] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue,
              let enumerator = fm.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey])
        else { return [] }
        let base = folder.standardizedFileURL.path
        var files: [String] = []
        for case let url as URL in enumerator {
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
            guard values?.isRegularFile == true, values?.isSymbolicLink != true else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(base + "/") else { continue }
            files.append(String(path.dropFirst(base.count + 1)))
        }
        return files.sorted()
    }

    /// Files directly in `folder` (not below) with the given extension, sorted.
    static func list(_ folder: URL, withExtension ext: String) -> [String] {
        list(folder).filter { !$0.contains("/") && $0.hasSuffix("." + ext) && !$0.hasPrefix(".") }
    }

    static func readBytes(_ url: URL, path: String, log: DiagnosticLog) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            log.error(SourceLocation(path: path), "cannot read the file")
            return nil
        }
        return [UInt8](data)
    }

    /// UTF-8 text; a BOM is dropped, CRLF becomes LF, invalid UTF-8 is an error.
    static func readText(_ url: URL, path: String, log: DiagnosticLog) -> String? {
        guard var bytes = readBytes(url, path: path, log: log) else { return nil }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            log.error(SourceLocation(path: path), "the file is not valid UTF-8 text")
            return nil
        }
        return text.contains("\r\n") ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
    }
}
