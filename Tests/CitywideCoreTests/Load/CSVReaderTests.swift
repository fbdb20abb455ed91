import Foundation
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywidePublish
@testable import CitywideRender
@testable import CitywideWrite

/// What a reader produced, copied out of the callback so tests can compare it.
private struct Parsed {
    var rows: [[String]] = []
    var lines: [Int] = []
    var errors: [CSVError] = []
}

private func parse(_ bytes: [UInt8]) -> Parsed {
    var parsed = Parsed()
    parsed.errors = CSVReader(bytes: bytes).forEachRecord { record in
        parsed.rows.append((0..<record.count).map { record.string($0) })
        parsed.lines.append(record.line)
        return true
    }
    return parsed
}

private func parse(_ text: String) -> Parsed {
    parse(Array(text.utf8))
}

/// Positions of every field of every record, in order.
private func fieldPositions(_ text: String) -> [[CSVPosition]] {
    var positions: [[CSVPosition]] = []
    _ = CSVReader(bytes: Array(text.utf8)).forEachRecord { record in
        positions.append((0..<record.count).map { record.position(of: $0) })
        return true
    }
    return positions
}

private func position(_ line: Int, _ column: Int) -> CSVPosition {
    CSVPosition(line: line, column: column)
}

@Suite("CSVReader")
struct CSVReaderTests {
    // MARK: Records and fields

    @Test func simpleRows() {
        let parsed = parse("name,population\nLyon,522250\nNantes,320732\n")
        #expect(parsed.rows == [["name", "population"], ["Lyon", "522250"], ["Nantes", "320732"]])
        #expect(parsed.lines == [1, 2, 3])
        #expect(parsed.errors.isEmpty)
    }

    @Test func emptyInputHasNoRecords() {
        #expect(parse("").rows.isEmpty)
        #expect(parse([0xEF, 0xBB, 0xBF]).rows.isEmpty)
    }

    @Test func quotedFieldsKeepCommas() {
        let parsed = parse("id,label\n1,\"Paris, France\"\n2,\"\"\n")
        #expect(parsed.rows == [["id", "label"], ["1", "Paris, France"], ["2", ""]])
        #expect(parsed.errors.isEmpty)
    }

    @Test func escapedQuotesAreUnescaped() {
        let parsed = parse(#"a,"say ""hi""","""","x""y""z""#)
        #expect(parsed.rows == [["a", #"say "hi""#, #"""#, #"x"y"z"#]])
        #expect(parsed.errors.isEmpty)
    }

    @Test func scratchBufferIsReusedCorrectlyAcrossFieldsAndRecords() {
        // Several rebuilt fields in one record, mixed with plain ones, then a
        // record without any: each field must keep its own content.
        let parsed = parse("\"a\"\"\",b,\"\"\"c\",d\n\"e\"\"e\",f\nplain,\"quoted\"\n")
        #expect(parsed.rows == [["a\"", "b", "\"c", "d"], ["e\"e", "f"], ["plain", "quoted"]])
    }

    @Test func lineBreaksInsideQuotesAndTheLinesOfLaterRecords() {
        let text = "id,note\n1,\"two\nlines\"\n2,\"windows\r\nbreak\r\nhere\"\r\n3,last\n"
        let parsed = parse(text)
        #expect(parsed.rows == [["id", "note"], ["1", "two\nlines"], ["2", "windows\r\nbreak\r\nhere"], ["3", "last"]])
        #expect(parsed.lines == [1, 2, 4, 7])
        #expect(parsed.errors.isEmpty)
    }

    @Test func byteOrderMarkIsSkippedAndDoesNotShiftColumns() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("name,value\n\"x\",1\n".utf8)
        let parsed = parse(bytes)
        #expect(parsed.rows == [["name", "value"], ["x", "1"]])
        var firstRowPositions: [CSVPosition] = []
        _ = CSVReader(bytes: bytes).forEachRecord { record in
            firstRowPositions = [record.position(of: 0), record.position(of: 1)]
            return false
        }
        #expect(firstRowPositions == [position(1, 1), position(1, 6)])
    }

    @Test func crlfLineEndings() {
        let parsed = parse("a,b\r\nc,d\r\n")
        #expect(parsed.rows == [["a", "b"], ["c", "d"]])
        #expect(parsed.lines == [1, 2])
    }

    @Test func loneCarriageReturnEndsALine() {
        let parsed = parse("a,b\rc,d\r")
        #expect(parsed.rows == [["a", "b"], ["c", "d"]])
        #expect(parsed.lines == [1, 2])
    }

    @Test func finalLineWithoutNewline() {
        #expect(parse("a,b\nc,d").rows == [["a", "b"], ["c", "d"]])
        #expect(parse("a,\"b\"").rows == [["a", "b"]])
    }

    @Test func trailingNewlineIsNotAnExtraRecord() {
        #expect(parse("a,b\n").rows == [["a", "b"]])
        #expect(parse("a,b\r\n").rows == [["a", "b"]])
    }

