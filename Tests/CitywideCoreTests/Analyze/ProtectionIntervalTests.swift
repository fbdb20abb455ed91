import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywidePublish
@testable import CitywideRender
@testable import CitywideWrite

/// Protection intervals, proven by `IntervalAttacker`: no withheld value may
/// be worked out exactly, or narrowed to fewer than min_cell - 1 values.
@Suite("Protection intervals")
struct ProtectionIntervalTests {
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

    /// The attacker's view of a loaded site's count metrics (definitions are public: they are on every metric page).
    static func attacker(for site: Site) -> IntervalAttacker {
        IntervalAttacker(metrics: site.metrics.filter { $0.kind == .count && !$0.isComputed }.map { metric in
            IntervalAttacker.Metric(
                id: metric.id, dimensions: metric.dimensions.map { ($0.name, $0.values) },
                sumsOverPeriods: metric.aggregation == .sum, cumulative: metric.cumulative,
                partOf: metric.partOf.map { ($0.metric, $0.dimension, $0.value) })
        })
    }

    /// Builds a site, then attacks its CSV downloads.
    static func attackBuilt(_ site: TestSite) throws -> (findings: [IntervalAttacker.Finding], withheld: Int) {
        let outcome = site.build()
        #expect(outcome.errors.isEmpty, "\(outcome.lines)")
        let loaded = try #require(outcome.site)
        var attacker = attacker(for: loaded)
        for metric in attacker.metrics {
            attacker.read(csv: try #require(site.file("data/\(metric.id).csv")), metric: metric.id)
        }
        let minCell = Dictionary(uniqueKeysWithValues: loaded.metrics.map { ($0.id, Disclosure.minCell($0, loaded.config.privacy)) })
        let findings = attacker.narrowed { max(2, (minCell[$0] ?? 11) - 1) }
        return (findings, attacker.rows.filter(\.withheld).count)
    }

    @Test("the example site: no withheld value is exact or narrowed")
    func exampleSite() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("citywide-example-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let outcome = Pipeline.build(Pipeline.Options(site: root, output: output))
        #expect(outcome.errors.isEmpty)
        let site = try #require(outcome.site)
        var attacker = Self.attacker(for: site)
        for metric in attacker.metrics {
            let data = try #require(FileManager.default.contents(atPath: output.appendingPathComponent("data/\(metric.id).csv").path))
            attacker.read(csv: String(decoding: data, as: UTF8.self), metric: metric.id)
        }
        #expect(attacker.rows.filter(\.withheld).count > 1000)
        let findings = attacker.narrowed { id in max(2, Disclosure.minCell(site.metric(id) ?? site.metrics[0], site.config.privacy) - 1) }
        #expect(findings.isEmpty, "\(findings.count) narrowed: \(findings.prefix(10))")
    }

    // MARK: Random tables

    /// One random table (1 to 3 dimensions, all margins or one-way only,
    /// zeros, missing and not-available cells), published by the product.
    static func randomTable(seed: Int, base: Site, protection: Bool) -> (site: Site, published: PublishedMetric, dimensions: [CitywideCore.Dimension]) {
        var rng = SeededRandom(seed: UInt64(seed) &+ 7000)
        let dimensions = (0..<rng.next(in: 1...3)).map { d in
            CitywideCore.Dimension(name: "d\(d)", values: (0..<rng.next(in: 2...4)).map { "v\($0)" })
        }
        var leaves: [[Int]] = [[]]
        for dimension in dimensions { leaves = leaves.flatMap { prefix in dimension.values.indices.map { prefix + [$0] } } }
        var value: [CellKey: Double] = [:]
        for leaf in leaves {
            let v = Double([0, 0, 1, 2, 3, 5, 8, 10, 12, 25, 40, 90, 300].randomElement(using: &rng) ?? 0)
            for mask in 0..<(1 << dimensions.count) {
                var key = CellKey.total
                for d in dimensions.indices where mask & (1 << d) != 0 { key = key.setting(d, to: leaf[d] + 1) }
                value[key, default: 0] += v
            }
        }
        let oneWayOnly = rng.next(in: 0...2) == 0
        let incomplete = rng.next(in: 0...1) == 0
        var cells = value.keys.filter { !oneWayOnly || $0.depth <= 1 }.sorted()
        if incomplete { cells = cells.filter { _ in rng.next(in: 0...9) != 0 } }
        let notAvailable = Set(cells.filter { _ in incomplete && rng.next(in: 0...9) == 0 })
        var site = base
        site.metrics = [MetricDefinition(
            id: "m", title: "M", description: "", system: .crossSystem, kind: .count, numerator: nil, denominator: nil, per: nil,
            unit: "", decimals: 0, direction: .up, frequency: .quarterly, dimensions: dimensions, target: nil, minCell: nil,
            source: nil, sdg: nil, progressThresholds: nil, progressBaseline: nil, location: SourceLocation(path: "Metrics/m.yml"))]
        let period = Period(year: 2019, quarter: 1)
        let observations = cells.map { cell in
            Observation(city: 0, period: period, cell: cell, value: notAvailable.contains(cell) ? nil : value[cell],
                        flag: nil, note: nil, origin: RowOrigin(file: 0, line: 1))
        }
        let published = Disclosure.publish(site, ObservationSet(byMetric: [observations]), protection: protection)
        return (site, published.metrics[0], dimensions)
    }

    static func attack(_ table: (site: Site, published: PublishedMetric, dimensions: [CitywideCore.Dimension])) -> [IntervalAttacker.Finding] {
        var attacker = IntervalAttacker(metrics: [IntervalAttacker.Metric(id: "m", dimensions: table.dimensions.map { ($0.name, $0.values) })])
        let dimensions = table.dimensions
        attacker.rows = table.published.figures.map { (figure: PublishedFigure) -> IntervalAttacker.Row in
            let cell: [String] = dimensions.indices.map { d in
                let code = figure.cell.code(d)
                return code == 0 ? "" : dimensions[d].values[code - 1]
            }
            let value: Int? = figure.value.number.map { Int($0) }
            return IntervalAttacker.Row(metric: "m", city: "c", period: figure.period.description, cell: cell,
                                        value: value, withheld: figure.value == .withheld)
        }
        return attacker.narrowed { _ in 10 }
    }

    static func baseSite() throws -> Site {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        return try #require(site.check().site)
    }

    @Test("1,000 random tables: no withheld value is exact or narrowed")
    func randomTables() throws {
        let base = try Self.baseSite()
        var failures: [String] = []
        for seed in 0..<1000 {
            let table = Self.randomTable(seed: seed, base: base, protection: true)
            let findings = Self.attack(table)
            if !findings.isEmpty { failures.append("seed \(seed): \(findings.prefix(3))") }
            for figure in table.published.figures {
                if let v = figure.value.number, v > 0, v < 11 { failures.append("seed \(seed): small count \(v) published") }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) tables exposed: \(failures.prefix(5))")
    }

    @Test("mutation: with protection switched off, the attacker finds exposed cells")
    func mutation() throws {
        let base = try Self.baseSite()
        var exposed = 0
        for seed in 0..<200 { exposed += Self.attack(Self.randomTable(seed: seed, base: base, protection: false)).count }
        #expect(exposed > 50)
    }

    // MARK: Linked tables

    @Test("an annual value and its quarters are protected together")
    func annualAndQuarters() throws {
        // A metric has one frequency in data files, so the periods are mixed here in memory.
        var site = try Self.baseSite()
        site.metrics[0].dimensions = []
        let rows: [(String, Double)] = [("2019", 60), ("2019-Q1", 5), ("2019-Q2", 20), ("2019-Q3", 15), ("2019-Q4", 20)]
        let observations = rows.map { Observation(city: 0, period: Period($0.0)!, cell: .total, value: $0.1, flag: nil, note: nil, origin: RowOrigin(file: 0, line: 1)) }
        for protection in [true, false] {
            let published = Disclosure.publish(site, ObservationSet(byMetric: [observations]), protection: protection).metrics[0]
            var attacker = Self.attacker(for: site)
            attacker.rows = published.figures.map {
                IntervalAttacker.Row(metric: "referrals", city: "c", period: $0.period.description, cell: [],
                                     value: $0.value.number.map { Int($0) }, withheld: $0.value == .withheld)
            }
            let findings = attacker.narrowed { _ in 10 }
            #expect(findings.isEmpty == protection, "protection \(protection): \(findings)")
        }
    }

    @Test("a cumulative metric's small increments are protected")
    func cumulative() throws {
        let site = try TestSite(txtar: Self.site + """
            -- Metrics/cumulative_referrals.yml --
            id: cumulative_referrals
            title: Referrals since 2019
            system: labor
            type: count
            frequency: quarterly
            cumulative: true
            -- Data/cumulative.csv --
            city,period,metric,value,status,note
            springfield,2019-Q1,cumulative_referrals,40,,
            springfield,2019-Q2,cumulative_referrals,43,,
            springfield,2019-Q3,cumulative_referrals,70,,
            springfield,2019-Q4,cumulative_referrals,95,,
            """)
        defer { site.cleanUp() }
        let (findings, withheld) = try Self.attackBuilt(site)
        #expect(withheld >= 1)
        #expect(findings.isEmpty, "\(findings)")
        #expect(site.file("data/cumulative_referrals.csv")?.contains("2019-Q2,,suppressed") == true, "an increase of 3 is a small count")
    }

    @Test("a metric declared part of another is protected with it")
    func partOf() throws {
        let site = try TestSite(txtar: """
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
            -- Metrics/labor_referrals.yml --
            id: labor_referrals
            title: Labor referrals
            system: labor
            type: count
            frequency: quarterly
            part_of: { metric: referrals, dimension: trafficking_type, value: labor }
            -- Data/referrals.csv --
            city,period,metric,trafficking_type,value,status,note
            springfield,2019-Q1,referrals,,30,,
            springfield,2019-Q1,referrals,sex,25,,
            springfield,2019-Q1,referrals,labor,5,,
            springfield,2019-Q1,referrals,both,0,,
            springfield,2019-Q1,labor_referrals,,5,,
            """)
        defer { site.cleanUp() }
        let (findings, withheld) = try Self.attackBuilt(site)
        #expect(withheld >= 3)
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test("a rate given as data is withheld when the count it implies is small")
    func rateAsData() throws {
        let site = try TestSite(txtar: Self.site + """
            -- Metrics/given_rate.yml --
            id: given_rate
            title: Referrals per 100,000
            system: labor
            type: rate
            per: 100000
            decimals: 1
            frequency: quarterly
            -- Data/rate.csv --
            city,period,metric,value,status,note
            springfield,2019-Q1,given_rate,5,,
            springfield,2019-Q2,given_rate,30,,
            """)
        defer { site.cleanUp() }
        #expect(site.build().errors.isEmpty)
        let csv = try #require(site.file("data/given_rate.csv"))
        // population 100,000: a rate of 5 is 5 people, 30 is 30.
        #expect(csv.contains("springfield,2019-Q1,,suppressed"))
        #expect(csv.contains("springfield,2019-Q2,30"))
    }

    @Test("a percent given as data must name its denominator")
    func percentNeedsDenominator() throws {
        let site = try TestSite(txtar: Self.site + """
            -- Metrics/share.yml --
            id: share
            title: Share
            system: labor
            type: percent
            frequency: quarterly

            """)
        defer { site.cleanUp() }
        #expect(site.check().hasError("Metrics/share.yml", containing: "must name its 'denominator:'"))
    }

    @Test("bad new metric keys are reported at their line")
    func badKeys() throws {
        let site = try TestSite(txtar: """
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
            aggregation: average
            cumulative: yes
            -- Data/referrals.csv --
            city,period,metric,trafficking_type,value,status,note
            springfield,2019-Q1,referrals,,30,,
            springfield,2019-Q1,referrals,sex,12,,
            springfield,2019-Q1,referrals,labor,18,,
            springfield,2019-Q2,referrals,,35,,
            """)
        defer { site.cleanUp() }
        let outcome = site.check()
        #expect(outcome.hasError("Metrics/referrals.yml", line: 12, containing: "'aggregation' must be one of sum, last"))
        #expect(outcome.hasError("Metrics/referrals.yml", line: 13, containing: "'cumulative' must be true or false"))
    }

    @Test("part_of must name a count metric, one of its dimensions and a value of it")
    func partOfReferences() throws {
        func site(_ link: String) throws -> TestSite {
            try TestSite(txtar: Self.site + """
                -- Metrics/labor.yml --
                id: labor
                title: Labor
                system: labor
                type: count
                frequency: quarterly
                part_of: \(link)

                """)
        }
        for (link, message) in [("{ metric: nothing, dimension: trafficking_type, value: labor }", "names unknown metric 'nothing'"),
                                ("{ metric: referrals, dimension: sex, value: labor }", "names dimension 'sex'"),
                                ("{ metric: referrals, dimension: trafficking_type, value: forced }", "names value 'forced'")] {
            let s = try site(link)
            defer { s.cleanUp() }
            #expect(s.check().hasError("Metrics/labor.yml", line: 6, containing: message), "\(link)")
        }
    }

    @Test("two metrics that give the same numbers without a declared link are warned about")
    func undeclaredTwins() throws {
        let data = """
        city,period,metric,value,status,note
        springfield,2019-Q1,referrals,30,,
        springfield,2019-Q2,referrals,35,,
        springfield,2019-Q1,copy,30,,
        springfield,2019-Q2,copy,35,,

        """
        let copy = "id: copy\ntitle: Copy\nsystem: labor\ntype: count\nfrequency: quarterly\n"
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        try site.write("Data/referrals.csv", data)
        try site.write("Metrics/copy.yml", copy)
        let outcome = site.check()
        #expect(outcome.diagnostics.contains { $0.severity == .warning && $0.path == "Metrics/referrals.yml" && $0.message.contains("give the same numbers") })
        let linked = try TestSite(txtar: Self.site)
        defer { linked.cleanUp() }
        try linked.write("Data/referrals.csv", data)
        try linked.write("Metrics/copy.yml", copy + "part_of: { metric: referrals, dimension: trafficking_type, value: labor }\n")
        #expect(!linked.check().diagnostics.contains { $0.message.contains("give the same numbers") })
    }
}
