/// The values of the `table` partial. Property names are the template's
/// variable names (Mustache finds them by reflection), as in docs/templates.md.
package struct TableView {
    package struct Column {
        let label: String
    }

    package struct Row {
        let header: String
        let href: OrNo<String>
        let cells: [Cell]
    }

    package struct Cell {
        let text: String
        /// The cell's CSS class: `num`, or `num withheld` and the like.
        let `class`: String
    }

    let caption: String
    let corner: String
    let columns: [Column]
    let rows: [Row]
}
