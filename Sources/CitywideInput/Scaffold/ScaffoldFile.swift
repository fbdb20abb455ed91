import Foundation
import CitywideModel

/// Why `citywide init`, `new city` or `new metric` wrote nothing.
public enum ScaffoldFailure: Error, Equatable, CustomStringConvertible {
    /// The file is already there: scaffolds never overwrite a user's work.
    case exists(String)
    /// `init` makes a new site only in a new or empty folder.
    case notEmpty(String)
    /// The name or id cannot become a file name and an id.
    case invalidName(String)
    /// `--site` (or the current folder) is not a site: no folder, or no site.yml in it.
    case noSite(String)
    case io(String)

    public var description: String {
        switch self {
        case let .exists(path): "\(path) already exists; nothing was written (remove it, or choose another name)"
        case let .notEmpty(path): "\(path) already exists and is not empty; choose a new folder"
        case let .invalidName(message): message
        case let .noSite(path): "\(path) is not a site folder: it has no site.yml. Run this in a site folder or name one with --site DIR (create a site with: citywide init DIR)"
        case let .io(message): message
        }
    }
}

/// What the scaffolds share: reading the site's settings for their comments,
/// and writing one new file without ever replacing one.
package enum ScaffoldFile {
    /// Writes `text` to `relative` in `site`, creating its folder; refuses an existing file.
    /// Returns the path written, relative to the site.
    package static func create(_ relative: String, text: String, in site: URL, alsoRefusing others: [String] = []) throws -> String {
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        // A folder without site.yml is not a site: a blueprint written there
        // would be found by nothing.
        guard fm.fileExists(atPath: site.path, isDirectory: &isFolder), isFolder.boolValue,
              fm.fileExists(atPath: site.appendingPathComponent("site.yml").path) else {
            throw ScaffoldFailure.noSite(site.path)
        }
        for path in [relative] + others where exists(site.appendingPathComponent(path)) {
            throw ScaffoldFailure.exists(path)
        }
        let url = site.appendingPathComponent(relative)
        do {
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // O_EXCL: even a file created since the check above is not replaced.
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            if exists(url) { throw ScaffoldFailure.exists(relative) }
            throw ScaffoldFailure.io("cannot write \(url.path): \(error.localizedDescription)")
        }
        return relative
    }

    /// True for a file, a folder, or a link (even a broken one).
    package static func exists(_ url: URL) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: url.path)) != nil
    }

    /// The site's settings, or the defaults when `site.yml` is missing or has errors
    /// (the scaffold only uses them for comments; `check` reports the errors).
    package static func siteConfig(_ site: URL) -> SiteConfig {
        let url = site.appendingPathComponent("site.yml")
        guard let data = FileManager.default.contents(atPath: url.path) else { return SiteConfig() }
        return SiteConfig.load(text: String(decoding: data, as: UTF8.self), path: "site.yml", log: DiagnosticLog())
    }

    /// Ids of the site's metrics (`Metrics/<id>.yml`), sorted.
    package static func metricIDs(_ site: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("Metrics").path)) ?? []
        return names.compactMap { name -> String? in
            for ext in [".yml", ".yaml"] where name.hasSuffix(ext) {
                let id = String(name.dropLast(ext.count))
                return Identifier.isValid(id) ? id : nil
            }
            return nil
        }.sorted()
    }

    /// A YAML double-quoted scalar: safe for any text without line breaks.
    package static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Comma-separated words, wrapped into comment lines of at most `width` characters.
    package static func wrapped(_ words: [String], prefix: String, width: Int = 96) -> [String] {
        var lines: [String] = []
        var line = prefix
        for (i, word) in words.enumerated() {
            let item = word + (i < words.count - 1 ? "," : "")
            if line.count + 1 + item.count > width, line != prefix {
                lines.append(line)
                line = prefix
            }
            line += (line == prefix ? "" : " ") + item
        }
        if line != prefix { lines.append(line) }
        return lines
    }
}
