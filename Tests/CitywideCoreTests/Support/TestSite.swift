import Foundation
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywidePublish
@testable import CitywideRender
@testable import CitywideWrite

/// A small site written inline in a test, the way Hugo's tests do it:
/// a dictionary of path → text in a fresh temporary folder.
struct TestSite {
    let folder: URL
    var output: URL { folder.appendingPathComponent("_site") }

    init(_ files: [String: String]) throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("citywide-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (path, text) in files {
            try write(path, text)
        }
    }

    func write(_ path: String, _ text: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: folder.appendingPathComponent(path))
    }

    @discardableResult
    func build(output: URL? = nil) -> Pipeline.Outcome {
        Pipeline.build(Pipeline.Options(site: folder, output: output ?? self.output))
    }

    func check() -> Pipeline.Outcome { Pipeline.check(folder) }

    /// Text of a file the build wrote.
    func file(_ path: String, in output: URL? = nil) -> String? {
        guard let data = FileManager.default.contents(atPath: (output ?? self.output).appendingPathComponent(path).path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Every file the build wrote, path → bytes.
    func outputFiles(_ output: URL? = nil) -> [String: Data] {
        let root = (output ?? self.output)
        var files: [String: Data] = [:]
        for path in SiteFiles.list(root) {
            files[path] = FileManager.default.contents(atPath: root.appendingPathComponent(path).path)
        }
        return files
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: folder)
    }
}

extension Pipeline.Outcome {
    /// Diagnostics as the command line prints them, for readable assertions.
    var lines: [String] { diagnostics.map(\.formatted) }
    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    func hasError(_ path: String, line: Int? = nil, containing text: String) -> Bool {
        errors.contains { $0.path == path && (line == nil || $0.line == line) && $0.message.contains(text) }
    }
}

/// The smallest valid site: one city, one metric, a little data.
enum Fixtures {
    static let siteYML = """
    title: Test City Progress
    base_url: https://example.org/test/
    languages: [en]
    privacy:
      min_cell: 11
      min_rate_numerator: 20
    data_status: synthetic

    """

    static func blueprint(city: String = "Springfield", commitments: String = defaultCommitments, body: String = "# Springfield Blueprint\n\nWe will act.\n") -> String {
        """
        ---
        city: \(city)
        state: IL
        population: 100000
        fellow: Senior fellow
        adopted: 2019-01-15
        updated: 2020-02-01
        commitments:
        \(commitments)
        ---
        \(body)
        """
    }

    static let defaultCommitments = """
      - id: spr-labor-screening
        system: labor
        title: Screen wage-theft cases for trafficking
        status: in_progress
        due: 2020-12-31
        populations: [immigrants]
        metrics: [referrals]
        target: { metric: referrals, value: 40, by: 2021-12-31 }
    """

    static let referralsMetric = """
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

    static let data = """
    city,period,metric,trafficking_type,value,status,note
    springfield,2019-Q1,referrals,,30,,
    springfield,2019-Q1,referrals,sex,12,,
    springfield,2019-Q1,referrals,labor,18,,
    springfield,2019-Q2,referrals,,35,,

    """

    static func site(_ overrides: [String: String] = [:]) -> [String: String] {
        var files = [
            "site.yml": siteYML,
            "Blueprints/springfield.md": blueprint(),
            "Metrics/referrals.yml": referralsMetric,
            "Data/referrals.csv": data,
        ]
        for (path, text) in overrides { files[path] = text }
        return files
    }
}
