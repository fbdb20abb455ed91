/// Numbers for people: grouped thousands, a fixed number of decimals, and
/// independent of the machine's locale so builds are byte-identical anywhere.
/// Works on decimal digits (`DecimalDigits`), so no finite value can trap.
public enum NumberText {
    public static func format(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return "–" }
        let places = max(0, decimals)
        if value == value.rounded(.towardZero), value.magnitude < 1e15 { return whole(Int(value), decimals: places) }
        return DecimalDigits(value).rounded(decimals: places).text(decimals: places, separator: ",")
    }

    /// A whole number (most figures are counts), as `DecimalDigits` writes
    /// it, without reading the Double's text back digit by digit.
    private static func whole(_ value: Int, decimals: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24 + decimals)
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let digits = Array(String(value.magnitude).utf8)
        for (i, digit) in digits.enumerated() {
            bytes.append(digit)
            let place = digits.count - 1 - i
            if place > 0, place % 3 == 0 { bytes.append(UInt8(ascii: ",")) }
        }
        if decimals > 0 {
            bytes.append(UInt8(ascii: "."))
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: decimals))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A figure of a metric, with `%` for percents.
    public static func format(_ value: Double, for metric: MetricDefinition) -> String {
        let text = format(value, decimals: metric.decimals)
        return metric.kind == .percent ? text + "%" : text
    }

    /// A signed change, e.g. "+12" or "-3.5".
    public static func signed(_ value: Double, decimals: Int) -> String {
        let text = format(value, decimals: decimals)
        return value > 0 && text != format(0, decimals: decimals) ? "+" + text : text
    }

    /// Machine form for downloads: plain digits, no grouping, no exponent.
    /// A number as the data gave it keeps every digit (`123456789012345.5`
    /// stays so: input is limited to 15 significant digits or 6 decimals,
    /// docs/limits.md); a computed one with floating-point noise (1/3) is
    /// rounded to 6 decimals.
    public static func plain(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        var digits = DecimalDigits(value)
        if digits.digits.count > 15, digits.fractionDigits > 6 {
            digits = digits.rounded(decimals: 6)
        }
        return digits.text(decimals: digits.fractionDigits, separator: nil)
    }
}
