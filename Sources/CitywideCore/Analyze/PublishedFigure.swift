/// A figure as it may be published. A withheld figure carries the rule that
/// withheld it and nothing else: there is no number in it to leak.
public enum PublishedValue: Sendable, Hashable {
    case number(Double)
    case withheld(Withholding)
    /// The provider left it empty, or an input of a computed figure is missing.
    case notAvailable

    public var number: Double? {
        if case let .number(value) = self { return value }
        return nil
    }
}

/// Why a figure is withheld (SPEC "Privacy").
public enum Withholding: String, Sendable, Hashable, CaseIterable {
    /// A count from 1 to min_cell - 1, or a figure made from one.
    case primary = "suppressed-primary"
    /// Withheld so that a primary one cannot be worked out from the others.
    case complementary = "suppressed-complementary"
}

/// One published cell: a city, a period, a breakdown, and what may be said of it.
public struct PublishedFigure: Sendable {
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
        case let .withheld(rule): rule.rawValue
        case .notAvailable: "not-available"
        case .number: unreliable ? "unreliable" : "published"
        }
    }
}

/// Per metric, how many figures each rule touched: the disclosure summary that
/// `check` prints and the methodology page shows.
public struct DisclosureCounts: Sendable, Hashable {
    public var published = 0
    public var unreliable = 0
    public var primary = 0
    public var complementary = 0
    public var notAvailable = 0

    public var withheld: Int { primary + complementary }

    mutating func count(_ figure: PublishedFigure) {
        switch figure.value {
        case .withheld(.primary): primary += 1
        case .withheld(.complementary): complementary += 1
        case .notAvailable: notAvailable += 1
        case .number:
            published += 1
            if figure.unreliable { unreliable += 1 }
        }
    }
}
