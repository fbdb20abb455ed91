import Foundation

/// The files a build reads: `site.yml` and everything under the four input
/// folders. Hidden files (editor swap files, `.DS_Store`) are left out, as
/// the loader leaves them out.
enum SiteInputs {
    static let folders = ["Blueprints", "Metrics", "Data", "Templates"]
    static let rootFiles = ["site.yml"]

    /// Whether a name directly inside the site folder is an input.
    static func isInput(rootName name: String) -> Bool {
        rootFiles.contains(name) || folders.contains(name)
    }

    /// Every input file, relative to the site folder, sorted.
    static func files(in site: URL) -> [String] {
        var result: [String] = []
        let fm = FileManager.default
        for name in rootFiles where fm.fileExists(atPath: site.appendingPathComponent(name).path) {
            result.append(name)
        }
        for folder in folders {
            let base = site.appendingPathComponent(folder)
            guard let walker = fm.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { continue }
            let prefix = base.standardizedFileURL.path + "/"
            for case let url as URL in walker {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
                let path = url.standardizedFileURL.path
                guard path.hasPrefix(prefix) else { continue }
                result.append(folder + "/" + path.dropFirst(prefix.count))
            }
        }
        return result.sorted()
    }

    /// Paths, sizes and modification times: what the polling watcher compares.
    static func metadata(of site: URL) -> Int {
        var hasher = Hasher()
        for path in files(in: site) {
            hasher.combine(path)
            let attributes = try? FileManager.default.attributesOfItem(atPath: site.appendingPathComponent(path).path)
            hasher.combine((attributes?[.size] as? NSNumber)?.int64Value ?? -1)
            hasher.combine((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1)
        }
        return hasher.finalize()
    }
}
