import CitywideModel

/// Strict, allocation-free number parsing for CSV fields.
///
/// Data files should not be read with a locale or with the lenient rules of
/// `strtod` (which takes "inf", "0x1p3", " 12abc" prefixes…): a value that is
/// not plainly a number is a mistake in the data the user should hear about.
package enum CSVNumber {
    /// Exact powers of ten: every one up to 1e22 is representable in a Double.
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Parses `-?digits(.digits)?([eE][+-]?digits)?`, surrounded by optional
    /// spaces or tabs. Returns nil for anything else and for values that
    /// overflow to infinity.
    package static func parseDouble(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let p = bytes.baseAddress else { return nil }
        var i = 0
        var end = bytes.count
        while i < end, p[i] == 0x20 || p[i] == 0x09 { i += 1 }
        while end > i, p[end - 1] == 0x20 || p[end - 1] == 0x09 { end -= 1 }
        let textStart = i

        let negative = i < end && p[i] == UInt8(ascii: "-")
        if negative { i += 1 }

        // Mantissa digits, accumulated while they fit in a UInt64 (19 digits).
        var mantissa: UInt64 = 0
        var digits = 0
        let integerStart = i
        while i < end, p[i] &- 0x30 < 10 {
            mantissa = mantissa &* 10 &+ UInt64(p[i] &- 0x30)
            i += 1
        }
        guard i > integerStart else { return nil }
        digits = i - integerStart

        var fractionDigits = 0
        if i < end, p[i] == UInt8(ascii: ".") {
            i += 1
            let fractionStart = i
            while i < end, p[i] &- 0x30 < 10 {
                mantissa = mantissa &* 10 &+ UInt64(p[i] &- 0x30)
                i += 1
            }
            fractionDigits = i - fractionStart
            guard fractionDigits > 0 else { return nil }
            digits += fractionDigits
        }

        var exponent = 0
        if i < end, p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E") {
            i += 1
            var exponentNegative = false
            if i < end, p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") {
                exponentNegative = p[i] == UInt8(ascii: "-")
                i += 1
            }
            let exponentStart = i
            while i < end, p[i] &- 0x30 < 10 {
                // Clamp: anything this large is out of range either way.
                if exponent < 100_000 { exponent = exponent * 10 + Int(p[i] &- 0x30) }
                i += 1
            }
            guard i > exponentStart else { return nil }
            if exponentNegative { exponent = -exponent }
        }
        guard i == end else { return nil }

        // Fast path (Clinger): a mantissa that is exact in a Double times an
        // exact power of ten is one correctly rounded operation.
        let power = exponent - fractionDigits
        if digits <= 19 {
            var value: Double?
            if power == 0 {
                value = Double(mantissa)  // correctly rounded; exact up to 2^53
            } else if mantissa <= 1 << 53, power.magnitude <= 22 {
                let scale = powersOfTen[Int(power.magnitude)]
                value = power < 0 ? Double(mantissa) / scale : Double(mantissa) * scale
            }
            if let value { return negative ? -value : value }
        }

        // Rare slow path (long mantissas, large exponents): the syntax is
        // already checked, so the standard library's correctly rounded parser
        // only sees plain decimal numbers.
        let text = String(decoding: UnsafeBufferPointer(start: p + textStart, count: end - textStart), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }
}
