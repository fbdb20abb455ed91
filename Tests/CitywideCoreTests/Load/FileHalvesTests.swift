import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput

/// A data file over 1 MB without quotes is read in two halves, one per
/// core (here from 1 KB, so the files stay small): what it gives must be exactly what one pass gives (rows in file
/// order, line numbers, person-level tests), and a file with any problem is
/// read again in one pass, so its problems read the same.
@Suite("Large data files read in two halves")
struct FileHalvesTests {
    /// Two cities, a count metric by sex; sizes from a fixed sequence.
    static let site = """
        -- site.yml --
        title: Test
        base_url: https://example.org/
        data_status: synthetic
        -- Blueprints/springfield.md --
        ---
        city: Springfield
        commitments: []
        ---
        # Springfield
        -- Blueprints/shelbyville.md --
        ---
        city: Shelbyville
        commitments: []
        ---
        # Shelbyville
        -- Metrics/referrals.yml --
        id: referrals
        title: Referrals
        system: labor
        type: count
        frequency: monthly
        dimensions:
          sex: [female, male]
        """

    /// Every month of ten years, both cities, a total and its parts (720
    /// rows, 25 KB); `lineEnd` between lines, `extra` after row `at`.
    static func data(lineEnd: String = "\n", bom: Bool = false, extra: (at: Int, row: String)? = nil) -> [UInt8] {
        var lines = ["city,period,metric,sex,value"]
        var n = 0
        for year in 2000..<2010 {
            for month in 1...12 {
                for city in ["shelbyville", "springfield"] {
                    let female = 11 + (year * 7 + month * 13) % 40, male = 12 + (year * 5 + month) % 30
                    let period = "\(year)-\(month < 10 ? "0" : "")\(month)"
                    lines += ["\(city),\(period),referrals,,\(female + male)", "\(city),\(period),referrals,female,\(female)",
                              "\(city),\(period),referrals,male,\(male)"]
                    n += 1
                    if let extra, extra.at == n { lines.append(extra.row) }
                }
            }
        }
        return (bom ? [0xEF, 0xBB, 0xBF] : []) + Array((lines.joined(separator: lineEnd) + lineEnd).utf8)
    }

    /// The file read by `load` (in halves when it can) and in one pass, each
    /// with its own log: rows and problems.
    static func bothWays(_ bytes: [UInt8]) throws -> (halves: (DataFileLoader.Result, [Diagnostic]), whole: (DataFileLoader.Result, [Diagnostic])) {
        let test = try TestSite(txtar: site)
        defer { test.cleanUp() }
        let loaded = SiteLoader.load(test.folder, log: DiagnosticLog())
        let catalog = DataCatalog(site: loaded.site)
        func read(_ whole: Bool) -> (DataFileLoader.Result, [Diagnostic]) {
            let log = DiagnosticLog()
            let loader = DataFileLoader(path: "Data/referrals.csv", fileIndex: 0, catalog: catalog, log: log)
            return (whole ? loader.loadWhole(bytes) : loader.load(bytes, halvesFrom: Self.halvesFrom), log.diagnostics)
        }
        return (read(false), read(true))
    }

    static let halvesFrom = 1024

    static func rows(_ result: DataFileLoader.Result) -> [Int: [Observation]] { result.observations }

    @Test("LF, CRLF and a BOM: the halves give the rows and line numbers of one pass")
    func sameRows() throws {
        for (lineEnd, bom) in [("\n", false), ("\r\n", true), ("\r", false)] {
            let bytes = Self.data(lineEnd: lineEnd, bom: bom)
            let halves = try #require(FileHalves(bytes, minimumBytes: Self.halvesFrom), "a large file without quotes is cut")
            #expect(halves.middleLine > 2)
            let (split, whole) = try Self.bothWays(bytes)
            #expect(Self.rows(split.0) == Self.rows(whole.0))
            #expect(split.1 == whole.1)
            #expect(split.1.isEmpty, "\(split.1.prefix(3))")
            #expect(Self.rows(split.0)[0]?.last?.origin.line == Int32(1 + 10 * 12 * 2 * 3))
        }
    }

    @Test("a problem in the second half, or a quote anywhere: the same problems as one pass")
    func problemsReadWhole() throws {
        let late = Self.data(extra: (at: 200, row: "springfield,2009-13,referrals,,5"))
        let (split, whole) = try Self.bothWays(late)
        #expect(split.1 == whole.1)
        #expect(split.1.contains { $0.severity == .error && $0.line > 400 }, "\(split.1)")
        #expect(Self.rows(split.0) == Self.rows(whole.0))

        let quoted = Self.data(extra: (at: 20, row: "\"springfield\",2000-01,referrals,,30"))
        #expect(FileHalves(quoted, minimumBytes: Self.halvesFrom) == nil, "a quote may hide a line end: read whole")
    }

    @Test("a file under 1 MB, and a file of one line, are read whole")
    func smallFiles() {
        #expect(FileHalves(Self.data()) == nil)
        #expect(FileHalves(Array(repeating: UInt8(ascii: "a"), count: FileHalves.minimumBytes + 10)) == nil)
    }
}
