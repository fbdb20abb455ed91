import Testing
@testable import CitywideModel

/// Work split by ranges of cities must come back in city order, whatever
/// order the rows were given in: that is what keeps parallel analysis
/// byte-for-byte the same as one pass over the cities.
@Suite("City ranges")
struct CityRangesTests {
    @Test("every row lands in exactly one range, ranges follow in city order, rows keep their order")
    func rangesInCityOrder() {
        // 20,000 rows of 1,000 cities, given out of city order, with one city
        // number below and one above the range (clamped to the first and last range).
        let cities = (0..<20_000).map { ($0 * 7_919) % 1_000 } + [-3, 5_000]
        let ranges = CityRanges(cities.count, cities: 1_000) { cities[$0] }
        #expect(ranges.count > 1, "a large input is split")
        #expect(ranges.rows.flatMap { $0 }.sorted() == Array(cities.indices))
        for rows in ranges.rows {
            #expect(rows == rows.sorted(), "rows keep the order given")
        }
        for (earlier, later) in zip(ranges.rows, ranges.rows.dropFirst()) where !earlier.isEmpty && !later.isEmpty {
            #expect(earlier.map { cities[$0] }.max()! <= later.map { cities[$0] }.min()!)
        }
        #expect(ranges.rows.first?.contains(20_000) == true)
        #expect(ranges.rows.last?.contains(20_001) == true)
    }

    @Test("a small input is one range")
    func smallInputIsOneRange() {
        let ranges = CityRanges(100, cities: 10) { $0 % 10 }
        #expect(ranges.rows == [Array(0..<100)])
    }

    @Test("both pieces of work run and come back in order")
    func both() {
        let (a, b) = ParallelMap.both({ (1...1_000).reduce(0, +) }, { "second" })
        #expect(a == 500_500)
        #expect(b == "second")
    }
}
