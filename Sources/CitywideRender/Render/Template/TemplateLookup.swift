import Mustache
import CitywideModel

/// A tag's value, found as swift-mustache's `getChild` finds it: the first
/// object up the context stack that has the name's first part, then each
/// further part inside it; representations (`OrNo`) replaced by what they
/// stand for; transforms (`empty(x)`) applied innermost first. Views are
/// read in place through their resolved fields (`ViewType`); anything else
/// goes the way swift-mustache goes.
extension TemplateContext {
    mutating func value(_ name: UnsafePointer<TemplateName>) -> TemplateValue? {
        guard let found = find(name) else { return nil }
        if let object = object(found) {
            var value = object
            if let custom = value as? MustacheCustomRepresentation {
                guard let represented = custom.representation else { return nil }
                value = represented
            }
            return transformed(value, name.pointee.transforms)
        }
        guard name.pointee.hasTransforms else { return found }
        if name.pointee.isEmptyTransform, let empty = isEmpty(found) { return .bool(empty) }
        return transformed(materialized(found), name.pointee.transforms)
    }

    /// `empty` (the only transform the built-in templates use) read in
    /// place on text and lists of views; nil for any other value.
    private func isEmpty(_ value: TemplateValue) -> Bool? {
        switch value {
        case let .views(pointer, _, storage): return storage.isEmpty(at: pointer)
        case let .string(pointer): return pointer.pointee.isEmpty
        case let .boxed(index):
            guard case let .text(text) = boxes[index] else { return nil }
            return text.isEmpty
        default: return nil
        }
    }

    private mutating func transformed(_ value: Any, _ transforms: [String]) -> TemplateValue? {
        var value = value
        for transform in transforms.reversed() {
            guard let transformable = value as? MustacheTransformable,
                  let transformed = transformable.transform(transform) else { return nil }
            value = transformed
        }
        return box(.object(value))
    }

    private mutating func find(_ name: UnsafePointer<TemplateName>) -> TemplateValue? {
        guard let innermost = stack.last else { return nil }
        let first = name.pointee.first
        guard !name.pointee.isDot, first >= 0 else { return value(of: innermost) }
        if name.pointee.local { return inside(value(of: innermost), name, from: 0) }
        var i = stack.count
        while i > 0 {
            i -= 1
            if let child = child(first, of: stack[i]) {
                return name.pointee.parts == 1 ? child : inside(child, name, from: 1)
            }
        }
        return nil
    }

    /// A frame as a value (`{{.}}`, `{{.name}}`).
    mutating func value(of frame: TemplateFrame) -> TemplateValue {
        switch frame {
        case let .value(value): return value
        case .page: return box(.object(page as Any))
        }
    }

    /// The name's parts from `from` on, each inside the one before.
    private mutating func inside(_ value: TemplateValue, _ name: UnsafePointer<TemplateName>, from: Int) -> TemplateValue? {
        var value = value
        for part in from..<name.pointee.parts {
            let key = part == 0 ? name.pointee.first : part == 1 ? name.pointee.second : name.pointee.path[part].id
            guard let child = child(key, of: value) else { return nil }
            value = child
        }
        return value
    }

    private mutating func child(_ key: Int, of frame: TemplateFrame) -> TemplateValue? {
        switch frame {
        case let .value(value):
            return child(key, of: value)
        case let .page(view, layout):
            // `PageContext.child`: the page's view first, then the frame's.
            return pageChild(key, of: view) ?? pageChild(key, of: layout)
        }
    }

    private mutating func pageChild(_ key: Int, of part: TemplateValue) -> TemplateValue? {
        guard let object = object(part) else { return child(key, of: part) }
        guard let found = PageContext.value(named: keys[key], in: object).flatMap(ViewLookup.wrap) else { return nil }
        return box(.object(found))
    }

    /// The value of the name numbered `key` inside `value` (a dotted name's
    /// later part, or a name looked up in a section's value); nil when it has none.
    private mutating func child(_ key: Int, of value: TemplateValue) -> TemplateValue? {
        switch value {
        case let .view(pointer, type):
            return type.child(key, at: pointer, in: &self)
        case let .strings(pointer):
            if let text = text(key, in: pointer) { return text.map(TemplateValue.string) }
            guard let text = pointer.pointee[keys[key]] else { return nil }
            return box(.text(text))
        case .string, .bool, .int, .views:
            // Text, numbers and lists have no named values (Mirror lists none by name).
            return nil
        case .boxed:
            guard let object = object(value),
                  let found = TemplateLookup.child(named: keys[key], of: object) else { return nil }
            return box(.object(found))
        }
    }
}

extension TemplateContext {
    /// The interface text of the key numbered `key`, read in place from its
    /// table (`TemplateStrings`): `.some(nil)` when `t` has no such key; nil
    /// when there is no table to read (look the key up by name).
    fileprivate mutating func text(_ key: Int, in pointer: UnsafePointer<[String: String]>) -> UnsafePointer<String>?? {
        if let strings, strings.identity == TemplateStrings.identity(of: pointer) {
            return strings.table._withUnsafeGuaranteedRef { $0.text(key) }
        }
        guard let table = stringTables.table(for: pointer) else { return nil }
        strings = (table.identity, Unmanaged.passUnretained(table))
        return table.text(key)
    }
}

/// The lookups through `Any`, for values that are not views.
enum TemplateLookup {
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
