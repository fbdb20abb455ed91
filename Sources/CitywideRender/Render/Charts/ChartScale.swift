import Foundation
import CitywideModel
import CitywidePublished
import CitywideWrite

/// A value axis that always includes 0 and ends on "nice" round numbers:
/// steps of 1, 2 or 5 × 10ⁿ, with 4–6 ticks (including 0) for data that is
/// all positive. Built only from the values it is given — callers pass the
/// published numbers (and a target), never anything else.
package struct ChartScale: Sendable, Equatable {
    package let lower: Double
    package let upper: Double
    package let step: Double
    /// Digits after the decimal point needed to print any tick exactly.
    package let fractionDigits: Int

    /// The most intervals we allow between 0 and the maximum.
    package static let maximumIntervals = 5
    /// The largest magnitude drawn as it is, and the smallest span given its
    /// own axis: between them every step is a normal Double, so no division
    /// or conversion below can overflow (subnormal values once trapped here).
    package static let largest = 1e300
    package static let smallestSpan = 1e-12

    package init(including values: [Double]) {
        // Values beyond ±1e300 (a rate of huge inputs) are drawn at the edge:
        // the span and every step below stay finite and normal.
        let finite = values.filter { $0.isFinite }.map { min(max($0, -Self.largest), Self.largest) }
        let high = max(0, finite.max() ?? 0)
        let low = min(0, finite.min() ?? 0)
        let span = high - low
        guard span >= Self.smallestSpan else {
            // Nothing but zeros (or nothing at all, or values too close to 0
            // to tell apart on a chart): a plain 0–5 axis.
            self.init(lower: 0, upper: 5, step: 1)
            return
        }
        let startExponent = Int(log10(span).rounded(.down)) - 2
        for exponent in startExponent...(startExponent + 5) {
            for multiplier in [1.0, 2.0, 5.0] {
                let step = Self.step(multiplier, exponent)
                let above = Self.intervals(high, step)
                let below = Self.intervals(-low, step)
                if above + below <= Self.maximumIntervals {
                    self.init(lower: -Double(below) * step, upper: Double(above) * step, step: step)
                    return
                }
            }
        }
        // Unreachable for finite input; a safe fallback nevertheless.
        self.init(lower: low, upper: high, step: span)
    }

    private init(lower: Double, upper: Double, step: Double) {
        self.lower = lower
        self.upper = upper
        self.step = step
        self.fractionDigits = max(0, -Int(log10(step).rounded(.down)))
    }

    /// `multiplier × 10^exponent`, computed so that 0.1, 0.2, 0.05 are exact-ish.
    private static func step(_ multiplier: Double, _ exponent: Int) -> Double {
        exponent >= 0
            ? multiplier * pow(10, Double(exponent))
            : multiplier / pow(10, Double(-exponent))
    }

    /// Whole steps needed to reach `value` (tolerating floating-point noise).
    private static func intervals(_ value: Double, _ step: Double) -> Int {
        guard value > 0 else { return 0 }
        let steps = (value / step - 1e-9).rounded(.up)
        return steps <= Double(maximumIntervals) ? Int(steps) : maximumIntervals + 1
    }

    /// Tick values from `lower` to `upper`, each an exact multiple of `step`.
    package var ticks: [Double] {
        let first = Int((lower / step).rounded())
        let last = Int((upper / step).rounded())
        return (first...last).map { Double($0) * step }
    }

    /// Maps `value` linearly from [lower, upper] onto [start, end].
    package func position(_ value: Double, from start: Double, to end: Double) -> Double {
        start + (value - lower) / (upper - lower) * (end - start)
    }

    /// A tick label such as "1,500" or "0.25", locale-independent.
    package func label(_ value: Double) -> String {
        Self.format(value, fractionDigits: fractionDigits)
    }

    /// Formats with exactly `fractionDigits` decimals and "," thousands
    /// separators, locale-independent.
    package static func format(_ value: Double, fractionDigits: Int) -> String {
        guard value.isFinite else { return "" }
        return NumberText.format(value, decimals: min(max(fractionDigits, 0), 12))
    }
}
