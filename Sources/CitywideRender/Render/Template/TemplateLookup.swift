import Mustache

/// A tag's value, found as swift-mustache's `getChild` finds it: the first
/// object up the context stack that has the name's first part, then each
/// further part inside it; representations (`OrNo`) replaced by what they
/// stand for; transforms (`empty(x)`) applied innermost first. Views are
/// read in place through their resolved fields (`ViewType`); anything else
/// goes the way swift-mustache goes.
enum TemplateLookup {
    static func value(_ name: TemplateName, in stack: [TemplateFrame]) -> TemplateValue? {
        guard let found = find(name, in: stack) else { return nil }
        guard case let .object(object) = found else {
            guard !name.transforms.isEmpty else { return found }
            return transformed(found.materialized, name.transforms)
        }
        var value = object
        if let custom = value as? MustacheCustomRepresentation {
            guard let represented = custom.representation else { return nil }
            value = represented
        }
        return transformed(value, name.transforms)
    }

    private static func transformed(_ value: Any, _ transforms: [String]) -> TemplateValue? {
        var value = value
        for transform in transforms.reversed() {
            guard let transformable = value as? MustacheTransformable,
                  let transformed = transformable.transform(transform) else { return nil }
            value = transformed
        }
        return .object(value)
    }

    private static func find(_ name: TemplateName, in stack: [TemplateFrame]) -> TemplateValue? {
        guard let innermost = stack.last else { return nil }
        if name.isDot { return innermost.value }
        guard let first = name.path.first else { return innermost.value }
        if name.local { return inside(innermost.value, name.path[...]) }
        for frame in stack.reversed() {
            if let child = child(named: first, of: frame) {
                return name.path.count == 1 ? child : inside(child, name.path.dropFirst())
            }
        }
        return nil
    }

    private static func inside(_ value: TemplateValue, _ path: ArraySlice<TemplateKey>) -> TemplateValue? {
        var value = value
        for part in path {
            guard let child = child(named: part, of: value) else { return nil }
            value = child
        }
        return value
    }

    private static func child(named name: TemplateKey, of frame: TemplateFrame) -> TemplateValue? {
        switch frame {
        case let .view(pointer, type):
            return type.child(named: name, at: pointer)
        case let .object(object):
            return child(named: name.name, of: object).map(TemplateValue.object)
        case let .page(view, layout, _):
            // `PageContext.child`: the page's view first, then the frame's.
            return pageChild(named: name, of: view) ?? pageChild(named: name, of: layout)
        }
    }

    private static func pageChild(named name: TemplateKey, of part: TemplateFrame) -> TemplateValue? {
        guard case let .object(object) = part else { return child(named: name, of: part) }
        return PageContext.value(named: name.name, in: object).flatMap(ViewLookup.wrap).map(TemplateValue.object)
    }

    private static func child(named name: TemplateKey, of value: TemplateValue) -> TemplateValue? {
        switch value {
        case let .view(pointer, type): return type.child(named: name, at: pointer)
        default: return child(named: name.name, of: value.materialized).map(TemplateValue.object)
        }
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
