import Foundation

/// A live figure embedded in blueprint Markdown:
///
///     {{< value survivors_identified >}}              the city's latest published value
///     {{< value survivors_identified city="chicago" >}}   another city's
///     {{< value survivors_identified period=false >}} the number alone, without "(2019-Q4)"
///     {{< progress labor_trafficking_referrals >}}     the progress status, in words
///     {{< chart emergency_shelter_beds >}}             a small chart (on a line of its own)
///
/// Shortcodes inside code spans and fenced code blocks are left as text, so
/// a blueprint can show how to write one.
public struct Shortcode: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case value, progress, chart
    }

    public var kind: Kind
    public var metric: String
    /// Another city's slug; nil for the blueprint's own city.
    public var city: String?
    public var location: SourceLocation
    /// Whether it stands alone on its line (required for charts).
    public var standsAlone: Bool
    /// Whether a value says its period after the number (`period=false`: not).
    public var showsPeriod: Bool = true
}

package enum ShortcodeParser {
    /// A private-use character marks where each shortcode was, through
    /// Markdown rendering: cmark passes it through untouched, and no one types it.
    package static let open: Character = "\u{E000}"
    package static let close: Character = "\u{E001}"

    /// Replaces each shortcode of `body` with a marker and returns what was found.
    ///
    /// Read over UTF-8 bytes line by line; a line with any non-ASCII byte is
    /// read as Characters (`replace(in:)`), which is what the messages'
    /// columns count and where a combining mark can change what matches.
    package static func extract(_ body: String, path: String, firstLine: Int, log: DiagnosticLog) -> (text: String, shortcodes: [Shortcode]) {
        UTF8Bytes.withBytes(of: body) { bytes in
            // Most narratives have none: don't walk their lines. (A shortcode
            // is ASCII: no bytes "{{<", no shortcode.)
            guard UTF8Bytes.firstIndex(of: openBytes, in: bytes, 0..<bytes.count) != nil else { return (body, []) }
            // "\r\n" is one Character, not a line break: read such text as Characters.
            guard UTF8Bytes.firstIndex(of: UTF8Bytes.carriageReturn, in: bytes, 0..<bytes.count) == nil else {
                return extractByCharacters(body, path: path, firstLine: firstLine, log: log)
            }
            var shortcodes: [Shortcode] = []
            var output = Splice(source: body)
            var fence: String?
            var lineStart = 0
            var offset = 0
            while true {
                let lineEnd = UTF8Bytes.firstIndex(of: UTF8Bytes.lineFeed, in: bytes, lineStart..<bytes.count) ?? bytes.count
                if UTF8Bytes.isASCII(bytes, lineStart..<lineEnd) {
                    var trimmed = lineStart
                    while trimmed < lineEnd, bytes[trimmed] == UInt8(ascii: " ") { trimmed += 1 }
                    if let f = fence {
                        let closes = f.utf8.allSatisfy { $0 < 0x80 }
                            ? UTF8Bytes.hasPrefix(f.utf8, in: bytes, at: trimmed, end: lineEnd)
                            : String(decoding: bytes[trimmed..<lineEnd], as: UTF8.self).hasPrefix(f)
                        if closes { fence = nil }
                    } else if UTF8Bytes.hasPrefix(backticks, in: bytes, at: trimmed, end: lineEnd) || UTF8Bytes.hasPrefix(tildes, in: bytes, at: trimmed, end: lineEnd) {
                        fence = String(decoding: bytes[trimmed..<(trimmed + 3)], as: UTF8.self)
                    } else {
                        replaceASCII(bytes, line: lineStart..<lineEnd, lineNumber: firstLine + offset, path: path, log: log, into: &shortcodes, output: &output)
                    }
                } else {
                    let line = Substring(String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self))
                    let found = shortcodes.count
                    let read = readLine(line, fence: &fence, lineNumber: firstLine + offset, path: path, log: log, into: &shortcodes)
                    // The line comes back as it was unless a shortcode was replaced.
                    if shortcodes.count != found { output.replace(lineStart..<lineEnd, with: read) }
                }
                guard lineEnd < bytes.count else { break }
                lineStart = lineEnd + 1
                offset += 1
            }
            return (output.text, shortcodes)
        }
    }

    /// The body with some byte ranges replaced, built from slices of the
    /// body itself: its bytes are valid UTF-8 already, so nothing is copied
    /// byte by byte or decoded again, and a body with nothing replaced is
    /// returned as it is. Ranges are replaced in order and start and end at
    /// ASCII bytes (a brace, a line feed), so every slice is whole characters.
    private struct Splice {
        let source: String
        private var result = ""
        /// Bytes of `source` before this offset are in `result` or were replaced.
        private var copied = 0
        private var changed = false

        init(source: String) {
            self.source = source
        }

        mutating func replace(_ range: Range<Int>, with text: String) {
            if !changed {
                result.reserveCapacity(source.utf8.count + 16)
                changed = true
            }
            result += slice(copied..<range.lowerBound)
            result += text
            copied = range.upperBound
        }

        private func slice(_ range: Range<Int>) -> Substring {
            UTF8Bytes.substring(of: source, bytes: range)
        }

        var text: String {
            changed ? result + slice(copied..<source.utf8.count) : source
        }
    }

    private static let openBytes = Array("{{<".utf8)
    private static let closeBytes = Array(">}}".utf8)
    private static let backticks = Array("```".utf8)
    private static let tildes = Array("~~~".utf8)

    /// `extract` as Characters: for text with a carriage return, and what
    /// the byte path must agree with (tests compare the two).
    package static func extractByCharacters(_ body: String, path: String, firstLine: Int, log: DiagnosticLog) -> (text: String, shortcodes: [Shortcode]) {
        var shortcodes: [Shortcode] = []
        var output: [String] = []
        var fence: String?
        for (offset, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            output.append(readLine(line, fence: &fence, lineNumber: firstLine + offset, path: path, log: log, into: &shortcodes))
        }
        return (output.joined(separator: "\n"), shortcodes)
    }

    /// One line as Characters: inside a code fence it is left as it is; a
    /// line that opens or closes one too.
    private static func readLine(_ line: Substring, fence: inout String?, lineNumber: Int, path: String, log: DiagnosticLog, into shortcodes: inout [Shortcode]) -> String {
        let trimmed = line.drop { $0 == " " }
        if let f = fence {
            if trimmed.hasPrefix(f) { fence = nil }
            return String(line)
        }
        if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
            fence = String(trimmed.prefix(3))
            return String(line)
        }
        return replace(in: line, lineNumber: lineNumber, path: path, log: log, into: &shortcodes)
    }

    /// `replace(in:)` over the bytes of an ASCII line, where a byte is a
    /// Character (so the column is the byte offset), replacing each
    /// shortcode in `output` (the rest of the line stays as it is).
    private static func replaceASCII(_ bytes: UnsafeBufferPointer<UInt8>, line: Range<Int>, lineNumber: Int, path: String, log: DiagnosticLog,
                                     into shortcodes: inout [Shortcode], output: inout Splice) {
        let end = line.upperBound
        guard UTF8Bytes.firstIndex(of: openBytes, in: bytes, line) != nil else { return }
        var i = line.lowerBound
        var onlySpaceBefore = true
        func take(_ range: Range<Int>) {
            if onlySpaceBefore, !bytes[range].allSatisfy(UTF8Bytes.isWhitespace) { onlySpaceBefore = false }
        }
        while i < end {
            // Code spans: a run of backticks up to the same run.
            if bytes[i] == UInt8(ascii: "`") {
                var j = i
                while j < end, bytes[j] == UInt8(ascii: "`") { j += 1 }
                if let closing = UTF8Bytes.firstIndex(of: bytes[i..<j], in: bytes, j..<end) {
                    take(i..<(closing + j - i))
                    i = closing + j - i
                } else {
                    take(i..<j)
                    i = j
                }
                continue
            }
            if UTF8Bytes.hasPrefix(openBytes, in: bytes, at: i, end: end) {
                let location = SourceLocation(path: path, line: lineNumber, column: i - line.lowerBound + 1)
                guard let closing = UTF8Bytes.firstIndex(of: closeBytes, in: bytes, i..<end) else {
                    log.error(location, "shortcode not closed: write {{< value metric_id >}}")
                    break
                }
                let after = closing + closeBytes.count
                let inner = Substring(String(decoding: bytes[(i + openBytes.count)..<closing], as: UTF8.self))
                let alone = onlySpaceBefore && bytes[after..<end].allSatisfy(UTF8Bytes.isWhitespace)
                if let shortcode = parse(inner, location: location, standsAlone: alone, log: log) {
                    output.replace(i..<after, with: "\(open)\(shortcodes.count)\(close)")
                    shortcodes.append(shortcode)
                    onlySpaceBefore = false
                } else {
                    take(i..<after)
                }
                i = after
                continue
            }
            // Plain text up to the next backtick or brace, in one piece.
            var j = i + 1
            while j < end, bytes[j] != UInt8(ascii: "`"), bytes[j] != UInt8(ascii: "{") { j += 1 }
            take(i..<j)
            i = j
        }
    }

    private static func replace(in line: Substring, lineNumber: Int, path: String, log: DiagnosticLog, into shortcodes: inout [Shortcode]) -> String {
        guard line.contains("{{<") else { return String(line) }
        var result = ""
        var i = line.startIndex
        // Kept as the scan goes, so each shortcode costs only its own length
        // (a thousand on one line once took seconds).
        var column = 1
        var onlySpaceBefore = true
        func take(_ text: Substring) {
            result += text
            column += text.count
            if onlySpaceBefore, !text.allSatisfy(\.isWhitespace) { onlySpaceBefore = false }
        }
        while i < line.endIndex {
            // Code spans: a run of backticks up to the same run.
            if line[i] == "`" {
                var j = i
                while j < line.endIndex, line[j] == "`" { j = line.index(after: j) }
                let run = line[i..<j]
                if let end = line[j...].range(of: run) {
                    take(line[i..<end.upperBound])
                    i = end.upperBound
                } else {
                    take(run)
                    i = j
                }
                continue
            }
            if line[i...].hasPrefix("{{<") {
                let location = SourceLocation(path: path, line: lineNumber, column: column)
                guard let end = line[i...].range(of: ">}}") else {
                    log.error(location, "shortcode not closed: write {{< value metric_id >}}")
                    result += line[i...]
                    break
                }
                let inner = line[line.index(i, offsetBy: 3)..<end.lowerBound]
                let alone = onlySpaceBefore && line[end.upperBound...].allSatisfy(\.isWhitespace)
                if let shortcode = parse(inner, location: location, standsAlone: alone, log: log) {
                    result += "\(open)\(shortcodes.count)\(close)"
                    shortcodes.append(shortcode)
                    column += line[i..<end.upperBound].count
                    onlySpaceBefore = false
                } else {
                    take(line[i..<end.upperBound])
                }
                i = end.upperBound
                continue
            }
            take(line[i...i])
            i = line.index(after: i)
        }
        return result
    }

    package static func parse(_ inner: Substring, location: SourceLocation, standsAlone: Bool, log: DiagnosticLog) -> Shortcode? {
        let words = inner.split(whereSeparator: \.isWhitespace).map(String.init)
        let kinds = Shortcode.Kind.allCases.map(\.rawValue).joined(separator: ", ")
        guard let name = words.first, let kind = Shortcode.Kind(rawValue: name) else {
            log.error(location, "unknown shortcode '\(words.first ?? "")': use one of \(kinds), e.g. {{< value metric_id >}}")
            return nil
        }
        var metric: String?
        var city: String?
        var showsPeriod = true
        let options = kind == .value ? "city=\"slug\", period=false" : "city=\"slug\""
        for word in words.dropFirst() {
            if let eq = word.firstIndex(of: "=") {
                let key = word[..<eq]
                let value = word[word.index(after: eq)...].trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                switch key {
                case "city":
                    city = value
                case "period" where kind == .value:
                    guard value == "false" || value == "true" else {
                        log.error(location, "shortcode option period is true or false, found '\(value)'")
                        return nil
                    }
                    showsPeriod = value == "true"
                default:
                    log.error(location, "shortcode '\(name)' has no option '\(key)' (options: \(options))")
                    return nil
                }
            } else if metric == nil {
                metric = word
            } else {
                log.error(location, "shortcode '\(name)' takes one metric id, found '\(word)' as well")
                return nil
            }
        }
        guard let metric else {
            log.error(location, "shortcode '\(name)' needs a metric id: {{< \(name) metric_id >}}")
            return nil
        }
        if kind == .chart, !standsAlone {
            log.error(location, "a chart shortcode stands on a line of its own")
            return nil
        }
        return Shortcode(kind: kind, metric: metric, city: city, location: location, standsAlone: standsAlone, showsPeriod: showsPeriod)
    }
}
