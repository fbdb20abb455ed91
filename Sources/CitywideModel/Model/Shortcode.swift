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
    package static func extract(_ body: String, path: String, firstLine: Int, log: DiagnosticLog) -> (text: String, shortcodes: [Shortcode]) {
        // Most narratives have none: don't walk their lines.
        guard body.contains("{{<") else { return (body, []) }
        var shortcodes: [Shortcode] = []
        var output: [String] = []
        var fence: Substring?
        for (offset, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " }
            if let f = fence {
                if trimmed.hasPrefix(f) { fence = nil }
                output.append(String(line))
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
                output.append(String(line))
                continue
            }
            output.append(replace(in: line, lineNumber: firstLine + offset, path: path, log: log, into: &shortcodes))
        }
        return (output.joined(separator: "\n"), shortcodes)
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
