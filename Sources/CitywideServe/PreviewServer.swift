import CitywideCore
import FlyingFox
import FlyingSocks
import Foundation

/// `citywide serve`: builds the site into memory, serves it on 127.0.0.1,
/// and rebuilds when an input changes; open pages reload by themselves.
/// A build with errors leaves the last good build in place and shows its
/// problems in the page (see `LiveReloadScript`).
public final class PreviewServer: @unchecked Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// What a build did, for the terminal.
    public struct BuildReport: Sendable {
        public var succeeded: Bool
        public var diagnostics: [Diagnostic]
        public var seconds: Double
        public var version: Int
        public var files: Int
    }

    public let site: URL
    private let requestedPort: UInt16
    private let state = BuildState()
    private let rebuilder: Rebuilder
    private var watcher: SiteWatcher?
    private var server: HTTPServer?
    private var serverTask: Task<Void, any Error>?
    public private(set) var port: UInt16 = 0

    /// - Parameters:
    ///   - port: 0 picks a free port (tests).
    ///   - onBuild: called after every build, on the build thread.
    public init(site: URL, port: UInt16, onBuild: (@Sendable (BuildReport) -> Void)? = nil) {
        self.site = site.standardizedFileURL
        self.requestedPort = port
        self.rebuilder = Rebuilder(site: self.site, state: state)
        if let onBuild {
            rebuilder.onReport = { r in
                onBuild(BuildReport(succeeded: r.succeeded, diagnostics: r.diagnostics, seconds: r.seconds, version: r.version, files: r.files))
            }
        }
    }

    /// Builds, starts watching, and listens. Returns the address to open.
    @discardableResult
    public func start() async throws -> URL {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: site.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Failure(description: "\(site.path) is not a folder")
        }
        // Watch before the first build, so a save during it is not missed.
        let watcher = SiteWatcher(site: site) { [rebuilder] in rebuilder.changed() }
        watcher.start()
        self.watcher = watcher
        await rebuilder.buildFirst()

        let address = try sockaddr_in.inet(ip4: "127.0.0.1", port: requestedPort)
        let server = HTTPServer(address: address, timeout: 60, logger: .disabled, handler: PreviewHandler(state: state))
        self.server = server
        let task = Task { try await server.run() }
        serverTask = task
        do {
            try await server.waitUntilListening(timeout: 10)
        } catch {
            task.cancel()
            watcher.stop()
            var reason = "\(error)"
            do { try await task.value } catch let runError { reason = "\(runError)" }
            throw Failure(description: "could not listen on 127.0.0.1:\(requestedPort): \(reason)")
        }
        if case .ip4(_, let port)? = await server.listeningAddress { self.port = port }
        return URL(string: "http://127.0.0.1:\(port)/")!
    }

    /// Stops watching, answers waiting requests and closes every connection.
    public func stop() async {
        watcher?.stop()
        state.close()
        await server?.stop(timeout: 1)
        serverTask?.cancel()
    }

    /// The latest build: its version (good builds), attempt (all builds) and problems.
    public var status: (version: Int, attempt: Int, failed: Bool, diagnostics: [Diagnostic]) {
        let s = state.current
        return (s.version, s.attempt, s.failed, s.diagnostics)
    }
}
