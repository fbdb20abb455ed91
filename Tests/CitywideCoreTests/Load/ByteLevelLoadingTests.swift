import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput

/// Loading reads blueprints over UTF-8 bytes (docs/performance.md): front
/// matter, line ends, shortcodes and placeholders. These pin the edges where
/// bytes and Characters could part (CRLF, a BOM, non-ASCII text, a combining
/// mark after markup, shortcodes at line ends) and compare the byte paths
/// with the character reading they replaced on generated hostile text.
@Suite("Loading over bytes")
struct ByteLevelLoadingTests {
    @Test("a blueprint saved with a BOM and CRLF, in Spanish, with shortcodes at line ends: same columns as characters")
    func crlfBOMNonASCIISite() throws {
        let blueprint = "\u{FEFF}---\r\ncity: San José\r\ncommitments:\r\n  - id: refugio\r\n    system: housing\r\n    title: Camas de refugio\r\n    status: planned\r\n    metrics: [beds]\r\n---\r\n"
            + "# San José\r\n\r\nCamas este año: {{< value beds >}}\r\n\r\nAño {{< value nope >}}\r\n\r\nTO WRITE: algo\r\n\r\nCafé TO WRITE: más\r\n"
        let site = try TestSite([
            "site.yml": "title: Test\nbase_url: https://example.org/\ndata_status: synthetic\n",
            "Metrics/beds.yml": "id: beds\ntitle: Shelter beds\nsystem: housing\ntype: count\nfrequency: quarterly\n",
            "Data/beds.csv": "city,period,metric,value\nsan-jose,2020-Q1,beds,40\n",
            "Blueprints/san-jose.md": blueprint,
        ])
        defer { site.cleanUp() }
        let outcome = site.check()
        let blueprints = outcome.lines.filter { $0.hasPrefix("Blueprints/") }
        #expect(blueprints.contains { $0.hasPrefix("Blueprints/san-jose.md:14:5: error:") && $0.contains("'nope'") })
        #expect(blueprints.contains("Blueprints/san-jose.md:16:1: warning: placeholder text left from `citywide new city`: replace it with the city's own words, or delete it"))
        #expect(blueprints.contains("Blueprints/san-jose.md:18:6: warning: placeholder text left from `citywide new city`: replace it with the city's own words, or delete it"))
        let shortcodes = outcome.site?.blueprints.first?.shortcodes ?? []
        #expect(shortcodes.map(\.location.column) == [17, 5])
        #expect(shortcodes.first?.standsAlone == false)
        #expect(outcome.site?.blueprints.first?.city == "San José")
        #expect(outcome.site?.blueprints.first?.body.contains("\r") == false)
    }

    @Test("front matter: fences as bytes, lines ending only at a line feed that is not part of CRLF")
    func frontMatterEdges() {
        #expect(FrontMatter.split("---\ncity: A\n---\n# Body\n")?.body == "# Body")
        // A final "\r\n" is one Character, not a line feed: kept.
        #expect(FrontMatter.split("---\ncity: A\n---\nBody\r\n")?.body == "Body\r\n")
        // "\r\r\n" (left after CRLF became LF): "---\r\r\n" is not a fence line.
        #expect(FrontMatter.split("---\ncity: A\n---\r\r\nBody\n") == nil)
        // "---\r" at the very end closes.
        #expect(FrontMatter.split("---\ncity: A\n---\r")?.body == "")
        // A combining mark makes the last hyphen another character.
        #expect(FrontMatter.split("---\u{301}\ncity: A\n---\nB") == nil)
        #expect(FrontMatter.split("---\ncity: Zoë\n---\u{301}\nB\n---\nÉ\n").map { [$0.yaml, $0.body] } == ["city: Zoë\n---\u{301}\nB", "É"])
        #expect(FrontMatter.split("---\n---\nbody")?.yaml == "")
        #expect(FrontMatter.split("---\n---\nbody")?.bodyLine == 3)
    }

    @Test("CRLF becomes LF; a CRLF before a combining mark stays, as Foundation has it")
    func lineEnds() {
        for text in ["a\r\nb", "a\r\r\nb", "\r\n", "é\r\nb", "a\r\n\u{301}b", "año\r\nsí\r\n", "x\r", "\r\n\r\n\r"] {
            #expect(SiteFiles.withUnixLineEnds(text, bytes: Array(text.utf8)) == text.replacingOccurrences(of: "\r\n", with: "\n"))
        }
    }

    @Test("generated hostile text: the byte paths find what the character reading found")
    func sameAsCharacters() {
        let pieces = ["{{<", ">}}", " value m ", " chart m", " city=\"x\"", " period=no", "`", "```", "~~~", " ", "  ", "\n", "\r", "\r\n",
                      "é", "e\u{301}", "\u{301}", "\u{338}", "\u{1FEF}", "\u{600}", "😀", "<", "{", "}", ">", "TO WRITE:", "---", "a", "\t"]
        var state: UInt64 = 16
        func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        for _ in 0..<3000 {
            let text = (0..<next(24)).map { _ in pieces[next(pieces.count)] }.joined()
            let byBytes = DiagnosticLog(), byCharacters = DiagnosticLog()
            let fast = ShortcodeParser.extract(text, path: "b.md", firstLine: 3, log: byBytes)
            let reference = ShortcodeParser.extractByCharacters(text, path: "b.md", firstLine: 3, log: byCharacters)
            #expect(fast.text == reference.text, "\(text.debugDescription)")
            // String's == compares canonically; the page needs the same bytes.
            #expect(Array(fast.text.utf8) == Array(reference.text.utf8), "\(text.debugDescription)")
            #expect(fast.shortcodes.map(\.location) == reference.shortcodes.map(\.location), "\(text.debugDescription)")
            #expect(byBytes.diagnostics == byCharacters.diagnostics, "\(text.debugDescription)")

            #expect(SiteFiles.withUnixLineEnds(text, bytes: Array(text.utf8)) == text.replacingOccurrences(of: "\r\n", with: "\n"), "\(text.debugDescription)")

            let placeholder = text.range(of: BlueprintScaffold.placeholderMarker).map { text.utf8.distance(from: text.startIndex, to: $0.lowerBound) }
            #expect(Array(text.utf8).withUnsafeBufferPointer { NarrativeCheck.placeholderOffset(in: $0) } == placeholder, "\(text.debugDescription)")

            let framed = "---" + text
            #expect(FrontMatter.split(framed).map { [$0.yaml, $0.body, String($0.bodyLine)] } == Self.splitByCharacters(framed).map { [$0.yaml, $0.body, String($0.bodyLine)] },
                    "\(framed.debugDescription)")
        }
    }

    /// FrontMatter.split as it read Characters before it read bytes.
    private static func splitByCharacters(_ text: String) -> (yaml: String, body: String, bodyLine: Int)? {
        func isFence(_ line: Substring) -> Bool { line.trimmingSuffix("\r") == "---" }
        var lineStart = text.startIndex
        var lineNumber = 1
        var yamlStart: String.Index?
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[lineStart..<lineEnd]
            let next = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
            if lineNumber == 1 {
                guard isFence(line) else { return nil }
                yamlStart = next
            } else if isFence(line), let yamlStart {
                let yaml = yamlStart < lineStart ? String(text[yamlStart..<text.index(before: lineStart)]) : ""
                var body = text[next...]
                if body.hasSuffix("\n") { body = body.dropLast() }
                return (yaml, String(body), lineNumber + 1)
            }
            lineStart = next
            lineNumber += 1
        }
        return nil
    }
}
