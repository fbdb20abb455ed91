import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywidePublish
@testable import CitywideRender
@testable import CitywideWrite

/// Complementary suppression, attacked the way a reader with the downloads
/// would attack it: by solving the equations the published tables satisfy.
@Suite("Disclosure control")
struct DisclosureTests {
    // MARK: An attack on a whole built site

    /// Two cities, four quarters, a full sex × age table with margins, a rate
    /// and a percent. min_cell is 1000 so every value can be a distinctive
    /// number: the withheld ones are searched for in every output byte.
    static func attackSite() -> [String: String] {
        var rows = ["city,period,metric,sex,age,value,status,note"]
        var rng = SeededRandom(seed: 42)
        var used: Set<Int> = []
        func distinct(_ range: ClosedRange<Int>) -> Int {
            while true {
                let v = rng.next(in: range)
                if !used.contains(v), !(2017...2022).contains(v), v % 100 != 0 { used.insert(v); return v }
            }
        }
        for city in ["springfield", "shelbyville"] {
            for quarter in 1...4 {
                // Cells: a small one (withheld) in some places, the rest large.
                var cube: [[Int]] = [[0, 0], [0, 0]]
                for s in 0..<2 { for a in 0..<2 { cube[s][a] = distinct(1100...9900) } }
                if quarter != 2 { cube[(quarter + 1) % 2][quarter % 2] = distinct(101...989) }
                if quarter == 3 { cube[0][0] = distinct(101...989) }
                let sexes = ["female", "male"], ages = ["minor", "adult"]
                let total = cube.flatMap { $0 }.reduce(0, +)
                let period = "2019-Q\(quarter)"
                rows.append("\(city),\(period),cases,,,\(total),,")
                for s in 0..<2 { rows.append("\(city),\(period),cases,\(sexes[s]),,\(cube[s][0] + cube[s][1]),,") }
                for a in 0..<2 { rows.append("\(city),\(period),cases,,\(ages[a]),\(cube[0][a] + cube[1][a]),,") }
                for s in 0..<2 { for a in 0..<2 { rows.append("\(city),\(period),cases,\(sexes[s]),\(ages[a]),\(cube[s][a]),,") } }
                rows.append("\(city),\(period),placed,,,\(quarter == 4 ? distinct(101...989) : distinct(1100...1900)),,")
            }
        }
        let blueprint: (String, String) -> String = { slug, city in
            """
            ---
            city: \(city)
            state: IL
            population: 100000
            fellow: Senior fellow
            adopted: 2019-01-15
            updated: 2020-02-01
            commitments:
              - id: \(slug)-housing
                system: housing
                title: House survivors
                status: planned
                metrics: [cases, cases_rate, placed_percent]
            ---
            # Springfield Blueprint

            We will act.

            """
        }
        return [
            "site.yml": """
            title: Test City Progress
            base_url: https://example.org/test/
            languages: [en]
            privacy:
              min_cell: 1000
              min_rate_numerator: 20
            data_status: synthetic

            """,
            "Blueprints/springfield.md": blueprint("springfield", "Springfield"),
            "Blueprints/shelbyville.md": blueprint("shelbyville", "Shelbyville"),
            "Metrics/cases.yml": """
            id: cases
            title: Cases
            system: cross_system
            type: count
            frequency: quarterly
            dimensions:
              sex: [female, male]
              age: [minor, adult]
            """,
            "Metrics/placed.yml": "id: placed\ntitle: Placed\nsystem: housing\ntype: count\nfrequency: quarterly\n",
            "Metrics/cases_rate.yml": "id: cases_rate\ntitle: Cases per 100,000\nsystem: cross_system\ntype: rate\nnumerator: cases\nper: 100000\ndecimals: 3\nfrequency: quarterly\n",
            "Metrics/placed_percent.yml": "id: placed_percent\ntitle: Share placed\nsystem: housing\ntype: percent\nnumerator: placed\ndenominator: cases\ndecimals: 4\nfrequency: quarterly\n",
            "Data/cases.csv": rows.joined(separator: "\n") + "\n",
        ]
    }

