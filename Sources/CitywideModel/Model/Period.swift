/// A reporting period: a year (`2019`), a quarter (`2019-Q3`) or a month (`2019-07`).
public struct Period: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Granularity: String, Sendable, Hashable, CaseIterable {
        case annual, quarterly, monthly
    }

    public let year: Int
    public let granularity: Granularity
    /// Quarter 1...4 or month 1...12; 0 for a year.
    public let index: Int

    public init(year: Int, quarter: Int) { self.year = year; granularity = .quarterly; index = quarter }
    public init(year: Int, month: Int) { self.year = year; granularity = .monthly; index = month }
    public init(year: Int) { self.year = year; granularity = .annual; index = 0 }

    /// Parses the three forms SPEC allows, and nothing else (no `2019Q1`, no `Q1 2019`).
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                guard i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 else { return nil }
                n = n * 10 + Int(bytes[i] - 48)
            }
            return n
        }
        guard bytes.count >= 4, let year = digits(0..<4), year >= 1900, year <= 2200 else { return nil }
        switch bytes.count {
        case 4:
            self.init(year: year)
        case 7 where bytes[4] == UInt8(ascii: "-") && (bytes[5] == UInt8(ascii: "Q") || bytes[5] == UInt8(ascii: "q")):
            guard let q = digits(6..<7), (1...4).contains(q) else { return nil }
            self.init(year: year, quarter: q)
        case 7 where bytes[4] == UInt8(ascii: "-"):
            guard let m = digits(5..<7), (1...12).contains(m) else { return nil }
            self.init(year: year, month: m)
        default:
            return nil
        }
    }

    /// Time in years, as SPEC's progress method measures it: 2019-Q3 and 2019-07 are 2019.5.
    public var time: Double {
        switch granularity {
        case .annual: Double(year)
        case .quarterly: Double(year) + Double(index - 1) / 4
        case .monthly: Double(year) + Double(index - 1) / 12
        }
    }

    /// The month in which the period ends, counted from year 0: orders periods of
    /// different granularity by when their figures are complete.
    public var endMonth: Int {
        switch granularity {
        case .annual: year * 12 + 12
        case .quarterly: year * 12 + index * 3
        case .monthly: year * 12 + index
        }
    }

    /// The last day of the period, for comparing with due dates.
    public var lastDay: Day {
        let month = endMonth - year * 12
        return Day(year: year, month: month, day: Day.daysIn(month: month, year: year))
    }

    /// The quarter this period falls in (a year falls in its fourth quarter, when it is complete).
    public var quarter: Period {
        switch granularity {
        case .annual: Period(year: year, quarter: 4)
        case .quarterly: self
        case .monthly: Period(year: year, quarter: (index - 1) / 3 + 1)
        }
    }

    public var description: String {
        switch granularity {
        case .annual: String(year)
        case .quarterly: "\(year)-Q\(index)"
        case .monthly: index < 10 ? "\(year)-0\(index)" : "\(year)-\(index)"
        }
    }

    public static func < (a: Period, b: Period) -> Bool {
        (a.endMonth, a.granularity.order) < (b.endMonth, b.granularity.order)
    }
}

extension Period.Granularity {
    /// Within the same end month the coarser period sorts last: a year after its December.
    fileprivate var order: Int {
        switch self {
        case .monthly: 0
        case .quarterly: 1
        case .annual: 2
        }
    }
}
