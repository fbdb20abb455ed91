import Mustache

/// A tag's value, found as swift-mustache's `getChild` finds it: the first
/// object up the context stack that has the name's first part, then each
/// further part inside it; representations (`OrNo`) replaced by what they
/// stand for; transforms (`empty(x)`) applied innermost first. The typed
/// views are `ViewLookup`s and `PageContext`s, read without a cast to a
/// protocol; anything else goes the way swift-mustache goes.
enum TemplateLookup {
    static func value(_ name: TemplateName, in stack: [Any]) -> Any? {
        guard var found = find(name, in: stack) else { return nil }
        if let custom = found as? MustacheCustomRepresentation {
            guard let represented = custom.representation else { return nil }
            found = represented
        }
        for transform in name.transforms.reversed() {
            guard let transformable = found as? MustacheTransformable,
                  let transformed = transformable.transform(transform) else { return nil }
            found = transformed
        }
        return found
    }

    private static func find(_ name: TemplateName, in stack: [Any]) -> Any? {
        guard let innermost = stack.last else { return nil }
        if name.isDot { return innermost }
        guard let first = name.path.first else { return innermost }
        if name.local { return inside(innermost, name.path[...]) }
        for object in stack.reversed() {
            if let child = child(named: first, of: object) {
                return inside(child, name.path.dropFirst())
            }
        }
        return nil
    }

    private static func inside(_ object: Any, _ path: ArraySlice<String>) -> Any? {
        var object = object
        for part in path {
            guard let child = child(named: part, of: object) else { return nil }
            object = child
        }
        return object
    }

    private static func child(named name: String, of object: Any) -> Any? {
        if let view = object as? ViewLookup { return view.child(named: name) }
        if let page = object as? PageContext { return page.child(named: name) }
        var object = object
        if let custom = object as? MustacheCustomRepresentation {
            guard let represented = custom.representation else { return nil }
            object = represented
        }
        return PageContext.value(named: name, in: object)
    }

    /// A sequence's elements (its type opened).
    static func elements(_ sequence: any MustacheSequence) -> [Any] {
        func list<S: Sequence>(_ sequence: S) -> [Any] { sequence.map { $0 as Any } }
        return list(sequence)
    }

    /// A value as swift-mustache prints it: an optional inside `Any` unwrapped.
    static func unwrapped(_ value: Any) -> Any {
        guard let optional = value as? any TemplateOptional else { return value }
        return optional.wrapped ?? value
    }
}

/// An optional seen through `Any`.
protocol TemplateOptional {
    var wrapped: Any? { get }
}

extension Optional: TemplateOptional {
    var wrapped: Any? { self }
}
