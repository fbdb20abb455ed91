import CitywideModel

/// Writes CSV rows straight into bytes: fields separated by commas, rows
/// ended by CRLF (RFC 4180), each field as `DataDownloads.csvField` writes
/// it. A field with nothing to quote or guard (nearly every one: slugs,
/// periods, numbers, codes) is copied as it is, without a String made for it.
package struct CSVWriter {
    package private(set) var out: ByteText
    private var rowStarted = false

    package init(capacity: Int = 0) {
        out = ByteText(capacity: capacity)
    }

    /// Hands the rows written so far to `pieces` once they fill a piece.
    package mutating func flush(to pieces: DownloadPieces) {
        pieces.flush(&out)
    }

    package mutating func field(_ text: String) {
        separate()
        var text = text
        let plain = text.withUTF8 { bytes -> Bool in
            // A leading =, +, - or @ may need a ' (a formula guard); a comma,
            // quote or line break needs quoting: csvField decides those.
            if let first = bytes.first,
               first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: "@") {
                return false
            }
            for byte in bytes where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                return false
            }
            out.bytes.append(contentsOf: bytes)
            return true
        }
        if !plain { out.append(DataDownloads.csvField(text)) }
    }

    /// A figure's value in the downloads' plain form; blank without one.
    package mutating func number(_ value: Double?) {
        separate()
        if let value { out.append(plain: value) }
    }

    package mutating func fields(_ texts: [String]) {
        for text in texts { field(text) }
    }

    package mutating func endRow() {
        out.append("\r\n")
        rowStarted = false
    }

    private mutating func separate() {
        if rowStarted { out.append(byte: UInt8(ascii: ",")) }
        rowStarted = true
    }
}
