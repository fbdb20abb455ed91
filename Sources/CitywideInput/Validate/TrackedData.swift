import Foundation
import CitywideModel

/// The raw counts in `Data/` are private even though the site is public: a
/// count of 3 committed to a public repository singles someone out whatever
/// the site withholds. When the site folder is a git work tree, `check` warns
/// for each file of `Data/` git tracks, unless the site says its data is
/// synthetic (as the example site's is, published on purpose).
///
/// Cheap and quiet by design: one `git ls-files`; no git, no repository, or
/// any failure of git means no warning, never an error.
package enum TrackedData {
    package static func check(_ site: Site, in folder: URL, log: DiagnosticLog) {
        guard site.config.dataStatus != .synthetic else { return }
        for path in trackedFiles(in: folder, under: "Data") {
            log.warning(SourceLocation(path: path), "\(path) is tracked by git: Data/ holds raw counts, small ones included, and should stay out of version control (git rm --cached -r Data, and list Data/ in .gitignore; see docs/privacy.md)")
        }
    }

    /// Paths relative to `folder` that git tracks below `subfolder`; empty
    /// when git is missing or `folder` is not in a work tree.
    package static func trackedFiles(in folder: URL, under subfolder: String) -> [String] {
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // -z: names as they are, not quoted; paths come out relative to -C's folder.
        git.arguments = ["git", "-C", folder.path, "ls-files", "-z", "--", subfolder]
        let output = Pipe()
        git.standardOutput = output
        git.standardError = FileHandle.nullDevice
        git.standardInput = FileHandle.nullDevice
        do { try git.run() } catch { return [] }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        git.waitUntilExit()
        guard git.terminationStatus == 0 else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\0").map(String.init).sorted()
    }
}
