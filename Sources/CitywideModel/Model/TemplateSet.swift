import Mustache

/// The templates and assets a build uses: the built-in set, with each file of
/// the site's `Templates/` folder replacing the built-in file of the same name.
public struct TemplateSet: Sendable {
    package init(library: MustacheLibrary, origins: [String: String], assets: [String: AssetSource], sources: [(name: String, origin: String, text: String)] = []) {
        self.library = library
        self.origins = origins
        self.assets = assets
        self.sources = sources
    }

    /// No templates: for a site that is analysed, never rendered (`DisclosureInput`).
    package static var none: TemplateSet { TemplateSet(library: MustacheLibrary(), origins: [:], assets: [:]) }

    public var library: MustacheLibrary
    /// Template name → where it came from (`Templates/city.mustache` or `built-in city.mustache`).
    public var origins: [String: String]
    /// Output path under `assets/` → its content.
    public var assets: [String: AssetSource]
    /// Every template's text, for `check` to compare the variables it uses
    /// with those pages provide.
    public var sources: [(name: String, origin: String, text: String)] = []

    public enum AssetSource: Sendable {
        case builtIn([UInt8])
        case file(path: String)
    }
}
