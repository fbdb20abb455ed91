import CitywideModel

/// A figure as it may be published. A withheld figure carries nothing: no
/// number to leak, and not even the rule that withheld it, since every
/// withheld value must look the same (SPEC "Privacy" rule 3).
public enum PublishedValue: Sendable, Hashable {
    case number(Double)
    case withheld
    /// The provider left it empty, or an input of a computed figure is missing.
    case notAvailable

    public var number: Double? {
        if case let .number(value) = self { return value }
        return nil
    }
}

/// Why a figure was withheld. Known only inside `Disclosure` and summed into
/// `CheckOnlyRuleCounts`: no page or download may tell the rules apart.
package enum Withholding: Sendable, Hashable {
    /// A count from 1 to min_cell - 1, or a figure made from one.
    case primary
    /// Withheld so that another one cannot be worked out, even roughly.
    case complementary
}

/// One published cell: a city, a period, a breakdown, and what may be said of it.
public struct PublishedFigure: Sendable {
    package init(city: Int, period: Period, cell: CellKey, value: PublishedValue, unreliable: Bool, flag: InputFlag? = nil, note: String? = nil) {
        self.city = city
        self.period = period
        self.cell = cell
        self.value = value
        self.unreliable = unreliable
        self.flag = flag
        self.note = note
    }

    public var city: Int
    public var period: Period
    public var cell: CellKey
    public var value: PublishedValue
    /// A rate or percent made from fewer than `min_rate_numerator` events.
    public var unreliable: Bool
    public var flag: InputFlag?
    public var note: String?

    /// The disclosure status, as downloads spell it.
    public var status: String {
        switch value {
        case .withheld: "suppressed"
        case .notAvailable: "not-available"
        case .number: unreliable ? "unreliable" : "published"
        }
    }
}

/// Per metric, how many figures were published and withheld: what pages may say.
public struct DisclosureCounts: Sendable, Hashable {
    public var published = 0
    public var unreliable = 0
    public var withheld = 0
    public var notAvailable = 0

    package mutating func count(_ figure: PublishedFigure) {
        switch figure.value {
        case .withheld: withheld += 1
        case .notAvailable: notAvailable += 1
        case .number:
            published += 1
            if figure.unreliable { unreliable += 1 }
        }
    }
}

/// How many figures each rule withheld, per metric: for `check`'s disclosure
/// summary only, which stays on the fellow's machine. Counts per rule on a
/// page would undo the single status (a metric with no protecting cells would
/// tell the reader that every withheld cell is small).
public struct CheckOnlyRuleCounts: Sendable, Hashable {
    public var primary = 0
    public var complementary = 0

    package mutating func count(_ reason: Withholding?) {
        switch reason {
        case .primary: primary += 1
        case .complementary: complementary += 1
        case nil: break
        }
    }

    package static func + (a: Self, b: Self) -> Self {
        Self(primary: a.primary + b.primary, complementary: a.complementary + b.complementary)
    }
}
