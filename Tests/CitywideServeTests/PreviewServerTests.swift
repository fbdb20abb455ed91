import ArgumentParser
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import CitywideCommands
@testable import CitywideCore
@testable import CitywideServe

/// `citywide serve`, in-process on a free loopback port: what it serves, how
/// it follows edits, and what a failed build shows.
@Suite("The preview server", .serialized, .timeLimit(.minutes(2)))
struct PreviewServerTests {
    /// A fresh starter site (`citywide init`) and a server on it.
    final class Preview {
        let folder: URL
        let server: PreviewServer
        let base: URL

        init() async throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("citywide-serve-\(UUID().uuidString)")
            try SiteScaffold.createSite(at: folder)
            server = PreviewServer(site: folder, port: 0)
            base = try await server.start()
            #expect(base.host == "127.0.0.1")
        }

        func stop() async {
            await server.stop()
            try? FileManager.default.removeItem(at: folder)
        }

        func write(_ path: String, _ text: String) throws {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        func read(_ path: String) throws -> String {
            try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
        }

        struct Response {
            var status: Int
            var contentType: String
            var body: String
            var url: URL?
        }

        func get(_ path: String) async throws -> Response {
            var request = URLRequest(url: URL(string: path, relativeTo: base)!)
            request.timeoutInterval = 30
            let (data, response) = try await URLSession.shared.data(for: request)
            let http = try #require(response as? HTTPURLResponse)
            return Response(status: http.statusCode, contentType: http.value(forHTTPHeaderField: "Content-Type") ?? "",
                            body: String(decoding: data, as: UTF8.self), url: http.url)
        }

        func status() async throws -> [String: Any] {
            let body = try await get("/_citywide/status").body
            return try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        }

        /// Long-polls `/_citywide/events` (as the page script does) until the
        /// build attempt moves past `attempt`; at most 30 s.
        func nextBuild(after attempt: Int) async throws -> [String: Any] {
            let deadline = Date().addingTimeInterval(30)
            var status = try await self.status()
            while (status["attempt"] as? Int ?? 0) <= attempt {
                try #require(Date() < deadline, "no rebuild within 30 s")
                let version = status["version"] as? Int ?? 0
                let seen = status["attempt"] as? Int ?? 0
                let body = try await get("/_citywide/events?version=\(version)&attempt=\(seen)").body
                status = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            }
            return status
        }

        /// Writes a file and waits for the build that follows.
        @discardableResult
        func save(_ path: String, _ text: String) async throws -> [String: Any] {
            let attempt = try await status()["attempt"] as? Int ?? 0
            try write(path, text)
            return try await nextBuild(after: attempt)
        }
    }

    @Test("serves /, folders as their index.html, and each file with its content type")
    func servesFiles() async throws {
        let preview = try await Preview()
        defer { Task { await preview.stop() } }

        let home = try await preview.get("/")
        #expect(home.status == 200)
        #expect(home.contentType == "text/html; charset=utf-8")
        #expect(home.body.contains("<title>"))
        #expect(home.body.contains("id=\"citywide-live-reload\""))

        let city = try await preview.get("/cities/our-city/")
        #expect(city.status == 200)
        #expect(city.contentType.hasPrefix("text/html"))
        #expect(city.body.contains("Our City"))

        // Without the slash: redirected, so the page's relative links resolve.
        let session = URLSession(configuration: .ephemeral, delegate: NoRedirects(), delegateQueue: nil)
        let (_, response) = try await session.data(from: URL(string: "/cities/our-city", relativeTo: preview.base)!)
        let redirect = try #require(response as? HTTPURLResponse)
        #expect(redirect.statusCode == 301)
        #expect(redirect.value(forHTTPHeaderField: "Location") == "/cities/our-city/")

        let css = try await preview.get("/assets/style.css")
        #expect(css.status == 200)
        #expect(css.contentType == "text/css; charset=utf-8")

        #expect(try await preview.get("/data/index.json").contentType == "application/json; charset=utf-8")
        #expect(try await preview.get("/feed.xml").contentType == "application/xml; charset=utf-8")
        #expect(try await preview.get("/data/survivors_identified.csv").contentType == "text/csv; charset=utf-8")

        let missing = try await preview.get("/no/such/page/")
        #expect(missing.status == 404)
        #expect(try await preview.get("/../../etc/passwd").status == 404)
    }

