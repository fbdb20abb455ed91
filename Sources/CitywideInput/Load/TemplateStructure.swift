import CitywideModel

/// Checks the shape of the templates before the Mustache library parses or
/// renders them, which both recurse: a partial that includes itself (directly
/// or through others) would render forever, and thousands of nested sections
/// would overflow the stack. Here both are errors at the tag, found without
/// recursion.
package enum TemplateStructure {
    /// The deepest nesting of sections and partials a page may reach.
    package static let maximumDepth = 100

    package struct Template {
        var name: String
        /// Where messages point: the site's file, or `Templates/<name>.mustache` for a built-in one.
        var path: String
        var tags: [TemplateTags.Tag]
        var builtIn: Bool
    }

    /// The partials a template includes, each with the section depth around it.
    private struct Include {
        var partial: String
        var depth: Int
        var tag: TemplateTags.Tag
    }

    /// Checks the sections of one template; false (with an error) when they
    /// nest deeper than the limit, in which case it must not be parsed.
    package static func checkSections(_ template: Template, log: DiagnosticLog) -> Bool {
        var depth = 0
        for tag in template.tags {
            switch tag.sigil {
            case "#", "^", "$", "<":
                depth += 1
                if depth > maximumDepth {
                    log.error(SourceLocation(path: template.path, line: tag.line, column: tag.column),
                              "sections nest more than \(maximumDepth) deep here; Citywide refuses deeper templates (docs/limits.md)")
                    return false
                }
            case "/":
                depth = max(0, depth - 1)
            default:
                continue
            }
        }
        return true
    }

    /// Reports partials that do not exist, partials that include themselves
    /// (directly or through others), and chains of partials that nest deeper
    /// than the limit. Only templates of the site are reported: built-in ones
    /// are right by construction.
    package static func checkPartials(_ templates: [Template], log: DiagnosticLog) {
        let byName = Dictionary(templates.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        var includes: [String: [Include]] = [:]
        for template in templates {
            var depth = 0
            var list: [Include] = []
            for tag in template.tags {
                switch tag.sigil {
                case ">", "<":
                    list.append(Include(partial: tag.name, depth: depth, tag: tag))
                    if tag.sigil == "<" { depth += 1 }
                case "#", "^", "$":
                    depth += 1
                case "/":
                    depth = max(0, depth - 1)
                default:
                    continue
                }
            }
            includes[template.name] = list
        }

        // The deepest nesting each template reaches with its partials,
        // computed depth-first with an explicit stack (no recursion).
        var reach: [String: Int] = [:]
        var onStack: Set<String> = []
        var reported: Set<SourceLocation> = []
        func report(_ name: String, _ include: Include, _ problem: String) {
            let path = byName[name]?.path ?? "Templates/\(name).mustache"
            let location = SourceLocation(path: path, line: include.tag.line, column: include.tag.column)
            guard reported.insert(location).inserted else { return }
            log.error(location, "template '\(name)' \(problem)")
        }
        for root in templates.map(\.name).sorted() where reach[root] == nil {
            var stack: [(name: String, next: Int)] = [(root, 0)]
            onStack.insert(root)
            while let top = stack.last {
                let list = includes[top.name] ?? []
                if top.next < list.count {
                    stack[stack.count - 1].next += 1
                    let include = list[top.next]
                    guard let partial = byName[include.partial] else {
                        if byName[top.name]?.builtIn == false {
                            report(top.name, include, "uses partial '\(include.partial)', which does not exist")
                        }
                        continue
                    }
                    if onStack.contains(partial.name) {
                        let cycle = Array(stack.map(\.name).drop { $0 != partial.name }) + [partial.name]
                        // Point at a template of the site in the loop: that is where it can be fixed.
                        var at = (top.name, include)
                        for (from, to) in zip(cycle, cycle.dropFirst()) where byName[from]?.builtIn == false {
                            if let edge = includes[from]?.first(where: { $0.partial == to }) { at = (from, edge); break }
                        }
                        report(at.0, at.1, "includes itself: \(cycle.map { "'\($0)'" }.joined(separator: " → ")); a partial may not include itself, directly or through others")
                        continue
                    }
                    if reach[partial.name] == nil {
                        stack.append((partial.name, 0))
                        onStack.insert(partial.name)
                    }
                    continue
                }
                // Every include of `top` is resolved: its depth is known.
                var deepest = 0
                for include in list {
                    deepest = max(deepest, include.depth + 1 + (reach[include.partial] ?? 0))
                    if include.depth + 1 + (reach[include.partial] ?? 0) > maximumDepth {
                        report(top.name, include, "partials and sections nest more than \(maximumDepth) deep through '\(include.partial)'; Citywide refuses deeper templates (docs/limits.md)")
                    }
                }
                reach[top.name] = min(deepest, maximumDepth + 1)
                onStack.remove(top.name)
                stack.removeLast()
            }
        }
    }

}
