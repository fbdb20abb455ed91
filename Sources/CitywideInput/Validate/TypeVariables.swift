import Foundation
import CitywideModel
import Mustache

/// The template variables a value of a type provides, read from the type
/// once (its field names, through field types, arrays and optionals), so the
/// check of template variables does not walk every page's values: on a
/// 10,000-city build that walk was 8.6% of the CPU (docs/performance.md).
///
/// What a type cannot tell (a dictionary's keys, what an `Any` holds, a
/// custom representation of unknown type, a struct only `Mirror` reads) is
/// marked `dynamic`, and `TemplateVariables` walks those values as before.
///
/// The one difference from walking values: a field that is nil (or a list
/// that is empty) on every page still gives the names of its type's fields.
/// They are names the pages' types provide, so a template that uses them is
/// not mistaken, only showing nothing on this site for now.
struct TypeVariables: @unchecked Sendable {
    /// Every name known from the type alone.
    let names: Set<String>
    /// Values of this type must be walked for the rest of their names.
    let dynamic: Bool
    /// When `dynamic` and the type is a plain struct: only these fields'
    /// values need walking (the other fields' names are all in `names`).
    let dynamicFields: [StructFields.Field]?

    static func of(_ type: Any.Type) -> TypeVariables {
        let key = ObjectIdentifier(type)
        if let known = cached(key) { return known }
        var visiting: Set<ObjectIdentifier> = []
        return make(type, visiting: &visiting)
    }

    nonisolated(unsafe) private static var cache: [ObjectIdentifier: TypeVariables] = [:]
    private static let lock = NSLock()

    private static func cached(_ key: ObjectIdentifier) -> TypeVariables? {
        lock.withLock { cache[key] }
    }
    private static let none = TypeVariables(names: [], dynamic: false, dynamicFields: nil)
    private static let walked = TypeVariables(names: [], dynamic: true, dynamicFields: nil)

    /// `visiting`: the types being made further out; one met again (a
    /// recursive type) is walked by value there, which is always right.
    private static func make(_ type: Any.Type, visiting: inout Set<ObjectIdentifier>) -> TypeVariables {
        let key = ObjectIdentifier(type)
        if let known = cached(key) { return known }
        guard visiting.insert(key).inserted else { return walked }
        defer { visiting.remove(key) }
        let made = shape(of: type, visiting: &visiting)
        lock.withLock { cache[key] = made }
        return made
    }

    /// The same cases, in the same order, as `TemplateVariables.walk` takes for a value.
    private static func shape(of type: Any.Type, visiting: inout Set<ObjectIdentifier>) -> TypeVariables {
        if type is MustacheCustomRepresentation.Type {
            guard let typed = type as? any TypedRepresentation.Type else { return walked }
            return union(typed.representedTypes.map { make($0, visiting: &visiting) })
        }
        if type == String.self || type == Bool.self || type == Int.self || type == Double.self { return none }
        if type is any TypeVariablesDictionary.Type { return walked }
        if let array = type as? any ArrayField.Type { return make(array.elementType, visiting: &visiting) }
        if let fields = StructFields.of(type) {
            var names = Set(fields.fields.map(\.name))
            var dynamicFields: [StructFields.Field] = []
            for field in fields.fields {
                let nested = make(field.type, visiting: &visiting)
                names.formUnion(nested.names)
                if nested.dynamic { dynamicFields.append(field) }
            }
            return TypeVariables(names: names, dynamic: !dynamicFields.isEmpty, dynamicFields: dynamicFields)
        }
        if let optional = type as? any OptionalField.Type { return make(optional.wrappedType, visiting: &visiting) }
        // An enum that Mirror shows as an enum has no variables; anything
        // else (an existential, a class, a struct with a custom mirror) is
        // walked by value as Mirror shows it.
        if MetadataKind.isEnum(type), !(type is CustomReflectable.Type) { return none }
        return walked
    }

    private static func union(_ shapes: [TypeVariables]) -> TypeVariables {
        let dynamic = shapes.contains(where: \.dynamic)
        return TypeVariables(names: shapes.reduce(into: Set<String>()) { $0.formUnion($1.names) }, dynamic: dynamic, dynamicFields: nil)
    }
}

/// Dictionaries: their keys are data, read from each value.
protocol TypeVariablesDictionary {}
extension Dictionary: TypeVariablesDictionary {}

/// A dictionary keyed by strings, read as it is (not cast to `[String: Any]`).
protocol StringKeyedDictionary {
    static var valueType: Any.Type { get }
    func insertKeys(into keys: inout Set<String>)
    func forEachValue(_ body: (Any) -> Void)
}

extension Dictionary: StringKeyedDictionary where Key == String {
    static var valueType: Any.Type { Value.self }

    func insertKeys(into keys: inout Set<String>) { keys.formUnion(self.keys) }

    func forEachValue(_ body: (Any) -> Void) {
        for value in values { body(value) }
    }
}
