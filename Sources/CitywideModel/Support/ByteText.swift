/// Text made as UTF-8 bytes: the downloads and the privacy ledger are
/// millions of short pieces (a slug, a period, a number), and appending them
/// to a `[UInt8]` costs no String per piece, no Character handling and no
/// copy of the whole text into `Data` at the end.
package struct ByteText {
    package var bytes: [UInt8] = []

    package init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    package var count: Int { bytes.count }

    package mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    package mutating func append(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    package mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    /// Decimal digits, as `String(n)` writes them.
    package mutating func append(_ n: Int) {
        if n < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = n.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }

    /// `x` as 16 lower-case hexadecimal digits, zero-padded.
    package mutating func append(hex16 x: UInt64) {
        let digits: StaticString = "0123456789abcdef"
        for shift in stride(from: 60, through: 0, by: -4) {
            bytes.append(digits.utf8Start[Int((x >> UInt64(shift)) & 0xF)])
        }
    }

    /// `NumberText.plain(value)`: a whole number below 10^15 (every count)
    /// directly as digits, any other value through `NumberText.plain`.
    package mutating func append(plain value: Double) {
        if value.magnitude < 1e15, value == value.rounded(.towardZero) {
            append(Int(value)) // -0.0 gives "0", as NumberText.plain does
        } else {
            append(NumberText.plain(value))
        }
    }
}
