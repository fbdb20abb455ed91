import CitywideModel

/// A value found for a tag. Values in a view are read in place (a pointer
/// into the page's view, valid while the page renders) rather than copied
/// into an `Any`: text, numbers, yes/no, views, lists of views and the
/// interface text each have a case of their own, so rendering them needs no
/// cast. `materialized` is the value as the lookup through `Any` gives it,
/// for what only that path covers (most transforms, printing a view,
/// dictionaries and arrays that are not views).
enum TemplateValue {
    /// Text in a view, in place.
    case string(UnsafePointer<String>)
    /// Text found outside a view (an interface string of `t`).
    case text(String)
    case bool(Bool)
    case int(Int)
    /// The interface text (`[String: String]`), in place.
    case strings(UnsafePointer<[String: String]>)
    case view(UnsafeRawPointer, ViewTypeRef)
    /// An array of views (the pointer is to the array).
    case views(UnsafeRawPointer, ViewTypeRef, any ArrayField.Type)
    case object(Any)

    var materialized: Any {
        switch self {
        case let .string(pointer): return pointer.pointee
        case let .text(text): return text
        case let .bool(bool): return bool
        case let .int(int): return int
        case let .strings(pointer): return pointer.pointee
        case let .view(pointer, type): return type.lookup(at: pointer)
        case let .views(pointer, _, storage):
            let array = ViewShape.load(storage, at: pointer)
            return ViewLookup.wrap(array) ?? array
        case let .object(object): return object
        }
    }

    /// The value of `name` inside this one (a dotted name's later part, or
    /// a name looked up in a section's value); nil when it has none.
    func child(named name: TemplateKey) -> TemplateValue? {
        switch self {
        case let .view(pointer, type):
            return type.child(named: name, at: pointer)
        case let .strings(pointer):
            return pointer.pointee[name.name].map(TemplateValue.text)
        case .string, .text, .bool, .int, .views:
            // Text, numbers and lists have no named values (Mirror lists none by name).
            return nil
        case let .object(object):
            return TemplateLookup.child(named: name.name, of: object).map(TemplateValue.object)
        }
    }
}
