/// site.yml `help: { text, url }`: where a reader in trouble can get help
/// (a hotline), shown on every page in every language.
public struct HelpLine: Sendable, Hashable {
    package init(text: String, url: String? = nil) {
        self.text = text
        self.url = url
    }

    public var text: String
    /// A web address or a `tel:` link; absent, the text stands alone.
    public var url: String?
    /// The language `text` is in, when it is not the page's (a language
    /// without its own help line shows the site's).
    public var writtenIn: String? = nil
}
