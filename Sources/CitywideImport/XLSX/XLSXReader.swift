import Foundation
import ZIPFoundation
import XMLCoder
import CitywideModel

/// An .xlsx workbook's first sheet (or the one `--sheet` names) as a
/// `SourceGrid`: shared strings, inline strings, numbers (as the digits
/// stored), booleans, empty cells, and dates (by their number format, as
/// `XLSXDate` writes them). A cell is reported by its sheet reference
/// (`Sheet1!C4`) and placed at row 4, column 3 of the file.
///
/// Limits, so that a small hostile file cannot take all memory: each part
/// read is at most 200 MB uncompressed, and cell references past Excel's own
/// (column XFD, row 1,048,576) are refused.
package enum XLSXReader {
    static let maximumPartBytes = 200_000_000
    static let maximumColumns = 16_384
    static let maximumRows = 1_048_576
    static let maximumCells = 20_000_000

    struct Failure: Error {
        var message: String
    }

    /// `bytes` are the file's (read once, within the size limit); `file` is
    /// where they are, which ZIPFoundation opens: its in-memory archive leaks
    /// its stream when the bytes are not a zip, its file archive does not.
    package static func read(_ bytes: [UInt8], file: URL, path: String, sheet wanted: String?, log: DiagnosticLog) -> SourceGrid? {
        let at = SourceLocation(path: path)
        do {
            let archive: Archive
            do {
                guard looksLikeZip(bytes) else { throw Failure(message: "") }
                archive = try Archive(url: file, accessMode: .read)
            } catch {
                throw Failure(message: "not an .xlsx workbook (it is not a zip archive); save it from the spreadsheet as .xlsx, or export it as CSV")
            }
            let workbook: XLSXParts.Workbook = try decode(archive, "xl/workbook.xml")
            let sheets = workbook.sheets?.sheet ?? []
            guard !sheets.isEmpty else { throw Failure(message: "the workbook has no sheets") }
            let sheet: XLSXParts.Workbook.Sheet
            if let wanted {
                guard let found = sheets.first(where: { $0.name == wanted }) else {
                    throw Failure(message: "--sheet '\(wanted)': the workbook has no such sheet; its sheets are \(sheets.map { "'\($0.name)'" }.joined(separator: ", "))")
                }
                sheet = found
            } else {
                sheet = sheets[0]
            }
            let relationships: XLSXParts.Relationships = try decode(archive, "xl/_rels/workbook.xml.rels")
            guard let target = relationships.Relationship?.first(where: { $0.Id == sheet.relationship })?.Target else {
                throw Failure(message: "the workbook does not say which file holds the sheet '\(sheet.name)'")
            }
            let sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            let shared: [String] = archive["xl/sharedStrings.xml"] == nil ? [] : (try decode(archive, "xl/sharedStrings.xml") as XLSXParts.SharedStrings).si?.map(\.string) ?? []
            let formats = try dateFormats(archive)
            let date1904 = ["1", "true"].contains(workbook.workbookPr?.date1904 ?? "")
            let worksheet: XLSXParts.Worksheet = try decode(archive, sheetPath)
            let cells = CellReader(path: path, sheet: sheet.name, shared: shared, dateFormats: formats, date1904: date1904, log: log)
            let records = cells.rows(worksheet.sheetData?.row ?? [])
            guard let grid = SourceGrid(path: path, records: records) else {
                throw Failure(message: "the sheet '\(sheet.name)' is empty: it needs a header row and rows of figures")
            }
            return grid
        } catch let failure as Failure {
            log.error(at, failure.message)
        } catch {
            log.error(at, "cannot read the workbook: \(error)")
        }
        return nil
    }

    /// A local file header at the start, and an end-of-central-directory
    /// record (22 bytes, then a comment of at most 65,535) at the end.
    static func looksLikeZip(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 30, bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return false }
        let earliest = max(0, bytes.count - 22 - 65_535)
        var i = bytes.count - 22
        while i >= earliest {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x05, bytes[i + 3] == 0x06 {
                let commentLength = Int(bytes[i + 20]) | Int(bytes[i + 21]) << 8
                if i + 22 + commentLength <= bytes.count { return true }
            }
            i -= 1
        }
        return false
    }

    /// Reads and decodes one part of the archive, within the size limit.
    static func decode<T: Decodable>(_ archive: Archive, _ name: String) throws -> T {
        guard let entry = archive[name] else { throw Failure(message: "not an .xlsx workbook: it has no \(name)") }
        guard entry.uncompressedSize <= UInt64(maximumPartBytes) else {
            throw Failure(message: "\(name) in the workbook is \(entry.uncompressedSize) bytes uncompressed; at most \(maximumPartBytes) are read")
        }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                if data.count > maximumPartBytes { throw Failure(message: "\(name) in the workbook is larger than \(maximumPartBytes) bytes uncompressed") }
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(message: "cannot unpack \(name) from the workbook (\(error))")
        }
        do {
            let decoder = XMLDecoder(trimValueWhitespaces: false)
            decoder.shouldProcessNamespaces = false
            return try decoder.decode(T.self, from: data)
        } catch {
            throw Failure(message: "\(name) in the workbook is not the XML a spreadsheet writes (\(error))")
        }
    }

    /// Style index → date precision, for the styles whose number format is a date.
    static func dateFormats(_ archive: Archive) throws -> [Int: XLSXDate.Precision] {
        guard archive["xl/styles.xml"] != nil else { return [:] }
        let styles: XLSXParts.Styles = try decode(archive, "xl/styles.xml")
        var custom: [Int: XLSXDate.Precision] = [:]
        for format in styles.numFmts?.numFmt ?? [] {
            if let id = Int(format.numFmtId), let precision = XLSXDate.precision(formatCode: format.formatCode) { custom[id] = precision }
        }
        var result: [Int: XLSXDate.Precision] = [:]
        for (index, xf) in (styles.cellXfs?.xf ?? []).enumerated() {
            guard let id = xf.numFmtId.flatMap({ Int($0) }) else { continue }
            if let precision = custom[id] {
                result[index] = precision
            } else if XLSXDate.builtinDateFormats.contains(id) {
                result[index] = id == 17 ? .month : .day
            }
        }
        return result
    }
}
