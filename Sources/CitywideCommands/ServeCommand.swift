import ArgumentParser
import CitywideCore
import CitywideServe
import Dispatch
import Foundation

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site on 127.0.0.1 while you edit it; pages reload by themselves.",
        discussion: """
        Builds the site into memory (nothing is written to disk), serves it at \
        http://127.0.0.1:PORT/ and rebuilds whenever site.yml or a file in Blueprints/, \
        Metrics/, Data/ or Templates/ changes. A save with errors keeps the last good build \
        on screen and shows the problems, with file and line, over the page. Press Ctrl-C to stop.
        """
    )

    @Argument(help: "The site folder.", completion: .directory)
    var site: String = "."

    @Option(help: "The port to listen on (on 127.0.0.1 only).")
    var port: Int = 8000

    func validate() throws {
        guard (1...65535).contains(port) else {
            throw ValidationError("--port must be between 1 and 65535, found \(port)")
        }
    }

    func run() throws {
        let server = PreviewServer(site: URL(fileURLWithPath: site), port: UInt16(port)) { report in
            var stderr = StandardError()
            DiagnosticPrinter.printText(report.diagnostics, to: &stderr)
            var stdout = StandardOutput()
            if report.succeeded {
                print("Built \(report.files) files in \(String(format: "%.2f", report.seconds)) s.", to: &stdout)
            } else {
                print("Build failed: still serving the last good build; the problems show in the browser.", to: &stdout)
            }
        }
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()

        // Ctrl-C (and kill): stop the server, then return from run().
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let signals = [SIGINT, SIGTERM].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                Task {
                    await server.stop()
                    done.signal()
                }
            }
            source.resume()
            return source
        }
        defer {
            signals.forEach { $0.cancel() }
            signal(SIGINT, SIG_DFL)
            signal(SIGTERM, SIG_DFL)
        }

        Task {
            do {
                let address = try await server.start()
                var stdout = StandardOutput()
                print("Serving \(server.site.path) at \(address.absoluteString) (Ctrl-C to stop).", to: &stdout)
            } catch {
                failure.set("\(error)")
                done.signal()
            }
        }
        done.wait()
        if let message = failure.message {
            var stderr = StandardError()
            print("error: \(message)", to: &stderr)
            throw ExitCode(1)
        }
        var stdout = StandardOutput()
        print("Stopped.", to: &stdout)
    }
}

private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: String?
    func set(_ message: String) { lock.withLock { value = message } }
    var message: String? { lock.withLock { value } }
}
