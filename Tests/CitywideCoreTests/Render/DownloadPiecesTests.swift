import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideRender
@testable import CitywideWrite

/// `build` writes the downloads a piece at a time; `serve` and the tests
/// make them whole. Both must be the same bytes.
@Suite("Downloads in pieces")
struct DownloadPiecesTests {
    static let site = """
        -- site.yml --
        title: Test City Progress
        base_url: https://example.org/test/
        languages: [en]
        privacy:
          min_cell: 10
          min_rate_numerator: 20
        data_status: synthetic
        -- Blueprints/springfield.md --
        ---
        city: Springfield
        state: IL
        fellow: Senior fellow
        commitments:
          - id: spr-referrals
            system: labor
            title: Refer survivors to services
            status: in_progress
            due: 2020-12-31
            populations: [immigrants]
            metrics: [referrals]
        ---
        # Springfield Blueprint
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
          sex: [female, male]
        -- Data/referrals.csv --
        city,period,metric,sex,value,status,note
        springfield,2019-Q1,referrals,,50,,
        springfield,2019-Q1,referrals,female,41,,
        springfield,2019-Q1,referrals,male,9,,
        springfield,2019-Q2,referrals,,61,,"a note, quoted"
        springfield,2019-Q3,referrals,,42,provisional,
        """

    @Test("every download handed over in 64-byte pieces joins into the bytes made whole")
    func piecesJoinIntoTheWhole() throws {
        let site = try TestSite(txtar: Self.site)
        defer { site.cleanUp() }
        let log = DiagnosticLog()
        let (loaded, published) = Pipeline.analyze(site.folder, baseURL: nil, log: log)
        let renderer = SiteRenderer(site: try #require(loaded, "\(log.diagnostics)"), published: try #require(published), assets: AssetFiles())
        let whole = Dictionary(uniqueKeysWithValues: renderer.dataFiles(sitemap: ["index.html"]).map { ($0.0, $0.1()) })
        var pieceCounts: [String: Int] = [:]
        for (path, make) in renderer.dataPieces(sitemap: ["index.html"]) {
            var joined: [UInt8] = []
            make(DownloadPieces(size: 64) { piece in
                joined += piece
                pieceCounts[path, default: 0] += 1
            })
            #expect(joined == whole[path], "\(path)")
        }
        #expect(pieceCounts["data/referrals.json", default: 0] > 2, "the JSON download came in one piece")
        #expect(pieceCounts["data/all.csv", default: 0] > 1, "all.csv came in one piece")
    }

    @Test("a file written in pieces on disk holds them in order")
    func writerJoinsPieces() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citywide-pieces-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out")
        let writer = try OutputWriter(output: output)
        try writer.write("data/big.csv", inPieces: { emit in
            emit(Array("a,b\r\n".utf8))
            emit(Array("1,2\r\n".utf8))
            emit([])
        })
        try writer.commit()
        #expect(FileManager.default.contents(atPath: output.appendingPathComponent("data/big.csv").path) == Data("a,b\r\n1,2\r\n".utf8))
        #expect(writer.filesWritten == 2, "the file and the marker file")
    }
}
