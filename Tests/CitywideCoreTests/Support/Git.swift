import Foundation

/// Runs git in a test's site folder, for the tests of what keeps `Data/`
/// out of version control. Tests that need it are enabled only where git is.
enum Git {
    static var isAvailable: Bool { (try? run(["--version"], in: FileManager.default.temporaryDirectory)) == 0 }

    /// git's exit status; its output is thrown away.
    @discardableResult
    static func run(_ arguments: [String], in folder: URL) throws -> Int32 {
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "-C", folder.path] + arguments
        git.standardOutput = FileHandle.nullDevice
        git.standardError = FileHandle.nullDevice
        try git.run()
        git.waitUntilExit()
        return git.terminationStatus
    }
}
