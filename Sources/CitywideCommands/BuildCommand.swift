import ArgumentParser
import CitywideCore
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into an output folder (default: SITE/_site).",
        discussion: "A build with errors writes nothing: the previous output stays exactly as it was."
    )

    @Argument(help: "The site folder.", completion: .directory)
    var site: String = "."

    @Option(name: .shortAndLong, help: "The output folder (replaced whole by a successful build).")
    var output: String?

    @Option(name: .customLong("base-url"), help: "Use this public address instead of site.yml's base_url.")
    var baseURL: String?

    func run() throws {
        let start = DispatchTime.now()
        let siteURL = URL(fileURLWithPath: site)
        let options = Pipeline.Options(site: siteURL, output: output.map { URL(fileURLWithPath: $0) }, baseURL: baseURL)
        let outcome = Pipeline.build(options)
        ProcessEnd.keep(outcome)
        var stderr = StandardError()
        DiagnosticPrinter.printText(outcome.diagnostics, to: &stderr)
        guard outcome.succeeded else {
            print("Build failed: nothing was written; \(options.output.path) is unchanged.", to: &stderr)
            throw ExitCode(1)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        var stdout = StandardOutput()
        if let published = outcome.published {
            let counts = published.counts
            print("Published \(counts.published) values; withheld \(counts.withheld).", to: &stdout)
        }
        print("Wrote \(outcome.filesWritten) files in \(String(format: "%.2f", seconds)) s.", to: &stdout)
        print("Open \(options.output.appendingPathComponent("index.html").path)", to: &stdout)
    }
}
