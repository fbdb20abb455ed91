import Testing
@testable import CitywideModel

/// `StructFields` must answer as `Mirror` does: the template lookups and the
/// template-variable check rely on the same names and values.
@Suite("A struct's fields read by offset, as Mirror reads them")
struct StructFieldsTests {
    struct Row { let label: String; let count: Int }
    struct View {
        let title: String
        let shown: Bool
        let note: String?
        let missing: Int?
        let rows: [Row]
        let nested: Int??
    }

    @Test("same names in the same order, same values; an optional unwrapped one level, nil when empty")
    func likeMirror() throws {
        let view = View(title: "Chicago", shown: false, note: "provisional", missing: nil,
                        rows: [Row(label: "a", count: 3)], nested: .some(nil))
        let fields = try #require(StructFields.of(View.self))
        let mirror = Mirror(reflecting: view)
        #expect(fields.fields.map(\.name) == mirror.children.map(\.label))
        #expect(fields.read(try #require(fields.byName["title"]), of: view) as? String == "Chicago")
        #expect(fields.read(try #require(fields.byName["shown"]), of: view) as? Bool == false)
        #expect(fields.read(try #require(fields.byName["note"]), of: view) as? String == "provisional")
        #expect(fields.read(try #require(fields.byName["missing"]), of: view) == nil)
        let rows = fields.read(try #require(fields.byName["rows"]), of: view) as? [Row]
        #expect(rows?.first?.label == "a" && rows?.first?.count == 3)
        // Int?? holding .some(nil): one layer off leaves an empty Int?, which is a value.
        let nested = fields.read(try #require(fields.byName["nested"]), of: view)
        let viaMirror = Mirror(reflecting: try #require(mirror.children.first { $0.label == "nested" }).value).children.first?.value
        #expect(nested != nil && viaMirror != nil)
        #expect(nested.map { String(describing: $0) } == viaMirror.map { String(describing: $0) })
    }

    @Test("classes, enums, types with a custom mirror and structs with an Any field are left to Mirror")
    func leftToMirror() {
        final class Box { let value = 1 }
        enum Choice { case one }
        struct Custom: CustomReflectable { let x = 1; var customMirror: Mirror { Mirror(self, children: []) } }
        struct Loose { let value: Any }
        #expect(StructFields.of(Box.self) == nil)
        #expect(StructFields.of(Choice.self) == nil)
        #expect(StructFields.of(Custom.self) == nil)
        #expect(StructFields.of(Loose.self) == nil)
    }
}
