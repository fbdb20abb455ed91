import Testing
@testable import CitywidePublished

/// The ledger's ids are sorted by their bytes, 24 at a time and then
/// the rest: the order must be exactly the bytes' (for ASCII, String's).
@Suite("Ledger ids in byte order")
struct KeysInByteOrderTests {
    /// Keys that share long prefixes (past the 24 bytes compared as integers),
    /// differ only in length, hold a NUL, or are not ASCII.
    static let awkward = [
        "m003|city-1|2024-Q1|0", "m003|city-10|2024-Q1|0", "m003|city-1|2024-Q1|", "m003|city-1|2024-Q1|0\u{0}",
        "", "a", "ab", "ab\u{0}", "ab\u{1}", "m003|city-1", "m003|city-1|", "m003|city-1|2", "m003|city-1|2024-Q2|0",
        "m|san-jos\u{E9}|2020", "m|san-jose|2020", "m|san-jos\u{E9}|2019", "\u{FFFF}", "\u{1F600}", "m003|city-1|2024-Q1|sex=f",
        "m003|city-1|2024-Q1|0123", "m003|city-1|2024-Q1|012", "m003|city-1|2024-Q1|0123\u{0}", "m003|city-1|2024-Q1|01234",
        "m003|city-1|2024-Q1|0124", "m003|city-1|2024-Q1|0123\u{E9}",
    ]

    static func sorted<Value>(_ dictionary: [String: Value]) -> [(String, Value)] {
        var pairs: [(String, Value)] = []
        KeysInByteOrder(dictionary).forEach { key, value in pairs.append((String(decoding: key, as: UTF8.self), value)) }
        return pairs
    }

    @Test("the order is the order of the UTF-8 bytes, each key with its own value")
    func byteOrder() {
        let dictionary = Dictionary(uniqueKeysWithValues: Self.awkward.enumerated().map { ($1, $0) })
        let pairs = Self.sorted(dictionary)
        #expect(pairs.map(\.0) == Self.awkward.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        #expect(pairs.allSatisfy { dictionary[$0.0] == $0.1 })
    }

    @Test("for ASCII ids the order is String's, on 5,000 generated ledger ids")
    func asciiIsStringOrder() {
        var generator = SeededRandom(seed: 16)
        var dictionary: [String: Int] = [:]
        for i in 0 ..< 5_000 {
            let metric = "m\(generator.next() % 12)"
            let city = ["city-", "city-1", "springfield", "st-paul", "a"][Int(generator.next() % 5)] + String(generator.next() % 300)
            let period = ["2024-Q\(generator.next() % 4 + 1)", "2024", "2024-\(generator.next() % 12 + 1)"][Int(generator.next() % 3)]
            let cell = ["", "0", "sex=f", "sex=f;age=18-24", "age=25+"][Int(generator.next() % 5)]
            dictionary["\(metric)|\(city)|\(period)|\(cell)"] = i
        }
        #expect(Self.sorted(dictionary).map(\.0) == dictionary.keys.sorted())
    }

    @Test("an empty dictionary has no keys")
    func empty() {
        #expect(KeysInByteOrder([String: Int]()).count == 0)
        #expect(Self.sorted([String: Int]()).isEmpty)
    }
}