    @Test("no withheld cell of a built site can be solved for from its downloads")
    func builtSiteResistsEquations() throws {
        let site = try TestSite(Self.attackSite())
        defer { site.cleanUp() }
        let outcome = site.build()
        #expect(outcome.errors.isEmpty, "\(outcome.lines)")
        let csv = try #require(site.file("data/cases.csv"))
        let attacker = EquationAttacker(csv: csv, dimensions: [["female", "male"], ["minor", "adult"]])
        #expect(attacker.rows.count == 2 * 4 * 9)
        #expect(attacker.rows.contains { $0.value == nil }, "the attack site does withhold values")
        let exposed = attacker.exposed()
        #expect(exposed.isEmpty, "solvable withheld cells: \(exposed)")
        // The JSON download says the same as the CSV.
        let json = try #require(site.file("data/cases.json"))
        #expect(json.components(separatedBy: "\"value\": null").count - 1 == attacker.rows.filter { $0.value == nil }.count)
    }

    @Test("no withheld input value appears in any output byte, in any form")
    func withheldValuesAppearNowhere() throws {
        let files = Self.attackSite()
        let site = try TestSite(files)
        defer { site.cleanUp() }
        site.build()
        let published = try #require(site.file("data/cases.csv"))
        let input = EquationAttacker.parseCSV(try #require(files["Data/cases.csv"]))
        let output = EquationAttacker.parseCSV(published)
        // Find each withheld cell's true value in the input.
        var withheld: [String] = []
        for row in output.dropFirst() where row.count > 5 && row[4].isEmpty && row[5].hasPrefix("suppressed") {
            if let source = input.first(where: { $0.count > 5 && $0[0] == row[0] && $0[1] == row[1] && $0[3] == row[2] && $0[4] == row[3] && ($0[2] == "cases") }) {
                withheld.append(source[5])
            }
        }
        #expect(withheld.count >= 8)
        // Chart geometry is coordinates, not figures: a period's x position may be any
        // number (and a withheld value is never drawn, see ChartTests). Every text,
        // title, description and other attribute is searched.
        let geometry = try NSRegularExpression(pattern: " (x|y|x1|x2|y1|y2|cx|cy|r|width|height|d|points|viewBox)=\"[^\"]*\"")
        let everything = site.outputFiles().map { file -> String in
            let text = String(decoding: file.value, as: UTF8.self)
            return geometry.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "")
        }.joined(separator: "\n")
        for value in withheld {
            let grouped = NumberText.format(Double(value) ?? 0)
            for form in [value, grouped] {
                let pattern = "(?<![0-9.,])\(NSRegularExpression.escapedPattern(for: form))(?![0-9])(?!\\.0*[1-9])"
                let found = (everything as NSString).range(of: pattern, options: .regularExpression)
                let context = found.location == NSNotFound ? "" : (everything as NSString).substring(with: NSRange(location: max(0, found.location - 120), length: min(200, (everything as NSString).length - max(0, found.location - 120))))
                #expect(found.location == NSNotFound, "withheld value \(form) appears in the output: \(context)")
            }
        }
    }

