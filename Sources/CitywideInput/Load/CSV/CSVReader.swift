import Foundation
import CitywideModel

/// A fast, streaming reader for RFC 4180 CSV in UTF-8.
///
/// The reader walks the file's bytes once and hands each record to a callback
/// as a zero-copy view (`CSVRecord`), so reading a million rows allocates
/// almost nothing: unquoted and plainly quoted fields point straight into the
/// file, and only fields with escaped quotes are rebuilt, in a scratch buffer
/// reused from record to record.
///
/// What it accepts:
/// - Fields separated by commas; quoted fields may contain commas, `""`
///   (one quote), and line breaks.
/// - LF, CRLF, and a lone CR as line ends, mixed freely.
/// - A leading UTF-8 byte order mark, which is skipped (columns start after it).
/// - A missing newline at the end of the file. The final line end is optional,
///   so `a\n` is one record, not two.
///
/// What it leaves to the caller:
/// - An empty line is a record with one empty field (`count == 1`,
///   `isEmpty(0)`), wherever it is, including `a\n\n` (two records). Whether
///   that is a blank row to skip or an error depends on the file's meaning.
/// - Records may have different numbers of fields; checking is the caller's.
/// - A quote inside an unquoted field (`ab"c`) is kept as an ordinary
///   character, as most CSV writers and readers do.
///
/// Problems (see `CSVError`) do not stop reading; they are collected and
/// returned by `forEachRecord` once the callback has seen every record.
public struct CSVReader: Sendable {
    /// The file's bytes, exactly as given.
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Convenience for `Data` (e.g. from `Data(contentsOf:)`); copies once.
    public init(data: Data) {
        self.init(bytes: [UInt8](data))
    }

    /// Calls `body` once per record, in file order, and returns the problems
    /// found, in file order.
    ///
    /// Return `false` from `body` to stop early (the problems found so far are
    /// returned). The record is only valid during the call; see `CSVRecord`.
    /// Not `@discardableResult` on purpose: a file with problems should not be
    /// accepted silently.
    public func forEachRecord(_ body: (borrowing CSVRecord) throws -> Bool) rethrows -> [CSVError] {
        try forEachRecord(in: 0..<bytes.count, firstLine: 1, body)
    }

    /// The records of `range` alone, which must start where a record starts
    /// (`firstLine` being its line); positions are those in the whole file.
    /// A byte order mark is skipped only at the start of the file.
    package func forEachRecord(in range: Range<Int>, firstLine: Int, _ body: (borrowing CSVRecord) throws -> Bool) rethrows -> [CSVError] {
        try bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, !range.isEmpty, range.upperBound <= buffer.count else { return [] }
            return try Self.parse(base, from: range.lowerBound, line: firstLine, count: range.upperBound, body)
        }
    }
}

/// Byte values the parser looks at.
package enum CSVByte {
    package static let comma = UInt8(ascii: ",")
    package static let quote = UInt8(ascii: "\"")
    package static let lf = UInt8(ascii: "\n")
    package static let cr = UInt8(ascii: "\r")
}

