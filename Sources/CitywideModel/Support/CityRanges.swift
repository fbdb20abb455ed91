/// Rows split by ranges of cities, a few ranges per core, for work in which
/// each city's rows are independent of every other city's: the ranges run on
/// every core (`ParallelMap`) and their results, joined in range order, come
/// in city order, as one pass over the cities in order gives them.
package struct CityRanges: Sendable {
    /// Each range's rows (indices given to `init`), in the order given.
    package let rows: [[Int]]
    package var count: Int { rows.count }
    package var indices: Range<Int> { rows.indices }

    /// `count` rows, of `cities` cities; `city(i)` is row i's city.
    package init(_ count: Int, cities: Int, city: (Int) -> Int) {
        // A few ranges per core keep both busy when one range costs more than
        // another; a small input is one range (no work handed between threads).
        let ranges = max(1, min(8, count / 4096))
        let perRange = max(1, (cities + ranges - 1) / ranges)
        var rows = [[Int]](repeating: [], count: ranges)
        for i in 0 ..< count {
            // Clamped, so that ranges stay in city order whatever the city number.
            rows[min(ranges - 1, max(0, city(i) / perRange))].append(i)
        }
        self.rows = rows
    }
}
