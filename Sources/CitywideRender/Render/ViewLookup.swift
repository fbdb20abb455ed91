@_spi(Reflection) import Swift
import Foundation
import Mustache

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
    let fields: ViewFields

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

/// One struct type's stored fields, read once.
package struct ViewFields: @unchecked Sendable {
    struct Field {
        let offset: Int
        let type: Any.Type
        /// The field's type when it is an optional.
        let optional: (any OptionalField.Type)?
    }

    let byName: [String: Field]

    /// The fields of `type` if it is a plain struct Mustache would reflect
    /// with `Mirror`; nil for any other type. Cached per type.
    static func of(_ type: Any.Type) -> ViewFields? {
        let key = ObjectIdentifier(type)
        lock.lock()
        if let known = cache[key] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let fields = make(type)
        lock.lock()
        cache[key] = fields
        lock.unlock()
        return fields
    }

    nonisolated(unsafe) private static var cache: [ObjectIdentifier: ViewFields?] = [:]
    private static let lock = NSLock()

    private static func make(_ type: Any.Type) -> ViewFields? {
        // Our own view types only: a standard or Foundation struct (Bool,
        // String, Date) renders as text or as a section's truth, not as fields.
        guard !(type is AnyObject.Type), String(reflecting: type).hasPrefix("CitywideRender."),
              !(type is CustomReflectable.Type),
              !(type is MustacheParent.Type), !(type is MustacheCustomRepresentation.Type),
              !(type is MustacheCustomRenderable.Type), !(type is MustacheLambda.Type),
              !(type is MustacheTransformable.Type), !(type is any MustacheSequence.Type),
              !(type is MustacheTemplate.Type)
        else { return nil }
        var byName: [String: Field] = [:]
        var plain = true
        let complete = _forEachField(of: type) { name, offset, fieldType, kind in
            // An existential field (`Any`) may hold an optional that Mirror
            // would unwrap by its value: such a type is left to Mirror.
            guard kind != .existential, kind != .existentialMetatype else {
                plain = false
                return false
            }
            let label = String(cString: name)
            // Mirror gives the first child of a name.
            if byName[label] == nil {
                byName[label] = Field(offset: offset, type: fieldType,
                                      optional: kind == .optional ? fieldType as? any OptionalField.Type : nil)
            }
            return true
        }
        // A struct without fields, or whose layout the runtime cannot
        // describe, is left to Mirror.
        return plain && complete && !byName.isEmpty ? ViewFields(byName: byName) : nil
    }

    /// The field's value in `object` (a value of this struct type), with an
    /// optional unwrapped one level as Mirror's lookup does.
    func read(_ field: Field, of object: Any) -> Any? {
        func fromValue<V>(_ value: V) -> Any? {
            withUnsafeBytes(of: value) { bytes -> Any? in
                guard let base = bytes.baseAddress else { return nil }
                let at = base + field.offset
                if let optional = field.optional { return optional.wrappedValue(at: at) }
                func load<F>(_: F.Type) -> Any { at.load(as: F.self) }
                return _openExistential(field.type, do: load)
            }
        }
        return _openExistential(object, do: fromValue)
    }
}

/// An optional field read in place: its value, or nil when empty.
protocol OptionalField {
    static func wrappedValue(at pointer: UnsafeRawPointer) -> Any?
}

extension Optional: OptionalField {
    static func wrappedValue(at pointer: UnsafeRawPointer) -> Any? {
        pointer.load(as: Self.self).map { $0 as Any }
    }
}
