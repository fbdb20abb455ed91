import Foundation
import CitywideModel
import Mustache

/// Warns about template variables no page provides: Mustache renders a
/// misspelled `{{citty}}` as nothing, so without this check a fork's typo
/// would silently empty part of every page.
///
/// Pure functions: the render stage gives the page contexts it would render
/// and the templates it would use; nothing here reads files or renders.
public enum TemplateVariables {
    /// Every variable name reachable from `contexts`: the keys of the pages'
    /// dictionaries and the property names of their typed views (Mustache
    /// finds both the same way), and those of nested values and of values
    /// in lists (at any depth). A typed view's names come from its type,
    /// once per type (`TypeVariables`): a field that is nil on every page
    /// still counts; only what a type cannot tell is read from the values.
    public static func keys(in contexts: [Any]) -> Set<String> {
        var keys: Set<String> = []
        for context in contexts {
            collect(context, into: &keys)
        }
        return keys
    }

    private static func collect(_ value: Any, into keys: inout Set<String>) {
        let known = TypeVariables.of(type(of: value))
        if keys.isEmpty { keys = known.names } else { keys.formUnion(known.names) }
        guard known.dynamic else { return }
        if let fields = known.dynamicFields, let view = StructFields.of(type(of: value)) {
            for field in fields {
                if let nested = view.read(field, of: value) { collect(nested, into: &keys) }
            }
        } else if let dictionary = value as? any StringKeyedDictionary {
            // Its keys, and its values' names from their type: the interface
            // strings every page has are not converted to [String: Any].
            dictionary.insertKeys(into: &keys)
            let values = TypeVariables.of(type(of: dictionary).valueType)
            keys.formUnion(values.names)
            if values.dynamic { dictionary.forEachValue { collect($0, into: &keys) } }
        } else {
            walk(value, into: &keys)
        }
    }

