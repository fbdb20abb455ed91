/// A page's bytes while `TemplateRenderer` writes them, in memory of its
/// own: an append is a test of the room left and a copy. `[UInt8]`'s
/// `append(contentsOf:)` tested the array's uniqueness and went through the
/// copy of a sequence for each of a page's hundreds of pieces, about a sixth
/// of the render's CPU. The page is handed over as an array of its exact
/// size (`bytes`), one copy of it.
///
/// Passed `inout` only, never copied (copies would share the memory), and
/// freed by `deallocate` once the page is taken.
struct TemplateOutput {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        start = .allocate(capacity: self.capacity)
    }

    /// The bytes written, as an array.
    func bytes() -> [UInt8] {
        Array(UnsafeBufferPointer(start: start, count: count))
    }

    mutating func deallocate() {
        start.deallocate()
        capacity = 0
        count = 0
    }

    subscript(index: Int) -> UInt8 {
        precondition(index >= 0 && index < count, "within the bytes written")
        return start[index]
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        makeRoom(for: bytes.count)
        (start + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    mutating func append(_ byte: UInt8) {
        makeRoom(for: 1)
        (start + count).initialize(to: byte)
        count += 1
    }

    mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// `bytes` put at `index`, the bytes from there moved after them.
    mutating func insert(_ bytes: [UInt8], at index: Int) {
        precondition(index >= 0 && index <= count, "within the bytes written")
        guard !bytes.isEmpty else { return }
        makeRoom(for: bytes.count)
        // Overlapping when fewer bytes follow than are inserted: a memmove.
        UnsafeMutableRawPointer(start + index + bytes.count).copyMemory(from: start + index, byteCount: count - index)
        bytes.withUnsafeBytes { inserted in
            UnsafeMutableRawPointer(start + index).copyMemory(from: inserted.baseAddress ?? UnsafeRawPointer(start), byteCount: inserted.count)
        }
        count += bytes.count
    }

    /// The bytes from `index` on in reverse order (digits written least significant first).
    mutating func reverse(from index: Int) {
        precondition(index >= 0 && index <= count, "within the bytes written")
        var reversed = UnsafeMutableBufferPointer(start: start + index, count: count - index)
        reversed.reverse()
    }

    private mutating func makeRoom(for more: Int) {
        guard capacity - count < more else { return }
        let grown = max(capacity * 2, count + more)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.initialize(from: start, count: count)
        start.deallocate()
        start = moved
        capacity = grown
    }
}
