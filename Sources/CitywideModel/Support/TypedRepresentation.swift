/// A Mustache custom representation whose possible values' types are known
/// from its own type (`OrNo<Wrapped>` shows a `Wrapped` or `false`), so the
/// check of template variables reads its names from the types, once.
package protocol TypedRepresentation {
    static var representedTypes: [Any.Type] { get }
}
