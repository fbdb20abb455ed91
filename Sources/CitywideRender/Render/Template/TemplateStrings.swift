import Foundation

/// The interface text (`t`, a `[String: String]` in every page's layout
/// view) by key number, so `{{t.key}}` reads its text in place: no hash of
/// the key, no copy of the text kept for the page (before, each of the
/// hundred or so `t.` tags of a city page hashed its key and retained,
/// kept and released its text).
///
/// A table answers for one dictionary storage: pages of a language share
/// the language's dictionary (`Translation.strings`), so a build makes one
/// table a language. The table holds the dictionary, so that storage can be
/// neither freed (its address taken by another dictionary) nor changed in
/// place (it is not uniquely referenced) while the table is in use.
final class TemplateStrings: @unchecked Sendable {
    /// The dictionary's storage: the table answers for this one only.
    let identity: UInt
    private let dictionary: [String: String]
    /// For each key number below `keyCount`, the index of its text in `texts`, or -1.
    private let slots: UnsafeMutablePointer<Int32>
    private let keyCount: Int
    private let texts: UnsafeMutablePointer<String>
    private let textCount: Int

    init(_ dictionary: [String: String], identity: UInt, keys: UnsafeMutableBufferPointer<String>) {
        self.identity = identity
        self.dictionary = dictionary
        var found: [String] = []
        let slots = keys.map { key -> Int32 in
            guard let text = dictionary[key] else { return -1 }
            found.append(text)
            return Int32(found.count - 1)
        }
        keyCount = slots.count
        self.slots = .allocate(capacity: max(slots.count, 1))
        self.slots.initialize(from: slots, count: slots.count)
        textCount = found.count
        texts = .allocate(capacity: max(found.count, 1))
        texts.initialize(from: found, count: found.count)
    }

    deinit {
        slots.deallocate()
        texts.deinitialize(count: textCount).deallocate()
    }

    /// The text of the key numbered `key`: `.some(nil)` when the dictionary
    /// has no such key; nil when the key was numbered after the table was
    /// made (look it up by name).
    func text(_ key: Int) -> UnsafePointer<String>?? {
        guard key >= 0, key < keyCount else { return nil }
        let slot = slots[key]
        return .some(slot < 0 ? nil : UnsafePointer(texts + Int(slot)))
    }

    /// Which storage the dictionary at `pointer` has, read without retaining
    /// it; nil where a dictionary is not one reference (then there are no tables).
    static func identity(of pointer: UnsafePointer<[String: String]>) -> UInt? {
        guard MemoryLayout<[String: String]>.size == MemoryLayout<UInt>.size else { return nil }
        return UnsafeRawPointer(pointer).load(as: UInt.self)
    }
}

/// The tables made in one build (one `TemplateProgram`), shared by every
/// thread rendering pages. A page finds its table once (under the lock),
/// then keeps it for its render (`TemplateContext.strings`).
final class TemplateStringTables: @unchecked Sendable {
    /// A build has one dictionary a language; a site that made one a page
    /// would get no tables past this many, rather than hold them all.
    static let limit = 16

    private let keys: UnsafeMutableBufferPointer<String>
    private var tables: [TemplateStrings] = []
    private let lock = NSLock()

    init(keys: UnsafeMutableBufferPointer<String>) { self.keys = keys }

    /// The table of the dictionary at `pointer`; nil when there is none to be had.
    func table(for pointer: UnsafePointer<[String: String]>) -> TemplateStrings? {
        guard let identity = TemplateStrings.identity(of: pointer) else { return nil }
        return lock.withLock {
            if let known = tables.first(where: { $0.identity == identity }) { return known }
            guard tables.count < Self.limit else { return nil }
            let made = TemplateStrings(pointer.pointee, identity: identity, keys: keys)
            tables.append(made)
            return made
        }
    }
}