    @Test func emptyLinesAreRecordsWithOneEmptyField() {
        let parsed = parse("a\n\nb\r\n\r\nc\n\n")
        #expect(parsed.rows == [["a"], [""], ["b"], [""], ["c"], [""]])
        #expect(parsed.lines == [1, 2, 3, 4, 5, 6])
    }

    @Test func emptyFieldAtEndOfLine() {
        let parsed = parse("a,b,\nc,,\n,\nx,y,")
        #expect(parsed.rows == [["a", "b", ""], ["c", "", ""], ["", ""], ["x", "y", ""]])
    }

    @Test func isEmptyForUnquotedAndQuotedEmptyFields() {
        var empties: [Bool] = []
        _ = CSVReader(bytes: Array("a,,\"\",\"\"\"\"".utf8)).forEachRecord { record in
            empties = (0..<record.count).map { record.isEmpty($0) }
            return true
        }
        #expect(empties == [false, true, true, false])
    }

    @Test func quoteInsideUnquotedFieldIsKept() {
        let parsed = parse("5\" pipe,b\n")
        #expect(parsed.rows == [["5\" pipe", "b"]])
        #expect(parsed.errors.isEmpty)
    }

    @Test func dataConvenienceInitializer() {
        var rows: [[String]] = []
        let errors = CSVReader(data: Data("x,y\n".utf8)).forEachRecord { record in
            rows.append([record.string(0), record.string(1)])
            return true
        }
        #expect(rows == [["x", "y"]])
        #expect(errors.isEmpty)
    }

    @Test func withBytesGivesUnescapedContent() {
        var contents: [[UInt8]] = []
        _ = CSVReader(bytes: Array("ab,\"c\"\"d\"".utf8)).forEachRecord { record in
            for field in 0..<record.count {
                contents.append(record.withBytes(of: field) { Array($0) })
            }
            return true
        }
        #expect(contents == [Array("ab".utf8), Array("c\"d".utf8)])
    }

    @Test func stopsEarlyWhenTheCallbackReturnsFalse() {
        var seen: [String] = []
        let errors = CSVReader(bytes: Array("1\n2\n3\n\"unterminated\n".utf8)).forEachRecord { record in
            seen.append(record.string(0))
            return seen.count < 2
        }
        #expect(seen == ["1", "2"])
        #expect(errors.isEmpty, "problems after the stop are not looked for")
    }

    // MARK: Problems

    @Test func unterminatedQuoteIsReportedAtItsOpeningQuote() {
        let parsed = parse("a,b\nc,d,\"never\nclosed,e\nf\n")
        #expect(parsed.errors == [.unterminatedQuote(opening: position(2, 5))])
        #expect(parsed.rows == [["a", "b"], ["c", "d", "never\nclosed,e\nf\n"]])
    }

    @Test func unterminatedQuoteAfterMultibyteCharacters() {
        let parsed = parse("ok\n\"é\",日本,\"open")
        #expect(parsed.errors == [.unterminatedQuote(opening: position(2, 8))])
        #expect(parsed.rows.last == ["é", "日本", "open"])
    }

    @Test func textAfterClosingQuoteIsReportedKeptAndParsingContinues() {
        let parsed = parse("\"abc\"def,x\n\"q\"\"\" r,y\nnext,row\n")
        #expect(parsed.errors == [.textAfterClosingQuote(position(1, 6)), .textAfterClosingQuote(position(2, 6))])
        #expect(parsed.rows == [["abcdef", "x"], ["q\" r", "y"], ["next", "row"]])
    }

    @Test func invalidUTF8IsReportedWithItsPosition() {
        // "é" in Latin-1 (0xE9) is not valid UTF-8.
        let bytes = Array("name,city\nok,".utf8) + [0x4C, 0x79, 0xE9, 0x65] + Array(",\"x\u{FF}\"\n".utf8) + [0x22, 0xC3, 0x28, 0x22, 0x0A]
        let parsed = parse(bytes)
        #expect(parsed.errors == [.invalidUTF8(position(2, 6)), .invalidUTF8(position(3, 2))])
        #expect(parsed.rows[1] == ["ok", "Ly\u{FFFD}e", "x\u{FF}"])
        #expect(parsed.rows[2] == ["\u{FFFD}("])
    }

