import Foundation
import CitywideModel

/// The files a build reads: `site.yml` and every file under the four input
/// folders, listed as the loader lists them (`SiteFiles.list`: no link
/// followed; hidden files, such as editor swap files and `.DS_Store`, left
/// out). The one definition `build`, `serve`'s builder and its watcher share.
public enum SiteInputs {
    public static let folders = ["Blueprints", "Metrics", "Data", "Templates"]
    public static let rootFiles = ["site.yml"]

    /// Whether a name directly inside the site folder is an input.
    public static func isInput(rootName name: String) -> Bool {
        rootFiles.contains(name) || folders.contains(name)
    }

    /// Every input file, relative to the site folder, sorted.
    public static func files(in site: URL) -> [String] {
        var result = rootFiles.filter { FileManager.default.fileExists(atPath: site.appendingPathComponent($0).path) }
        for folder in folders {
            for relative in SiteFiles.list(site.appendingPathComponent(folder)) where !relative.hasPrefix(".") && !relative.contains("/.") {
                result.append(folder + "/" + relative)
            }
        }
        return result.sorted()
    }
}
