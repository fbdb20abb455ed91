import CitywideModel
import CitywidePublished
import CitywideWrite

/// A data table as templates receive it: the same numbers a chart shows,
/// for people who do not see the chart (and for print).
package struct Table {
    package struct Cell {
        init(text: String, cssClass: String = "num", note: String? = nil) {
            self.text = text
            self.cssClass = cssClass
            self.note = note
            withheld = cssClass.split(separator: " ").contains("withheld")
        }

        let text: String
        let cssClass: String
        /// The provider's note on a published or not-available value; pages
        /// mark the cell and print the note under the table. A withheld
        /// value's note is never published (`PublishedMetric` drops it).
        let note: String?
        /// Whether `cssClass` says so: worked out once, as a table is asked
        /// how much of it is withheld several times.
        let withheld: Bool
    }

    package struct Row {
        var header: String
        var href: String? = nil
        var cells: [Cell]
    }

    /// How a table of mostly withheld values folds into one sentence.
    package struct Fold {
        /// "By sex", the start of the sentence.
        var label: String
        /// Where every published value is (the metric's CSV).
        var downloadHref: String
    }

    package var caption: String
    /// Heading of the first column (the row headers).
    package var corner: String
    package var columns: [String]
    package var rows: [Row]
    /// Set for breakdown tables: more than half withheld, the table is one sentence.
    package var fold: Fold? = nil

    package var cellCount: Int { rows.reduce(0) { $0 + $1.cells.count } }
    package var withheldCount: Int { count { $0.withheld } }
    /// More than half of the values withheld: a wall of "withheld" says less than one sentence.
    package var isFolded: Bool { fold != nil && withheldCount * 2 > cellCount }
    package var noteCount: Int { isFolded ? 0 : count { $0.note != nil } }

    /// How many cells hold, without an array of them.
    private func count(_ holds: (Cell) -> Bool) -> Int {
        var n = 0
        for row in rows { for cell in row.cells where holds(cell) { n += 1 } }
        return n
    }

    /// What the `table` partial receives. `t` words the folded sentence;
    /// `noteLanguage` is the language provider notes are written in, when
    /// it is not the page's.
    package func context(_ t: Translation, noteLanguage: String? = nil) -> TableView {
        let words = TableView.Words(note_mark: t("note_mark"), notes: t("notes_on_values"), download: t("folded_table_download"))
        if let fold, isFolded {
            return TableView(
                caption: caption, corner: corner, columns: [], rows: [], notes: [], notes_lang: OrNo(nil),
                folded: OrNo(t("table_folded", ["label": fold.label, "withheld": String(withheldCount), "count": String(cellCount)])),
                download_href: OrNo(fold.downloadHref), words: words
            )
        }
        var notes: [TableView.Note] = []
        let tableRows = rows.map { row in
            // `false`, not nil: Mustache would otherwise find the
            // enclosing section's `href` and link every row to it.
            TableView.Row(header: row.header, href: OrNo(row.href), cells: row.cells.enumerated().map { c, cell in
                var mark: String? = nil
                if let note = cell.note, !cell.withheld {
                    mark = String(notes.count + 1)
                    let place = columns.count > 1 ? "\(row.header), \(columns[c])" : row.header
                    notes.append(TableView.Note(mark: mark ?? "", place: place, text: note))
                }
                return TableView.Cell(text: cell.text, class: cell.cssClass, note_mark: OrNo(mark))
            })
        }
        return TableView(
            caption: caption, corner: corner,
            columns: columns.map { TableView.Column(label: $0) },
            rows: tableRows, notes: notes, notes_lang: OrNo(notes.isEmpty ? nil : noteLanguage),
            folded: OrNo(nil), download_href: OrNo(nil), words: words
        )
    }
}
