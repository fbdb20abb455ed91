import Mustache
import CitywideModel

/// A tag's value, found as swift-mustache's `getChild` finds it: the first
/// object up the context stack that has the name's first part, then each
/// further part inside it; representations (`OrNo`) replaced by what they
/// stand for; transforms (`empty(x)`) applied innermost first. Views are
/// read in place through their resolved fields (`ViewType`); anything else
/// goes the way swift-mustache goes.
enum TemplateLookup {
    /// `page`: the `PageContext` a page frame stands for (`{{.}}` at the top of a page).
    static func value(_ name: TemplateName, in stack: UnsafeBufferPointer<TemplateFrame>, page: Any?) -> TemplateValue? {
        guard let found = find(name, in: stack, page: page) else { return nil }
        guard case let .object(object) = found else {
            guard name.transforms.isEmpty else { return transformed(found, name) }
            return found
        }
        var value = object
        if let custom = value as? MustacheCustomRepresentation {
            guard let represented = custom.representation else { return nil }
            value = represented
        }
        return transformed(value, name.transforms)
    }

    /// `empty` (the only transform the built-in templates use) read in
    /// place on text and lists of views; any other the way swift-mustache
    /// applies it.
    private static func transformed(_ found: TemplateValue, _ name: TemplateName) -> TemplateValue? {
        if name.isEmptyTransform {
            switch found {
            case let .views(pointer, _, storage): return .bool(storage.isEmpty(at: pointer))
            case let .string(pointer): return .bool(pointer.pointee.isEmpty)
            case let .text(text): return .bool(text.isEmpty)
            default: break
            }
        }
        return transformed(found.materialized, name.transforms)
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

    private static func find(_ name: TemplateName, in stack: UnsafeBufferPointer<TemplateFrame>, page: Any?) -> TemplateValue? {
        guard let innermost = stack.last else { return nil }
        guard !name.isDot, let first = name.path.first else { return value(of: innermost, page: page) }
        if name.local { return inside(value(of: innermost, page: page), name.path[...]) }
        var i = stack.count
        while i > 0 {
            i -= 1
            if let child = child(named: first, of: stack[i]) {
                return name.path.count == 1 ? child : inside(child, name.path.dropFirst())
            }
        }
        return nil
    }

    /// A frame as a value (`{{.}}`, `{{.name}}`).
    static func value(of frame: TemplateFrame, page: Any?) -> TemplateValue {
        switch frame {
        case let .value(value): return value
        case .page: return .object(page as Any)
        }
    }

    private static func inside(_ value: TemplateValue, _ path: ArraySlice<TemplateKey>) -> TemplateValue? {
        var value = value
        for part in path {
            guard let child = value.child(named: part) else { return nil }
            value = child
        }
        return value
    }

    private static func child(named name: TemplateKey, of frame: TemplateFrame) -> TemplateValue? {
        switch frame {
        case let .value(value):
            return value.child(named: name)
        case let .page(view, layout):
            // `PageContext.child`: the page's view first, then the frame's.
            return pageChild(named: name, of: view) ?? pageChild(named: name, of: layout)
        }
    }

    private static func pageChild(named name: TemplateKey, of part: TemplateValue) -> TemplateValue? {
        guard case let .object(object) = part else { return part.child(named: name) }
        return PageContext.value(named: name.name, in: object).flatMap(ViewLookup.wrap).map(TemplateValue.object)
    }

    /// A name inside an object that is not a view, as swift-mustache finds it.
    static func child(named name: String, of object: Any) -> Any? {
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
