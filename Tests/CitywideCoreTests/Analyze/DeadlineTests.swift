import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywidePublished
@testable import CitywideRender

/// A target whose date has come is met or missed, judged on the data
/// (SPEC "Progress", deadlines), and its quarter's report says which.
@Suite("Progress deadlines")
struct DeadlineTests {
    /// Springfield committed to 30 referrals by 2020-12-31. Each test adds its
    /// own `Data/referrals.csv`.
    static let site = """
        -- site.yml --
        title: Test City Progress
        base_url: https://example.org/test/
        languages: [en, es]
        privacy:
          min_cell: 11
          min_rate_numerator: 20
        data_status: synthetic
        -- Blueprints/springfield.md --
        ---
        city: Springfield
        state: IL
        population: 100000
        fellow: Senior fellow
        adopted: 2019-01-15
        updated: 2020-02-01
        commitments:
          - id: spr-referrals
            system: labor
            title: Refer survivors of labor trafficking to services
            status: in_progress
            due: 2020-12-31
            populations: [immigrants]
            metrics: [referrals]
            target: { metric: referrals, value: 30, by: 2020-12-31 }
        ---
        # Springfield Blueprint

        We will act.
        -- Metrics/referrals.yml --
        id: referrals
        title: Referrals
        description: Referrals to victim services.
        system: labor
        type: count
        unit: referrals
        decimals: 0
        direction: up
        frequency: quarterly
        dimensions:
          trafficking_type: [sex, labor, both]

        """

    /// The site with this data, built; the JSON entry and pages of Springfield's referrals.
    struct Built {
        var entry: [String: Any]
        var city: String
        var cityES: String
        /// The overview, whose commitments matrix marks missed targets.
        var home: String
        var report: (String) -> String?
    }

