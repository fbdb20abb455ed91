import Foundation
import CitywideModel

/// `citywide init`: a new site that builds as it is, with the built-in
/// templates copied into `Templates/` so a peer city can edit them.
public enum SiteScaffold {
    @discardableResult
    public static func createSite(at folder: URL) throws -> [String] {
        let fm = FileManager.default
        if fm.fileExists(atPath: folder.path) {
            let contents = (try? fm.contentsOfDirectory(atPath: folder.path)) ?? ["?"]
            guard contents.isEmpty else { throw ScaffoldFailure.notEmpty(folder.path) }
        }
        var written: [String] = []
        for file in BuiltinSite.starter + BuiltinSite.files {
            let url = folder.appendingPathComponent(file.path)
            do {
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.bytes).write(to: url, options: .withoutOverwriting)
            } catch {
                throw ScaffoldFailure.io("cannot write \(url.path): \(error.localizedDescription)")
            }
            written.append(file.path)
        }
        return written
    }
}
