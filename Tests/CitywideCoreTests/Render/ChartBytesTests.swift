import Testing
@testable import CitywideRender

/// The byte-level writers behind every city page's chart and narrative must
/// write exactly what the String-building code they replaced wrote.
@Suite("Chart and markup bytes")
struct ChartBytesTests {
    /// `MarkupText.escape` as it was written first, one Unicode scalar at a time:
    /// the reference the byte-level escape is held to.
    private func escapedByScalars(_ text: String, inAttribute: Bool) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t": result += inAttribute ? "&#9;" : "\t"
            case "\n": result += inAttribute ? "&#10;" : "\n"
            case "\r": result += "&#13;"
            default:
                if MarkupText.isAllowedInXML(scalar) { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    @Test("escaping by bytes gives what escaping by scalars gave, for every ASCII character and the scalars near U+FFFF")
    func escapeMatchesScalarReference() {
        var samples = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
        // 0xEF starts U+F000...U+FFFF: only U+FFFE and U+FFFF are dropped.
        samples += [UInt32]([0xF000, 0xFEFF, 0xFFBE, 0xFFBF, 0xFFFD, 0xFFFE, 0xFFFF, 0xEFBF]).compactMap { UnicodeScalar($0).map(String.init) }
        samples += ["", "Chicago", "Target 60 by 2021", "a&b<c>d\"e'f", "tab\tline\nreturn\r\nend",
                    "bell\u{7}nul\u{0}ok\u{FFFE}\u{FFFF}\u{FFFD}", "é 东京 🙂 \u{2028}", "end\u{EF}\u{BF}", "\u{FFFF}x\u{FFFE}"]
        for text in samples {
            for inAttribute in [false, true] {
                #expect(MarkupText.escape(text, inAttribute: inAttribute) == escapedByScalars(text, inAttribute: inAttribute),
                        "\(Array(text.unicodeScalars)) inAttribute: \(inAttribute)")
            }
        }
    }

    @Test("a tag written a piece at a time is the tag element and leaf write")
    func tagAtATimeMatchesAttributeLists() {
        for value in [0, 0.04, -0.04, -0.05, 4.5, 12.25, -3.96, 97.5, 1e13, -1e13, .nan, .infinity] {
            var pieces = SVGWriter()
            pieces.start("text")
            pieces.attribute("class", literal: "chart-label")
            pieces.attribute("x", number: value)
            pieces.attribute("fill", "a\"b")
            pieces.haloAttributes()
            pieces.endText("text", "<City 0>")
            var list = SVGWriter()
            list.element("text", [("class", "chart-label"), ("x", SVGWriter.number(value)), ("fill", "a\"b")] + ChartFrame.halo, text: "<City 0>")
            #expect(pieces.finish() == list.finish(), "\(value)")
        }
        var pieces = SVGWriter()
        pieces.start("g")
        pieces.attribute("class", "chart-series chart-series-0")
        pieces.endOpen("g")
        pieces.start("circle")
        pieces.attribute("r", number: 3.5)
        pieces.endLeaf("circle", title: "City 0 2019-Q1: withheld")
        pieces.start("line")
        pieces.attribute("x1", number: 36)
        pieces.endLeaf()
        var list = SVGWriter()
        list.open("g", [("class", "chart-series chart-series-0")])
        list.leaf("circle", [("r", "3.5")], title: "City 0 2019-Q1: withheld")
        list.leaf("line", [("x1", "36")])
        #expect(pieces.finish() == list.finish())
    }

    /// A city's chart with a withheld quarter, so the gap note is drawn.
    private func gappedChart() -> LineChart {
        LineChart(id: "chart-m000", title: "Cases, City 0", summary: "Line chart of cases for City 0.", unit: "people",
                  xLabels: ["2019-Q1", "2019-Q2"],
                  series: [ChartSeries(name: "City 0", values: [.gap(reason: "withheld"), .number(33, text: "33")])],
                  target: (60, "Target 60 by 2021"))
    }

    @Test("a gap note wrapped once is drawn as the chart would wrap it, and only for the words and width it was wrapped for")
    func wrappedGapNoteIsUsedOnlyWhenItMatches() {
        let own = gappedChart().svg()
        #expect(own.contains(">Hollow markers below the axis: value not</text>"))

        var reused = gappedChart()
        reused.wrappedGapNote = LineChart.WrappedNote(reused.words.lineGapNote, chartWidth: reused.width)
        #expect(reused.svg() == own)

        // Wrapped for other words (another language's), or another width: not used.
        var otherWords = gappedChart()
        otherWords.wrappedGapNote = LineChart.WrappedNote("Marcadores huecos: valor no publicado.", chartWidth: otherWords.width)
        #expect(otherWords.svg() == own)
        var otherWidth = gappedChart()
        otherWidth.wrappedGapNote = LineChart.WrappedNote(otherWidth.words.lineGapNote, chartWidth: 2000)
        #expect(otherWidth.svg() == own)
    }

    @Test("a label that fits is kept whole; one a hair too wide is cut; one character is never cut")
    func fittedAtItsEdge() {
        let label = "Target 60 by 2021"
        let room = ChartText.width(label) * 1.1
        #expect(ChartText.fitted(label, width: room) == label)
        let cut = ChartText.fitted(label, width: room - 0.01)
        #expect(cut.hasSuffix("…") && cut.count < label.count)
        #expect(ChartText.width(cut) * 1.1 <= room - 0.01)
        #expect(ChartText.fitted("W", width: 1) == "W")
        #expect(ChartText.fitted("", width: 0) == "")
    }
}
