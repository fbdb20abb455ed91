import CitywideInput
import CitywideModel

/// One cell of a file being imported: its text, and where a person finds it.
///
/// A CSV cell is at `path:line:column`. A spreadsheet cell is at
/// `path:row:column` too (so every message keeps the compiler form), and
/// `reference` names it as the spreadsheet does (`Sheet1!C4`), which the
/// messages put first.
package struct SourceCell: Sendable, Equatable {
    package var text: String
    package var location: SourceLocation
    package var reference: String?

    package init(text: String, location: SourceLocation, reference: String? = nil) {
        self.text = text
        self.location = location
        self.reference = reference
    }

    /// The text with spaces (and no-break spaces) trimmed: spreadsheets keep
    /// trailing spaces people never see.
    package var trimmed: String { text.trimmingSpaces }

    /// "Sheet1!C4: " for a spreadsheet cell, nothing for a CSV cell (the
    /// location already says where).
    package var prefix: String { reference.map { "\($0): " } ?? "" }
}

/// One row of the file: its cells, and where the row starts.
package struct SourceRow: Sendable {
    package var location: SourceLocation
    package var cells: [SourceCell]
    /// The spreadsheet's name for a cell of this row (`Sheet1!C4`), given its
    /// column (0-based); nil for CSV.
    package var referenceOf: (@Sendable (Int) -> String)?

    package init(location: SourceLocation, cells: [SourceCell], referenceOf: (@Sendable (Int) -> String)? = nil) {
        self.location = location
        self.cells = cells
        self.referenceOf = referenceOf
    }

    /// The cell in `column`, or an empty one where the row is shorter than the header.
    package func cell(_ column: Int) -> SourceCell {
        if column < cells.count { return cells[column] }
        return SourceCell(text: "", location: SourceLocation(path: location.path, line: location.line, column: column + 1),
                          reference: referenceOf?(column))
    }

    /// True when every cell is empty or spaces.
    package var isBlank: Bool { cells.allSatisfy { $0.trimmed.isEmpty } }
}

/// A file read as a table: one header row, then rows. CSV and .xlsx both come
/// to this, so the importers read one shape.
package struct SourceGrid: Sendable {
    /// The path as the user gave it: every message names it.
    package var path: String
    package var header: SourceRow
    package var rows: [SourceRow]

    package init(path: String, header: SourceRow, rows: [SourceRow]) {
        self.path = path
        self.header = header
        self.rows = rows
    }

    /// Header rows and data rows from the records of a file: the first row
    /// with any text is the header (blank lines above it are skipped), and
    /// blank rows below it hold nothing to import.
    package init?(path: String, records: [SourceRow]) {
        guard let first = records.firstIndex(where: { !$0.isBlank }) else { return nil }
        self.init(path: path, header: records[first], rows: records[(first + 1)...].filter { !$0.isBlank })
    }
}
