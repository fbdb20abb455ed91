import Foundation
import Mustache
import CitywideModel

/// A view struct's fields resolved once per type for `TemplateRenderer`:
/// for each name, where the field lies in the struct and how Mustache sees
/// its value (`ViewShape`), so a lookup reads the field in place: no search
/// by name per value, no cast, no copy of the view into an `Any`.
///
/// The answers are `ViewLookup`'s (Mirror's): an optional field unwrapped
/// one level (nil when empty, so lookup goes on up the context stack),
/// `OrNo` shown as its value or `false`, views and lists of views looked
/// into in place; anything else read as `ViewLookup.wrap` gives it.
///
/// Types are resolved once per process and never freed, so values and
/// frames refer to them unretained (`ViewTypeRef`), and the fields by key
/// are a plain buffer of trivial values: a lookup retains nothing.
final class ViewType: @unchecked Sendable {
    let type: Any.Type
    let fields: StructFields
    /// Set once, before `of` hands the type out (under the lock, so a
    /// recursive type can refer to itself).
    private(set) var byName: [String: ViewField] = [:]
    /// For each `TemplateKey` number (every name numbered when the type
    /// was resolved; a template compiled later falls back to `byName`), the
    /// field's place in `resolved`, or -1. Two bytes a name, so the table
    /// of every type stays in cache: most lookups are misses on the way up
    /// the context stack. Never freed, like the type.
    private(set) var slots = UnsafeBufferPointer<Int16>(start: nil, count: 0)
    /// The fields `slots` point to.
    private(set) var resolved = UnsafeBufferPointer<ViewField>(start: nil, count: 0)

    private init(type: Any.Type, fields: StructFields) {
        self.type = type
        self.fields = fields
    }

    /// The resolved fields of `type` if it is a view (`ViewFields.of`); nil otherwise.
    static func of(_ type: Any.Type) -> ViewTypeRef? {
        lock.lock()
        defer { lock.unlock() }
        return make(type).map(ViewTypeRef.init)
    }

    nonisolated(unsafe) private static var cache: [ObjectIdentifier: ViewType?] = [:]
    private static let lock = NSLock()

    /// With the lock held: every type this one leads to is resolved before any is handed out.
    private static func make(_ type: Any.Type) -> ViewType? {
        let key = ObjectIdentifier(type)
        if let known = cache[key] { return known }
        guard let fields = ViewFields.of(type) else {
            cache[key] = .some(nil)
            return nil
        }
        let made = ViewType(type: type, fields: fields)
        cache[key] = made
        var byName: [String: ViewField] = [:]
        for field in fields.fields where byName[field.name] == nil {
            byName[field.name] = ViewField(offset: field.offset, optional: field.optional.map(OptionalTest.init),
                                           reading: reading(of: field.optional?.wrappedType ?? field.type))
        }
        made.byName = byName
        let sorted = byName.sorted { $0.key < $1.key }
        guard sorted.count < Int(Int16.max) else { return made } // every lookup by name
        let place = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1.key, Int16($0)) })
        let resolved = UnsafeMutableBufferPointer<ViewField>.allocate(capacity: max(sorted.count, 1))
        _ = resolved.initialize(from: sorted.map(\.value))
        let keys = TemplateKey.all
        let slots = UnsafeMutableBufferPointer<Int16>.allocate(capacity: max(keys.count, 1))
        _ = slots.initialize(from: keys.map { place[$0] ?? -1 })
        made.resolved = UnsafeBufferPointer(rebasing: resolved[0..<sorted.count])
        made.slots = UnsafeBufferPointer(rebasing: slots[0..<keys.count])
        return made
    }

    /// How a value of `type` is read: `ViewLookup.wrap`'s cases, decided once.
    private static func reading(of type: Any.Type) -> FieldReading {
        if type is MustacheCustomRepresentation.Type {
            guard let orNo = type as? any OrNoLayout.Type, let value = StructFields.of(type)?.byName["value"],
                  let optional = value.optional else { return FieldReading(orNo: nil, shape: .other(type)) }
            // An `OrNo` of an `OrNo` (or of an optional) is read the general way inside.
            return FieldReading(orNo: OrNoField(offset: value.offset, optional: OptionalTest(optional)), shape: shape(of: orNo.wrappedType))
        }
        return FieldReading(orNo: nil, shape: shape(of: type))
    }

    /// How a plain (not `OrNo`) value of `type` is seen.
    private static func shape(of type: Any.Type) -> ViewShape {
        if type is MustacheCustomRepresentation.Type { return .other(type) }
        if let view = make(type) { return .view(ViewTypeRef(view)) }
        if let array = type as? any ArrayField.Type, let element = make(array.elementType) {
            return .views(ViewTypeRef(element), array)
        }
        if type == String.self { return .string }
        if type == Bool.self { return .bool }
        if type == Int.self { return .int }
        if type == [String: String].self { return .strings }
        return .other(type)
    }

    /// The value of the field named by the key numbered `key` of the view
    /// at `base`; nil when there is no such field, or it is an empty
    /// optional. A value of no shape of its own is kept in `context`.
    func child(_ key: Int, at base: UnsafeRawPointer, in context: inout TemplateContext) -> TemplateValue? {
        let field: ViewField
        if key < slots.count {
            let slot = slots[key]
            guard slot >= 0 else { return nil }
            field = resolved[Int(slot)]
        } else {
            guard let named = byName[context.keys[key]] else { return nil }
            field = named
        }
        var at = base + field.offset
        // An optional's value lies at its start.
        if let optional = field.optional, optional.isNone(at: at) { return nil }
        if let orNo = field.reading.orNo {
            at += orNo.offset
            if orNo.optional.isNone(at: at) { return .bool(false) }
        }
        return field.reading.shape.value(at: at, in: &context)
    }

    /// The view at `pointer` copied out, as `ViewLookup` holds it.
    func lookup(at pointer: UnsafeRawPointer) -> ViewLookup {
        ViewLookup(value: ViewShape.load(type, at: pointer), fields: fields)
    }
}

