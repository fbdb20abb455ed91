/// Numbers for people: grouped thousands, a fixed number of decimals, and
/// independent of the machine's locale so builds are byte-identical anywhere.
public enum NumberText {
    public static func format(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return "–" }
        let scale = pow10(decimals)
        let scaled = (abs(value) * scale).rounded()
        let negative = value < 0 && scaled != 0
        var whole = UInt64(scaled / scale)
        let fraction = UInt64(scaled - Double(whole) * scale)
        var groups: [String] = []
        repeat {
            let group = whole % 1000
            whole /= 1000
            groups.append(whole > 0 ? pad(group, 3) : String(group))
        } while whole > 0
        var text = (negative ? "-" : "") + groups.reversed().joined(separator: ",")
        if decimals > 0 { text += "." + pad(fraction, decimals) }
        return text
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

    /// Machine form for downloads: plain digits, no grouping, no trailing zeros.
    public static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format(value, decimals: 6).filter { $0 != "," })
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    private static func pow10(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<max(0, n) { result *= 10 }
        return result
    }

    private static func pad(_ n: UInt64, _ width: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
