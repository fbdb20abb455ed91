import CitywideCore
import FlyingFox
import Foundation

/// Answers every request from memory: the pages of the last good build, and
/// the two live-reload endpoints.
///
/// | path | answer |
/// |---|---|
/// | `/_citywide/status` | the latest build as JSON: `version`, `attempt`, `ok`, `errors`, `diagnostics` |
/// | `/_citywide/events?version=V&attempt=A` | the same JSON, as soon as it differs from V and A (long poll, at most `longPoll`) |
/// | `/`, `/cities/atlanta/` | the folder's `index.html` |
/// | `/cities/atlanta` | a redirect to `/cities/atlanta/`, so relative links resolve |
/// | anything else | the file of that path, or 404 |
struct PreviewHandler: HTTPHandler {
    let state: BuildState
    var longPoll: Duration = .seconds(25)

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            let headers: HTTPHeaders = [HTTPHeader("Allow"): "GET, HEAD"]
            return HTTPResponse(statusCode: .methodNotAllowed, headers: headers)
        }
        var response: HTTPResponse
        // `request.path` is standardized, which drops a trailing slash; the
        // slash matters here (a folder's relative links resolve against it).
        let path = request.target.path(percentEncoded: true)
        switch path {
        case "/_citywide/status":
            response = json(state.current)
        case "/_citywide/events":
            let version = request.query["version"].flatMap { Int($0) } ?? -1
            let attempt = request.query["attempt"].flatMap { Int($0) } ?? -1
            response = json(await state.waitForChange(version: version, attempt: attempt, timeout: longPoll))
        default:
            response = file(path)
        }
        if request.method == .HEAD {
            response = HTTPResponse(statusCode: response.statusCode, headers: response.headers)
        }
        return response
    }

    private func json(_ snapshot: BuildState.Snapshot) -> HTTPResponse {
        HTTPResponse(statusCode: .ok, headers: Self.headers("application/json; charset=utf-8"), body: snapshot.json)
    }

    /// The output file for a request path.
    func file(_ rawPath: String) -> HTTPResponse {
        let snapshot = state.current
        let decoded = rawPath.removingPercentEncoding ?? rawPath
        var path = String(decoded.drop(while: { $0 == "/" }))
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        if let data = snapshot.files.data(path) {
            var body = data
            if path.hasSuffix(".html") {
                // Every page served belongs to the current build, whichever build rendered it.
                // Compared as bytes: Foundation's search through UTF-16 was a fifth
                // of a narrative edit's time on a 200-city site's city page.
                body = Data(String(decoding: data, as: UTF8.self)
                    .replacingBytes(LiveReloadScript.versionPlaceholder, with: String(snapshot.version)).utf8)
            }
            return HTTPResponse(statusCode: .ok, headers: Self.headers(ContentType.of(path)), body: body)
        }
        if snapshot.files.contains(path + "/index.html") {
            // Built from the decoded path with its leading slashes and
            // backslashes dropped: `//evil.example` (or `/\evil.example`)
            // must never become a protocol-relative `Location`.
            let folder = String(path.drop(while: { $0 == "/" || $0 == "\\" }))
            let encoded = folder.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? ""
            let location = encoded.isEmpty ? "/" : "/" + encoded + "/"
            let headers: HTTPHeaders = [.location: location, .cacheControl: "no-store"]
            return HTTPResponse(statusCode: .movedPermanently, headers: headers)
        }
        if snapshot.version == 0 {
            return HTTPResponse(statusCode: .internalServerError, headers: Self.headers(ContentType.of("x.html")),
                                body: Data(ProblemPage.noBuildYet(snapshot).utf8))
        }
        return HTTPResponse(statusCode: .notFound, headers: Self.headers(ContentType.of("x.html")),
                            body: Data(ProblemPage.notFound(path: decoded, snapshot).utf8))
    }

    /// A preview must never show a stale page: nothing is cached.
    static func headers(_ contentType: String) -> HTTPHeaders {
        [.contentType: contentType, .cacheControl: "no-store", .init("X-Content-Type-Options"): "nosniff"]
    }
}

/// The pages the preview shows when it has no page to show. They list the
/// problems in HTML too, so they read without JavaScript.
enum ProblemPage {
    static func noBuildYet(_ snapshot: BuildState.Snapshot) -> String {
        // A problem repeated on many rows is listed once, as the terminal
        // prints it; the count counts every occurrence.
        let items = DiagnosticGroup.grouping(snapshot.diagnostics)
            .map { "<li><code>\(escape($0.formatted))</code></li>" }.joined(separator: "\n")
        let errors = snapshot.diagnostics.filter { $0.severity == .error }.count
        let warnings = snapshot.diagnostics.count - errors
        let count = "\(errors) \(errors == 1 ? "error" : "errors"), \(warnings) \(warnings == 1 ? "warning" : "warnings")"
        return page(title: "The site has errors", body: """
        <h1>The site has errors</h1>
        <p>Citywide has not built this site yet because of the problems below (\(count)). Fix them and save: this page updates by itself.</p>
        <ul>
        \(items)
        </ul>
        """, version: snapshot.version)
    }

    static func notFound(path: String, _ snapshot: BuildState.Snapshot) -> String {
        page(title: "Not found", body: """
        <h1>Not found</h1>
        <p>The site has no page at <code>\(escape(path))</code>. <a href="/">Go to the home page</a>.</p>
        """, version: snapshot.version)
    }

    private static func page(title: String, body: String, version: Int) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title): Citywide preview</title>
        </head>
        <body style="font:1rem/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;background:#fff">
        <main>
        \(body)
        </main>
        \(LiveReloadScript.html(version: version))</body>
        </html>

        """
    }

    static func escape(_ text: String) -> String { MarkupText.escape(text) }
}