    @Test("a saved blueprint is rebuilt and served; the version moves on")
    func rebuildsOnSave() async throws {
        let preview = try await Preview()
        defer { Task { await preview.stop() } }
        let before = try await preview.status()
        let blueprint = try preview.read("Blueprints/our-city.md")

        let after = try await preview.save("Blueprints/our-city.md", blueprint + "\nFreshly written paragraph 4711.\n")
        #expect(after["ok"] as? Bool == true)
        #expect((after["version"] as? Int ?? 0) == (before["version"] as? Int ?? 0) + 1)
        let page = try await preview.get("/cities/our-city/")
        #expect(page.body.contains("Freshly written paragraph 4711."))
        // The page carries its build's version, so its script knows when to reload.
        #expect(page.body.contains("var version = \(after["version"] as? Int ?? -1),"))
    }

    /// The starter site's blueprint, whole, with the first commitment's
    /// status (line 12) as given.
    static func ourCity(status: String) -> String {
        """
        ---
        city: Our City
        state: ST
        population: 250000
        fellow: Senior Anti-Trafficking Fellow
        adopted: 2024-01-15
        updated: 2024-06-30
        commitments:
          - id: our-labor-wage-screening
            system: labor
            title: Screen wage-theft cases for signs of labor trafficking
            status: \(status)
            due: 2025-12-31
            populations: [immigrants, low_wage_workers, labor_trafficking_survivors]
            metrics: [labor_trafficking_referrals]
            target: { metric: labor_trafficking_referrals, value: 30, by: 2025-12-31 }
          - id: our-housing-emergency-beds
            system: housing
            title: Open emergency beds for survivors, including men and survivors with children
            status: planned
            due: 2025-06-30
            populations: [male_survivors]
            metrics: [survivors_identified]
          - id: our-youth-screening
            system: youth
            title: Train child welfare staff to identify trafficked youth
            status: planned
            due: 2025-09-30
            populations: [minors, lgbtq_youth]
            metrics: [survivors_identified]
        ---
        # Our City Blueprint

        """
    }

    @Test("a broken save keeps the last good build and reports file and line; fixing it clears the error")
    func brokenThenFixed() async throws {
        let preview = try await Preview()
        defer { Task { await preview.stop() } }
        let good = Self.ourCity(status: "in_progress")
        try await preview.save("Blueprints/our-city.md", good + "\nLast good paragraph.\n")
        let goodVersion = try await preview.status()["version"] as? Int ?? -1

        // `status: <b>maybe</b>` is on line 12.
        let broken = Self.ourCity(status: "<b>maybe</b>")
        #expect(broken != good)
        let failed = try await preview.save("Blueprints/our-city.md", broken + "\nLast good paragraph.\nNot yet published.\n")
        #expect(failed["ok"] as? Bool == false)
        #expect((failed["errors"] as? Int ?? 0) >= 1)
        #expect(failed["version"] as? Int == goodVersion)
        let diagnostics = failed["diagnostics"] as? [[String: Any]] ?? []
        let problem = try #require(diagnostics.first { $0["path"] as? String == "Blueprints/our-city.md" })
        #expect(problem["line"] as? Int == 12)
        #expect((problem["text"] as? String ?? "").hasPrefix("Blueprints/our-city.md:12:"))

        // The last good page is still served, with the script that shows the overlay.
        let page = try await preview.get("/cities/our-city/")
        #expect(page.status == 200)
        #expect(page.body.contains("Last good paragraph."))
        #expect(!page.body.contains("Not yet published."))
        #expect(page.body.contains("role\", \"alert\""))

        let fixed = try await preview.save("Blueprints/our-city.md", good + "\nFixed paragraph.\n")
        #expect(fixed["ok"] as? Bool == true)
        #expect(fixed["errors"] as? Int == 0)
        #expect((fixed["diagnostics"] as? [Any])?.isEmpty == true)
        #expect(fixed["version"] as? Int == goodVersion + 1)
        #expect(try await preview.get("/cities/our-city/").body.contains("Fixed paragraph."))
    }

