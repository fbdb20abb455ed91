import Foundation
import Testing
import ZIPFoundation
@testable import CitywideCommands
@testable import CitywideCore
@testable import CitywideImport

/// `citywide import table` on .xlsx: a tiny workbook written here from inline
/// XML with ZIPFoundation, holding what spreadsheets store: shared strings
/// (one in rich-text runs), an inline string, numbers, empty cells, a
/// "Jan 2024" heading stored as a date, and a second sheet.
@Suite("citywide import table (.xlsx)")
struct XLSXImportTests {
    static let parts: [String: String] = [
        "[Content_Types].xml": """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>
            """,
        "xl/workbook.xml": """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
            <sheets><sheet name="Referrals" sheetId="1" r:id="rId1"/><sheet name="By age" sheetId="2" r:id="rId2"/></sheets>
            </workbook>
            """,
        "xl/_rels/workbook.xml.rels": """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>
            </Relationships>
            """,
        "xl/sharedStrings.xml": """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6" uniqueCount="6">
            <si><t>City</t></si><si><t>Sex</t></si><si><r><t>St.</t></r><r><rPr><b/></rPr><t xml:space="preserve"> Paul</t></r></si>
            <si><t>Female</t></si><si><t>Male</t></si><si><t>s</t></si>
            </sst>
            """,
        "xl/styles.xml": """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
            <numFmts count="1"><numFmt numFmtId="164" formatCode="mmm\\ yyyy"/></numFmts>
            <cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs>
            </styleSheet>
            """,
        // Row 1: City, Sex, Jan 2024 and Feb 2024 (dates: 45292, 45323). Row 3 has an empty
        // cell (D3 absent) and a hidden count (C4 = "s"); a number is stored as 1204.
        "xl/worksheets/sheet1.xml": """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" s="1"><v>45292</v></c><c r="D1" s="1"><v>45323</v></c></row>
            <row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c><c r="C2"><v>1204</v></c><c r="D2"><v>12.0</v></c></row>
            <row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3" t="inlineStr"><is><t>Male</t></is></c><c r="C3"><v>14</v></c></row>
            <row r="4"><c r="A4" t="s"><v>2</v></c><c r="C4" t="s"><v>5</v></c><c r="D4"><v>40</v></c></row>
            </sheetData></worksheet>
            """,
        "xl/worksheets/sheet2.xml": """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row r="1"><c r="A1" t="inlineStr"><is><t>Age group</t></is></c><c r="B1" t="inlineStr"><is><t>2023</t></is></c></row>
            <row r="2"><c r="A2" t="inlineStr"><is><t>Under 18</t></is></c><c r="B2"><v>7</v></c></row>
            </sheetData></worksheet>
            """,
    ]

    /// Writes the parts as a zip (deflated, as spreadsheets write them).
    static func workbook(_ parts: [String: String], at url: URL) throws {
        let archive = try Archive(url: url, accessMode: .create)
        for (name, text) in parts.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    @Test("the first sheet: shared, rich and inline strings, numbers, empty cells, dates as periods; a cell it cannot read is named Sheet!C4")
    func firstSheet() throws {
        let site = try ImportSite()
        defer { site.cleanUp() }
        let file = site.path("referrals.xlsx")
        try Self.workbook(Self.parts, at: URL(fileURLWithPath: file))
        let outcome = Importer.table(file: file, metric: "victims", city: nil, site: site.site)
        #expect(outcome.succeeded, "\(outcome.diagnostics.map(\.formatted))")
        #expect(site.text("Data/victims.csv") == """
            city,period,metric,sex,value,status,note
            st-paul,2024-01,victims,female,1204,,
            st-paul,2024-01,victims,male,14,,
            st-paul,2024-02,victims,,40,,
            st-paul,2024-02,victims,female,12,,
            st-paul,2024-02,victims,male,,,

            """)
        #expect(outcome.diagnostics.map(\.formatted) == [
            "\(file):4:3: warning: Referrals!C4: not imported: 's' hides the figure: give the real count (Citywide withholds small counts itself), or leave the cell empty when it is not available",
        ])
        #expect(try #require(site.text("Metrics/victims.yml")).contains("frequency: monthly"))
    }

    @Test("--sheet NAME reads that sheet; an unknown name lists the sheets")
    func namedSheet() throws {
        let site = try ImportSite()
        defer { site.cleanUp() }
        let file = site.path("referrals.xlsx")
        try Self.workbook(Self.parts, at: URL(fileURLWithPath: file))
        #expect(site.run(["table", file, "--metric", "victims", "--city", "springfield", "--sheet", "By age"]) == 0)
        #expect(site.text("Data/victims.csv") == "city,period,metric,age_group,value,status,note\nspringfield,2023,victims,under_18,7,,\n")
        let unknown = Importer.table(file: file, metric: "victims", city: "springfield", site: site.site, sheet: "Summary")
        #expect(unknown.diagnostics.map(\.message) == ["--sheet 'Summary': the workbook has no such sheet; its sheets are 'Referrals', 'By age'"])
    }

    @Test("a file that is not a workbook, and a workbook without its parts, are errors, not crashes")
    func brokenWorkbooks() throws {
        let site = try ImportSite(["fake.xlsx": "City,2024\nSt. Paul,4\n"])
        defer { site.cleanUp() }
        let fake = Importer.table(file: site.path("fake.xlsx"), metric: "victims", city: nil, site: site.site)
        #expect(fake.diagnostics.map(\.message) == ["not an .xlsx workbook (it is not a zip archive); save it from the spreadsheet as .xlsx, or export it as CSV"])
        let partial = site.path("partial.xlsx")
        try Self.workbook(Self.parts.filter { $0.key != "xl/worksheets/sheet1.xml" }, at: URL(fileURLWithPath: partial))
        let missing = Importer.table(file: partial, metric: "victims", city: nil, site: site.site)
        #expect(missing.diagnostics.map(\.message) == ["not an .xlsx workbook: it has no xl/worksheets/sheet1.xml"])
        var broken = Self.parts
        broken["xl/worksheets/sheet1.xml"] = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\""
        let brokenFile = site.path("broken.xlsx")
        try Self.workbook(broken, at: URL(fileURLWithPath: brokenFile))
        let bad = Importer.table(file: brokenFile, metric: "victims", city: nil, site: site.site)
        #expect(bad.diagnostics.contains { $0.severity == .error && $0.message.hasPrefix("xl/worksheets/sheet1.xml in the workbook is not the XML a spreadsheet writes") })
        #expect(site.text("Data/victims.csv") == nil)
    }

    @Test("spreadsheet dates: serial days in the 1900 and 1904 systems, and what a format shows")
    func dates() {
        #expect(XLSXDate.text(serial: 45292, date1904: false, precision: .month) == "2024-01")
        #expect(XLSXDate.text(serial: 45292, date1904: false, precision: .day) == "2024-01-01")
        #expect(XLSXDate.text(serial: 61, date1904: false, precision: .day) == "1900-03-01")
        #expect(XLSXDate.text(serial: 43830, date1904: true, precision: .day) == "2024-01-01")
        #expect(XLSXDate.precision(formatCode: "mmm\\ yyyy") == .month)
        #expect(XLSXDate.precision(formatCode: "yyyy") == .year)
        #expect(XLSXDate.precision(formatCode: "dd/mm/yyyy") == .day)
        #expect(XLSXDate.precision(formatCode: "#,##0\" days\"") == nil)
        #expect(XLSXDate.precision(formatCode: "0.00") == nil)
    }
}
