import CitywideModel
import CitywidePublished
import CitywideWrite

/// A data table as templates receive it: the same numbers a chart shows,
/// for people who do not see the chart (and for print).
package struct Table {
    package struct Cell {
        var text: String
        var cssClass: String = "num"
    }

    package struct Row {
        var header: String
        var href: String? = nil
        var cells: [Cell]
    }

    package var caption: String
    /// Heading of the first column (the row headers).
    package var corner: String
    package var columns: [String]
    package var rows: [Row]

    /// What the `table` partial receives.
    package var context: TableView {
        TableView(
            caption: caption,
            corner: corner,
            columns: columns.map { TableView.Column(label: $0) },
            rows: rows.map { row in
                // `false`, not nil: Mustache would otherwise find the
                // enclosing section's `href` and link every row to it.
                TableView.Row(header: row.header, href: OrNo(row.href),
                              cells: row.cells.map { TableView.Cell(text: $0.text, class: $0.cssClass) })
            }
        )
    }
}