    @Test("a rate or percent is withheld wherever its count is, by either rule")
    func ratesFollowTheirCounts() throws {
        let site = try TestSite(Self.attackSite())
        defer { site.cleanUp() }
        site.build()
        func statuses(_ metric: String) throws -> [String: String] {
            let rows = EquationAttacker.parseCSV(try #require(site.file("data/\(metric).csv"))).dropFirst().filter { $0.count > 3 }
            let header = EquationAttacker.parseCSV(try #require(site.file("data/\(metric).csv")))[0]
            let status = try #require(header.firstIndex(of: "status"))
            let total = rows.filter { header.count == 6 || ($0[2].isEmpty && $0[3].isEmpty) }
            return Dictionary(total.map { ("\($0[0]) \($0[1])", $0[status]) }, uniquingKeysWith: { a, _ in a })
        }
        let cases = try statuses("cases")
        let rate = try statuses("cases_rate")
        let placed = try statuses("placed")
        let percent = try statuses("placed_percent")
        #expect(!cases.isEmpty)
        for (key, status) in cases where status.hasPrefix("suppressed") {
            #expect(rate[key] == status, "rate at \(key) must be withheld like its count")
            #expect(percent[key]?.hasPrefix("suppressed") == true, "percent at \(key) must be withheld: its denominator is")
        }
        for (key, status) in placed where status.hasPrefix("suppressed") {
            #expect(percent[key]?.hasPrefix("suppressed") == true, "percent at \(key) must be withheld: its numerator is")
        }
    }

    // MARK: Many random tables

    @Test("random small tables: after suppression no withheld cell is determined", arguments: 0..<200)
    func randomTables(seed: Int) throws {
        let table = ProtectionIntervalTests.randomTable(seed: seed, base: try ProtectionIntervalTests.baseSite(), protection: true)
        let dimensions = table.dimensions
        let rows = table.published.figures.map { figure in
            EquationAttacker.Row(
                city: "c", period: "p",
                cell: dimensions.indices.map { d in figure.cell.code(d) == 0 ? "" : dimensions[d].values[figure.cell.code(d) - 1] },
                value: figure.value.number.map { Fraction(Int($0), 1) }
            )
        }
        // Not-available cells are unknowns too, but only withheld ones are secret.
        let withheld = Set(zip(rows, table.published.figures).filter { $0.1.value == .withheld }.map(\.0.cell))
        let exposed = EquationAttacker(rows: rows, dimensions: dimensions.map(\.values)).exposed().filter { withheld.contains($0.cell) }
        #expect(exposed.isEmpty, "seed \(seed): \(exposed.count) withheld cells solvable")
        for figure in table.published.figures {
            if let v = figure.value.number { #expect(v == 0 || v >= 11) }
        }
    }

    @Test("the protecting cell is chosen by a keyed order, not by size, and every withheld value reads the same")
    func keyedChoice() throws {
        let base = try ProtectionIntervalTests.baseSite()
        var site = base
        let dimensions = [CitywideCore.Dimension(name: "sex", values: ["female", "male", "another"])]
        site.metrics = [MetricDefinition(
            id: "m", title: "M", description: "", system: .crossSystem, kind: .count, numerator: nil, denominator: nil, per: nil,
            unit: "", decimals: 0, direction: .up, frequency: .quarterly, dimensions: dimensions, target: nil, minCell: nil,
            source: nil, sdg: nil, progressThresholds: nil, progressBaseline: nil, location: SourceLocation(path: "Metrics/m.yml"))]
        let period = try #require(Period("2019-Q1"))
        func publish(_ values: [Double]) -> [String] {
            let cells: [CellKey] = [.total, CellKey.total.setting(0, to: 1), CellKey.total.setting(0, to: 2), CellKey.total.setting(0, to: 3)]
            let observations = zip(cells, values).map { Observation(city: 0, period: period, cell: $0.0, value: $0.1, flag: nil, note: nil, origin: RowOrigin(file: 0, line: 1)) }
            return Disclosure.publish(site, ObservationSet(byMetric: [observations])).metrics[0].figures.map(\.status)
        }
        let first = publish([100, 60, 33, 7])
        #expect(first == publish([100, 60, 33, 7]), "deterministic")
        #expect(first[3] == "suppressed")
        #expect(first.filter { $0 == "suppressed" }.count == 2, "one more cell protects the small one")
        // Over many inputs, the protecting cell is not always the smallest (33): the choice does not follow size.
        var otherChosen = false
        for shift in 0..<40 {
            let statuses = publish([Double(100 + shift), Double(60 + shift), 33, 7])
            if statuses[2] != "suppressed" { otherChosen = true }
        }
        #expect(otherChosen)
    }
}

/// A small deterministic generator (SplitMix64), so random tests repeat exactly.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func next(in range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    /// The next number below `bound`, by remainder (the same numbers on every platform).
    mutating func next(upTo bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