extension CSVReader {
    /// The whole parser: one pass, one loop per field kind. State lives in
    /// local variables (not properties or captured closures) so the optimizer
    /// keeps it in registers.
    package static func parse(
        _ p: UnsafePointer<UInt8>, from start: Int = 0, line firstLine: Int = 1, count end: Int, _ body: (borrowing CSVRecord) throws -> Bool
    ) rethrows -> [CSVError] {
        var errors: [CSVError] = []
        var fields = CSVRawBuffer<CSVFieldSlot>(capacity: 64)
        var scratch = CSVRawBuffer<UInt8>(capacity: 1024)
        defer {
            fields.deallocate()
            scratch.deallocate()
        }

        let hasBOM = start == 0 && end >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF
        var i = hasBOM ? 3 : start
        var line = firstLine
        var lineStart = i  // columns are counted from here

        while i < end {
            let recordStart = i
            let recordLine = line
            fields.count = 0
            scratch.count = 0

            fieldLoop: while true {
                let fieldStart = i
                var invalidUTF8 = -1  // first invalid byte in this field, if any

                if i < end && p[i] == CSVByte.quote {
                    // Quoted field. Its content is the source range between
                    // the quotes unless it needs rebuilding: on the first `""`
                    // we start copying segments into scratch.
                    let openingLine = line
                    let openingLineStart = lineStart
                    i += 1
                    var segment = i
                    var rebuilt = false
                    let scratchStart = scratch.count
                    var closed = false
                    var contentEnd = end
                    while i < end {
                        let c = p[i]
                        // 0x23...0x7F: nothing special. One compare for most bytes.
                        if c &- 0x23 < 0x5D {
                            i += 1
                            continue
                        }
                        if c == CSVByte.quote {
                            if i + 1 < end && p[i + 1] == CSVByte.quote {
                                scratch.append(p + segment, count: i + 1 - segment)  // keeps one quote
                                rebuilt = true
                                i += 2
                                segment = i
                                continue
                            }
                            closed = true
                            contentEnd = i
                            i += 1
                            break
                        }
                        if c == CSVByte.lf {
                            i += 1
                            line += 1
                            lineStart = i
                        } else if c == CSVByte.cr {
                            i += 1
                            if i < end && p[i] == CSVByte.lf { i += 1 }
                            line += 1
                            lineStart = i
                        } else if c < 0x80 {
                            i += 1
                        } else {
                            let n = utf8SequenceLength(p, at: i, end: end)
                            if n == 0 {
                                if invalidUTF8 < 0 {
                                    invalidUTF8 = i
                                    errors.append(.invalidUTF8(position(p, lineStart: lineStart, line: line, offset: i)))
                                }
                                i += 1
                            } else {
                                i += n
                            }
                        }
                    }

                    if !closed {
                        errors.append(.unterminatedQuote(opening: position(
                            p, lineStart: openingLineStart, line: openingLine, offset: fieldStart)))
                    }
                    if closed && i < end && p[i] != CSVByte.comma && p[i] != CSVByte.lf && p[i] != CSVByte.cr {
                        // `"abc"def`: report, keep `def`, carry on to the delimiter.
                        errors.append(.textAfterClosingQuote(position(p, lineStart: lineStart, line: line, offset: i)))
                        scratch.append(p + segment, count: contentEnd - segment)
                        let trailing = i
                        i = scanUnquoted(p, from: i, end: end, firstInvalid: &invalidUTF8)
                        scratch.append(p + trailing, count: i - trailing)
                        rebuilt = true
                        if invalidUTF8 >= trailing {
                            errors.append(.invalidUTF8(position(p, lineStart: lineStart, line: line, offset: invalidUTF8)))
                        }
                    } else if rebuilt {
                        scratch.append(p + segment, count: contentEnd - segment)
                    }

                    if rebuilt {
                        fields.append(CSVFieldSlot(start: scratchStart, end: scratch.count, origin: fieldStart, inScratch: true))
                    } else {
                        fields.append(CSVFieldSlot(start: fieldStart + 1, end: contentEnd, origin: fieldStart, inScratch: false))
                    }
                } else {
                    i = scanUnquoted(p, from: i, end: end, firstInvalid: &invalidUTF8)
                    if invalidUTF8 >= 0 {
                        errors.append(.invalidUTF8(position(p, lineStart: lineStart, line: line, offset: invalidUTF8)))
                    }
                    fields.append(CSVFieldSlot(start: fieldStart, end: i, origin: fieldStart, inScratch: false))
                }

                // After a field: end of file, a comma, or a line end.
                if i == end { break fieldLoop }
                let c = p[i]
                i += 1
                if c == CSVByte.comma { continue fieldLoop }
                if c == CSVByte.cr && i < end && p[i] == CSVByte.lf { i += 1 }
                line += 1
                lineStart = i
                break fieldLoop
            }

            let record = CSVRecord(
                count: fields.count, line: recordLine, source: p, scratch: scratch.base,
                fields: fields.base, start: recordStart)
            if try !body(record) { break }
        }
        return errors
    }