    func build(_ data: String, site text: String = Self.site) throws -> Built {
        let site = try TestSite(txtar: text + "-- Data/referrals.csv --\ncity,period,metric,trafficking_type,value,status,note\n" + data)
        defer { site.cleanUp() }
        let outcome = site.build()
        #expect(outcome.succeeded, "\(outcome.lines)")
        let json = try #require(site.file("data/progress.json"))
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let entry = try #require((parsed?["progress"] as? [[String: Any]])?.first { $0["metric"] as? String == "referrals" })
        var reports: [String: String] = [:]
        for quarter in ["2020-Q3", "2020-Q4", "2021-Q1"] {
            reports[quarter] = site.file("reports/\(quarter)/index.html")
        }
        return Built(entry: entry, city: try #require(site.file("cities/springfield/index.html")),
                     cityES: try #require(site.file("es/cities/springfield/index.html")),
                     home: try #require(site.file("index.html")), report: { reports[$0] })
    }

    @Test("Atlanta's case: 28 of 30 by the date is missed, not 'substantial progress'")
    func missed() throws {
        let built = try build("""
            springfield,2019-Q3,referrals,,20,,
            springfield,2020-Q3,referrals,,26,,
            springfield,2020-Q4,referrals,,28,,

            """)
        #expect(built.entry["status"] as? String == "target_missed")
        #expect((built.entry["deadline"] as? [String: Any])?["period"] as? String == "2020-Q4")
        #expect((built.entry["deadline"] as? [String: Any])?["value"] as? Double == 28)
        #expect(built.entry["value"] is NSNull, "no ratio once the date has come")
        #expect(built.city.contains("Target missed"))
        #expect(built.city.contains("at the deadline, December 31, 2020"))
        #expect(!built.city.contains("Substantial progress"))
        #expect(built.cityES.contains("Meta no alcanzada"))
        #expect(built.home.contains("1 target missed"), "the overview's matrix marks the commitment")
        let q4 = try #require(built.report("2020-Q4"))
        #expect(q4.contains("Targets missed this quarter"))
        #expect(!q4.contains("Targets met this quarter"))
        // As of 2020-Q3 the date had not come: the ratio method, and no target listed.
        let q3 = try #require(built.report("2020-Q3"))
        #expect(!q3.contains("Targets missed this quarter") && !q3.contains("Targets met this quarter"))
    }

    @Test("reached at the date: target achieved, listed as met; a later fall does not undo it")
    func met() throws {
        let built = try build("""
            springfield,2019-Q3,referrals,,20,,
            springfield,2020-Q4,referrals,,31,,
            springfield,2021-Q1,referrals,,22,,

            """)
        #expect(built.entry["status"] as? String == "target_achieved")
        #expect((built.entry["deadline"] as? [String: Any])?["value"] as? Double == 31)
        #expect(built.city.contains("Target achieved"))
        #expect(!built.home.contains("target missed"))
        let q4 = try #require(built.report("2020-Q4"))
        #expect(q4.contains("Targets met this quarter"))
        #expect(!q4.contains("Targets missed this quarter"))
        // The 2021-Q1 report is not the quarter it fell due in.
        #expect(built.report("2021-Q1")?.contains("Targets met this quarter") == false)
    }

    @Test("reached only after the date: still missed")
    func reachedLate() throws {
        let built = try build("""
            springfield,2019-Q3,referrals,,20,,
            springfield,2020-Q4,referrals,,28,,
            springfield,2021-Q1,referrals,,35,,

            """)
        #expect(built.entry["status"] as? String == "target_missed")
        #expect((built.entry["current"] as? [String: Any])?["value"] as? Double == 35)
    }

    @Test("withheld at the deadline: not enough data, never 'missed', whatever came after")
    func withheldAtDeadline() throws {
        let built = try build("""
            springfield,2019-Q3,referrals,,20,,
            springfield,2020-Q3,referrals,,26,,
            springfield,2020-Q4,referrals,,5,,
            springfield,2021-Q1,referrals,,40,,

            """)
        #expect(built.entry["status"] as? String == "not_enough_data")
        #expect(built.entry["reason"] as? String == "withheld at the deadline")
        #expect(built.entry["deadline"] is NSNull)
        #expect(!built.city.contains("Target missed") && !built.city.contains("Target achieved"))
        #expect(built.city.contains("withheld at the deadline"))
        #expect(built.cityES.contains("reservado en la fecha límite"))
        let q4 = try #require(built.report("2020-Q4"))
        #expect(q4.contains("Targets due this quarter with no status"))
        #expect(!q4.contains("Targets missed this quarter"))
    }

    @Test("judged against the data, not the clock: data up to 2020-Q3 leave a 2020-12-31 target open")
    func notYetDue() throws {
        let built = try build("""
            springfield,2019-Q3,referrals,,20,,
            springfield,2020-Q3,referrals,,26,,

            """)
        #expect(built.entry["status"] as? String == "substantial")
        #expect(built.entry["deadline"] is NSNull)
        #expect(built.city.contains("since 2019-Q3"))
    }

    @Test("no value for the quarter of the date: the latest one before it is judged")
    func latestBeforeTheDate() throws {
        let built = try build("""
            springfield,2019-Q3,referrals,,20,,
            springfield,2020-Q3,referrals,,33,,
            springfield,2020-Q4,referrals,,,,
            springfield,2021-Q1,referrals,,12,,

            """)
        #expect(built.entry["status"] as? String == "target_achieved")
        #expect((built.entry["deadline"] as? [String: Any])?["period"] as? String == "2020-Q3")
    }

    @Test("a metric target { year: 2020 } falls due on 2020-12-31, and a fall is reached from above")
    func yearTargetDown() throws {
        let site = """
            -- site.yml --
            title: Test City Progress
            base_url: https://example.org/test/
            languages: [en, es]
            data_status: synthetic
            -- Blueprints/springfield.md --
            ---
            city: Springfield
            state: IL
            population: 100000
            fellow: Senior fellow
            adopted: 2019-01-15
            updated: 2020-02-01
            ---
            # Springfield Blueprint

            We will act.
            -- Metrics/referrals.yml --
            id: referrals
            title: Turnaways
            description: People turned away from shelter.
            system: housing
            type: count
            unit: people
            decimals: 0
            direction: down
            frequency: quarterly
            target: { value: 40, year: 2020 }
            dimensions:
              trafficking_type: [sex, labor, both]

            """
        let reached = try build("""
            springfield,2019-Q1,referrals,,80,,
            springfield,2020-Q3,referrals,,50,,
            springfield,2020-Q4,referrals,,40,,

            """, site: site)
        #expect(reached.entry["status"] as? String == "target_achieved")
        #expect((reached.entry["target"] as? [String: Any])?["by"] as? String == "2020")
        #expect(reached.report("2020-Q4")?.contains("Targets met this quarter") == true)
        let missed = try build("""
            springfield,2019-Q1,referrals,,80,,
            springfield,2020-Q4,referrals,,41,,

            """, site: site)
        #expect(missed.entry["status"] as? String == "target_missed")
        // Before 2020-Q4 the year's target has not fallen due.
        let open = try build("""
            springfield,2019-Q1,referrals,,80,,
            springfield,2020-Q3,referrals,,45,,

            """, site: site)
        #expect(open.entry["deadline"] is NSNull)
        #expect(open.entry["status"] as? String != "target_missed")
    }
}

/// The deadline rule on series written out, for the cases an example site rarely has.
@Suite("Progress deadlines, unit")
struct DeadlineUnitTests {
    let metric = MetricDefinition(
        id: "m", title: "M", description: "", system: .labor, kind: .count, numerator: nil, denominator: nil, per: nil,
        unit: "", decimals: 0, direction: .up, frequency: .monthly, dimensions: [], target: nil, minCell: nil,
        source: nil, sdg: nil, progressThresholds: nil, progressBaseline: nil, location: SourceLocation(path: "Metrics/m.yml"))

