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
final class ViewType: @unchecked Sendable {
    let type: Any.Type
    let fields: StructFields
    /// Set once, before `of` hands the type out (under the lock, so a
    /// recursive type can refer to itself).
    private(set) var byName: [String: ViewField] = [:]
    /// The same fields by `TemplateKey` number, for every name numbered
    /// when the type was resolved (a template compiled later falls back to `byName`).
    private(set) var byKey: [ViewField?] = []

    private init(type: Any.Type, fields: StructFields) {
        self.type = type
        self.fields = fields
    }

    /// The resolved fields of `type` if it is a view (`ViewFields.of`); nil otherwise.
    static func of(_ type: Any.Type) -> ViewType? {
        lock.lock()
        defer { lock.unlock() }
        return make(type)
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
            byName[field.name] = ViewField(offset: field.offset, optional: field.optional,
                                           shape: shape(of: field.optional?.wrappedType ?? field.type))
        }
        made.byName = byName
        made.byKey = TemplateKey.all.map { byName[$0] }
        return made
    }

    /// How a value of `type` is seen: `ViewLookup.wrap`'s cases, decided once.
    private static func shape(of type: Any.Type) -> ViewShape {
        if type is MustacheCustomRepresentation.Type {
            guard let orNo = type as? any OrNoLayout.Type, let value = StructFields.of(type)?.byName["value"],
                  let optional = value.optional else { return .other(type) }
            return .orNo(offset: value.offset, optional: optional, shape: shape(of: orNo.wrappedType))
        }
        if let view = make(type) { return .view(view) }
        if let array = type as? any ArrayField.Type, let element = make(array.elementType) {
            return .views(element, array)
        }
        if type == String.self { return .string }
        if type == Bool.self { return .bool }
        return .other(type)
    }

    /// The value of the field `name` of the view at `base`; nil when there
    /// is no such field, or it is an empty optional.
    func child(named key: TemplateKey, at base: UnsafeRawPointer) -> TemplateValue? {
        let found = key.id < byKey.count ? byKey[key.id] : byName[key.name]
        guard let field = found else { return nil }
        let at = base + field.offset
        // An optional's value lies at its start.
        if let optional = field.optional, optional.isNone(at: at) { return nil }
        return field.shape.value(at: at)
    }

    /// The view at `pointer` copied out, as `ViewLookup` holds it.
    func lookup(at pointer: UnsafeRawPointer) -> ViewLookup {
        ViewLookup(value: ViewShape.load(type, at: pointer), fields: fields)
    }
}

/// A field of a view, resolved.
struct ViewField {
    let offset: Int
    /// Its type when it is an optional (the value is then unwrapped).
    let optional: (any OptionalField.Type)?
    /// How its (unwrapped) value is seen.
    let shape: ViewShape
}

/// How Mustache sees a value of a field's type.
indirect enum ViewShape {
    case string
    case bool
    /// A view struct: looked into in place.
    case view(ViewType)
    /// An array of view structs: its elements looked into in place.
    case views(ViewType, any ArrayField.Type)
    /// `OrNo`: its value at `offset` (an optional) as `shape`, or `false`.
    case orNo(offset: Int, optional: any OptionalField.Type, shape: ViewShape)
    /// Anything else: copied out into an `Any`, as `ViewLookup.wrap` gives it.
    case other(Any.Type)

    func value(at pointer: UnsafeRawPointer) -> TemplateValue {
        switch self {
        case .string: return .string(pointer.load(as: String.self))
        case .bool: return .bool(pointer.load(as: Bool.self))
        case let .view(type): return .view(pointer, type)
        case let .views(type, storage): return .views(pointer, type, storage)
        case let .orNo(offset, optional, shape):
            let value = pointer + offset
            return optional.isNone(at: value) ? .bool(false) : shape.value(at: value)
        case let .other(type):
            let value = Self.load(type, at: pointer)
            return .object(ViewLookup.wrap(value) ?? value)
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
