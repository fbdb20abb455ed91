import Foundation

extension Ledger {
    /// Reads the ledger in the exact layout `text()` writes (one cell a line),
    /// over bytes; nil for anything else, which `load` then reads as JSON.
    /// `JSONSerialization` made a dictionary of every cell before one was read:
    /// a second build of a large site spent its time there.
    ///
    /// Accepted only where the JSON reading gives the same ledger: the version,
    /// a 32-digit lowercase key, and cells `"id": {"withheld": true|false,
    /// "input": "<16 hex digits>"}` whose ids are valid UTF-8 with no control
    /// character and no escape but `\\` and `\"`, each id once.
    package static func readWritten(_ bytes: [UInt8]) -> Ledger? {
        bytes.withUnsafeBufferPointer { text -> Ledger? in
            var at = 0
            /// Steps over `literal` if it comes next; else stays.
            func take(_ literal: String) -> Bool {
                var end = at
                for byte in literal.utf8 {
                    guard end < text.count, text[end] == byte else { return false }
                    end += 1
                }
                at = end
                return true
            }
            func hex(_ digits: Int) -> UInt64? {
                guard text.count - at >= digits else { return nil }
                var value: UInt64 = 0
                for _ in 0..<digits {
                    let c = text[at]
                    let digit: UInt8
                    switch c {
                    case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0")
                    case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
                    default: return nil
                    }
                    value = value << 4 | UInt64(digit)
                    at += 1
                }
                return value
            }
            guard take("{\n  \"version\": \(version),\n  \"key\": \""), let k0 = hex(16), let k1 = hex(16),
                  take("\",\n  \"cells\": {\n") else { return nil }
            var ledger = Ledger(key: KeyedHash(k0: k0, k1: k1))
            // A cell's line is 70 to 90 bytes: room for every cell at once,
            // not a dictionary grown and rehashed a dozen times.
            ledger.entries.reserveCapacity(text.count / 64)
            var ids: [UInt8] = []
            var comma = false  // after a cell: no cells may follow without one, none may end with one
            while !take("  }\n}\n") {
                guard comma || ledger.entries.isEmpty else { return nil }
                guard take("    \"") else { return nil }
                ids.removeAll(keepingCapacity: true)
                while at < text.count, text[at] != UInt8(ascii: "\"") {
                    var c = text[at]
                    guard c >= 0x20 else { return nil }
                    if c == UInt8(ascii: "\\") {
                        at += 1
                        guard at < text.count, text[at] == UInt8(ascii: "\\") || text[at] == UInt8(ascii: "\"") else { return nil }
                        c = text[at]
                    }
                    ids.append(c)
                    at += 1
                }
                guard let id = String(validating: ids, as: UTF8.self), take("\": {\"withheld\": ") else { return nil }
                let withheld: Bool
                if take("true") {
                    withheld = true
                } else if take("false") {
                    withheld = false
                } else {
                    return nil
                }
                guard take(", \"input\": \""), let input = hex(16), take("\"}") else { return nil }
                // Stored and checked for an earlier line with the same id in one lookup.
                guard ledger.entries.updateValue(Entry(withheld: withheld, input: input), forKey: id) == nil else { return nil }
                // A comma after every cell but the last.
                comma = take(",")
                guard take("\n") else { return nil }
            }
            return at == text.count && !comma ? ledger : nil
        }
    }
}
