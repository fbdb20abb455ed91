import Foundation
import CitywideModel

extension SiteConfig {
    /// Reads `site.yml`. A missing file gives the defaults: a folder of
    /// blueprints, metrics and data is already a site.
    package static func load(text: String, path: String, log: DiagnosticLog) -> SiteConfig {
        var config = SiteConfig()
        guard let root = YAMLDocument.parse(text, path: path, log: log),
              var fields = YAMLMapping(root, path: path, log: log, what: "site.yml")
        else { return config }

        if let title = fields.string("title") { config.title = title }
        if let description = fields.string("description") { config.description = description }
        if let url = fields.string("base_url") {
            if WebAddress.isValid(url) {
                config.baseURL = url.hasSuffix("/") ? url : url + "/"
            } else {
                log.error(fields.valueLocation("base_url"), "'base_url' must be a web address starting with https:// or http://, found '\(url)'")
            }
        }
        if let languages = fields.stringList("languages") {
            var seen: Set<String> = []
            config.languages = []
            for (code, location) in languages {
                guard code.range(of: "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$", options: .regularExpression) != nil else {
                    log.error(location, "'\(code)' is not a language code such as en or es")
                    continue
                }
                if seen.insert(code).inserted { config.languages.append(code) }
            }
            if config.languages.isEmpty { config.languages = ["en"] }
        }
        if var privacy = fields.mapping("privacy") {
            // 1 would publish every count: the rule exists to withhold some.
            if let minCell = privacy.int("min_cell", min: 2) { config.privacy.minCell = minCell }
            if let minRate = privacy.int("min_rate_numerator", min: 0) { config.privacy.minRateNumerator = minRate }
            privacy.finish("privacy")
        }
        if let status: DataStatus = fields.choice("data_status") { config.dataStatus = status }
        if var populations = fields.mapping("populations") {
            config.populations = populations.allPairs().compactMap { pair in
                guard Identifier.isValid(pair.key) else {
                    log.error(populations.location(of: pair.keyNode), "population key '\(pair.key)' must be \(Identifier.rule)")
                    return nil
                }
                guard let label = pair.value.string, !label.isEmpty else {
                    populations.wrongType(pair.key, pair.value, expected: "a label")
                    return nil
                }
                return Population(key: pair.key, label: label)
            }
        }
        config.help = HelpLine.read(&fields)
        if let names = fields.stringList("key_metrics") {
            // Whether each names a metric is checked once metrics are read (`KeyMetricNames`).
            config.keyMetrics = names.map { KeyMetricName(id: $0.0, location: $0.1) }
        }
        if var translations = fields.mapping("translations") {
            for pair in translations.allPairs() {
                guard config.languages.contains(pair.key), pair.key != config.defaultLanguage else {
                    log.warning(translations.location(of: pair.keyNode), "'\(pair.key)' is not one of the site's other languages")
                    continue
                }
                guard var words = YAMLMapping(pair.value, path: path, log: log, what: "'translations.\(pair.key)'") else { continue }
                var text = SiteText(title: words.string("title"), description: words.string("description"))
                if var labels = words.mapping("populations") {
                    for label in labels.allPairs() {
                        if let value = label.value.string { text.populations[label.key] = value }
                    }
                }
                text.help = HelpLine.read(&words)
                words.finish("translations.\(pair.key)")
                config.localized[pair.key] = text
            }
        }
        siteWordGaps(config, fields).report(languages: config.languages, translated: config.localized.mapValues(\.keys), log: log)
        fields.finish("site.yml")
        return config
    }

    /// The words of site.yml each other language should translate: those
    /// the file writes (a default population's label is not the file's).
    private static func siteWordGaps(_ config: SiteConfig, _ fields: YAMLMapping) -> TranslationGaps {
        var gaps = TranslationGaps()
        if case let .scalar(title)? = fields.value(of: "title"), !title.string.isEmpty { gaps.add("title", at: fields.valueLocation("title")) }
        if !config.description.isEmpty { gaps.add("description", at: fields.valueLocation("description")) }
        if case let .mapping(populations)? = fields.value(of: "populations") {
            for (key, value) in populations {
                if let key = key.string { gaps.add("populations.\(key)", at: fields.location(of: value)) }
            }
        }
        if case let .mapping(help)? = fields.value(of: "help"), let text = help["text"] {
            gaps.add("help.text", at: fields.location(of: text))
        }
        return gaps
    }
}

extension SiteConfig.SiteText {
    /// The keys this language gives, as `TranslationGaps` names them.
    var keys: Set<String> {
        var keys = Set(populations.keys.map { "populations.\($0)" })
        if title != nil { keys.insert("title") }
        if description != nil { keys.insert("description") }
        if help != nil { keys.insert("help.text") }
        return keys
    }
}

/// Addresses Citywide prints into links and the feed.
package enum WebAddress {
    package static func isValid(_ url: String) -> Bool {
        (url.hasPrefix("https://") || url.hasPrefix("http://")) && url.count > 8
            && !url.contains { $0.isWhitespace || "<>\"'`\\".contains($0) }
    }
}

extension Identifier {
    package static let rule = "lowercase letters, digits, - and _ (not starting with - or _)"
}

/// Ids that end up in URLs and file names: kept to a safe alphabet so no id
/// can climb out of the output folder or need escaping in a link.
package enum Identifier {
    package static func isValid(_ id: String) -> Bool {
        guard let first = id.utf8.first, first != UInt8(ascii: "-"), first != UInt8(ascii: "_"), id.utf8.count <= 100 else { return false }
        return id.utf8.allSatisfy { c in
            (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c == UInt8(ascii: "_") || c == UInt8(ascii: "-")
        }
    }
}
