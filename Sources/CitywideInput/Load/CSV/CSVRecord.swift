import CitywideModel

/// One record (row) of a CSV file, as a view into the reader's buffers.
///
/// The view is only valid inside the `CSVReader.forEachRecord` callback: it
/// points into the file's bytes and into a scratch buffer that is reused for
/// the next record. That is what makes reading cheap (no allocation per field),
/// and it is why the type is non-copyable: a borrowed non-copyable value
/// cannot be stored or returned, so the compiler stops it from escaping.
/// Copy out what you need (`string(_:)`, `double(_:)`) inside the callback.
///
/// Field indices are 0-based; an index outside `0..<count` is a programming
/// error and traps, like an array subscript.
///
/// The per-field accessors are `@inlinable` so that a loader's loop over
/// fields compiles to a few loads instead of a call per field into this
/// module (measured: field access about 25% faster).
public struct CSVRecord: ~Copyable {
    /// Number of fields. Always at least 1: an empty line is one empty field.
    public let count: Int
    /// The physical line (1-based) where the record starts.
    public let line: Int

    @usableFromInline package let source: UnsafePointer<UInt8>
    @usableFromInline package let scratch: UnsafePointer<UInt8>
    @usableFromInline package let fields: UnsafePointer<CSVFieldSlot>
    /// Byte offset of the record's first byte; records always start a line.
    package let start: Int

    package init(
        count: Int, line: Int, source: UnsafePointer<UInt8>, scratch: UnsafePointer<UInt8>,
        fields: UnsafePointer<CSVFieldSlot>, start: Int
    ) {
        self.count = count
        self.line = line
        self.source = source
        self.scratch = scratch
        self.fields = fields
        self.start = start
    }

    @inlinable @inline(__always)
    package func slot(_ field: Int) -> CSVFieldSlot {
        precondition(field >= 0 && field < count, "CSV field index \(field) out of range 0..<\(count)")
        return fields[field]
    }

    /// Where the field starts in the file (its opening quote, if quoted).
    ///
    /// Computed on demand by rescanning the record's bytes, because it is only
    /// needed for messages and keeping it up to date would slow every record.
    public func position(of field: Int) -> CSVPosition {
        let target = slot(field).origin
        var line = self.line
        var lineStart = start
        var i = start
        while i < target {
            let c = source[i]
            i += 1
            if c == CSVByte.lf {
                line += 1
                lineStart = i
            } else if c == CSVByte.cr {
                if i < target, source[i] == CSVByte.lf { i += 1 }
                line += 1
                lineStart = i
            }
        }
        return CSVReader.position(source, lineStart: lineStart, line: line, offset: target)
    }

    /// Where every field starts, in one pass over the record: for a header
    /// with many columns to report, calling `position(of:)` per field would
    /// rescan the line each time.
    public func positions() -> [CSVPosition] {
        var result: [CSVPosition] = []
        result.reserveCapacity(count)
        var line = self.line
        var column = 1
        var i = start
        for field in 0..<count {
            let target = slot(field).origin
            while i < target {
                let c = source[i]
                i += 1
                if c == CSVByte.lf {
                    line += 1
                    column = 1
                } else if c == CSVByte.cr {
                    if i < target, source[i] == CSVByte.lf { i += 1 }
                    line += 1
                    column = 1
                } else if c & 0xC0 != 0x80 {
                    column += 1
                }
            }
            result.append(CSVPosition(line: line, column: column))
        }
        return result
    }

    /// Calls `body` with the field's content: quotes removed and `""` turned
    /// into `"`. No copy is made. The buffer is only valid inside `body`.
    @inlinable @inline(__always)
    public func withBytes<R>(of field: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let s = slot(field)
        let base = s.inScratch ? scratch : source
        return try body(UnsafeBufferPointer(start: base + s.start, count: s.end - s.start))
    }

    /// The field's content as a `String` (invalid UTF-8 becomes U+FFFD; the
    /// reader reports it as `CSVError.invalidUTF8`).
    public func string(_ field: Int) -> String {
        withBytes(of: field) { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether the field's content is empty (`a,,b` and `a,"",b` both have an
    /// empty second field). Cheaper than `string(_:).isEmpty`.
    @inlinable
    public func isEmpty(_ field: Int) -> Bool {
        let s = slot(field)
        return s.start == s.end
    }

    /// The field as a number, or nil if it is not one.
    ///
    /// Accepts `-?digits(.digits)?([eE][+-]?digits)?` with spaces and tabs
    /// around it, and nothing else: "1,000", "12abc", "+1", ".5", "NaN" and
    /// "inf" are all nil, as are values too large for a `Double`. Integers up
    /// to 2^53 are exact. Parses straight from the bytes, without a `String`.
    public func double(_ field: Int) -> Double? {
        withBytes(of: field) { CSVNumber.parseDouble($0) }
    }
}

/// Where one field's content lives. Offsets, not pointers, because the scratch
/// buffer may move while a record is still being parsed.
@usableFromInline
package struct CSVFieldSlot: BitwiseCopyable {
    /// Content range, in `scratch` if `inScratch`, otherwise in the source.
    @usableFromInline package var start: Int
    @usableFromInline package var end: Int
    /// Source offset of the field's first byte (the opening quote if quoted),
    /// for `position(of:)`.
    @usableFromInline package var origin: Int
    /// True when the content had to be rebuilt (escaped quotes, or text after
    /// a closing quote); unquoted and simple quoted fields point at the source.
    @usableFromInline package var inScratch: Bool
}
