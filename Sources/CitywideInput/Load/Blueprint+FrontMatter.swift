import Foundation
import CitywideModel

extension Blueprint {
    /// Reads `Blueprints/<slug>.md`: YAML front matter between `---` lines, then Markdown.
    package static func load(text: String, path: String, slug: String, site: SiteConfig, metricIDs: Set<String>, folder: URL,
                             listedFiles: Set<String> = [], log: DiagnosticLog) -> Blueprint? {
        let fileLocation = SourceLocation(path: path)
        guard let split = FrontMatter.split(text) else {
            let opened = text.prefix { $0 != "\n" }.trimmingSuffix("\r") == "---"
            log.error(fileLocation, opened
                ? "the front matter that starts on line 1 is never closed: end it with a line '---' before the Markdown"
                : "a blueprint starts with front matter: a line '---', YAML (city:, commitments: ...), and another '---'")
            return nil
        }
        guard let root = YAMLDocument.parse(split.yaml, path: path, firstLine: 2, log: log),
              var fields = YAMLMapping(root, path: path, lineOffset: 1, log: log, what: "front matter")
        else { return nil }

        let city = fields.string("city", required: true) ?? slug
        let state = fields.string("state") ?? ""
        let population = fields.int("population", min: 1)
        let fellow = fields.string("fellow") ?? ""
        let adopted = fields.day("adopted")
        let updated = fields.day("updated")
        var commitments: [Commitment] = []
        let commitmentNodes = fields.sequence("commitments") ?? []
        if commitmentNodes.isEmpty, !isTranslation(path: path, slug: slug) {
            log.warning(fields.valueLocation("commitments"), "the blueprint has no commitments: its page shows none, and the coverage page counts none for \(city)")
        }
        for node in commitmentNodes {
            if let commitment = Commitment.load(node, fields: fields, site: site, metricIDs: metricIDs) {
                commitments.append(commitment)
            }
        }
        fields.finish("blueprint front matter")

        let narrative = readNarrative(split.body, path: path, bodyLine: split.bodyLine, folder: folder, listedFiles: listedFiles, log: log)
        return Blueprint(
            slug: slug, city: city, state: state, population: population, fellow: fellow,
            adopted: adopted, updated: updated, commitments: commitments,
            body: narrative.body, prepared: narrative.prepared, shortcodes: narrative.shortcodes, links: narrative.links,
            bodyLine: split.bodyLine, location: fileLocation
        )
    }

    /// The narrative as rendering needs it: shortcodes replaced by markers,
    /// where its relative links and images lead, and its HTML prepared for
    /// pages to finish (nil, with the Markdown kept, when it cannot be: see
    /// `PreparedNarrative`). Also used by `serve` when only a narrative changed.
    ///
    /// The text is parsed once when the check can read the text `build`
    /// renders (see `ShortcodeNeutrality`); else the check reads the text as
    /// written, as it always did, and the rendered text is parsed apart.
    package static func readNarrative(_ text: String, path: String, bodyLine: Int, folder: URL, listedFiles: Set<String> = [],
                                       log: DiagnosticLog) -> (body: String, prepared: PreparedNarrative?, shortcodes: [Shortcode], links: [String: LocalLink]) {
        let check = NarrativeCheck(path: path, bodyLine: bodyLine, folder: folder, log: log, listedFiles: listedFiles)
        let (body, shortcodes) = ShortcodeParser.extract(text, path: path, firstLine: bodyLine, log: log)
        guard let document = MarkdownDocument(body) else {
            return (body, nil, shortcodes, check.scan(text))
        }
        let links: [String: LocalLink]
        if shortcodes.isEmpty {
            // Nothing was replaced: the text rendered is the text written.
            links = check.scan(document, text: body).links
        } else if ShortcodeNeutrality.holds(text) {
            // Checked quietly first: a message would point at the text with
            // markers, so a narrative with any is checked again as written.
            let trial = DiagnosticLog()
            let scan = NarrativeCheck(path: path, bodyLine: bodyLine, folder: folder, log: trial, listedFiles: listedFiles).scan(document, text: body)
            links = scan.markerInLink || !trial.diagnostics.isEmpty ? check.scan(text) : scan.links
        } else {
            links = check.scan(text)
        }
        let prepared = PreparedNarrative(document, isLocal: { links[$0] != nil })
        // The Markdown is kept only when it is rendered at each page.
        return (prepared == nil ? body : "", prepared, shortcodes, links)
    }

    /// `Blueprints/<slug>.<lang>.md`: a translation, which repeats no commitments.
    private static func isTranslation(path: String, slug: String) -> Bool {
        !path.hasSuffix("/\(slug).md")
    }
}