    func series(_ points: [(String, PublishedValue)]) -> [PublishedFigure] {
        points.map { PublishedFigure(city: 0, period: Period($0.0)!, cell: .total, value: $0.1, unreliable: false) }
    }

    func target(_ value: Double, due: String) -> ProgressAssessment.Target {
        let day = Day(due)!
        return ProgressAssessment.Target(value: value, time: day.time, label: "", by: due, due: day, source: "commitment c")
    }

    @Test("a mid-month date is judged on that month's value, once the data reach it")
    func midMonth() {
        let figures = series([("2020-01", .number(20)), ("2020-11", .number(45)), ("2020-12", .number(38))])
        let p = Progress.assess(series: figures, metric: metric, target: target(40, due: "2020-11-15"))
        #expect(p.status == .targetAchieved)
        #expect(p.deadline?.period == Period(year: 2020, month: 11))
        // Data that end in October leave the target open, whatever the date of the build.
        let early = Progress.assess(series: figures, metric: metric, target: target(40, due: "2020-11-15"), dataEnd: Day("2020-10-31"))
        #expect(early.deadline == nil)
        #expect(early.status != .targetAchieved && early.status != .targetMissed)
    }

    @Test("a date before any value: no status, with the reason")
    func beforeAnyValue() {
        let figures = series([("2020-01", .number(20)), ("2020-06", .number(45))])
        let p = Progress.assess(series: figures, metric: metric, target: target(40, due: "2019-06-30"))
        #expect(p.status == .notEnoughData)
        #expect(p.reason == .noValueAtDeadline)
    }

