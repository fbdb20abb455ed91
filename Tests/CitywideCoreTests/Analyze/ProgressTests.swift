import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywidePublish
@testable import CitywideRender
@testable import CitywideWrite

/// Worked examples of SPEC's progress method, each with a known answer.
@Suite("Progress")
struct ProgressTests {
    /// One city, one metric, a little data: the site these tests start from.
    /// A test that breaks one file writes that file over this site.
    static let site = """
        -- site.yml --
        title: Test City Progress
        base_url: https://example.org/test/
        languages: [en]
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
          - id: spr-labor-screening
            system: labor
            title: Screen wage-theft cases for trafficking
            status: in_progress
            due: 2020-12-31
            populations: [immigrants]
            metrics: [referrals]
            target: { metric: referrals, value: 40, by: 2021-12-31 }
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
        -- Data/referrals.csv --
        city,period,metric,trafficking_type,value,status,note
        springfield,2019-Q1,referrals,,30,,
        springfield,2019-Q1,referrals,sex,12,,
        springfield,2019-Q1,referrals,labor,18,,
        springfield,2019-Q2,referrals,,35,,

        """

    func metric(_ direction: MetricDefinition.Direction = .up, thresholds: ProgressThresholds? = nil, baseline: String? = nil) -> MetricDefinition {
        MetricDefinition(
            id: "m", title: "M", description: "", system: .labor, kind: .count, numerator: nil, denominator: nil, per: nil,
            unit: "", decimals: 0, direction: direction, frequency: .annual, dimensions: [], target: nil, minCell: nil,
            source: nil, sdg: nil, progressThresholds: thresholds, progressBaseline: baseline.flatMap { Period($0) },
            location: SourceLocation(path: "Metrics/m.yml")
        )
    }

    func series(_ points: [(String, Double?)]) -> [PublishedFigure] {
        points.map { period, value in
            PublishedFigure(city: 0, period: Period(period)!, cell: .total,
                            value: value.map(PublishedValue.number) ?? .withheld, unreliable: false)
        }
    }

    func target(_ value: Double, by year: Int) -> ProgressAssessment.Target {
        ProgressAssessment.Target(value: value, time: Double(year), label: "\(value) by \(year)", by: String(year),
                                  due: Day(year: year, month: 12, day: 31), source: "metric")
    }

    @Test("the worked example: base 100 in 2018, 121 in 2020, target 200 by 2025: substantial")
    func workedByHand() {
        let p = Progress.assess(series: series([("2018", 100), ("2019", 110), ("2020", 121)]), metric: metric(), target: target(200, by: 2025))
        // growth (121/100)^(1/2) - 1 = 0.100; needed (200/100)^(1/7) - 1 = 0.104; ratio 0.961.
        #expect(p.method == .target)
        #expect(abs(Progress.growth(121, 100, 2020, 2018) - 0.100) < 0.0005)
        #expect(abs((p.neededGrowth ?? 0) - 0.104) < 0.0005)
        #expect(abs((p.value ?? 0) - 0.961) < 0.0005)
        #expect(p.status == .substantial)
        #expect(p.base == ProgressAssessment.Point(period: Period("2018")!, value: 100))
        #expect(p.current == ProgressAssessment.Point(period: Period("2020")!, value: 121))
    }

    @Test("a target reached")
    func targetReached() {
        let p = Progress.assess(series: series([("2018", 10), ("2020", 45)]), metric: metric(), target: target(40, by: 2021))
        #expect(p.status == .targetAchieved)
    }

    @Test("far behind the target: limited")
    func farBehind() {
        // growth (105/100)^(1/2) - 1 = 0.0247; needed (300/100)^(1/3) - 1 = 0.442; ratio 0.056.
        let p = Progress.assess(series: series([("2018", 100), ("2020", 105)]), metric: metric(), target: target(300, by: 2021))
        #expect(p.status == .limited)
        #expect(abs((p.value ?? 0) - 0.0559) < 0.001)
    }

    @Test("going the wrong way: deterioration")
    func wrongWay() {
        let p = Progress.assess(series: series([("2018", 100), ("2020", 81)]), metric: metric(), target: target(150, by: 2022))
        #expect(p.status == .deterioration)
        #expect((p.value ?? 0) < 0)
    }

    @Test("a down metric: falling is progress, with and without a target")
    func downMetric() {
        let withTarget = Progress.assess(series: series([("2018", 40), ("2020", 10)]), metric: metric(.down), target: target(0, by: 2021))
        // A target of 0 counts as 0.001: needed (0.001/40)^(1/3) - 1 = -0.9708; growth (10/40)^(1/2) - 1 = -0.5; ratio 0.515.
        #expect(withTarget.status == .limited)
        #expect(abs((withTarget.value ?? 0) - 0.5151) < 0.001)
        let reached = Progress.assess(series: series([("2018", 40), ("2020", 0)]), metric: metric(.down), target: target(0, by: 2021))
        #expect(reached.status == .targetAchieved)
        let noTarget = Progress.assess(series: series([("2018", 40), ("2020", 36)]), metric: metric(.down), target: nil)
        // g = -((36/40)^(1/2) - 1) = 0.0513 >= 0.015.
        #expect(noTarget.status == .substantial)
        #expect(abs((noTarget.value ?? 0) - 0.0513) < 0.001)
    }

