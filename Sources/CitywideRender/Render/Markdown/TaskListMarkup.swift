/// cmark-gfm renders task list items as bare disabled checkboxes, which have
/// no accessible name. A published plan is read, not ticked: show the state
/// as text a screen reader speaks.
package enum TaskListMarkup {
    private static let checkbox = Array("<input type=\"checkbox\"".utf8)
    private static let checked = Array("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> ".utf8)
    private static let done = Array("<span class=\"task task-done\" role=\"img\" aria-label=\"Done:\">☑</span> ".utf8)
    private static let unchecked = Array("<input type=\"checkbox\" disabled=\"\" /> ".utf8)
    private static let open = Array("<span class=\"task task-open\" role=\"img\" aria-label=\"Not done:\">☐</span> ".utf8)

    /// What to replace in `html` (cmark's UTF-8 bytes): nothing without a
    /// task list. `MarkdownRenderer` makes every such change in one pass.
    package static func replacements(in html: [UInt8]) -> [ByteReplacement] {
        guard html.containsBytes(checkbox) else { return [] }
        return [(checked, done), (unchecked, open)]
    }
}
