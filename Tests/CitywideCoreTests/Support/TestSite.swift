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
