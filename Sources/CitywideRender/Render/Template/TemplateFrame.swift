/// An object on the context stack.
enum TemplateFrame {
    /// A section's value (or what a template renders, when it is not a page).
    case value(TemplateValue)
    /// A page (`PageContext`): a name is looked up in its view, then in its
    /// frame (`layout`). `{{.}}` is the `PageContext` itself
    /// (`TemplateRenderer.Context.page`).
    case page(view: TemplateValue, layout: TemplateValue)

    /// `body` with a frame for `object`: a view in place when it is one.
    static func with<R>(_ object: Any, _ body: (TemplateValue) -> R) -> R {
        guard let type = ViewType.of(Swift.type(of: object)) else { return body(.object(object)) }
        func inPlace<T>(_ value: T) -> R {
            withUnsafePointer(to: value) { body(.view(UnsafeRawPointer($0), type)) }
        }
        return _openExistential(object, do: inPlace)
    }
}
