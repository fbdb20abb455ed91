import Testing
@testable import CitywideModel

/// Interface strings are cut into text and `{name}` placeholders once, when
/// their language is loaded; filling them in must read as it always did.
@Suite("Translation text")
struct TranslationTextTests {
    static let t = Translation(language: "en", strings: [
        "report_title": "Report for {period}",
        "pair": "{a} and {b}, {a} again",
        "plain": "No placeholder {here",
        "unclosed": "Text {name} then {open",
        "empty_name": "Braces {} stay",
        "date": "{month} {day}, {year}",
        "cities_count_one": "{count} city",
        "cities_count_other": "{count} cities in {where}",
        "percent": "{value}%",
    ], numbers: .english, months: ["January", "February", "March", "April", "May", "June", "July",
                                    "August", "September", "October", "November", "December"])

    @Test("placeholders filled, one given twice, an unknown one kept as written, a missing key shown as itself")
    func filling() {
        let t = Self.t
        #expect(t("report_title", ["period": "2019-Q1"]) == "Report for 2019-Q1")
        #expect(t("pair", ["a": "x", "b": "y"]) == "x and y, x again")
        #expect(t("pair", ["a": "x"]) == "x and {b}, x again")
        #expect(t("pair") == "{a} and {b}, {a} again")
        #expect(t("no_such_key", ["a": "x"]) == "no_such_key")
        #expect(t("empty_name", ["": "filled"]) == "Braces filled stay")
    }

    @Test("a { with no } after it is text, shown once")
    func unclosedBrace() {
        #expect(Self.t("plain", ["here": "x"]) == "No placeholder {here")
        #expect(Self.t("unclosed", ["name": "N", "open": "x"]) == "Text N then {open")
    }

    @Test("plurals, dates and percents fill their placeholders without a dictionary")
    func pluralsDatesPercents() throws {
        let t = Self.t
        #expect(t.plural("cities_count", 1) == "1 city")
        #expect(t.plural("cities_count", 12_500, ["where": "Texas"]) == "12,500 cities in Texas")
        // `count` is the number's, whatever the caller passes.
        #expect(t.plural("cities_count", 2, ["count": "many", "where": "Ohio"]) == "2 cities in Ohio")
        #expect(t.plural("no_such", 2) == "no_such_other")
        #expect(t.date(try #require(Day("2019-03-05"))) == "March 5, 2019")
        let share = MetricDefinition(id: "share", title: "Share", description: "", system: .labor, kind: .percent, unit: "", decimals: 1,
                                     direction: .up, frequency: .quarterly, dimensions: [], location: SourceLocation(path: "Metrics/share.yml"))
        #expect(t.number(41.25, for: share) == "41.3%")
    }

    @Test("whole numbers are written as any other: grouped, with the decimals asked for, no minus zero")
    func wholeNumbers() {
        #expect(NumberText.format(0) == "0")
        #expect(NumberText.format(-0.0) == "0")
        #expect(NumberText.format(1234567) == "1,234,567")
        #expect(NumberText.format(-1000, decimals: 2) == "-1,000.00")
        #expect(NumberText.format(999_999_999_999_999) == "999,999,999,999,999")
        #expect(NumberText.format(1e15) == "1,000,000,000,000,000")
        #expect(NumberText.format(2.5) == "3")
    }
}
