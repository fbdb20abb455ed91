import Foundation

/// The site files a build copies into its output, each resolved to where it
/// is on disk: the templates' file assets and the media narratives show.
/// Rendering gets these and never the site folder, so it cannot open
/// anything else there (such as `Data/*.csv`).
public struct AssetFiles: Sendable {
    /// Site path (`Templates/assets/site.css`) → the file.
    public var bySitePath: [String: URL]

    public init(bySitePath: [String: URL] = [:]) {
        self.bySitePath = bySitePath
    }

    /// Every file `site` copies, resolved inside `folder`.
    public init(of site: Site, in folder: URL) {
        var files: [String: URL] = [:]
        for case let .file(sitePath) in site.templates.assets.values {
            files[sitePath] = folder.appendingPathComponent(sitePath)
        }
        for sitePath in site.mediaFiles {
            files[sitePath] = folder.appendingPathComponent(sitePath)
        }
        bySitePath = files
    }

    /// The file at `sitePath`; a path the site did not list has none.
    public func url(_ sitePath: String) -> URL? { bySitePath[sitePath] }
}
