import Foundation

/// The site's templates (built-in, overridden file by file from `Templates/`)
/// compiled once per build for `TemplateRenderer`.
///
/// Only when every template compiles: otherwise (a syntax swift-mustache
/// rejects, already reported by `TemplateLoader`, or one this renderer does
/// not cover) there is none, and pages go through swift-mustache.
package struct CompiledTemplates: Sendable {
    let program: TemplateProgram

    package init?(_ sources: [(name: String, origin: String, text: String)]) {
        var templates: [String: [TemplateNode]] = [:]
        for source in sources {
            guard let nodes = TemplateCompiler.compile(source.text) else { return nil }
            templates[source.name] = nodes
        }
        program = TemplateProgram(templates)
    }

    /// `object` rendered with the template `name`; nil when there is no such template.
    package func render(_ object: Any, template name: String) -> String? {
        renderBytes(object, template: name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `render`'s UTF-8 bytes (always valid: template text and values are
    /// Strings, and escaping replaces ASCII bytes by ASCII).
    package func renderBytes(_ object: Any, template name: String) -> [UInt8]? {
        guard let range = program.templates[name] else { return nil }
        var out = TemplateOutput(capacity: 64 * 1024)
        defer { out.deallocate() }
        TemplateRenderer(program: program).render(range, object: object, into: &out)
        return out.bytes()
    }

    /// `CITYWIDE_TEMPLATES=swift-mustache` renders pages with swift-mustache
    /// instead, to compare the two (docs/performance.md).
    package static var enabled: Bool {
        ProcessInfo.processInfo.environment["CITYWIDE_TEMPLATES"] != "swift-mustache"
    }
}
