import CitywideModel

/// The numbers Citywide accepts in any input (data values, targets, `per`,
/// populations, thresholds): magnitudes below 10¹⁵ and, unless zero, of at
/// least 10⁻⁹. Within these every value keeps its digits through a Double
/// (15 significant digits), sums and rates stay finite, and formatting and
/// chart axes never meet an overflow or a subnormal. See docs/limits.md.
package enum NumberLimits {
    package static let largest = 1e15
    package static let smallest = 1e-9

    package static let tooLarge = "is too large: numbers must be below 1,000,000,000,000,000 (10^15) in magnitude"
    package static let tooSmall = "is too small: a number other than 0 must be at least 0.000000001 (10^-9) in magnitude"

    /// Why `value`, read from `text`, is refused, or nil when it is within
    /// the limits. `text` tells a written 0 from a value so small that it
    /// read as 0 (`1e-400`).
    package static func problem(_ value: Double, text: String) -> String? {
        if !value.isFinite { return tooLarge }
        if value.magnitude >= largest { return tooLarge }
        if value != 0, value.magnitude < smallest { return tooSmall }
        if value == 0, mantissaIsNonZero(text) { return tooSmall }
        return nil
    }

    /// Whether the digits before any exponent include one other than 0.
    private static func mantissaIsNonZero(_ text: String) -> Bool {
        text.utf8.prefix { $0 != UInt8(ascii: "e") && $0 != UInt8(ascii: "E") }
            .contains { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") }
    }
}