    /// A value whose type does not tell its names, walked as Mustache would
    /// look into it.
    private static func walk(_ value: Any, into keys: inout Set<String>) {
        if let custom = value as? MustacheCustomRepresentation {
            if let shown = custom.representation { collect(shown, into: &keys) }
        } else if value is String || value is Bool || value is Int || value is Double {
            return
        } else if let dictionary = value as? [String: Any] {
            for (key, nested) in dictionary {
                keys.insert(key)
                collect(nested, into: &keys)
            }
        } else if let list = value as? [Any] {
            for item in list {
                collect(item, into: &keys)
            }
        } else if let view = StructFields.of(type(of: value)) {
            // A typed view: its property names are its variables. Read
            // without a Mirror (the same fields; an empty optional has nothing).
            for field in view.fields {
                keys.insert(field.name)
                if let nested = view.read(field, of: value) { collect(nested, into: &keys) }
            }
        } else {
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .struct:
                for child in mirror.children {
                    if let label = child.label { keys.insert(label) }
                    collect(child.value, into: &keys)
                }
            case .optional:
                if let wrapped = mirror.children.first { collect(wrapped.value, into: &keys) }
            default:
                break
            }
        }
    }

    /// A warning for every variable a template uses that is not in `knownKeys`,
    /// at the line and column of its tag's opening delimiter.
    ///
    /// * Checked: variables `{{x}}`, `{{{x}}}`, `{{&x}}`, and sections `{{#x}}`, `{{^x}}`.
    /// * Transforms are looked through: `{{#empty(x)}}` checks `x`; `{{index()}}` checks nothing.
    /// * Dotted names check every segment: `{{a.b}}` checks `a` and `b`; `{{.}}` and the
    ///   leading dot of `{{.x}}` are always fine.
    /// * Skipped: closing tags, partials (`{{>x}}`, `{{<x}}`), blocks (`{{$x}}`), comments,
    ///   pragmas (`{{%...}}`). Set-delimiter tags (`{{=<% %>=}}`) are followed.
    /// * The diagnostic's path is `origin`; for a built-in template (an origin starting
    ///   `built-in `) it is `Templates/<name>.mustache`, as for template parse errors.
    /// * A template that cannot be read to the end (an unclosed tag) is checked up to
    ///   that point: the parser reports the error itself.
    public static func check(templates: [(name: String, origin: String, text: String)], knownKeys: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let sortedKeys = knownKeys.sorted()
        for template in templates {
            let path = template.origin.hasPrefix("built-in ") ? "Templates/\(template.name).mustache" : template.origin
            for tag in tags(in: template.text) {
                for name in tag.names where !knownKeys.contains(name) {
                    var message = tag.names.count == 1 && tag.expression == name
                        ? "'\(tag.text)' is not a variable any page provides"
                        : "'\(tag.text)': '\(name)' is not a variable any page provides"
                    if let suggestion = closest(to: name, in: sortedKeys) {
                        message += " (did you mean '\(suggestion)'?)"
                    }
                    diagnostics.append(Diagnostic(path: path, line: tag.line, column: tag.column, severity: .warning, message: message))
                }
            }
        }
        return diagnostics.sorted()
    }

    /// Every variable name the given templates use (as `check` reads them).
    public static func names(in templates: [(name: String, origin: String, text: String)]) -> Set<String> {
        var names: Set<String> = []
        for template in templates {
            for tag in tags(in: template.text) { names.formUnion(tag.names) }
        }
        return names
    }

    /// Every variable name the built-in templates use. Add these to the known
    /// keys: they are right by construction, and some are absent from every
    /// page of a site only for now (`latest_report`, `trend` before there is
    /// data), so a copy of a built-in template never gets a warning.
    public static let builtInNames: Set<String> = names(in: BuiltinSite.files.compactMap { file in
        guard let name = file.templateName else { return nil }
        return (name: name, origin: "built-in \(file.path)", text: String(decoding: file.bytes, as: UTF8.self))
    })

    // MARK: - Tokenizing

    /// A tag that names variables: `{{x}}`, `{{{x}}}`, `{{&x}}`, `{{#x}}` or `{{^x}}`.
    package struct Tag: Equatable {
        /// The tag as written, delimiters included: `{{#empty(metrics)}}`.
        var text: String
        /// The name with any transforms, as written inside the tag: `empty(metrics)`.
        var expression: String
        /// The variable names to check: `metrics`; `["a", "b"]` for `a.b`; empty for `.`.
        var names: [String]
        var line: Int
        var column: Int
    }

    /// The tags of `text` that name variables, in order.
    package static func tags(in text: String) -> [Tag] {
        TemplateTags.all(in: text).compactMap { tag in
            let expression: String
            switch tag.sigil {
            case "#", "^", "&", "{":
                expression = String(tag.body.dropFirst())
            case "!", "/", ">", "<", "$", "=", "%":
                return nil
            default:
                expression = tag.body
            }
            let trimmed = expression.trimmingCharacters(in: .whitespacesAndNewlines)
            return Tag(text: tag.text, expression: trimmed, names: names(in: trimmed), line: tag.line, column: tag.column)
        }
    }

    /// The names a tag's expression looks up: `empty(a.b)` → `["a", "b"]`,
    /// `.` → `[]`, `index()` → `[]`.
    package static func names(in expression: String) -> [String] {
        var argument = Substring(expression)
        // uppercased(lowercased(x)): the variable is inside the innermost brackets.
        if let open = argument.lastIndex(of: "(") {
            argument = argument[argument.index(after: open)...]
            if let close = argument.firstIndex(of: ")") {
                argument = argument[..<close]
            }
        }
        return argument.split(separator: ".").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    // MARK: - Suggestions

    /// The known key nearest to `name` by edit distance, when it is near enough
    /// to be a likely typo: at most 1 edit for names up to 4 characters, 2 up
    /// to 8, 3 beyond. Ties go to the first in alphabetical order.
    package static func closest(to name: String, in sortedKeys: [String]) -> String? {
        let limit = name.count <= 4 ? 1 : name.count <= 8 ? 2 : 3
        var best: (key: String, distance: Int)?
        for key in sortedKeys where abs(key.count - name.count) <= limit {
            let d = distance(name.lowercased(), key.lowercased())
            if d <= limit, d < name.count, d < (best?.distance ?? Int.max) {
                best = (key, d)
            }
        }
        return best?.key
    }

    /// Damerau–Levenshtein distance (optimal string alignment): a swap of two
    /// neighbouring letters counts as one edit, as typists make them.
    package static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d = min(d, table[i - 2][j - 2] + 1)
                }
                table[i][j] = d
            }
        }
        return table[a.count][b.count]
    }
}
