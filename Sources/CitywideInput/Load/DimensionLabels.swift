import CitywideModel

/// A metric's `labels: { age_group: { 18_24: "18–24" } }` (and the same
/// under each language of `translations:`): words for people in place of a
/// value's code. Every dimension and value named must be declared, so a typo
/// is an error at its line rather than a code left on the page.
package enum DimensionLabels {
    /// Dimension name → value → label, and where each label is written (the
    /// words other languages should translate); problems reported through `fields`.
    package static func read(_ fields: inout YAMLMapping, dimensions: [CitywideModel.Dimension]) -> (labels: [String: [String: String]], words: [TranslationGaps.Word]) {
        guard var byDimension = fields.mapping("labels") else { return ([:], []) }
        var labels: [String: [String: String]] = [:]
        var words: [TranslationGaps.Word] = []
        for pair in byDimension.allPairs() {
            guard let dimension = dimensions.first(where: { $0.name == pair.key }) else {
                let declared = dimensions.isEmpty ? "it declares none" : "it declares \(dimensions.map(\.name).joined(separator: ", "))"
                fields.log.error(byDimension.location(of: pair.keyNode), "labels name dimension '\(pair.key)', which this metric does not declare (\(declared))")
                continue
            }
            guard var byValue = YAMLMapping(pair.value, path: fields.path, lineOffset: fields.lineOffset, log: fields.log, what: "'labels.\(pair.key)'") else { continue }
            for label in byValue.allPairs() {
                guard dimension.values.contains(label.key) else {
                    fields.log.error(byValue.location(of: label.keyNode), "'\(label.key)' is not a value of dimension '\(dimension.name)' (its values: \(dimension.values.joined(separator: ", ")))")
                    continue
                }
                guard case let .scalar(scalar) = label.value, !scalar.string.isEmpty else {
                    byValue.wrongType(label.key, label.value, expected: "a label, e.g. \"18–24\"")
                    continue
                }
                labels[dimension.name, default: [:]][label.key] = scalar.string
                words.append(TranslationGaps.Word(key: key(dimension.name, label.key), location: byValue.location(of: label.value)))
            }
        }
        return (labels, words)
    }

    /// A label's key as `TranslationGaps` names it: `labels.age_group.18_24`.
    package static func key(_ dimension: String, _ value: String) -> String { "labels.\(dimension).\(value)" }
}
