/// A data table as templates receive it: the same numbers a chart shows,
/// for people who do not see the chart (and for print).
struct Table {
    struct Cell {
        var text: String
        var cssClass: String = "num"
    }

    struct Row {
        var header: String
        var href: String? = nil
        var cells: [Cell]
    }

    var caption: String
    /// Heading of the first column (the row headers).
    var corner: String
    var columns: [String]
    var rows: [Row]

    var context: [String: Any] {
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
