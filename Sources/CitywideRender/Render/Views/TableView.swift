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
        /// The number of the provider's note on this value, listed under the table.
        let note_mark: OrNo<String>
    }

    /// A provider's note on a value of the table: "2018-Q1: not collected".
    package struct Note {
        let mark: String
        /// The row (and column) of the value it is about.
        let place: String
        let text: String
    }

    let caption: String
    let corner: String
    let columns: [Column]
    let rows: [Row]
    let notes: [Note]
    /// The notes' language when it is not the page's (they are the provider's words).
    let notes_lang: OrNo<String>
    /// A breakdown with more than half its values withheld, said in one sentence
    /// ("By sex: 30 of 36 values withheld") instead of the table.
    let folded: OrNo<String>
    let download_href: OrNo<String>
    /// The table's words in the page's language: the partial is also rendered
    /// alone (a narrative's `{{< chart >}}`), where no `t` is in reach.
    let words: Words

    package struct Words {
        /// "note", said before a cell's note number by screen readers.
        let note_mark: String
        /// "Notes on values", the name of the list of notes.
        let notes: String
        /// "All values are in the downloads."
        let download: String
    }
}
