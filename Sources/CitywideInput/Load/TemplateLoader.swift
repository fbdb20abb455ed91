import Foundation
import Mustache
import CitywideModel

/// Builds the template set: built-in templates first, then each
/// `Templates/<name>.mustache` of the site replaces the one of the same name
/// (the way a Zola site overrides a theme, file by file).
package enum TemplateLoader {
    package static func load(siteFolder: URL, log: DiagnosticLog) -> TemplateSet {
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
        for relative in SiteFiles.list(templatesFolder, path: "Templates", log: log) {
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

        // Shapes first: the Mustache parser and renderer recurse, so a
        // template nested too deep is never handed to them.
        let structures = sources.sorted(by: { $0.key < $1.key }).map { name, source in
            let builtIn = source.origin.hasPrefix("built-in ")
            return TemplateStructure.Template(name: name, path: builtIn ? "Templates/\(name).mustache" : source.origin,
                                              tags: TemplateTags.all(in: source.text), builtIn: builtIn)
        }
        var library = MustacheLibrary()
        var origins: [String: String] = [:]
        for structure in structures {
            guard let source = sources[structure.name] else { continue }
            let name = structure.name
            origins[name] = source.origin
            guard TemplateStructure.checkSections(structure, log: log) else { continue }
            do {
                library.register(try MustacheTemplate(string: source.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                log.error(SourceLocation(path: structure.path, line: error.context.lineNumber, column: error.context.columnNumber),
                          "template cannot be parsed: \(describe(error.error))")
            } catch {
                log.error(SourceLocation(path: structure.path), "template cannot be parsed: \(error)")
            }
        }
        TemplateStructure.checkPartials(structures, log: log)
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
}
