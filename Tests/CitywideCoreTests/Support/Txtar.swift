import Foundation

/// A whole small site in one string, as Go's txtar archives and Hugo's
/// integration tests write it: each file starts with a `-- path --` line and
/// runs to the next one. A test that shows every file of its site cannot be
/// broken by an edit to a fixture it does not show.
///
///     -- site.yml --
///     title: Test
///     -- Data/referrals.csv --
///     city,period,metric,value
enum Txtar {
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    /// path → text. Text before the first header, an empty path and a path
    /// given twice are errors, so a typo cannot silently drop a file.
    static func parse(_ archive: String) throws -> [String: String] {
        var files: [String: String] = [:]
        var current: String?
        var lines: [Substring] = []
        func finish() throws {
            guard let path = current else { return }
            guard files[path] == nil else { throw Problem(description: "\(path) is given twice") }
            files[path] = lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
        }
        for line in archive.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- "), line.hasSuffix(" --"), line.count > 6 {
                try finish()
                let path = line.dropFirst(3).dropLast(3).trimmingCharacters(in: .whitespaces)
                guard !path.isEmpty else { throw Problem(description: "a file header with no path") }
                current = path
                lines = []
            } else if current == nil {
                guard line.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw Problem(description: "text before the first '-- path --' line: \(line)")
                }
            } else {
                lines.append(line)
            }
        }
        // The archive's last newline ends the last file's last line.
        if lines.last?.isEmpty == true { lines.removeLast() }
        try finish()
        return files
    }
}

extension TestSite {
    /// A site written out from a txtar archive (see `Txtar`).
    init(txtar archive: String) throws {
        try self.init(Txtar.parse(archive))
    }
}
