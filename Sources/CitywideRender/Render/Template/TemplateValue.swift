import CitywideModel

/// A value found for a tag. Views are read in place (a pointer into the
/// page's view, valid while the page renders) rather than copied into an
/// `Any`; `materialized` is the value as the lookup through `Any` gives it,
/// for what only that path covers (transforms, printing a view, dictionaries).
enum TemplateValue {
    case string(String)
    case bool(Bool)
    case view(UnsafeRawPointer, ViewType)
    /// An array of views (the pointer is to the array).
    case views(UnsafeRawPointer, ViewType, any ArrayField.Type)
    case object(Any)

    var materialized: Any {
        switch self {
        case let .string(string): return string
        case let .bool(bool): return bool
        case let .view(pointer, type): return type.lookup(at: pointer)
        case let .views(pointer, _, storage):
            let array = ViewShape.load(storage, at: pointer)
            return ViewLookup.wrap(array) ?? array
        case let .object(object): return object
        }
    }

    /// What a section pushes on the context stack for this value.
    var frame: TemplateFrame {
        switch self {
        case let .view(pointer, type): return .view(pointer, type)
        default: return .object(materialized)
        }
    }
}

/// An object on the context stack.
indirect enum TemplateFrame {
    /// A view in place.
    case view(UnsafeRawPointer, ViewType)
    /// Anything else, looked into as swift-mustache does.
    case object(Any)
    /// A page (`PageContext`): its view, then its frame (`layout`); `object`
    /// is the `PageContext` itself, for `{{.}}`.
    case page(view: TemplateFrame, layout: TemplateFrame, object: Any)

    /// The frame as a value (`{{.}}`, `{{.name}}`).
    var value: TemplateValue {
        switch self {
        case let .view(pointer, type): return .view(pointer, type)
        case let .object(object): return .object(object)
        case let .page(_, _, object): return .object(object)
        }
    }

    /// `body` with a frame for `object`: a view in place when it is one.
    static func with<R>(_ object: Any, _ body: (TemplateFrame) -> R) -> R {
        guard let type = ViewType.of(Swift.type(of: object)) else { return body(.object(object)) }
        func inPlace<T>(_ value: T) -> R {
            withUnsafePointer(to: value) { body(.view(UnsafeRawPointer($0), type)) }
        }
        return _openExistential(object, do: inPlace)
    }
}
