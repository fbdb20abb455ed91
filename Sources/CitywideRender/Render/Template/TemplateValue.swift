import CitywideModel

/// A value found for a tag. Values in a view are read in place (a pointer
/// into the page's view, valid while the page renders) rather than copied
/// into an `Any`: text, numbers, yes/no, views, lists of views and the
/// interface text each have a case of their own, so rendering them needs no
/// cast. Every case is trivial (pointers and numbers), so values and frames
/// are copied without retaining: what is found outside a view (an interface
/// string, any other value) is kept in the page's `TemplateContext.boxes`.
enum TemplateValue {
    /// Text in a view, in place.
    case string(UnsafePointer<String>)
    case bool(Bool)
    case int(Int)
    /// The interface text (`[String: String]`), in place.
    case strings(UnsafePointer<[String: String]>)
    case view(UnsafeRawPointer, ViewTypeRef)
    /// An array of views (the pointer is to the array).
    case views(UnsafeRawPointer, ViewTypeRef, any ArrayField.Type)
    /// `TemplateContext.boxes[index]`.
    case boxed(Int)
}

/// A value found outside a view, held for the page's render.
enum TemplateBox {
    /// Text (an interface string of `t`).
    case text(String)
    /// Anything else, looked into as swift-mustache does.
    case object(Any)
}
