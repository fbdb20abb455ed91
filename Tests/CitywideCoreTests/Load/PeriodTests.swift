import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywidePublish
@testable import CitywideRender
@testable import CitywideWrite

@Suite("Periods")
struct PeriodTests {
    @Test("the three forms SPEC allows", arguments: [
        ("2019", 2019.0), ("2019-Q1", 2019.0), ("2019-Q3", 2019.5), ("2019-07", 2019.5), ("2020-12", 2020 + 11.0 / 12),
    ])
    func parses(text: String, time: Double) throws {
        let period = try #require(Period(text))
        #expect(period.description == text)
        #expect(abs(period.time - time) < 1e-9)
    }

    @Test("anything else is refused", arguments: ["2019Q1", "Q1 2019", "2019-Q0", "2019-Q5", "2019-13", "2019-00", "19", "2019-1", "", "20x9", "2019-Q1 "])
    func refuses(text: String) {
        #expect(Period(text) == nil)
    }

    @Test("periods sort by when they end; a year after its last quarter")
    func order() throws {
        let sorted = ["2019", "2019-Q4", "2019-Q1", "2019-02", "2018-Q4"].compactMap { Period($0) }.sorted().map(\.description)
        #expect(sorted == ["2018-Q4", "2019-02", "2019-Q1", "2019-Q4", "2019"])
    }

    @Test("a period's quarter and last day")
    func quarterAndLastDay() throws {
        #expect(Period("2019-08")?.quarter.description == "2019-Q3")
        #expect(Period("2019")?.quarter.description == "2019-Q4")
        #expect(Period("2020-Q1")?.lastDay.description == "2020-03-31")
        #expect(Period("2020-02")?.lastDay.description == "2020-02-29")
    }
}

@Suite("Dates")
struct DayTests {
    @Test("valid and invalid dates")
    func parse() {
        #expect(Day("2019-03-28")?.description == "2019-03-28")
        #expect(Day("2019-02-29") == nil)
        #expect(Day("2020-02-29") != nil)
        #expect(Day("2019-3-28") == nil)
        #expect(Day("28/03/2019") == nil)
    }
}

@Suite("Cell keys")
struct CellKeyTests {
    @Test("setting and reading dimension codes")
    func codes() {
        let key = CellKey.total.setting(0, to: 2).setting(3, to: 7)
        #expect(key.code(0) == 2)
        #expect(key.code(1) == 0)
        #expect(key.code(3) == 7)
        #expect(key.depth == 2)
        #expect(key.parts.map(\.dimension) == [0, 3])
        #expect(key.parts.map(\.value) == [1, 6])
        #expect(CellKey.total < key)
    }
}
