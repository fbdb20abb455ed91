import Foundation
import Mustache
import CitywideModel

/// A typed view as Mustache looks into it, without a `Mirror` per lookup.
///
/// swift-mustache finds `{{name}}` in a struct by building a `Mirror` and
/// walking its children, which decodes each field's type from its mangled
/// name on every lookup: half of a 10,000-city build went there
/// (docs/performance.md). Here each view type's stored fields (name, byte
/// offset, type) are read once from the runtime's metadata, and a lookup is a
/// dictionary hit and a load at that offset.
///
/// The answers are Mirror's: the same fields by the same names, an optional
/// field's value unwrapped one level (nil when empty, so Mustache goes on up
/// the context stack). Only this module's plain structs (the views) take this
/// path; anything else (standard types, classes, enums, a type with a custom
/// mirror or a Mustache protocol of its own) is handed to Mustache as it is.
package struct ViewLookup: MustacheParent {
    let value: Any
    let fields: StructFields

    package func child(named name: String) -> Any? {
        guard let field = fields.byName[name] else { return nil }
        return Self.wrap(fields.read(field, of: value))
    }

    /// A found value as Mustache should see it: a struct view (or an array
    /// of them) wrapped so that lookups inside it are fast too; an optional
    /// field already unwrapped. Everything else unchanged.
    static func wrap(_ value: Any?) -> Any? {
        guard let value else { return nil }
        if let custom = value as? MustacheCustomRepresentation, let represented = custom.representation {
            // What Mustache would render (OrNo's value, or `false`), wrapped in turn.
            return wrap(represented)
        }
        if let fields = ViewFields.of(type(of: value)) { return ViewLookup(value: value, fields: fields) }
        if let array = value as? any ViewArray, let views = array.views() { return views }
        return value
    }
}

/// An array whose elements may be struct views.
protocol ViewArray {
    func views() -> [Any]?
}

extension Array: ViewArray {
    func views() -> [Any]? {
        guard let fields = ViewFields.of(Element.self) else { return nil }
        return map { ViewLookup(value: $0, fields: fields) }
    }
}

/// The fields of this module's view structs: `StructFields`, for the types
/// Mustache would otherwise reflect with `Mirror`.
package enum ViewFields {
    /// The fields of `type` if it is one of this module's plain structs (a
    /// view) with no Mustache protocol of its own; nil for any other type.
    /// A standard or Foundation struct (Bool, String, Date) renders as text
    /// or as a section's truth, not as fields, so it is never wrapped.
    static func of(_ type: Any.Type) -> StructFields? {
        cache.value(for: type, make: make)
    }

    private static let cache = PerTypeCache<StructFields?>()

    private static func make(_ type: Any.Type) -> StructFields? {
        guard String(reflecting: type).hasPrefix("CitywideRender."),
              !(type is MustacheParent.Type), !(type is MustacheCustomRepresentation.Type),
              !(type is MustacheCustomRenderable.Type), !(type is MustacheLambda.Type),
              !(type is MustacheTransformable.Type), !(type is any MustacheSequence.Type),
              !(type is MustacheTemplate.Type)
        else { return nil }
        return StructFields.of(type)
    }
}
