import CitywideCore
import FlyingFox
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
    private let limits: HTTPLimits
    private var watcher: SiteWatcher?
    private var server: LoopbackServer?
    public private(set) var port: UInt16 = 0

    /// - Parameters:
    ///   - port: 0 picks a free port (tests).
    ///   - onBuild: called after every build, on the build thread.
    ///   - limits: request sizes and timeouts (tests shorten them).
    public init(site: URL, port: UInt16, limits: HTTPLimits = HTTPLimits(), onBuild: (@Sendable (BuildReport) -> Void)? = nil) {
        self.site = site.standardizedFileURL
        self.requestedPort = port
        self.limits = limits
        self.rebuilder = Rebuilder(site: self.site, state: state)
        if let onBuild {
            rebuilder.onReport = { r in
                onBuild(BuildReport(succeeded: r.succeeded, diagnostics: r.diagnostics, seconds: r.seconds, version: r.version, files: r.files))
            }
        }
    }

    /// Listens, starts watching, and builds. Returns the address to open.
    /// The port is taken first, so a port in use is reported at once, not
    /// after the first build.
    @discardableResult
    public func start() async throws -> URL {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: site.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Failure(description: "\(site.path) is not a folder")
        }
        let handler = PreviewHandler(state: state)
        let server = LoopbackServer(limits: limits) { request in await Self.answer(request, with: handler) }
        do {
            try server.start(port: requestedPort)
        } catch {
            throw Failure(description: "\(error)")
        }
        self.server = server
        port = server.port
        // Watch before the first build, so a save during it is not missed.
        let watcher = SiteWatcher(site: site) { [rebuilder] in rebuilder.changed() }
        watcher.start()
        self.watcher = watcher
        await rebuilder.buildFirst()
        return URL(string: "http://127.0.0.1:\(port)/")!
    }

    /// Stops watching, answers waiting requests and closes every connection.
    public func stop() async {
        watcher?.stop()
        state.close()
        server?.stop()
    }

    /// Connections open now (tests).
    var openConnections: Int { server?.openConnections ?? 0 }

    /// Passes a request to the handler in FlyingFox's types, and back.
    static func answer(_ request: LoopbackServer.Request, with handler: PreviewHandler) async -> LoopbackServer.Response {
        let parts = request.target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var headers = HTTPHeaders()
        for (name, value) in request.headers { headers.addValue(value, for: HTTPHeader(name)) }
        let flying = HTTPRequest(method: HTTPMethod(request.method), version: .http11,
                                 target: HTTPRequest.Target(path: String(parts[0]), query: parts.count > 1 ? String(parts[1]) : ""),
                                 headers: headers, body: HTTPBodySequence())
        do {
            let response = try await handler.handleRequest(flying)
            let body = try await response.bodyData
            return LoopbackServer.Response(status: response.statusCode.code, reason: response.statusCode.phrase,
                                           headers: response.headers.map { ($0.key.rawValue, $0.value) }, body: Array(body))
        } catch {
            return LoopbackServer.Response(status: 500, reason: "Internal Server Error", headers: [("Content-Type", "text/plain; charset=utf-8")],
                                           body: Array("500: \(error)\n".utf8))
        }
    }

    /// The latest build: its version (good builds), attempt (all builds) and problems.
    public var status: (version: Int, attempt: Int, failed: Bool, diagnostics: [Diagnostic]) {
        let s = state.current
        return (s.version, s.attempt, s.failed, s.diagnostics)
    }
}
