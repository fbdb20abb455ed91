import CitywideModel

/// Aggregates have varied counts. A metric whose every breakdown row in a
/// file is 1 is one row per person with the names taken off: person-level
/// data, refused like a name column. Totals do not count either way: a
/// total row (5 people) beside five rows of 1 must not hide the list.
package struct OnePerPersonTest {
    /// Rows needed before the test speaks: 1, 1, 1 can be a real small table.
    package static let minimumRows = 5

    private var breakdownRows = 0
    private var breakdownOnes = 0
    private var totalRows = 0
    private var totalOnes = 0
    /// The first row whose value is 1, where the error points.
    private(set) var firstOne: SourceLocation?

    /// Whether the caller should pass the row's location next time it adds a 1.
    package var wantsLocation: Bool { firstOne == nil }

    package mutating func add(_ value: Double, breakdown: Bool, location: SourceLocation?) {
        if value == 1, firstOne == nil { firstOne = location }
        if breakdown {
            breakdownRows += 1
            if value == 1 { breakdownOnes += 1 }
        } else {
            totalRows += 1
            if value == 1 { totalOnes += 1 }
        }
    }

    /// Adds the rows of a later part of the same file.
    package mutating func append(_ later: OnePerPersonTest) {
        breakdownRows += later.breakdownRows
        breakdownOnes += later.breakdownOnes
        totalRows += later.totalRows
        totalOnes += later.totalOnes
        firstOne = firstOne ?? later.firstOne
    }

    /// The rows that decide: the breakdown rows when there are any, else the totals.
    package var looksPersonLevel: Bool {
        let (rows, ones) = breakdownRows > 0 ? (breakdownRows, breakdownOnes) : (totalRows, totalOnes)
        return rows >= Self.minimumRows && ones == rows
    }

    package func report(metric: String, log: DiagnosticLog) {
        guard looksPersonLevel, let firstOne else { return }
        log.error(firstOne, "every \(breakdownRows > 0 ? "breakdown " : "")value of metric '\(metric)' in this file is 1: this is one row per person, which Citywide refuses; send counts per city, period and breakdown instead")
    }
}
