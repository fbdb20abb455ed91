import CitywideCore
import Foundation
import CJemalloc // the same allocator as `citywide` (see Package.swift)

// citywide-bench: writes a synthetic site of a chosen size and times each
// stage of the pipeline on it. A benchmark, not a test: run it in release
// mode (`swift run -c release citywide-bench --help`) and read the figures.

struct Options {
    var cities = 1000
    var periods = 12
    var paragraphs = 3
    var folder: String?
    /// An existing site to time, instead of writing one (tools/bench).
    var site: String?
    var keep = false
    var writeOnly = false

    static let usage = """
    usage: citywide-bench [--cities N] [--periods N] [--paragraphs N] [--folder DIR] [--keep] [--write-only]
           citywide-bench --site DIR
      Writes a site with N cities (one blueprint each, PARAGRAPHS paragraphs of Markdown),
      one count metric broken down by sex (3) × age group (3) with every margin, a rate
      computed from it, and PERIODS quarters of data; then runs `build` on it and times each
      stage (load, validate, disclose, progress, render, write). With --site, times the
      stages of an existing site (tools/bench generates them) and writes nothing into it
      but its output, in a temporary folder.
    """

    init(_ arguments: [String]) throws {
        var i = 0
        func value() throws -> String {
            i += 1
            guard i < arguments.count else { throw BenchError.usage }
            return arguments[i]
        }
        while i < arguments.count {
            switch arguments[i] {
            case "--cities": cities = Int(try value()) ?? cities
            case "--periods": periods = Int(try value()) ?? periods
            case "--paragraphs": paragraphs = Int(try value()) ?? paragraphs
            case "--folder": folder = try value()
            case "--site": site = try value()
            case "--keep": keep = true
            case "--write-only": writeOnly = true
            default: throw BenchError.usage
            }
            i += 1
        }
    }
}

enum BenchError: Error { case usage }

/// SplitMix64: the same site every run.
struct Random {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

func writeSite(_ options: Options, to folder: URL) throws -> Int {
    let fm = FileManager.default
    for sub in ["Blueprints", "Metrics", "Data"] {
        try fm.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
    }
    try "title: Benchmark\nbase_url: https://example.org/\ndata_status: synthetic\n".write(to: folder.appendingPathComponent("site.yml"), atomically: false, encoding: .utf8)
    try """
    id: cases
    title: Cases
    system: cross_system
    type: count
    frequency: quarterly
    dimensions:
      sex: [female, male, another]
      age_group: [under_18, "18_24", 25_plus]

    """.write(to: folder.appendingPathComponent("Metrics/cases.yml"), atomically: false, encoding: .utf8)
    try "id: cases_rate\ntitle: Cases per 100,000\nsystem: cross_system\ntype: rate\nnumerator: cases\nper: 100000\ndecimals: 1\nfrequency: quarterly\n"
        .write(to: folder.appendingPathComponent("Metrics/cases_rate.yml"), atomically: false, encoding: .utf8)

    let paragraph = "The city will screen wage-theft cases for signs of **labor trafficking**, train staff in every system, and publish [quarterly figures](https://example.org/) that protect the people behind them.\n\n"
    for c in 0..<options.cities {
        let slug = "city-\(c)"
        var text = "---\ncity: City \(c)\nstate: ST\npopulation: \(50_000 + c * 97)\ncommitments:\n"
        text += "  - id: \(slug)-labor\n    system: labor\n    title: Screen wage-theft cases\n    status: in_progress\n    due: 2020-12-31\n    metrics: [cases]\n"
        text += "---\n# City \(c) Blueprint\n\n## Plan\n\n" + String(repeating: paragraph, count: options.paragraphs)
        try text.write(to: folder.appendingPathComponent("Blueprints/\(slug).md"), atomically: false, encoding: .utf8)
    }

    var rng = Random(state: 7)
    var csv = "city,period,metric,sex,age_group,value\n"
    var rows = 0
    let sexes = ["female", "male", "another"], ages = ["under_18", "18_24", "25_plus"]
    for c in 0..<options.cities {
        for p in 0..<options.periods {
            let period = "\(2018 + p / 4)-Q\(p % 4 + 1)"
            var cube = [[Int]](repeating: [0, 0, 0], count: 3)
            for s in 0..<3 { for a in 0..<3 { cube[s][a] = [0, 2, 5, 9, 14, 23, 40, 75][rng.next(8)] } }
            let prefix = "city-\(c),\(period),cases"
            csv += "\(prefix),,,\(cube.joined().reduce(0, +))\n"
            for s in 0..<3 { csv += "\(prefix),\(sexes[s]),,\(cube[s].reduce(0, +))\n" }
            for a in 0..<3 { csv += "\(prefix),,\(ages[a]),\(cube[0][a] + cube[1][a] + cube[2][a])\n" }
            for s in 0..<3 { for a in 0..<3 { csv += "\(prefix),\(sexes[s]),\(ages[a]),\(cube[s][a])\n" } }
            rows += 16
        }
    }
    try csv.write(to: folder.appendingPathComponent("Data/cases.csv"), atomically: false, encoding: .utf8)
    return rows
}

func seconds(_ start: DispatchTime) -> String {
    String(format: "%.3f s", Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
}

do {
    let options = try Options(Array(CommandLine.arguments.dropFirst()))
    let folder = URL(fileURLWithPath: options.site ?? options.folder ?? NSTemporaryDirectory() + "citywide-bench-\(getpid())")
    var output: URL?
    if options.site == nil {
        let rows = try writeSite(options, to: folder)
        print("site: \(folder.path) — \(options.cities) cities, \(options.periods) periods, \(rows) observations")
        if options.writeOnly { exit(0) }
    } else {
        output = URL(fileURLWithPath: NSTemporaryDirectory() + "citywide-bench-out-\(getpid())")
    }

    // The one pipeline `build` runs, timed stage by stage.
    let start = DispatchTime.now()
    let outcome = Pipeline.build(Pipeline.Options(site: folder, output: output))
    for stage in outcome.stages { print((stage.name + ":").padding(toLength: 11, withPad: " ", startingAt: 0) + String(format: "%.3f s", stage.seconds)) }
    if let published = outcome.published {
        print("suppression: \(published.checkOnlyRuleCounts.primary) primary, \(published.checkOnlyRuleCounts.complementary) complementary of \(published.metrics.first?.figures.count ?? 0) cells")
    }
    print("build:     \(seconds(start)) in all, \(outcome.filesWritten) files, \(outcome.errorCount) errors")
    for d in outcome.diagnostics.prefix(5) { print("  \(d.formatted)") }
    if let output { try? FileManager.default.removeItem(at: output) }
    if !options.keep && options.site == nil { try? FileManager.default.removeItem(at: folder) }
} catch {
    print(Options.usage)
    exit(2)
}
