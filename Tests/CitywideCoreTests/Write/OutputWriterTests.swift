import Foundation
import Testing
@testable import CitywideCore

@Suite("Writing output")
struct OutputWriterTests {
    @Test("paths that could escape the output folder are refused", arguments: ["../evil.html", "/etc/passwd", "a/../../b", "a//b", "", "a\\b", "./a"])
    func unsafePaths(path: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citywide-writer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = try OutputWriter(output: folder.appendingPathComponent("out"))
        #expect(throws: OutputWriter.Failure.self) { try writer.write(path, "x") }
        writer.discard()
    }

    @Test("nothing is visible at the output path until commit")
    func stagedUntilCommit() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citywide-writer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out")
        let writer = try OutputWriter(output: output)
        try writer.write("a/b.html", "hello")
        #expect(!FileManager.default.fileExists(atPath: output.path))
        try writer.commit()
        #expect(FileManager.default.contents(atPath: output.appendingPathComponent("a/b.html").path) == Data("hello".utf8))
        #expect(writer.filesWritten == 2, "the page and the marker file")
    }
}
