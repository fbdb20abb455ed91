@_spi(Reflection) import Swift
import Foundation

/// A struct's stored fields (name, byte offset, type), read once per type
/// from the runtime's metadata, and read from a value by offset.
///
/// `Mirror` gives the same names and values, but decodes every field's type
/// from its mangled name each time a value is reflected: on a 10,000-city
/// build, template lookups and the template-variable check spent half of the
/// CPU there (docs/performance.md). A type with a custom mirror, or with a
/// field of existential type (whose optional Mirror would unwrap by value),
/// is left to Mirror: `of` returns nil.
package struct StructFields: @unchecked Sendable {
    package struct Field {
        package let name: String
        package let offset: Int
        package let type: Any.Type
        /// The field's type when it is an optional.
        package let optional: (any OptionalField.Type)?
    }

    /// In declaration order, as Mirror lists them.
    package let fields: [Field]
    /// The first field of each name.
    package let byName: [String: Field]

    /// The fields of `type` if it is a struct Mirror would list field by
    /// field; nil otherwise. Cached per type.
    package static func of(_ type: Any.Type) -> StructFields? {
        cache.value(for: type, make: make)
    }

    private static let cache = PerTypeCache<StructFields?>()

    private static func make(_ type: Any.Type) -> StructFields? {
        // Only structs: `_forEachField` traps on an existential (`Any`), and
        // classes are left to Mirror.
        guard MetadataKind.isStruct(type), !(type is CustomReflectable.Type) else { return nil }
        var fields: [Field] = []
        var plain = true
        // `_forEachField` lists structs' and classes' fields, false for any other kind.
        let complete = _forEachField(of: type) { name, offset, fieldType, kind in
            guard kind != .existential, kind != .existentialMetatype else {
                plain = false
                return false
            }
            fields.append(Field(name: String(cString: name), offset: offset, type: fieldType,
                                optional: kind == .optional ? fieldType as? any OptionalField.Type : nil))
            return true
        }
        guard plain, complete, !fields.isEmpty else { return nil }
        var byName: [String: Field] = [:]
        for field in fields where byName[field.name] == nil { byName[field.name] = field }
        return StructFields(fields: fields, byName: byName)
    }

    /// The field's value in `object` (a value of this struct type), with an
    /// optional unwrapped one level as Mirror's lookups do (nil when empty).
    package func read(_ field: Field, of object: Any) -> Any? {
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

/// An optional field read in place: its value, or nil when empty. An
/// optional's value lies at its start (the Swift ABI's layout of a
/// single-payload enum), so a present value is read at the same address.
package protocol OptionalField {
    static var wrappedType: Any.Type { get }
    static func wrappedValue(at pointer: UnsafeRawPointer) -> Any?
    static func isNone(at pointer: UnsafeRawPointer) -> Bool
}

extension Optional: OptionalField {
    package static var wrappedType: Any.Type { Wrapped.self }

    package static func wrappedValue(at pointer: UnsafeRawPointer) -> Any? {
        pointer.load(as: Self.self).map { $0 as Any }
    }

    package static func isNone(at pointer: UnsafeRawPointer) -> Bool {
        pointer.assumingMemoryBound(to: Self.self).pointee == nil
    }
}
