
/// A finite Double as decimal digits: the shortest digits that read back as
/// the same Double (Swift's `description`), so `123456789012345.5` stays
/// exactly that. Formatting works on these digits, never by converting a
/// Double to an integer type, so no value, however large or small, can trap.
package struct DecimalDigits: Equatable {
    package var negative: Bool
    /// Significant digits 0...9, without leading or trailing zeros; empty for zero.
    package var digits: [UInt8]
    /// The value is `0.d₁d₂d₃… × 10^pointPosition`.
    package var pointPosition: Int

    package init(_ value: Double) {
        negative = value.sign == .minus
        digits = []
        pointPosition = 0
        guard value.isFinite, value != 0 else { return }
        var integerDigits = 0
        var exponent = 0
        var seenPoint = false
        var inExponent = false
        var exponentNegative = false
        for byte in value.magnitude.description.utf8 {
            switch byte {
            case UInt8(ascii: "."): seenPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
            case UInt8(ascii: "-") where inExponent: exponentNegative = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = byte - UInt8(ascii: "0")
                if inExponent {
                    exponent = min(exponent * 10 + Int(digit), 10_000)
                } else {
                    digits.append(digit)
                    if !seenPoint { integerDigits += 1 }
                }
            default: continue
            }
        }
        pointPosition = integerDigits + (exponentNegative ? -exponent : exponent)
        while digits.first == 0 {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.last == 0 { digits.removeLast() }
    }

    package var isZero: Bool { digits.isEmpty }

    /// Digits after the decimal point needed to write the value exactly.
    package var fractionDigits: Int { max(0, digits.count - pointPosition) }

    /// Rounded half away from zero to `decimals` digits after the point.
    package func rounded(decimals: Int) -> DecimalDigits {
        let keep = pointPosition + decimals
        guard keep < digits.count else { return self }
        var result = self
        guard keep >= 0 else {
            result.digits = []
            return result
        }
        let roundUp = digits[keep] >= 5
        result.digits = Array(digits[..<keep])
        if roundUp {
            var i = keep - 1
            while i >= 0, result.digits[i] == 9 {
                result.digits[i] = 0
                i -= 1
            }
            if i >= 0 {
                result.digits[i] += 1
            } else {
                result.digits.insert(1, at: 0)
                result.pointPosition += 1
            }
        }
        while result.digits.last == 0 { result.digits.removeLast() }
        return result
    }

    /// The digit `n` places left of the point (`0` = units) or right of it (negative `n`).
    private func digit(at place: Int) -> UInt8 {
        let index = pointPosition - 1 - place
        return digits.indices.contains(index) ? digits[index] : 0
    }

    /// Plain decimal text with exactly `decimals` digits after the point, and
    /// `separator` between groups of three integer digits (none when nil).
    package func text(decimals: Int, separator: Character?) -> String {
        var text = ""
        if negative, !isZero { text.append("-") }
        let integerPlaces = max(1, pointPosition)
        for place in stride(from: integerPlaces - 1, through: 0, by: -1) {
            text.append(Character(Unicode.Scalar(UInt8(ascii: "0") + digit(at: place))))
            if let separator, place > 0, place % 3 == 0 { text.append(separator) }
        }
        if decimals > 0 {
            text.append(".")
            for place in 1...decimals {
                text.append(Character(Unicode.Scalar(UInt8(ascii: "0") + digit(at: -place))))
            }
        }
        return text
    }
}
