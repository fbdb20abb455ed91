import Foundation
import Mustache

/// Builds the template set: built-in templates first, then each
/// `Templates/<name>.mustache` of the site replaces the one of the same name
/// (the way a Zola site overrides a theme, file by file).
enum TemplateLoader {
    static func load(siteFolder: URL, log: DiagnosticLog) -> TemplateSet {
        var sources: [String: (text: String, origin: String)] = [:]
        var assets: [String: TemplateSet.AssetSource] = [:]
        for file in BuiltinSite.files {
            if let name = file.templateName {
                sources[name] = (String(decoding: file.bytes, as: UTF8.self), "built-in \(file.path)")
            } else if file.path.hasPrefix("Templates/assets/") {
                assets[String(file.path.dropFirst("Templates/".count))] = .builtIn(file.bytes)
            }
        }

        let templatesFolder = siteFolder.appendingPathComponent("Templates")
        for relative in SiteFiles.list(templatesFolder) {
            let path = "Templates/" + relative
            if relative.hasPrefix(".") || relative.contains("/.") {
                continue // editors' and systems' files (.DS_Store, .swp)
            } else if relative.hasPrefix("assets/"), let kind = dataFileKind(relative) {
                log.error(SourceLocation(path: path), "\(kind) file in Templates/assets/: assets are published as they are, so data here would be public; keep data in Data/ (aggregate counts), or remove this file")
            } else if relative.hasPrefix("assets/") {
                assets[relative] = .file(path: path)
            } else if relative.hasSuffix(".mustache") {
                let name = String(relative.dropLast(".mustache".count))
                guard let text = SiteFiles.readText(siteFolder.appendingPathComponent(path), path: path, log: log) else { continue }
                if sources[name] == nil {
                    log.warning(SourceLocation(path: path), "'\(name).mustache' does not replace any built-in template; it is used only as a partial ({{> \(name)}})")
                }
                sources[name] = (text, path)
            } else if relative.hasPrefix("i18n/") && relative.hasSuffix(".yml") {
                continue // interface translations: read by TranslationLoader
            } else if relative.hasSuffix(".md") {
                continue // translation and documentation files travel with templates; dotfiles are editors'.
            } else {
                log.warning(SourceLocation(path: path), "ignored: Templates/ holds .mustache templates and an assets/ folder")
            }
        }

        var library = MustacheLibrary()
        var origins: [String: String] = [:]
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            origins[name] = source.origin
            do {
                library.register(try MustacheTemplate(string: source.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                let path = source.origin.hasPrefix("built-in ") ? "Templates/\(name).mustache" : source.origin
                log.error(SourceLocation(path: path, line: error.context.lineNumber, column: error.context.columnNumber),
                          "template cannot be parsed: \(describe(error.error))")
            } catch {
                log.error(SourceLocation(path: source.origin), "template cannot be parsed: \(error)")
            }
        }
        checkPartials(sources, log: log)
        var set = TemplateSet(library: library, origins: origins, assets: assets)
        set.sources = sources.sorted { $0.key < $1.key }.map { (name: $0.key, origin: $0.value.origin, text: $0.value.text) }
        return set
    }

    /// Table and data formats: under assets/ they would be copied to the
    /// output unread, past every privacy rule.
    private static let dataExtensions = ["csv", "tsv", "xlsx", "xls", "ods", "json"]

    private static func dataFileKind(_ path: String) -> String? {
        let ext = (path as NSString).pathExtension.lowercased()
        return dataExtensions.contains(ext) ? "a .\(ext) data" : nil
    }

    private static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a closing tag {{/...}} does not match the section it closes"
        case .unfinishedName: return "a tag is not closed with }}"
        case .expectedSectionEnd: return "a section {{#...}} or {{^...}} is never closed with {{/...}}"
        case .invalidSetDelimiter: return "badly formed set-delimiter tag"
        default: return "\(error)"
        }
    }

    /// Mustache renders a missing partial as nothing; a fork's typo should be an error instead.
    private static func checkPartials(_ sources: [String: (text: String, origin: String)], log: DiagnosticLog) {
        let pattern = try? NSRegularExpression(pattern: "\\{\\{\\s*[<>]\\s*([A-Za-z0-9_./-]+)\\s*\\}\\}")
        for (name, source) in sources where !source.origin.hasPrefix("built-in") {
            let text = source.text
            let range = NSRange(text.startIndex..., in: text)
            for match in pattern?.matches(in: text, range: range) ?? [] {
                guard let r = Range(match.range(at: 1), in: text) else { continue }
                let partial = String(text[r])
                if sources[partial] == nil {
                    let before = text[..<r.lowerBound]
                    let line = before.filter { $0 == "\n" }.count + 1
                    let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
                    log.error(SourceLocation(path: source.origin, line: line, column: column),
                              "template '\(name)' uses partial '\(partial)', which does not exist")
                }
            }
        }
    }
}
