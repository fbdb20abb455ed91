/// An object on the context stack. Trivial, like `TemplateValue`: pushing
/// and looking through frames retains nothing.
enum TemplateFrame {
    /// A section's value (or what a template renders, when it is not a page).
    case value(TemplateValue)
    /// A page (`PageContext`): a name is looked up in its view, then in its
    /// frame (`layout`). `{{.}}` is the `PageContext` itself
    /// (`TemplateContext.page`).
    case page(view: TemplateValue, layout: TemplateValue)
}
