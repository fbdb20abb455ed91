/// An array field seen through its type: its elements' type, and its
/// elements read in place (the template renderer walks lists of views
/// without copying them; the check of template variables reads the types).
package protocol ArrayField {
    static var elementType: Any.Type { get }
    static func isEmpty(at pointer: UnsafeRawPointer) -> Bool
    /// `body` with a pointer to each element, in order.
    static func forEachElement(at pointer: UnsafeRawPointer, _ body: (UnsafeRawPointer) -> Void)
}

extension Array: ArrayField {
    package static var elementType: Any.Type { Element.self }

    package static func isEmpty(at pointer: UnsafeRawPointer) -> Bool {
        // `count`, Array's own, rather than `isEmpty`, Collection's: called
        // through the protocol (not specialized), that one looked up the
        // array type's metadata and its witness table on every call
        // (`{{^empty(list)}}` in templates).
        pointer.assumingMemoryBound(to: Self.self).pointee.count == 0
    }

    package static func forEachElement(at pointer: UnsafeRawPointer, _ body: (UnsafeRawPointer) -> Void) {
        pointer.assumingMemoryBound(to: Self.self).pointee.withUnsafeBufferPointer { elements in
            guard let first = elements.baseAddress else { return }
            let base = UnsafeRawPointer(first)
            for i in 0..<elements.count { body(base + i * MemoryLayout<Element>.stride) }
        }
    }
}