/// A resolved view type, unretained: types live as long as the process.
/// Held `Unmanaged` and called through `_withUnsafeGuaranteedRef`: an
/// `unowned(unsafe)` reference was retained and released around every
/// call, a lookup of every tag of every page.
struct ViewTypeRef {
    private let type: Unmanaged<ViewType>

    init(_ type: ViewType) { self.type = Unmanaged.passUnretained(type) }

    func child(_ key: Int, at base: UnsafeRawPointer, in context: inout TemplateContext) -> TemplateValue? {
        type._withUnsafeGuaranteedRef { $0.child(key, at: base, in: &context) }
    }

    func lookup(at pointer: UnsafeRawPointer) -> ViewLookup {
        type._withUnsafeGuaranteedRef { $0.lookup(at: pointer) }
    }
}

/// A field of a view, resolved. Trivial (no references), so reading one
/// out of `ViewType.resolved` retains nothing.
struct ViewField {
    let offset: Int
    /// How to tell it is empty when it is an optional (the value is then unwrapped).
    let optional: OptionalTest?
    /// How its (unwrapped) value is read.
    let reading: FieldReading
}

/// How a field's (unwrapped) value is read: through `OrNo` or not, then its shape.
struct FieldReading {
    /// `OrNo`: its `value` (an optional) at this offset, or `false` when empty.
    let orNo: OrNoField?
    let shape: ViewShape
}

/// Where `OrNo`'s value lies and how to tell it is empty.
struct OrNoField {
    let offset: Int
    let optional: OptionalTest
}

/// Whether an optional is empty, read in place: the common optionals of
/// views tested directly; any other through its type (`OptionalField`),
/// which looks its generic type up on every call.
enum OptionalTest {
    case string
    case int
    case bool
    case other(any OptionalField.Type)

    init(_ type: any OptionalField.Type) {
        let wrapped = type.wrappedType
        if wrapped == String.self { self = .string }
        else if wrapped == Int.self { self = .int }
        else if wrapped == Bool.self { self = .bool }
        else { self = .other(type) }
    }

    func isNone(at pointer: UnsafeRawPointer) -> Bool {
        switch self {
        case .string: return pointer.assumingMemoryBound(to: String?.self).pointee == nil
        case .int: return pointer.assumingMemoryBound(to: Int?.self).pointee == nil
        case .bool: return pointer.assumingMemoryBound(to: Bool?.self).pointee == nil
        case let .other(type): return type.isNone(at: pointer)
        }
    }
}

/// How Mustache sees a value of a field's type.
enum ViewShape {
    case string
    case bool
    case int
    /// `[String: String]`: the interface text `t`, looked into by key.
    case strings
    /// A view struct: looked into in place.
    case view(ViewTypeRef)
    /// An array of view structs: its elements looked into in place.
    case views(ViewTypeRef, any ArrayField.Type)
    /// Anything else: copied out into an `Any`, as `ViewLookup.wrap` gives it.
    case other(Any.Type)

    func value(at pointer: UnsafeRawPointer, in context: inout TemplateContext) -> TemplateValue {
        switch self {
        case .string: return .string(pointer.assumingMemoryBound(to: String.self))
        case .bool: return .bool(pointer.load(as: Bool.self))
        case .int: return .int(pointer.load(as: Int.self))
        case .strings: return .strings(pointer.assumingMemoryBound(to: [String: String].self))
        case let .view(type): return .view(pointer, type)
        case let .views(type, storage): return .views(pointer, type, storage)
        case let .other(type):
            let value = Self.load(type, at: pointer)
            return context.box(.object(ViewLookup.wrap(value) ?? value))
        }
    }

    static func load(_ type: Any.Type, at pointer: UnsafeRawPointer) -> Any {
        func load<T>(_: T.Type) -> Any { pointer.load(as: T.self) }
        return _openExistential(type, do: load)
    }
}

/// `OrNo<Wrapped>`, seen through its type.
protocol OrNoLayout {
    static var wrappedType: Any.Type { get }
}

extension OrNo: OrNoLayout {
    static var wrappedType: Any.Type { Wrapped.self }
}
