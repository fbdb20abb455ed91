import Foundation
import CitywideModel
import CitywidePublished
import CitywideWrite

/// Stable ids for a narrative's headings, as GitHub makes them (lowercase,
/// punctuation removed, spaces to `-`, `-1`, `-2` added on repeats), so a
/// link to `chicago.md#funding` works on GitHub and on the site; and a
/// visible link to each section, beside (not inside) its heading, so the
/// heading's name stays its text.
package struct HeadingAnchors {
    /// Ids already on the page: the template's, the footnotes'.
    package var takenIDs: Set<String>
    package var sectionLink: (String) -> String

    /// GitHub's slug: letters, digits, `-` and `_` kept (lowercased), spaces
    /// to `-`, everything else dropped. Shortcode markers are dropped whole.
    package static func slug(_ text: String) -> String {
        var slug = ""
        var inMarker = false
        for character in text.lowercased() {
            if character == ShortcodeParser.open { inMarker = true; continue }
            if character == ShortcodeParser.close { inMarker = false; continue }
            guard !inMarker else { continue }
            if character == " " {
                slug.append("-")
            } else if character == "-" || character == "_" || character.isLetter || character.isNumber {
                slug.append(character)
            }
        }
        return slug.isEmpty ? "section" : slug
    }

    /// One id per heading, in order; each unique on the page.
    package func ids(for headings: [String]) -> [String] {
        var taken = takenIDs
        return headings.map { text in
            let base = Self.slug(text)
            var id = base
            var n = 0
            while taken.contains(id) {
                n += 1
                id = "\(base)-\(n)"
            }
            taken.insert(id)
            return id
        }
    }

    /// Gives each `<h2>`…`<h6>` of cmark's HTML, in order, its id and link.
    /// `headings` are their texts, in the same order (document order).
    package func apply(to html: String, headings: [String]) -> String {
        guard !headings.isEmpty else { return html }
        let ids = ids(for: headings)
        var result = ""
        var rest = Substring(html)
        var index = 0
        while index < ids.count, let open = Self.nextHeading(in: rest) {
            let level = open.level
            guard let close = rest[open.range.upperBound...].range(of: "</h\(level)>") else { break }
            let id = MarkupText.escape(ids[index])
            result += rest[..<open.range.lowerBound]
            result += "<div class=\"section-heading\"><h\(level) id=\"\(id)\">"
            result += rest[open.range.upperBound..<close.lowerBound]
            // The name is an attribute, not hidden text: a stylesheet forked
            // before this link existed shows it right too.
            result += "</h\(level)> <a class=\"heading-link\" href=\"#\(id)\" aria-label=\"\(MarkupText.escape(sectionLink(headings[index])))\">#</a></div>"
            rest = rest[close.upperBound...]
            index += 1
        }
        return result + rest
    }

    /// cmark writes a heading's start tag without attributes: `<h3>`.
    private static func nextHeading(in html: Substring) -> (range: Range<Substring.Index>, level: Int)? {
        var search = html.startIndex
        while let found = html[search...].range(of: "<h") {
            let digit = found.upperBound
            if digit < html.endIndex, let level = html[digit].wholeNumberValue, (2...6).contains(level) {
                let after = html.index(after: digit)
                if after < html.endIndex, html[after] == ">" {
                    return (found.lowerBound..<html.index(after: after), level)
                }
            }
            search = found.upperBound
        }
        return nil
    }

    /// Every `id="..."` already in some HTML (cmark's footnote ids).
    package static func ids(in html: String) -> Set<String> {
        var ids: Set<String> = []
        var rest = Substring(html)
        while let start = rest.range(of: " id=\"") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            ids.insert(String(rest[..<end]))
            rest = rest[end...]
        }
        return ids
    }
}
