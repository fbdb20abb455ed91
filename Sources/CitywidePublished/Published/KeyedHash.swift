import CitywideModel

/// SipHash-2-4 (Aumasson and Bernstein): a keyed pseudo-random function.
///
/// Complementary suppression orders its candidate cells by this hash of each
/// cell's identity under a secret key, so the choice says nothing about a
/// cell's size and a reader without the key cannot replay it.
package struct KeyedHash: Equatable {
    package let k0: UInt64
    package let k1: UInt64

    package init(k0: UInt64, k1: UInt64) {
        self.k0 = k0
        self.k1 = k1
    }

    package func hash(_ text: String) -> UInt64 { hash(Array(text.utf8)) }

    package func hash(_ bytes: [UInt8]) -> UInt64 {
        var v0: UInt64 = 0x736F_6D65_7073_6575 ^ k0
        var v1: UInt64 = 0x646F_7261_6E64_6F6D ^ k1
        var v2: UInt64 = 0x6C79_6765_6E65_7261 ^ k0
        var v3: UInt64 = 0x7465_6462_7974_6573 ^ k1
        func round() {
            v0 = v0 &+ v1; v1 = rotate(v1, 13); v1 ^= v0; v0 = rotate(v0, 32)
            v2 = v2 &+ v3; v3 = rotate(v3, 16); v3 ^= v2
            v0 = v0 &+ v3; v3 = rotate(v3, 21); v3 ^= v0
            v2 = v2 &+ v1; v1 = rotate(v1, 17); v1 ^= v2; v2 = rotate(v2, 32)
        }
        func compress(_ m: UInt64) {
            v3 ^= m
            round(); round()
            v0 ^= m
        }
        let whole = bytes.count / 8 * 8
        var i = 0
        while i < whole {
            var m: UInt64 = 0
            for b in 0..<8 { m |= UInt64(bytes[i + b]) << (8 * UInt64(b)) }
            compress(m)
            i += 8
        }
        var last = UInt64(bytes.count & 0xFF) << 56
        for b in 0..<(bytes.count - whole) { last |= UInt64(bytes[whole + b]) << (8 * UInt64(b)) }
        compress(last)
        v2 ^= 0xFF
        round(); round(); round(); round()
        return v0 ^ v1 ^ v2 ^ v3
    }

    private func rotate(_ x: UInt64, _ b: UInt64) -> UInt64 { (x << b) | (x >> (64 - b)) }
}