    @Test("a withheld value at the date is never compared, even when every published value is far below the target")
    func withheldNeverCompared() {
        let figures = series([("2020-01", .number(20)), ("2020-11", .withheld), ("2020-12", .number(21))])
        let p = Progress.assess(series: figures, metric: metric, target: target(400, due: "2020-11-30"))
        #expect(p.status == .notEnoughData)
        #expect(p.reason == .withheldAtDeadline)
        #expect(p.deadline == nil)
    }
}

/// A status on small counts is marked, with the reason; on large counts it is
/// exactly Open SDG's.
@Suite("Progress on small numbers")
struct SmallNumbersTests {
    func entry(_ data: String) throws -> (json: [String: Any], city: String, cityES: String) {
        let site = try TestSite(txtar: DeadlineTests.site + "-- Data/referrals.csv --\ncity,period,metric,trafficking_type,value,status,note\n" + data)
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        let json = try #require(site.file("data/progress.json"))
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let entry = try #require((parsed?["progress"] as? [[String: Any]])?.first)
        return (entry, try #require(site.file("cities/springfield/index.html")), try #require(site.file("es/cities/springfield/index.html")))
    }

    @Test("a base count below min_rate_numerator: small_numbers, with the period and the limit")
    func smallBase() throws {
        let (json, city, cityES) = try entry("""
            springfield,2019-Q3,referrals,,12,,
            springfield,2020-Q3,referrals,,26,,

            """)
        #expect(json["status"] as? String == "substantial")
        #expect(json["small_numbers"] as? Bool == true)
        #expect(json["small_numbers_reason"] as? String == "fewer than 20 events in 2019-Q3: a few events more or less could change the status")
        #expect(city.contains("Small numbers"))
        #expect(city.contains("this status rests on fewer than 20 events in 2019-Q3"))
        #expect(cityES.contains("Cifras pequeñas"))
    }

    @Test("counts of 20 and more: no mark, and the status is Open SDG's")
    func largeCounts() throws {
        let (json, city, _) = try entry("""
            springfield,2019-Q3,referrals,,20,,
            springfield,2020-Q3,referrals,,26,,

            """)
        #expect(json["small_numbers"] as? Bool == false)
        #expect(json["small_numbers_reason"] is NSNull)
        #expect(!city.contains("Small numbers"))
        // Open SDG: growth (26/20)^(1/1) - 1 = 0.300; needed (30/20)^(1/1.4989) - 1 = 0.3106
        // (2019.5 to 2020-12-31, 2020.9989); ratio 0.966.
        #expect(json["status"] as? String == "substantial")
        #expect(abs((json["value"] as? Double ?? 0) - 0.9658) < 0.0005)
    }

    @Test("a computed rate counts by its numerator: its unreliable flag marks the status")
    func computedRate() {
        var metric = MetricDefinition(
            id: "rate", title: "Rate", description: "", system: .labor, kind: .percent, numerator: "a", denominator: "b", per: nil,
            unit: "%", decimals: 1, direction: .up, frequency: .annual, dimensions: [], target: nil, minCell: nil,
            source: nil, sdg: nil, progressThresholds: nil, progressBaseline: nil, location: SourceLocation(path: "Metrics/rate.yml"))
        func figure(_ period: String, _ value: Double, unreliable: Bool) -> PublishedFigure {
            PublishedFigure(city: 0, period: Period(period)!, cell: .total, value: .number(value), unreliable: unreliable)
        }
        // A percent of 50 is no count: only the flag (numerator below 20) marks it.
        let flagged = Progress.assess(series: [figure("2018", 50, unreliable: true), figure("2020", 60, unreliable: false)], metric: metric, target: nil)
        #expect(flagged.smallNumbers?.periods == [Period(year: 2018)])
        let large = Progress.assess(series: [figure("2018", 5, unreliable: false), figure("2020", 6, unreliable: false)], metric: metric, target: nil)
        #expect(large.smallNumbers == nil)
        // A rate given as data has no count: never marked.
        metric.numerator = nil
        metric.denominator = nil
        let given = Progress.assess(series: [figure("2018", 5, unreliable: false), figure("2020", 6, unreliable: false)], metric: metric, target: nil)
        #expect(given.smallNumbers == nil)
    }
}

/// The trend says what it compares with.
@Suite("Trend labels")
struct TrendLabelTests {
    @Test("the period just before reads 'since last quarter'; across a withheld gap, the period")
    func since() throws {
        let site = try TestSite(txtar: DeadlineTests.site + """
            -- Data/referrals.csv --
            city,period,metric,trafficking_type,value,status,note
            springfield,2020-Q1,referrals,,20,,
            springfield,2020-Q2,referrals,,24,,
            springfield,2020-Q3,referrals,,4,,
            springfield,2020-Q4,referrals,,29,,

            """)
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        let q2 = try #require(site.file("reports/2020-Q2/index.html"))
        #expect(q2.contains("up 4 since last quarter (better)"))
        let q2es = try #require(site.file("es/reports/2020-Q2/index.html"))
        #expect(q2es.contains("sube 4 desde el trimestre anterior"))
        let q4 = try #require(site.file("reports/2020-Q4/index.html"))
        #expect(q4.contains("up 5 since 2020-Q2 (better)"))
    }
}
