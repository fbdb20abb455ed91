import Foundation
import CitywideInput
import CitywideModel

extension XLSXReader {
    /// Turns a worksheet's rows into `SourceRow`s: each cell's text and place.
    struct CellReader {
        var path: String
        var sheet: String
        var shared: [String]
        var dateFormats: [Int: XLSXDate.Precision]
        var date1904: Bool
        var log: DiagnosticLog

        func rows(_ rows: [XLSXParts.Worksheet.Row]) -> [SourceRow] {
            var result: [SourceRow] = []
            var nextRow = 1
            var budget = CellBudget()
            let sheetName = sheet
            for row in rows {
                let number = row.r.flatMap { Int($0) } ?? nextRow
                guard (1...XLSXReader.maximumRows).contains(number) else {
                    log.error(SourceLocation(path: path), "\(sheet): a row numbered '\(row.r ?? "")', outside rows 1 to \(XLSXReader.maximumRows): not read")
                    continue
                }
                nextRow = number + 1
                var cells: [SourceCell] = []
                var nextColumn = 0
                for cell in row.c ?? [] {
                    var column = nextColumn
                    if let reference = cell.r {
                        guard let parsed = Self.column(of: reference) else {
                            log.error(SourceLocation(path: path, line: number), "\(sheet): the cell reference '\(reference)' is not one (A1 to XFD\(XLSXReader.maximumRows)): not read")
                            continue
                        }
                        column = parsed
                    }
                    if column < cells.count, !cells[column].text.isEmpty {
                        log.error(SourceLocation(path: path, line: number, column: column + 1), "\(Self.reference(sheet: sheet, row: number, column: column)): the sheet holds this cell twice: the second is not read")
                        continue
                    }
                    guard budget.spend(column + 1 - cells.count) else {
                        log.error(SourceLocation(path: path, line: number), "\(sheet): more than \(XLSXReader.maximumCells) cells, counting the empty ones between: an import reads at most that many; export the sheet as CSV")
                        return []
                    }
                    while cells.count < column {
                        cells.append(empty(row: number, column: cells.count))
                    }
                    let placed = SourceCell(text: text(cell, row: number, column: column), location: SourceLocation(path: path, line: number, column: column + 1),
                                            reference: Self.reference(sheet: sheet, row: number, column: column))
                    if column < cells.count { cells[column] = placed } else { cells.append(placed) }
                    nextColumn = column + 1
                }
                result.append(SourceRow(location: SourceLocation(path: path, line: number, column: 1), cells: cells,
                                        referenceOf: { Self.reference(sheet: sheetName, row: number, column: $0) }))
            }
            return result.sorted { $0.location.line < $1.location.line }
        }

        /// Cells a sheet may make, counting the empty ones an import fills in.
        struct CellBudget {
            var left = XLSXReader.maximumCells
            mutating func spend(_ n: Int) -> Bool {
                left -= max(0, n)
                return left >= 0
            }
        }

        private func empty(row: Int, column: Int) -> SourceCell {
            SourceCell(text: "", location: SourceLocation(path: path, line: row, column: column + 1), reference: Self.reference(sheet: sheet, row: row, column: column))
        }

        /// The cell as text: what it shows, as far as an import needs it.
        private func text(_ cell: XLSXParts.Worksheet.Cell, row: Int, column: Int) -> String {
            let value = cell.v?.value ?? ""
            switch cell.t ?? "n" {
            case "s":
                guard let index = Int(value.trimmingSpaces), shared.indices.contains(index) else {
                    log.error(SourceLocation(path: path, line: row, column: column + 1), "\(Self.reference(sheet: sheet, row: row, column: column)): refers to shared string '\(value)', which the workbook does not have")
                    return ""
                }
                return shared[index]
            case "inlineStr": return cell.is?.string ?? value
            case "b": return value == "1" ? "TRUE" : "FALSE"
            case "e": return value  // #N/A, #DIV/0!: the import reports it as not a number
            case "str", "d": return value
            default:
                if let style = cell.s.flatMap({ Int($0) }), let precision = dateFormats[style], let serial = Double(value),
                   let date = XLSXDate.text(serial: serial, date1904: date1904, precision: precision) {
                    return date
                }
                return value
            }
        }

        /// `C4` → column 2 (0-based); nil when it is not a reference within Excel's limits.
        static func column(of reference: String) -> Int? {
            var column = 0, letters = 0
            for c in reference.utf8 {
                guard c >= UInt8(ascii: "A"), c <= UInt8(ascii: "Z") else { break }
                column = column * 26 + Int(c - UInt8(ascii: "A") + 1)
                letters += 1
                if letters > 3 { return nil }
            }
            guard letters > 0, column <= XLSXReader.maximumColumns else { return nil }
            return column - 1
        }

        /// `Sheet1!C4`; a sheet name with spaces or punctuation is quoted, as Excel writes it.
        static func reference(sheet: String, row: Int, column: Int) -> String {
            var letters = ""
            var n = column + 1
            while n > 0 {
                let r = (n - 1) % 26
                letters = String(UnicodeScalar(UInt8(65 + r))) + letters
                n = (n - 1) / 26
            }
            let plain = sheet.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
            let name = plain ? sheet : "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'"
            return "\(name)!\(letters)\(row)"
        }
    }
}