extension Commitment {
    fileprivate static func load(_ node: YAMLNode, fields parent: YAMLMapping, site: SiteConfig, metricIDs: Set<String>) -> Commitment? {
        guard var fields = YAMLMapping(node, path: parent.path, lineOffset: parent.lineOffset, log: parent.log, what: "a commitment") else { return nil }
        let log = parent.log
        let id = fields.string("id", required: true)
        if let id, !Identifier.isValid(id) {
            log.error(fields.location, "commitment id '\(id)' must be \(Identifier.rule)")
        }
        let systemText = fields.string("system", required: true)
        var system: CitySystem?
        if let systemText {
            system = CitySystem(rawValue: systemText)
            if system == nil || system == .crossSystem {
                let allowed = CitySystem.seven.map(\.rawValue).joined(separator: ", ")
                log.error(fields.valueLocation("system"), "commitment '\(id ?? "?")' names unknown system '\(systemText)' (one of \(allowed))")
                system = nil
            }
        }
        let title = fields.string("title", required: true)
        if let title, NarrativeCheck.placeholderOffset(in: title) != nil {
            log.warning(fields.valueLocation("title"), "placeholder text left from `citywide new city`: write what the city will do, or remove commitment '\(id ?? "?")'")
        }
        let status: Status? = fields.choice("status", required: true)
        let due = fields.day("due")
        let completed = fields.day("completed")
        var populations: [String] = []
        for (key, location) in fields.stringList("populations") ?? [] {
            if site.populations.contains(where: { $0.key == key }) {
                populations.append(key)
            } else {
                let known = site.populations.map(\.key).joined(separator: ", ")
                log.error(location, "unknown population '\(key)' (site.yml populations: \(known))")
            }
        }
        let metricList = fields.stringList("metrics")
        let metrics = metricList ?? []
        if metricList?.isEmpty == true {
            log.warning(fields.valueLocation("metrics"), "commitment '\(id ?? "?")' has no metrics (metrics: []): name the Metrics/<id>.yml that track it, so its page can show progress, or remove the line")
        }
        for (metric, location) in metrics where !metricIDs.contains(metric) {
            log.error(location, "commitment '\(id ?? "?")' names unknown metric '\(metric)': no Metrics/\(metric).yml\(NameSuggestion.phrase(for: metric, in: metricIDs.sorted()))")
        }
        var target: CommitmentTarget?
        if var targetFields = fields.mapping("target") {
            let metric = targetFields.string("metric", required: true)
            let value = targetFields.number("value", required: true)
            let by = targetFields.day("by", required: true)
            targetFields.finish("target")
            if let metric, !metricIDs.contains(metric) {
                log.error(targetFields.valueLocation("metric"), "the target of '\(id ?? "?")' names unknown metric '\(metric)'")
            }
            if let metric, let value, let by {
                target = CommitmentTarget(metric: metric, value: value, by: by, location: targetFields.location)
            }
        }
        if completed != nil, status != .done {
            log.warning(fields.valueLocation("completed"), "commitment '\(id ?? "?")' has a 'completed' date but its status is \(status?.rawValue ?? "not set"), not done")
        }
        fields.finish("commitment")
        guard let id, let system, let title, let status else { return nil }
        return Commitment(
            id: id, system: system, title: title, status: status, due: due, completed: completed,
            populations: populations, metrics: metrics.map(\.0),
            metricLocations: metrics.map(\.1), target: target, location: fields.location
        )
    }
}

/// Splits `---\nYAML\n---\nbody`, over UTF-8 bytes.
///
/// A line ends at a line feed that is not part of "\r\n", which is one
/// Character (readText turns CRLF into LF, but "\r\r\n" leaves one), and a
/// fence is exactly the bytes `---`, or `---\r` at the very end: no other
/// character is canonically equal to a hyphen, so this is what comparing
/// Characters found.
package enum FrontMatter {
    package static func split(_ text: String) -> (yaml: String, body: String, bodyLine: Int)? {
        UTF8Bytes.withBytes(of: text) { bytes in
            // Walk lines only up to the closing fence; the body is taken whole.
            let count = bytes.count
            func isFence(_ line: Range<Int>) -> Bool {
                let length = line.count == 4 && bytes[line.upperBound - 1] == UTF8Bytes.carriageReturn ? 3 : line.count
                return length == 3 && bytes[line.lowerBound..<(line.lowerBound + 3)].allSatisfy { $0 == UInt8(ascii: "-") }
            }
            func lineEnd(from start: Int) -> Int {
                var from = start
                while let feed = UTF8Bytes.firstIndex(of: UTF8Bytes.lineFeed, in: bytes, from..<count) {
                    if feed == 0 || bytes[feed - 1] != UTF8Bytes.carriageReturn { return feed }
                    from = feed + 1
                }
                return count
            }
            var lineStart = 0
            var lineNumber = 1
            var yamlStart: Int?
            while lineStart < count {
                let end = lineEnd(from: lineStart)
                let next = end < count ? end + 1 : count
                if lineNumber == 1 {
                    guard isFence(lineStart..<end) else { return nil }
                    yamlStart = next
                } else if isFence(lineStart..<end), let yamlStart {
                    let yaml = yamlStart < lineStart ? String(UTF8Bytes.substring(of: text, bytes: yamlStart..<(lineStart - 1))) : ""
                    // One final line feed is dropped (not a final "\r\n": that is another Character).
                    var bodyEnd = count
                    if bodyEnd > next, bytes[bodyEnd - 1] == UTF8Bytes.lineFeed, !(bodyEnd - 2 >= next && bytes[bodyEnd - 2] == UTF8Bytes.carriageReturn) {
                        bodyEnd -= 1
                    }
                    return (yaml, String(UTF8Bytes.substring(of: text, bytes: next..<bodyEnd)), lineNumber + 1)
                }
                lineStart = next
                lineNumber += 1
            }
            return nil
        }
    }
}

extension Substring {
    package func trimmingSuffix(_ suffix: String) -> Substring {
        hasSuffix(suffix) ? dropLast(suffix.count) : self
    }
}
