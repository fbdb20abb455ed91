/// The kind the Swift runtime records in the first word of a type's
/// metadata (the ABI's metadata layout: 0x200 a struct, 0x201 an enum), for
/// reading types without a value: `_forEachField` traps when handed an
/// existential such as `Any`, so only structs are given to it.
package enum MetadataKind {
    package static func isStruct(_ type: Any.Type) -> Bool { kind(type) == 0x200 }
    package static func isEnum(_ type: Any.Type) -> Bool { kind(type) == 0x201 }

    private static func kind(_ type: Any.Type) -> UInt {
        unsafeBitCast(type, to: UnsafeRawPointer.self).load(as: UInt.self)
    }
}
