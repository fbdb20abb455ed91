import CitywideModel

/// The site's own words (site.yml's title, populations and help line; a
/// metric's title, description, unit and value labels) that another language
/// of the site lacks: one warning each, where the word is written, so a
/// fellow sees what to translate before a reader meets it in the wrong
/// language. Pages show the default language's words meanwhile.
package struct TranslationGaps {
    /// A word to translate: its key under `translations: <lang>:`, written
    /// as a path (`populations.minors`, `labels.age_group.18_24`), and where
    /// the default language's word is.
    package struct Word {
        package let key: String
        package let location: SourceLocation
    }

    package var words: [Word] = []

    package init() {}

    package mutating func add(_ key: String, at location: SourceLocation) {
        words.append(Word(key: key, location: location))
    }

    /// Warns once per word and language missing from `translated`
    /// (language → the keys it gives, as paths).
    package func report(languages: [String], translated: [String: Set<String>], log: DiagnosticLog) {
        guard let original = languages.first else { return }
        for language in languages.dropFirst() {
            let have = translated[language] ?? []
            for word in words where !have.contains(word.key) {
                log.warning(word.location, "'\(word.key)' has no '\(language)' translation; '\(language)' pages show it in '\(original)' (add it under translations: \(language): \(word.key.split(separator: ".").joined(separator: ": ")))")
            }
        }
    }
}
