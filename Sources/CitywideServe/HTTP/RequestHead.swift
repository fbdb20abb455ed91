import Foundation

/// The request line and headers of one HTTP/1.1 request, read from the
/// bytes received so far, within `HTTPLimits`.
struct RequestHead: Equatable {
    var method: String
    var target: String
    var version: String
    /// Header names lowercased, in order.
    var headers: [(name: String, value: String)]
    /// Bytes of the head, including the blank line that ends it.
    var length: Int

    enum Reading: Equatable {
        case complete(RequestHead)
        /// More bytes are needed.
        case incomplete
        /// Answer with this status and close the connection.
        case refused(status: Int, reason: String)
    }

    static func == (a: RequestHead, b: RequestHead) -> Bool {
        a.method == b.method && a.target == b.target && a.version == b.version && a.length == b.length
            && a.headers.map(\.name) == b.headers.map(\.name) && a.headers.map(\.value) == b.headers.map(\.value)
    }

    func header(_ name: String) -> String? {
        headers.first { $0.name == name }?.value
    }

    /// Reads a head from `bytes`. Only scans what it must: the limits are
    /// checked before anything is copied, so a huge request costs one pass.
    static func read(_ bytes: [UInt8], limits: HTTPLimits) -> Reading {
        let newline = UInt8(ascii: "\n")
        guard let lineEnd = bytes.firstIndex(of: newline) else {
            return bytes.count > limits.requestLine ? .refused(status: 414, reason: "request line too long") : .incomplete
        }
        if lineEnd > limits.requestLine { return .refused(status: 414, reason: "request line too long") }
        // The head ends at the first empty line (CRLF CRLF, or bare LF LF).
        var end: Int?
        var i = lineEnd
        while i < bytes.count - 1 {
            if bytes[i] == newline {
                if bytes[i + 1] == newline { end = i + 2; break }
                if bytes[i + 1] == UInt8(ascii: "\r"), i + 2 < bytes.count, bytes[i + 2] == newline { end = i + 3; break }
            }
            if i + 1 > limits.head { return .refused(status: 431, reason: "request headers too large") }
            i += 1
        }
        guard let end else {
            return bytes.count > limits.head ? .refused(status: 431, reason: "request headers too large") : .incomplete
        }
        if end > limits.head { return .refused(status: 431, reason: "request headers too large") }

        // Split as bytes: in a Swift String "\r\n" is one Character.
        var lines = bytes[..<end].split(separator: newline, omittingEmptySubsequences: false).map { line in
            String(decoding: line.last == UInt8(ascii: "\r") ? line.dropLast() : line, as: UTF8.self)[...]
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let first = lines.first else { return .refused(status: 400, reason: "empty request") }
        let parts = first.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty, parts[2].hasPrefix("HTTP/1.") else {
            return .refused(status: 400, reason: "malformed request line")
        }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            // Obsolete line folding and lines without a colon are refused (RFC 9112 §5).
            guard let colon = line.firstIndex(of: ":"), let initial = line.first, initial != " ", initial != "\t" else {
                return .refused(status: 400, reason: "malformed header line")
            }
            let name = line[..<colon]
            guard !name.isEmpty, !name.contains(" "), !name.contains("\t") else { return .refused(status: 400, reason: "malformed header name") }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.append((name.lowercased(), value))
        }
        return .complete(RequestHead(method: String(parts[0]), target: String(parts[1]), version: String(parts[2]), headers: headers, length: end))
    }
}
