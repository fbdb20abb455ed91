/// Where a relative link or image of a blueprint's narrative leads, worked
/// out when the blueprint is read (the file exists, stays in the site, and is
/// published) so the page can link to it from any language and folder.
public enum LocalLink: Sendable, Equatable {
    /// Another blueprint (`chicago.md`, `chicago.es.md#funding`): that city's
    /// page, in `language` when the link names a translation, else in the
    /// language of the page that links.
    case city(slug: String, language: String?, fragment: String?)
    /// A file of the site (`images/team.png` next to the blueprint) copied
    /// into the output at `Paths.media(sitePath)`.
    case media(sitePath: String)
}
