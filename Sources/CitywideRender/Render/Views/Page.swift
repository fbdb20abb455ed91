import Mustache
import CitywideModel
import CitywidePublished
import CitywideWrite

/// One HTML page to write: where it goes, which template renders it, and the
/// values the template receives (already formatted: templates hold no logic).
package struct Page {
    package var path: String
    package var template: String
    /// The frame's values (`layout` and every page template).
    package var layout: LayoutView
    /// The page's own values: its template's typed view.
    package var view: Any

    /// What the template renders: the page's values, then the frame's.
    package var context: PageContext { PageContext(view: view, layout: layout) }

    /// The values whose names are the page's template variables.
    package var variableSources: [Any] { [layout, view] }
}

/// A page's values as Mustache looks them up: a name the page's view has
/// (even as `false`) wins; any other comes from the frame.
package struct PageContext: MustacheParent {
    let view: Any
    let layout: LayoutView

    package func child(named name: String) -> Any? {
        ViewLookup.wrap(Self.value(named: name, in: view) ?? Self.value(named: name, in: layout))
    }

    /// A value by name as Mustache finds it: a dictionary's key, or a typed
    /// view's property (nil when the property is nil, so lookup goes on).
    static func value(named name: String, in object: Any) -> Any? {
        if let parent = object as? MustacheParent { return parent.child(named: name) }
        if let fields = ViewFields.of(type(of: object)) { return ViewLookup(value: object, fields: fields).child(named: name) }
        guard let child = Mirror(reflecting: object).children.first(where: { $0.label == name }) else { return nil }
        let optional = Mirror(reflecting: child.value)
        guard optional.displayStyle == .optional else { return child.value }
        return optional.children.first?.value
    }
}

/// Links between pages are relative, so the site works from any folder of
/// any server and straight from disk (file://); the feed and sitemap use
/// `base_url` for absolute ones.
///
/// Pages of other languages than the first live under `<lang>/`; assets,
/// data and the feed are shared, at the root.
package struct PageLocation {
    package init(path: String, prefix: String = "") {
        self.path = path
        self.prefix = prefix
        outputPath = prefix + path
        root = String(repeating: "../", count: outputPath.split(separator: "/").count - 1)
        pageRoot = root + prefix
    }

    /// The page's path within its language: "cities/atlanta/index.html".
    package let path: String
    /// "" for the default language, "es/" for Spanish.
    package let prefix: String

    // Worked out once: a city page makes dozens of links.

    /// Where the file is written.
    package let outputPath: String
    /// "../../" for "cities/atlanta/index.html": the way up to the output's root.
    package let root: String
    /// The way to the pages of this page's language.
    package let pageRoot: String

    /// A relative link: pages stay in this page's language; shared files
    /// (assets, data, feed) are at the root.
    package func href(_ target: String) -> String {
        target.utf8.suffix(5).elementsEqual(".html".utf8) ? pageRoot + target : root + target
    }

    /// The public URL of a page: folders end in `/`.
    package static func absolute(_ path: String, base: String) -> String {
        base + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
    }
}
