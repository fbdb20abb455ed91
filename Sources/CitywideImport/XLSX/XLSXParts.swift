import XMLCoder

/// The parts of an .xlsx file (Office Open XML, SpreadsheetML) an import
/// reads, as XMLCoder decodes them. Only the elements and attributes used
/// are declared; XMLCoder skips the rest.
enum XLSXParts {
    /// `xl/workbook.xml`: the sheets in order, and the date system.
    struct Workbook: Decodable {
        struct Properties: Decodable {
            let date1904: String?
        }
        struct Sheets: Decodable {
            let sheet: [Sheet]?
        }
        struct Sheet: Decodable {
            let name: String
            let relationship: String?
            enum CodingKeys: String, CodingKey {
                case name
                case relationship = "r:id"
            }
        }
        let workbookPr: Properties?
        let sheets: Sheets?
    }

    /// `xl/_rels/workbook.xml.rels`: which file each sheet is.
    struct Relationships: Decodable {
        struct Relationship: Decodable {
            let Id: String
            let Target: String
        }
        let Relationship: [Relationship]?
    }

    /// Text in `<t>`, with or without `xml:space="preserve"`.
    struct Text: Decodable {
        let value: String
        enum CodingKeys: String, CodingKey { case value = "" }
        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            value = (try? container.decode(String.self, forKey: .value)) ?? ""
        }
    }

    /// A string: plain (`<t>`) or rich text in runs (`<r><t>`); phonetic
    /// runs (`<rPh>`) are not part of it.
    struct RichString: Decodable {
        struct Run: Decodable {
            let t: Text?
        }
        let t: Text?
        let r: [Run]?
        var string: String { (t?.value ?? "") + (r ?? []).map { $0.t?.value ?? "" }.joined() }
    }

    /// `xl/sharedStrings.xml`.
    struct SharedStrings: Decodable {
        let si: [RichString]?
    }

    /// `xl/styles.xml`: number formats, to tell dates from numbers.
    struct Styles: Decodable {
        struct NumberFormats: Decodable {
            let numFmt: [NumberFormat]?
        }
        struct NumberFormat: Decodable {
            let numFmtId: String
            let formatCode: String
        }
        struct CellFormats: Decodable {
            let xf: [CellFormat]?
        }
        struct CellFormat: Decodable {
            let numFmtId: String?
        }
        let numFmts: NumberFormats?
        let cellXfs: CellFormats?
    }

    /// A worksheet: rows of cells.
    struct Worksheet: Decodable {
        struct SheetData: Decodable {
            let row: [Row]?
        }
        struct Row: Decodable {
            let r: String?
            let c: [Cell]?
        }
        struct Cell: Decodable {
            let r: String?
            /// s (shared string), inlineStr, str (formula text), n (number), b, e (error), d (ISO date)
            let t: String?
            /// The style: index into `cellXfs`.
            let s: String?
            let v: Text?
            let `is`: RichString?
        }
        let sheetData: SheetData?
    }
}