    @Test("before any good build, every page lists the problems as escaped HTML")
    func problemsPageIsEscaped() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citywide-serve-\(UUID().uuidString)")
        try SiteScaffold.createSite(at: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let blueprint = folder.appendingPathComponent("Blueprints/our-city.md")
        try Data(Self.ourCity(status: "<script>alert(1)</script>").utf8).write(to: blueprint)

        let server = PreviewServer(site: folder, port: 0)
        let base = try await server.start()
        defer { Task { await server.stop() } }
        #expect(server.status.failed)
        let (data, response) = try await URLSession.shared.data(from: URL(string: "/cities/our-city/", relativeTo: base)!)
        let body = String(decoding: data, as: UTF8.self)
        #expect((response as? HTTPURLResponse)?.statusCode == 500)
        #expect(body.contains("Blueprints/our-city.md:12:"))
        #expect(body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!body.contains("<script>alert(1)"))
    }

    @Test("a problem repeated on many rows is listed once, as the terminal prints it; the counts count every row")
    func repeatedProblemsGrouped() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citywide-serve-\(UUID().uuidString)")
        try SiteScaffold.createSite(at: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        // The same problem on three rows (lines 2 to 4): a negative count.
        try Data("""
        city,period,metric,trafficking_type,value,status,note
        our-city,2024-Q1,survivors_identified,,-24,,
        our-city,2024-Q2,survivors_identified,,-20,,
        our-city,2024-Q3,survivors_identified,,-18,,

        """.utf8).write(to: folder.appendingPathComponent("Data/observations.csv"))
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("Data").path) where name != "observations.csv" {
            try FileManager.default.removeItem(at: folder.appendingPathComponent("Data/\(name)"))
        }

        let server = PreviewServer(site: folder, port: 0)
        let base = try await server.start()
        defer { Task { await server.stop() } }
        let (page, _) = try await URLSession.shared.data(from: URL(string: "/", relativeTo: base)!)
        let body = String(decoding: page, as: UTF8.self)
        #expect(body.contains("Data/observations.csv:2:"))
        #expect(body.contains("(and 2 more rows: lines 3-4)"))
        #expect(!body.contains("Data/observations.csv:3:"))
        #expect(body.contains("3 errors, 0 warnings"))

