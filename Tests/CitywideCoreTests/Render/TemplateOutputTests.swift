import Testing
@testable import CitywideRender

/// The renderer's byte buffer against an array doing the same: appends
/// past its first capacity (it grows), a standalone partial's indentation
/// inserted within and at the end, digits reversed in place.
struct TemplateOutputTests {
    @Test func writesWhatAnArrayWould() {
        var out = TemplateOutput(capacity: 4)
        defer { out.deallocate() }
        var expected: [UInt8] = []
        let line = Array("<li>Atlanta & Boise</li>\n".utf8)
        for _ in 0..<3 {
            line.withUnsafeBufferPointer { out.append($0) }
            expected += line
        }
        out.append("true")
        expected += Array("true".utf8)
        out.append(UInt8(ascii: "x"))
        expected.append(UInt8(ascii: "x"))
        out.append(UnsafeBufferPointer(start: nil, count: 0))

        let indentation = Array("    ".utf8)
        out.insert(indentation, at: line.count)
        expected.insert(contentsOf: indentation, at: line.count)
        out.insert(indentation, at: out.count)
        expected += indentation
        out.insert([], at: 0)

        let digits = out.count
        for digit in [UInt8(ascii: "3"), UInt8(ascii: "2"), UInt8(ascii: "1")] { out.append(digit) }
        out.reverse(from: digits)
        expected += Array("123".utf8)

        #expect(out.count == expected.count)
        #expect(out[line.count - 1] == UInt8(ascii: "\n") && out[line.count] == UInt8(ascii: " "))
        #expect(out.bytes() == expected, "\(String(decoding: out.bytes(), as: UTF8.self))")
    }
}
