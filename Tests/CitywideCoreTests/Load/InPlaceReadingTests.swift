import Foundation
import Testing
@testable import CitywideModel
@testable import CitywideInput

/// Loading searches a narrative's bytes with memchr and memcmp, and splices
/// shortcodes into its own text without decoding it again
/// (docs/performance.md). These compare each shortcut with what it replaced.
@Suite("Reading narratives in place")
struct InPlaceReadingTests {
    /// Text of every kind cmark-gfm makes a text node of: entities, escapes,
    /// a table cell with an escaped pipe, autolinks, strikethrough,
    /// footnotes, code spans and blocks, raw HTML, task lists, a NUL,
    /// non-ASCII text.
    static let narrative = """
        # Title &amp; more &#123;&#123; x \\{{ y

        Text with *emphasis*, **strong**, `code {{ span }}`, ~~gone~~, https://example.org/a?b=c and www.example.com.
        Line two ends with two spaces  
        and a backslash\\
        break. Café TO WRITE: e\u{301} 😀 {% liquid %} <span>raw</span> <!-- comment -->

        | a | b \\| c |
        |---|---|
        | {{ cell }} | TO WRITE: x |

        - [x] done {{ item }}
        - [ ] open

        ```swift
        let x = "{{ not text }}"
        ```

            indented code

        <div>
        block html
        </div>

        A footnote.[^n] And a NUL: \u{0}.

        [^n]: The note {{ note }}.
        """

    @Test("the narrative check warns where it did before its searches were memchr and memcmp")
    func narrativeWarnings() {
        let log = DiagnosticLog()
        _ = NarrativeCheck(path: "Blueprints/a.md", bodyLine: 5, folder: URL(fileURLWithPath: "/nonexistent"), log: log).scan(Self.narrative)
        let warnings = log.diagnostics.map { "\($0.line):\($0.column) \($0.message.prefix(40))" }
        // What the build before this change printed for the same text (line numbers from bodyLine 5).
        #expect(warnings == [
            "5:16 '{{ x {{ y' is the template syntax of an",
            "5:21 '{{ y' is the template syntax of another",
            "9:17 '{% liquid %}' is Liquid (Jekyll) syntax",
            "9:17 placeholder text left from `citywide new",
            "9:17 raw HTML is not published: '<span>' is d",
            "14:3 '{{ cell }}' is the template syntax of a",
            "14:16 placeholder text left from `citywide new",
            "16:12 '{{ item }}' is the template syntax of a",
            "25:1 raw HTML is not published: '<div>' is dr",
            "31:16 '{{ note }}' is the template syntax of a",
        ])
    }

    @Test("a URL is local or not from its bytes as from its characters")
    func localFromBytes() {
        let urls = ["", "#top", "/abs", "\\x", "a.md", "city-00001.md", "https://x.org", "mailto:a@b", "c:x", "1a:b", "a+b.c-d:x", "a_b:c",
                    ":x", "a b:c", "A:b", "é:x", "x:é", "a\r\n:b", "./a.md#x", "../Data/a.csv", "ftp:", "z9:", "[:x", "`a:b"]
        for url in urls {
            var expected = true
            if let first = url.first, first != "#", first != "/", first != "\\" {
                if let colon = url.firstIndex(of: ":") {
                    let scheme = url[..<colon]
                    if let initial = scheme.first, initial.isASCII, initial.isLetter,
                       scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) {
                        expected = false
                    }
                }
            } else {
                expected = false
            }
            #expect(LocalLinkResolver.isLocal(url) == expected, "\(url.debugDescription)")
        }
    }

    @Test("shortcodes spliced into the narrative's own text: the same bytes as the character reading, the text itself when none")
    func splice() {
        let texts = [
            "No shortcode here {{ at all }}.",
            "A {{< value m >}} and {{< value m period=false >}} end",
            "Café {{< value m >}} é\u{301}\nplain {{< progress m >}}\n{{< chart m >}}\n",
            "{{< unknown m >}} stays, {{< value m", "```\n{{< value m >}}\n```\nafter {{< value m >}}",
            "`{{< value m >}}` in code, then {{< value m city=\"x\" >}}",
        ]
        for text in texts {
            let byBytes = DiagnosticLog(), byCharacters = DiagnosticLog()
            let fast = ShortcodeParser.extract(text, path: "b.md", firstLine: 3, log: byBytes)
            let reference = ShortcodeParser.extractByCharacters(text, path: "b.md", firstLine: 3, log: byCharacters)
            #expect(Array(fast.text.utf8) == Array(reference.text.utf8), "\(text.debugDescription)")
            #expect(fast.shortcodes.map(\.location) == reference.shortcodes.map(\.location))
            #expect(byBytes.diagnostics == byCharacters.diagnostics)
        }
    }
}
