import ArgumentParser
import CitywideCore
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the site and report every problem; write nothing."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The site folder.", completion: .directory)
    var site: String = "."

    @Option(help: "text (path:line:column: error: ...) or json.")
    var format: Format = .text

    func run() throws {
        let outcome = Pipeline.check(URL(fileURLWithPath: site))
        switch format {
        case .text:
            var stderr = StandardError()
            DiagnosticPrinter.printText(outcome.diagnostics, to: &stderr)
            var stdout = StandardOutput()
            if let published = outcome.published {
                print(DisclosureReport.text(published), to: &stdout)
            }
            if outcome.diagnostics.isEmpty { print("No problems found.", to: &stdout) }
        case .json:
            var stdout = StandardOutput()
            print(CheckJSON.render(outcome), to: &stdout)
        }
        if !outcome.succeeded { throw ExitCode(1) }
    }
}

/// The disclosure summary `check` prints: values withheld per rule and metric.
enum DisclosureReport {
    static func text(_ published: PublishedData) -> String {
        var lines = ["Disclosure summary (values published / withheld as small counts / withheld to protect another / unreliable):"]
        for metric in published.metrics {
            let c = metric.counts, r = metric.checkOnlyRuleCounts
            lines.append("  \(metric.definition.id) [min_cell \(metric.minCell)]: \(c.published) / \(r.primary) / \(r.complementary) / \(c.unreliable)")
        }
        let t = published.counts, r = published.checkOnlyRuleCounts
        lines.append("  total: \(t.published) / \(r.primary) / \(r.complementary) / \(t.unreliable)")
        return lines.joined(separator: "\n")
    }
}

/// `check --format json`: diagnostics as data, for editors and CI.
enum CheckJSON {
    static func render(_ outcome: Pipeline.Outcome) -> String {
        let items = outcome.diagnostics.map { d in
            "    {\"path\": \(quote(d.path)), \"line\": \(d.line), \"column\": \(d.column), \"severity\": \"\(d.severity.rawValue)\", \"message\": \(quote(d.message))}"
        }
        let errors = outcome.errorCount
        let disclosure = (outcome.published?.metrics ?? []).map { m in
            "    {\"metric\": \(quote(m.definition.id)), \"min_cell\": \(m.minCell), \"published\": \(m.counts.published), \"suppressed\": \(m.counts.withheld), \"suppressed_primary\": \(m.checkOnlyRuleCounts.primary), \"suppressed_complementary\": \(m.checkOnlyRuleCounts.complementary), \"unreliable\": \(m.counts.unreliable)}"
        }
        return "{\n  \"errors\": \(errors),\n  \"warnings\": \(outcome.diagnostics.count - errors),\n  \"diagnostics\": [\n" + items.joined(separator: ",\n") + (items.isEmpty ? "" : "\n") + "  ],\n"
            + "  \"disclosure\": [\n" + disclosure.joined(separator: ",\n") + (disclosure.isEmpty ? "" : "\n") + "  ]\n}"
    }

    static func quote(_ s: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes])) ?? Data("[\"\"]".utf8)
        let array = String(decoding: data, as: UTF8.self)
        return String(array.dropFirst().dropLast())
    }
}
