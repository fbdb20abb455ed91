import CitywideModel

/// Where a large data file is cut in two, so that its halves are read on
/// both cores. Only a file without a single quote character: then every
/// line end ends a record (no quoted field spans lines), and a line start
/// near the middle is a record start. Smaller files, and files with quotes,
/// are read whole.
struct FileHalves {
    /// Below this, one core reads the file faster than two start.
    static let minimumBytes = 1 << 20

    /// Where the second line (the first row after the header) starts.
    let rowsStart: Int
    /// Where the second half starts, and its line.
    let middle: Int
    let middleLine: Int

    init?(_ bytes: [UInt8], minimumBytes: Int = Self.minimumBytes) {
        guard bytes.count >= minimumBytes else { return nil }
        let found: (Int, Int, Int)? = bytes.withUnsafeBufferPointer { buffer in
            guard UTF8Bytes.firstIndex(of: CSVByte.quote, in: buffer, 0..<buffer.count) == nil,
                  let rows = Self.nextLineStart(buffer, from: 0),
                  let middle = Self.nextLineStart(buffer, from: max(rows, buffer.count / 2)), middle < buffer.count
            else { return nil }
            return (rows, middle, Self.lineEnds(buffer, before: middle) + 1)
        }
        guard let (rows, middle, line) = found else { return nil }
        rowsStart = rows
        self.middle = middle
        middleLine = line
    }

    /// Just after the first line end (LF, CRLF or a lone CR) at or after `start`.
    private static func nextLineStart(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        while i < p.count {
            if p[i] == CSVByte.lf { return i + 1 }
            if p[i] == CSVByte.cr { return i + 1 < p.count && p[i + 1] == CSVByte.lf ? i + 2 : i + 1 }
            i += 1
        }
        return nil
    }

    /// Line ends before `end` (a line start), counted as the CSV reader counts them.
    private static func lineEnds(_ p: UnsafeBufferPointer<UInt8>, before end: Int) -> Int {
        var count = 0
        var i = 0
        while i < end {
            if p[i] == CSVByte.lf {
                count += 1
            } else if p[i] == CSVByte.cr {
                count += 1
                if i + 1 < end && p[i + 1] == CSVByte.lf { i += 1 }
            }
            i += 1
        }
        return count
    }
}
