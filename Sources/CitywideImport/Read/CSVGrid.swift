import CitywideModel
import CitywideInput

/// A CSV file as a `SourceGrid`, read with Citywide's own CSV reader: a BOM,
/// CRLF and quoted fields are accepted; syntax problems are reported and the
/// file still read, so one run shows every one.
package enum CSVGrid {
    package static func read(_ bytes: [UInt8], path: String, log: DiagnosticLog) -> SourceGrid? {
        var records: [SourceRow] = []
        let errors = CSVReader(bytes: bytes).forEachRecord { record in
            let positions = record.positions()
            var cells: [SourceCell] = []
            cells.reserveCapacity(record.count)
            for i in 0..<record.count {
                cells.append(SourceCell(text: record.string(i),
                                        location: SourceLocation(path: path, line: positions[i].line, column: positions[i].column)))
            }
            records.append(SourceRow(location: SourceLocation(path: path, line: record.line, column: 1), cells: cells))
            return true
        }
        for error in errors {
            log.error(SourceLocation(path: path, line: error.position.line, column: error.position.column), error.message)
        }
        guard let grid = SourceGrid(path: path, records: records) else {
            log.error(SourceLocation(path: path), "the file is empty: it needs a header row and rows of figures")
            return nil
        }
        return grid
    }
}