    @Test(arguments: [
        [0xC0, 0x80] as [UInt8],  // overlong NUL
        [0xED, 0xA0, 0x80],  // surrogate
        [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
        [0xE2, 0x82],  // truncated at end of file
        [0x80],  // stray continuation byte
        [0xFF],
    ])
    func malformedSequencesAreInvalidUTF8(sequence: [UInt8]) {
        let parsed = parse(Array("a,".utf8) + sequence)
        #expect(parsed.errors == [.invalidUTF8(position(1, 3))])
    }

    @Test func validMultibyteTextIsNotReported() {
        let parsed = parse("Zürich,東京,\"🏙️ city\",Ελλάδα\n")
        #expect(parsed.errors.isEmpty)
        #expect(parsed.rows == [["Zürich", "東京", "🏙️ city", "Ελλάδα"]])
    }

    @Test func errorsSayWhereAndMessagesSayWhat() {
        // The diagnostic puts path:line:column in front; the message does not repeat it.
        #expect(CSVError.unterminatedQuote(opening: position(3, 7)).description.hasPrefix("line 3, column 7: "))
        #expect(CSVError.unterminatedQuote(opening: position(3, 7)).message.hasPrefix("this quote opens"))
        #expect(CSVError.textAfterClosingQuote(position(1, 2)).message.contains("\"\""))
        #expect(CSVError.invalidUTF8(position(9, 1)).position == position(9, 1))
    }

    // MARK: Positions

    @Test func fieldPositionsCountCharactersNotBytes() {
        // é is 2 bytes, 日 3 bytes, 🏙 4 bytes: columns count each as one.
        let positions = fieldPositions("é,日本,🏙,x\n\"a\nbé\",c\r\n,z\n")
        #expect(positions == [
            [position(1, 1), position(1, 3), position(1, 6), position(1, 8)],
            [position(2, 1), position(3, 5)],
            [position(4, 1), position(4, 2)],
        ])
    }

    // MARK: Numbers

    @Test(arguments: [
        ("0", 0.0), ("42", 42.0), ("-7", -7.0), ("3.25", 3.25), ("-0.5", -0.5),
        ("  12  ", 12.0), ("\t1.5 ", 1.5), ("1e3", 1000.0), ("2.5E-2", 0.025), ("1e+2", 100.0),
        ("007", 7.0), ("0.1", 0.1), ("0.3", 0.3), ("123456.789", 123456.789),
        ("9007199254740993", 9007199254740992.0),  // 2^53 + 1 rounds to even, as Double("…") does
        ("12345678901234567890123", 12345678901234567890123.0),  // long mantissa: slow path
        ("1.7976931348623157e308", Double.greatestFiniteMagnitude),
    ])
    func doubleAccepts(text: String, expected: Double) {
        #expect(CSVNumber.parseDouble(text) == expected)
    }

    @Test func doubleIsExactForIntegers() {
        for value in [0, 1, 999_999, 2_147_483_647, 9_007_199_254_740_992, -9_007_199_254_740_991] {
            #expect(CSVNumber.parseDouble(String(value)) == Double(value))
        }
    }

    @Test(arguments: [
        "", " ", "-", "1,000", "12abc", "NaN", "nan", "inf", "-inf", "Infinity", "+1", ".5", "5.",
        "1e", "1e+", "1.2.3", "--1", "1 2", "0x10", "1e400", "١٢",
    ])
    func doubleRejects(text: String) {
        #expect(CSVNumber.parseDouble(text) == nil)
    }

    @Test func doubleReadsRecordFields() {
        var values: [Double?] = []
        _ = CSVReader(bytes: Array("1.5,\" -2 \",x,\"1,000\",\n".utf8)).forEachRecord { record in
            values = (0..<record.count).map { record.double($0) }
            return true
        }
        #expect(values == [1.5, -2, nil, nil, nil])
    }

    // MARK: Volume

    @Test func generatedInputOf200000Rows() {
        let rowCount = 200_000
        var text = "id,name,value,flag\n"
        text.reserveCapacity(rowCount * 32)
        var expectedIDs = 0
        var expectedValues = 0.0
        var expectedNameBytes = 0
        for id in 1...rowCount {
            let value = Double(id % 1000) + 0.5 - 250  // exact in binary, so the sum is exact
            let name: String
            let written: String
            switch id % 4 {
            case 0: name = "plain\(id)"; written = name
            case 1: name = "with, comma \(id)"; written = "\"\(name)\""
            case 2: name = "say \"\(id)\""; written = "\"say \"\"\(id)\"\"\""
            default: name = "ünï \(id)\nnext"; written = "\"\(name)\""
            }
            text += "\(id),\(written),\(value),\(id % 2 == 0 ? "" : "y")\(id % 3 == 0 ? "\r\n" : "\n")"
            expectedIDs += id
            expectedValues += value
            expectedNameBytes += name.utf8.count
        }

        var records = 0
        var ids = 0
        var values = 0.0
        var nameBytes = 0
        var emptyFlags = 0
        let errors = CSVReader(bytes: Array(text.utf8)).forEachRecord { record in
            records += 1
            guard records > 1 else { return true }  // header
            ids += Int(record.double(0) ?? -1)
            values += record.double(2) ?? .nan
            nameBytes += record.withBytes(of: 1) { $0.count }
            if record.isEmpty(3) { emptyFlags += 1 }
            return true
        }

        #expect(errors.isEmpty)
        #expect(records == rowCount + 1)
        #expect(ids == expectedIDs)
        #expect(values == expectedValues)
        #expect(nameBytes == expectedNameBytes)
        #expect(emptyFlags == rowCount / 2)
    }
}

extension CSVNumber {
    /// Test convenience: parse a Swift string's UTF-8 bytes.
    fileprivate static func parseDouble(_ text: String) -> Double? {
        Array(text.utf8).withUnsafeBufferPointer { parseDouble($0) }
    }
}