    /// Scans an unquoted field (or text after a closing quote) up to the next
    /// comma, line end, or end of file, and returns where it stopped. Records
    /// the first invalid UTF-8 byte in `firstInvalid` if it is still unset.
    @inline(__always)
    package static func scanUnquoted(_ p: UnsafePointer<UInt8>, from start: Int, end: Int, firstInvalid: inout Int) -> Int {
        var i = start
        while i < end {
            let c = p[i]
            // 0x2D...0x7F (digits, letters, '.', '-') cannot end a field.
            if c &- 0x2D < 0x53 {
                i += 1
                continue
            }
            if c == CSVByte.comma || c == CSVByte.lf || c == CSVByte.cr { break }
            if c < 0x80 {
                i += 1
                continue
            }
            let n = utf8SequenceLength(p, at: i, end: end)
            if n == 0 {
                if firstInvalid < 0 { firstInvalid = i }
                i += 1
            } else {
                i += n
            }
        }
        return i
    }

    /// Length of the well-formed UTF-8 sequence starting with the non-ASCII
    /// byte at `i`, or 0 if it is not well formed (stray continuation byte,
    /// overlong form, surrogate, above U+10FFFF, or truncated).
    @inline(__always)
    package static func utf8SequenceLength(_ p: UnsafePointer<UInt8>, at i: Int, end: Int) -> Int {
        @inline(__always) func isContinuation(_ j: Int) -> Bool { j < end && p[j] & 0xC0 == 0x80 }
        let b0 = p[i]
        if b0 < 0xC2 { return 0 }
        if b0 < 0xE0 { return isContinuation(i + 1) ? 2 : 0 }
        guard i + 1 < end else { return 0 }
        let b1 = p[i + 1]
        if b0 < 0xF0 {
            let low: UInt8 = b0 == 0xE0 ? 0xA0 : 0x80
            let high: UInt8 = b0 == 0xED ? 0x9F : 0xBF
            return b1 >= low && b1 <= high && isContinuation(i + 2) ? 3 : 0
        }
        if b0 < 0xF5 {
            let low: UInt8 = b0 == 0xF0 ? 0x90 : 0x80
            let high: UInt8 = b0 == 0xF4 ? 0x8F : 0xBF
            return b1 >= low && b1 <= high && isContinuation(i + 2) && isContinuation(i + 3) ? 4 : 0
        }
        return 0
    }

    /// The position of byte `offset` on a line starting at `lineStart`. The
    /// column counts UTF-8 lead bytes, i.e. scalars for well-formed text.
    package static func position(_ p: UnsafePointer<UInt8>, lineStart: Int, line: Int, offset: Int) -> CSVPosition {
        var column = 1
        var i = lineStart
        while i < offset {
            if p[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return CSVPosition(line: line, column: column)
    }
}

/// A growable buffer of trivial values with no uniqueness or bounds checks,
/// reused across records. Owned by one `parse` call, which deallocates it.
package struct CSVRawBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    package var count = 0 {
        willSet { assert(newValue <= capacity) }
    }
    private var capacity: Int

    package init(capacity: Int) {
        base = .allocate(capacity: capacity)
        self.capacity = capacity
    }

    package func deallocate() {
        base.deallocate()
    }

    @inline(__always)
    package mutating func append(_ element: Element) {
        if count == capacity { grow(minimum: count + 1) }
        (base + count).initialize(to: element)
        count += 1
    }

    @inline(__always)
    package mutating func append(_ source: UnsafePointer<Element>, count n: Int) {
        if count + n > capacity { grow(minimum: count + n) }
        (base + count).initialize(from: source, count: n)
        count += n
    }

    @inline(never)
    private mutating func grow(minimum: Int) {
        let newCapacity = Swift.max(capacity * 2, minimum)
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