        let (json, _) = try await URLSession.shared.data(from: URL(string: "/_citywide/status", relativeTo: base)!)
        let status = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(status["errors"] as? Int == 3)
        #expect((status["diagnostics"] as? [Any])?.count == 3)
        let groups = try #require(status["groups"] as? [[String: Any]])
        #expect(groups.count == 1)
        #expect(groups.first?["occurrences"] as? Int == 3)
        let text = groups.first?["text"] as? String
        #expect(text?.hasSuffix("(and 2 more rows: lines 3-4)") == true, "\(text ?? "no text")")
    }

    @Test("files in a new subfolder of Templates/ are watched and served")
    func newSubfolder() async throws {
        let preview = try await Preview()
        defer { Task { await preview.stop() } }
        let attempt = try await preview.status()["attempt"] as? Int ?? 0
        try FileManager.default.createDirectory(at: preview.folder.appendingPathComponent("Templates/assets/img/icons"), withIntermediateDirectories: true)
        try preview.write("Templates/assets/img/icons/mark.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n")
        var status = try await preview.nextBuild(after: attempt)
        // The folder and the file may arrive as two builds.
        var asset = try await preview.get("/assets/img/icons/mark.svg")
        while asset.status != 200 {
            status = try await preview.nextBuild(after: status["attempt"] as? Int ?? 0)
            asset = try await preview.get("/assets/img/icons/mark.svg")
        }
        #expect(asset.contentType == "image/svg+xml")
        #expect(asset.body.contains("<svg"))
    }

    @Test("citywide build writes no reload script")
    func buildHasNoScript() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citywide-serve-\(UUID().uuidString)")
        try SiteScaffold.createSite(at: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        var command = try CitywideCommand.parseAsRoot(["build", folder.path])
        try command.run()
        let output = folder.appendingPathComponent("_site")
        let files = try #require(FileManager.default.enumerator(atPath: output.path)?.allObjects as? [String])
        let pages = files.filter { $0.hasSuffix(".html") }
        #expect(!pages.isEmpty)
        for path in files {
            let text = String(decoding: FileManager.default.contents(atPath: output.appendingPathComponent(path).path) ?? Data(), as: UTF8.self)
            #expect(!text.contains("citywide-live-reload"), "\(path)")
            #expect(!text.contains("/_citywide/"), "\(path)")
        }
    }

    @Test("serve refuses a port out of range, and a folder that does not exist")
    func badArguments() async throws {
        #expect(throws: (any Error).self) { _ = try CitywideCommand.parseAsRoot(["serve", ".", "--port", "70000"]) }
        let server = PreviewServer(site: URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)"), port: 0)
        await #expect(throws: PreviewServer.Failure.self) { try await server.start() }
    }

    @Test("the rebuild skip check sees a same-length change at the end of a long file, and ignores hidden files")
    func skipCheck() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citywide-serve-\(UUID().uuidString)")
        try SiteScaffold.createSite(at: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let blueprint = folder.appendingPathComponent("Blueprints/our-city.md")
        let text = try String(contentsOf: blueprint, encoding: .utf8)
        let builder = PreviewBuilder(folder: folder, bodyEnd: nil)
        try Data((text + "\nEnd A\n").utf8).write(to: blueprint)
        #expect(builder.buildIfChanged() != nil)
        #expect(builder.buildIfChanged() == nil, "nothing changed since the last attempt")
        try Data((text + "\nEnd B\n").utf8).write(to: blueprint)
        #expect(builder.buildIfChanged() != nil, "a same-length edit at the end is a change")
        try Data("swap".utf8).write(to: folder.appendingPathComponent("Blueprints/.our-city.md.swp"))
        #expect(builder.buildIfChanged() == nil, "hidden files are not inputs")
        #expect(SiteInputs.files(in: folder).contains("Blueprints/our-city.md"))
        #expect(SiteInputs.files(in: folder).contains("site.yml"))
    }

    @Test("content types by extension")
    func contentTypes() {
        #expect(ContentType.of("index.html") == "text/html; charset=utf-8")
        #expect(ContentType.of("assets/style.css") == "text/css; charset=utf-8")
        #expect(ContentType.of("a/chart.svg") == "image/svg+xml")
        #expect(ContentType.of("data/x.json") == "application/json; charset=utf-8")
        #expect(ContentType.of("data/x.csv") == "text/csv; charset=utf-8")
        #expect(ContentType.of("sitemap.xml") == "application/xml; charset=utf-8")
        #expect(ContentType.of("assets/logo.PNG") == "image/png")
        #expect(ContentType.of("assets/photo.jpg") == "image/jpeg")
        #expect(ContentType.of("assets/font.woff2") == "font/woff2")
        #expect(ContentType.of("assets/app.js") == "text/javascript; charset=utf-8")
        #expect(ContentType.of("assets.d/README") == "application/octet-stream")
    }
}

/// Lets a test see a redirect instead of following it.
final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}
