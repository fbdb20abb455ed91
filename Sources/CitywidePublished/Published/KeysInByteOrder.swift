import Foundation

/// A dictionary's keys and values in the UTF-8 byte order of the keys
/// (Unicode code point order), for the ledger's million cell ids.
///
/// Sorting a million `String`s spends most of its time in String comparison
/// (the ids share long prefixes such as `m003|city-`). Here every key's bytes
/// are copied once into one buffer, and the sort compares the first 24
/// bytes as three integers, reading the rest (with memcmp) only on a tie:
/// ids of one metric and city share their first sixteen bytes, and with
/// only two integers most comparisons went on to memcmp.
/// For ASCII keys, as cell ids are, the order is the same as `String`'s.
package struct KeysInByteOrder<Value> {
    private struct Item {
        var head: UInt64
        var next: UInt64
        var third: UInt64
        var start: Int
        var length: UInt32
        var value: UInt32
    }

    private var bytes: [UInt8] = []
    private var items: [Item] = []
    private var values: [Value] = []

    package init(_ dictionary: [String: Value]) {
        items.reserveCapacity(dictionary.count)
        values.reserveCapacity(dictionary.count)
        for (key, value) in dictionary {
            var key = key
            key.withUTF8 { utf8 in
                items.append(Item(head: Self.bigEndian(utf8, from: 0), next: Self.bigEndian(utf8, from: 8), third: Self.bigEndian(utf8, from: 16),
                                  start: bytes.count, length: UInt32(utf8.count), value: UInt32(values.count)))
                bytes.append(contentsOf: utf8)
            }
            values.append(value)
        }
        bytes.withUnsafeBufferPointer { all in
            items.sort { a, b in
                if a.head != b.head { return a.head < b.head }
                if a.next != b.next { return a.next < b.next }
                if a.third != b.third { return a.third < b.third }
                return Self.less(all, a, b)
            }
        }
    }

    package var count: Int { items.count }

    /// Each key's bytes and its value, in order.
    package func forEach(_ body: (_ key: UnsafeBufferPointer<UInt8>, _ value: Value) throws -> Void) rethrows {
        try bytes.withUnsafeBufferPointer { all in
            for item in items {
                try body(UnsafeBufferPointer(rebasing: all[item.start ..< item.start + Int(item.length)]), values[Int(item.value)])
            }
        }
    }

    /// Eight bytes from `offset` as one integer whose order is the bytes'
    /// order; a key shorter than that is padded with zeros, which sort first
    /// (so "ab" comes before "ab\u{1}").
    private static func bigEndian(_ utf8: UnsafeBufferPointer<UInt8>, from offset: Int) -> UInt64 {
        var word: UInt64 = 0
        for i in offset ..< offset + 8 {
            word = word << 8 | UInt64(i < utf8.count ? utf8[i] : 0)
        }
        return word
    }

    /// The whole keys compared, shorter first on a common prefix (the
    /// first 24 bytes are equal, or zeros past a key's end: compared again).
    private static func less(_ all: UnsafeBufferPointer<UInt8>, _ a: Item, _ b: Item) -> Bool {
        guard let base = all.baseAddress else { return a.length < b.length }
        let common = Int(min(a.length, b.length))
        let order = memcmp(base + a.start, base + b.start, common)
        return order != 0 ? order < 0 : a.length < b.length
    }
}
