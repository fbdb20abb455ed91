import Foundation
import CitywideModel

/// Splits Mustache text into its tags, with line and column, following
/// set-delimiter tags (`{{=<% %>=}}`). One linear pass over the text; no
/// recursion, so it is safe on any input, including text the Mustache
/// parser itself could not take (20,000 nested sections).
///
/// Used to check templates before they are parsed (`TemplateStructure`),
/// and to find the variables they name (`TemplateVariables`).
package enum TemplateTags {
    package struct Tag: Equatable {
        /// The character after the opening delimiter: `#`, `^`, `/`, `>`, `<`,
        /// `$`, `!`, `=`, `%`, `&`, `{`, or any other for a plain variable.
        var sigil: Character
        /// What is inside the delimiters, sigil included.
        var body: String
        /// The tag as written, delimiters included: `{{#empty(metrics)}}`.
        var text: String
        var line: Int
        var column: Int

        /// The name after the sigil, trimmed: `x` for `{{> x }}`.
        var name: String {
            String(body.dropFirst()).trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// Every tag of `text`, in order. A tag that is never closed ends the list:
    /// the parser reports it.
    package static func all(in text: String) -> [Tag] {
        let chars = Array(text)
        var open = Array("{{")
        var close = Array("}}")
        var tags: [Tag] = []
        var i = 0
        var line = 1
        var column = 1

        func matches(_ pattern: [Character], at index: Int) -> Bool {
            guard !pattern.isEmpty, index + pattern.count <= chars.count else { return false }
            for k in pattern.indices where chars[index + k] != pattern[k] { return false }
            return true
        }
        func find(_ pattern: [Character], from start: Int) -> Int? {
            var j = start
            while j + pattern.count <= chars.count {
                if matches(pattern, at: j) { return j }
                j += 1
            }
            return nil
        }
        /// Moves `i` to `target`, counting lines and columns on the way.
        func advance(to target: Int) {
            while i < target {
                if chars[i].isNewline {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                i += 1
            }
        }

        while i < chars.count {
            guard let start = find(open, from: i) else { break }
            advance(to: start)
            let (tagLine, tagColumn) = (line, column)
            let bodyStart = start + open.count
            guard bodyStart < chars.count else { break }
            let sigil = chars[bodyStart]
            var end: Int
            var closeLength = close.count
            switch sigil {
            case "=":
                // {{=<% %>=}}: the new delimiters, then `=` and the old closing one.
                guard let e = find(["="] + close, from: bodyStart + 1) else { return tags }
                let inner = String(chars[(bodyStart + 1)..<e]).split(whereSeparator: \.isWhitespace)
                end = e
                closeLength = close.count + 1
                if inner.count == 2 {
                    open = Array(inner[0])
                    close = Array(inner[1])
                }
            default:
                guard let e = find(close, from: bodyStart) else { return tags }
                end = e
                // {{{x}}}: the third brace closes after the closing delimiter.
                if sigil == "{", end + closeLength < chars.count, chars[end + closeLength] == "}" {
                    closeLength += 1
                }
            }
            let after = end + closeLength
            tags.append(Tag(sigil: sigil, body: String(chars[bodyStart..<end]), text: String(chars[start..<after]),
                            line: tagLine, column: tagColumn))
            advance(to: after)
        }
        return tags
    }
}
