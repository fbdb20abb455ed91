import Mustache
import CitywideModel

/// A value a template shows only when there is one ("text, or no" in
/// docs/templates.md). When there is none it is `false`, not absent: Mustache
/// looks an absent (or nil) name up in the enclosing sections and the page,
/// and would show their value of the same name instead.
package struct OrNo<Wrapped>: MustacheCustomRepresentation {
    package let value: Wrapped?

    package init(_ value: Wrapped?) { self.value = value }

    package var representation: Any? { value.map { $0 as Any } ?? false }
}

extension OrNo: TypedRepresentation {
    package static var representedTypes: [Any.Type] { [Wrapped.self, Bool.self] }
}
