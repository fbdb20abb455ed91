import Foundation
import CitywideInput

/// Identifiers made from a file's labels: a column `Age group` becomes the
/// dimension `age_group`, a value `18-24` becomes `18_24`, `St. Paul` the
/// city `st-paul` (the slug `citywide new city` gives).
package enum ImportIdentifier {
    /// Lowercase, accents removed, words joined by `_`; nil when no letter or digit is left.
    package static func make(_ label: String) -> String? {
        guard let slug = BlueprintScaffold.slug(for: label) else { return nil }
        var id = slug.replacingOccurrences(of: "-", with: "_")
        while id.contains("__") { id = id.replacingOccurrences(of: "__", with: "_") }
        id = String(id.prefix(100))
        return Identifier.isValid(id) ? id : nil
    }

    /// The city slug for a city named in a file (`St. Paul` → `st-paul`).
    package static func city(_ name: String) -> String? {
        guard let slug = BlueprintScaffold.slug(for: name), Identifier.isValid(slug) else { return nil }
        return slug
    }
}
