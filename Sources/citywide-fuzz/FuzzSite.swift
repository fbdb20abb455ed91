// Compiled only for fuzzing (tools/fuzz passes -DCITYWIDE_FUZZ): `@testable import`
// needs a debug build, and `swift build -c release` must not see it.
#if CITYWIDE_FUZZ
import Foundation
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywideRender

/// The small site the fuzz targets read against, and the `site` target's
/// way of turning one input into a site's files.
struct FuzzSite {
    var config: SiteConfig
    var metricIDs: Set<String>
    var catalog: DataCatalog
    /// The seed site's folder: a blueprint's local links are checked against it.
    var folder: URL

    /// Loaded once per process from `seedFiles`: a valid site, so that the
    /// csv and blueprint targets get past "unknown city" and "unknown metric".
    static let shared: FuzzSite = {
        let folder = temporaryFolder("seed")
        write(seedFiles, to: folder)
        let loaded = SiteLoader.load(folder, log: DiagnosticLog())
        return FuzzSite(config: loaded.site.config, metricIDs: Set(loaded.site.metrics.map(\.id)), catalog: DataCatalog(site: loaded.site), folder: folder)
    }()

    /// The parts of a `site` input, in order, separated by a line `--8<--`.
    /// Missing parts are taken from `seedFiles`, so a short input still
    /// makes a site that gets as far as rendering.
    static let parts = ["site.yml", "Blueprints/springfield.md", "Metrics/referrals.yml", "Data/referrals.csv", "Templates/city.mustache"]
    static let separator = Array("\n--8<--\n".utf8)

    static func split(_ bytes: [UInt8]) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        var rest = bytes[...]
        for name in parts {
            guard !rest.isEmpty || files.isEmpty else { break }
            if let range = firstRange(of: separator, in: rest) {
                files[name] = Array(rest[..<range.lowerBound])
                rest = rest[range.upperBound...]
            } else {
                files[name] = Array(rest)
                rest = []
            }
        }
        for name in parts.dropLast() where files[name] == nil {
            files[name] = Array(seedFiles[name, default: ""].utf8)
        }
        return files
    }

    /// One folder per process, rewritten for every input, then built in
    /// memory as `serve` builds (nothing is written but the inputs).
    private static let buildFolder = temporaryFolder("site")

    static func build(_ files: [String: [UInt8]]) {
        try? FileManager.default.removeItem(at: buildFolder)
        write(files.mapValues { Data($0) }, to: buildFolder)
        _ = PreviewBuilder(folder: buildFolder, bodyEnd: nil).build()
    }

    private static func firstRange(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Range<Int>? {
        guard haystack.count >= needle.count else { return nil }
        var i = haystack.startIndex
        while i <= haystack.endIndex - needle.count {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i..<(i + needle.count) }
            i += 1
        }
        return nil
    }

    private static func temporaryFolder(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("citywide-fuzz-\(getpid())-\(name)")
    }

    private static func write(_ files: [String: String], to folder: URL) {
        write(files.mapValues { Data($0.utf8) }, to: folder)
    }

    private static func write(_ files: [String: Data], to folder: URL) {
        for (path, data) in files {
            let url = folder.appendingPathComponent(path)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? data.write(to: url)
        }
    }

    static let seedFiles: [String: String] = [
        "site.yml": """
        title: Fuzz City Progress
        base_url: https://example.org/fuzz/
        languages: [en, es]
        privacy: { min_cell: 11, min_rate_numerator: 20 }
        data_status: synthetic

        """,
        "Blueprints/springfield.md": """
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

        We will act. {{< value referrals >}}

        """,
        "Metrics/referrals.yml": """
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
          age_group: [under_18, "18_24", 25_plus]

        """,
        "Data/referrals.csv": """
        city,period,metric,trafficking_type,age_group,value,status,note
        springfield,2019-Q1,referrals,,,30,,
        springfield,2019-Q1,referrals,sex,,12,,
        springfield,2019-Q1,referrals,labor,,18,,
        springfield,2019-Q2,referrals,,,35,estimated,

        """,
    ]
}
#endif
