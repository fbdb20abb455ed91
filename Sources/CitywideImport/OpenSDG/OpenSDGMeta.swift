import Yams
import CitywideModel
import CitywideInput

/// An Open SDG metadata file (`meta/16-2-2.md` with YAML front matter, or a
/// `.yml`), read for what a metric definition can take from it:
///
/// | Open SDG key | metric key |
/// |---|---|
/// | `indicator_name`, else `graph_title`, else `title` | `title` |
/// | `indicator_definition` | `description` |
/// | `computation_units`, else `unit` | `unit` |
/// | `source_organisation_1` (and `source_url_1`) | `source` |
/// | `indicator_number`, else `indicator` | `sdg` |
///
/// Values that are translation keys (`global_indicators.16-2-2-title`: one
/// word with a dot and no space) are skipped: the text is in another file.
package enum OpenSDGMeta {
    package static func read(_ text: String, path: String, log: DiagnosticLog) -> MetricFacts? {
        var yaml = text
        var firstLine = 1
        if text.hasPrefix("---") {
            guard let split = FrontMatter.split(text) else {
                log.error(SourceLocation(path: path), "the front matter opened by --- on line 1 is never closed by a line ---")
                return nil
            }
            yaml = split.yaml
            firstLine = 2
        }
        guard let root = YAMLDocument.parse(yaml, path: path, firstLine: firstLine, log: log) else { return nil }
        guard case let .mapping(mapping) = root else {
            log.error(SourceLocation(path: path), "the metadata must be a mapping of keys (indicator_name: ..., computation_units: ...)")
            return nil
        }
        var values: [String: String] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string, let text = value.scalar?.string.trimmingSpaces, !text.isEmpty, !isTranslationKey(text) else { continue }
            values[name] = text
        }
        func first(_ keys: String...) -> String? { keys.lazy.compactMap { values[$0] }.first }
        var facts = MetricFacts(
            title: first("indicator_name", "graph_title", "title"),
            description: first("indicator_definition"),
            unit: first("computation_units", "unit"),
            sourceName: first("source_organisation_1"),
            sourceURL: first("source_url_1"),
            sdg: first("indicator_number", "indicator")
        )
        if let url = facts.sourceURL, !WebAddress.isValid(url) {
            log.warning(SourceLocation(path: path), "source_url_1 '\(url)' is not a web address (https://...): left out of the metric's source")
            facts.sourceURL = nil
        }
        if facts.sourceName == nil, let url = facts.sourceURL {
            log.warning(SourceLocation(path: path), "source_url_1 without source_organisation_1: a source needs a name; left out (\(url))")
        }
        return facts
    }

    private static func isTranslationKey(_ text: String) -> Bool {
        !text.contains(" ") && text.contains(".") && text.contains { $0.isLetter } && !text.hasPrefix("http")
    }
}
