import Foundation
import CitywideModel

/// Reads the interface text of each language of the site: the built-in
/// `Templates/i18n/<lang>.yml` (English and Spanish), with the site's file
/// of the same name replacing it key by key. A language with no file at
/// all is an error; keys a file lacks fall back to English, with a warning.
package enum TranslationLoader {
    package static func load(siteFolder: URL, languages: [String], log: DiagnosticLog) -> [String: Translation] {
        var builtIn: [String: [String: String]] = [:]
        var builtInMonths: [String: [String]] = [:]
        for file in BuiltinSite.files where file.path.hasPrefix("Templates/i18n/") {
            let language = ((file.path as NSString).lastPathComponent as NSString).deletingPathExtension
            let (strings, months) = parse(String(decoding: file.bytes, as: UTF8.self), path: file.path, log: log)
            builtIn[language] = strings
            builtInMonths[language] = months
        }
        let english = builtIn["en"] ?? [:]
        var result: [String: Translation] = [:]
        for language in languages {
            var strings = builtIn[language] ?? [:]
            var months = builtInMonths[language] ?? []
            let path = "Templates/i18n/\(language).yml"
            let url = siteFolder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path), let text = SiteFiles.readText(url, path: path, log: log) {
                let (own, ownMonths) = parse(text, path: path, log: log)
                strings.merge(own) { _, new in new }
                if !ownMonths.isEmpty { months = ownMonths }
                for key in own.keys.sorted() where english[key] == nil && !key.hasPrefix("dimension_") && !key.hasPrefix("value_") {
                    log.warning(SourceLocation(path: path), "'\(key)' is not a key Citywide uses (see Templates/i18n/en.yml)")
                }
            } else if builtIn[language] == nil {
                log.error(SourceLocation(path: "site.yml"), "language '\(language)' has no translation file: copy Templates/i18n/en.yml to \(path) and translate it")
                continue
            }
            let missing = english.keys.filter { strings[$0] == nil }.sorted()
            if !missing.isEmpty {
                log.warning(SourceLocation(path: path), "\(missing.count) interface \(missing.count == 1 ? "text is" : "texts are") not translated and will show in English: \(missing.prefix(8).joined(separator: ", "))\(missing.count > 8 ? ", ..." : "")")
                for key in missing { strings[key] = english[key] }
            }
            if months.count != 12 { months = builtInMonths["en"] ?? [] }
            let numbers = NumberStyle(grouping: strings["number_grouping"] ?? ",", decimal: strings["number_decimal"] ?? ".")
            result[language] = Translation(language: language, strings: strings, numbers: numbers, months: months)
        }
        return result
    }

    /// A flat mapping of key: text, plus `months`, a list of twelve names.
    package static func parse(_ text: String, path: String, log: DiagnosticLog) -> ([String: String], [String]) {
        guard let root = YAMLDocument.parse(text, path: path, log: log),
              var fields = YAMLMapping(root, path: path, log: log, what: "a translation file")
        else { return ([:], []) }
        var strings: [String: String] = [:]
        var months: [String] = []
        for pair in fields.allPairs() {
            if pair.key == "months" {
                if case let .sequence(items) = pair.value { months = items.compactMap(\.string) }
                if months.count != 12 { log.error(fields.location(of: pair.value), "'months' lists the twelve month names, January first") }
            } else if case let .scalar(scalar) = pair.value {
                strings[pair.key] = scalar.string
            } else {
                fields.wrongType(pair.key, pair.value, expected: "text")
            }
        }
        return (strings, months)
    }
}
