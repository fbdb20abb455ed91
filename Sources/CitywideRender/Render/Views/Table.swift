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

    package var context: [String: Any] {
        [
            "caption": caption,
            "corner": corner,
            "columns": columns.map { ["label": $0] },
            "rows": rows.map { row -> [String: Any] in
                var r: [String: Any] = [
                    "header": row.header,
                    "cells": row.cells.map { ["text": $0.text, "class": $0.cssClass] },
                ]
                // `false`, not absent: Mustache would otherwise find the
                // enclosing section's `href` and link every row to it.
                r["href"] = row.href ?? false
                return r
            },
        ]
    }
}