    @Test("without a target: the fixed growth thresholds", arguments: [
        (100.0, 104.0, ProgressAssessment.Status.substantial), // 1.98% a year
        (100.0, 101.2, .moderate),                               // 0.60% a year
        (100.0, 100.5, .limited),                                // 0.25% a year
        (100.0, 99.0, .deterioration),
    ])
    func growthThresholds(base: Double, current: Double, expected: ProgressAssessment.Status) {
        let p = Progress.assess(series: series([("2018", base), ("2020", current)]), metric: metric(), target: nil)
        #expect(p.status == expected, "growth \(p.value ?? .nan)")
        #expect(p.method == .growth)
    }

    @Test("a zero base cannot give a growth rate: not enough data, with the reason")
    func zeroBase() {
        let p = Progress.assess(series: series([("2018", 0), ("2020", 12)]), metric: metric(), target: nil)
        #expect(p.status == .notEnoughData)
        #expect(p.reason == .zeroBase)
        #expect(p.base?.period.description == "2018", "the period the reason names")
    }

    @Test("a single published period: not enough data; withheld periods do not count")
    func singlePeriod() {
        let p = Progress.assess(series: series([("2018", nil), ("2019", 14), ("2020", nil)]), metric: metric(), target: nil)
        #expect(p.status == .notEnoughData)
        #expect(p.reason == .oneValue)
        #expect(p.base?.period.description == "2019", "the period the reason names")
    }

    @Test("a neutral metric gets no status")
    func neutral() {
        let p = Progress.assess(series: series([("2018", 10), ("2020", 20)]), metric: metric(.neutral), target: nil)
        #expect(p.status == .none)
    }

    @Test("per-metric thresholds and baseline")
    func overrides() {
        let strict = metric(thresholds: ProgressThresholds(high: 0.10, med: 0.05, low: 0))
        let p = Progress.assess(series: series([("2018", 100), ("2020", 104)]), metric: strict, target: nil)
        #expect(p.status == .limited, "1.98% a year is below the metric's own 5%")
        let late = Progress.assess(series: series([("2016", 10), ("2018", 100), ("2020", 121)]), metric: metric(baseline: "2018"), target: nil)
        #expect(late.base?.period.description == "2018")
    }

    @Test("progress.json and the pages show each status with its inputs")
    func publishedProgress() throws {
        let data = """
        city,period,metric,trafficking_type,value,status,note
        springfield,2018-Q1,referrals,,20,,
        springfield,2020-Q1,referrals,,30,,

        """
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        try site.write("Data/referrals.csv", data)
        #expect(site.build().succeeded)
        let json = try #require(site.file("data/progress.json"))
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let entry = try #require((parsed?["progress"] as? [[String: Any]])?.first)
        #expect(entry["city"] as? String == "springfield")
        #expect(entry["metric"] as? String == "referrals")
        // Target 40 by 2021-12-31 from the commitment: growth (30/20)^(1/2) - 1 = 0.2247;
        // needed (40/20)^(1/3.9989) - 1 = 0.1893; ratio 1.187: substantial.
        #expect(entry["status"] as? String == "substantial")
        #expect(abs((entry["value"] as? Double ?? 0) - 1.1874) < 0.0005)
        #expect((entry["base"] as? [String: Any])?["period"] as? String == "2018-Q1")
        #expect((entry["target"] as? [String: Any])?["by"] as? String == "2021-12-31")
        let city = try #require(site.file("cities/springfield/index.html"))
        #expect(city.contains("Substantial progress"))
        #expect(city.contains("20 in 2018-Q1") && city.contains("30 in 2020-Q1"))
        #expect(city.contains("ratio 1.187: growth of 22.5% a year, where 18.9% a year is needed"))
        let metricPage = try #require(site.file("metrics/referrals/index.html"))
        #expect(metricPage.contains("Progress by city"))
        #expect(site.file("reports/latest/index.html")?.contains("Progress report, 2020-Q1") == true)
    }
}

/// Reasons are values; each page words them in its own language.
@Suite("Progress reasons in each language")
struct ProgressReasonWordingTests {
    @Test("every reason has words in every built-in language", arguments: ["en", "es"])
    func everyReasonWorded(language: String) throws {
        let log = DiagnosticLog()
        let interface = TranslationLoader.load(siteFolder: URL(fileURLWithPath: "/nonexistent-citywide-site"), languages: [language], log: log)
        let t = try #require(interface[language])
        for reason in ProgressAssessment.Reason.allCases {
            #expect(t.strings[reason.key] != nil, "\(language): \(reason.key)")
        }
    }
}
