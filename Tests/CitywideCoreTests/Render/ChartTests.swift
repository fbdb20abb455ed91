import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywidePublish
@testable import CitywideRender
@testable import CitywideWrite

// MARK: - A small parsed-SVG tree for assertions

/// A parsed XML element. (Not named XMLNode: FoundationXML has one.)
private final class ChartTestNode {
    let name: String
    let attributes: [String: String]
    var children: [ChartTestNode] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    subscript(_ attribute: String) -> String? { attributes[attribute] }

    var classes: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }
    func hasClass(_ name: String) -> Bool { classes.contains(name) }

    /// This node and all descendants, document order.
    var all: [ChartTestNode] { [self] + children.flatMap(\.all) }

    func descendants(_ name: String) -> [ChartTestNode] { all.dropFirst().filter { $0.name == name } }
    func withClass(_ name: String) -> [ChartTestNode] { all.filter { $0.hasClass(name) } }
    /// Text of the `<title>` child, if any.
    var tooltip: String? { children.first { $0.name == "title" }?.text }
    func number(_ attribute: String) -> Double? { attributes[attribute].flatMap(Double.init) }
}

private final class ChartTestTreeBuilder: NSObject, XMLParserDelegate {
    var stack: [ChartTestNode] = []
    var root: ChartTestNode?

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        let node = ChartTestNode(name: elementName, attributes: attributeDict)
        stack.last?.children.append(node)
        if root == nil { root = node }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }
}

private struct ChartTestParseFailure: Error, CustomStringConvertible {
    let description: String
}

// MARK: - Structure and accessibility

@Suite("Charts")
struct ChartTests {
    /// Parses `svg` with Foundation's XMLParser; throws if it is not well-formed.
    fileprivate func parseSVG(_ svg: String) throws -> ChartTestNode {
        let parser = XMLParser(data: Data(svg.utf8))
        let builder = ChartTestTreeBuilder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw ChartTestParseFailure(description: "not well-formed: \(parser.parserError.map { "\($0)" } ?? "?")\n\(svg)")
        }
        return root
    }

    // MARK: - Fixtures

    let quarters = ["2018-Q1", "2018-Q2", "2018-Q3", "2018-Q4"]

    func num(_ value: Double, _ text: String? = nil) -> ChartValue {
        .number(value, text: text ?? ChartScale.format(value, fractionDigits: 0))
    }

    func sampleLineChart() -> LineChart {
        LineChart(
            id: "victims-identified",
            title: "Victims identified per quarter",
            summary: "Identifications rose in Atlanta and stayed flat in Boston.",
            unit: "People",
            xLabels: quarters,
            series: [
                ChartSeries(name: "Atlanta", values: [num(14), .gap(reason: "fewer than 11"), num(22), num(31)]),
                ChartSeries(name: "Boston", values: [num(18), num(17), num(19), .gap(reason: "not available")]),
            ],
            target: (value: 40, label: "Target 40 by 2021")
        )
    }

    func sampleBarChart() -> BarChart {
        BarChart(
            id: "cases-by-city",
            title: "Cases by city, 2020",
            summary: "Atlanta reported the most cases.",
            unit: "Cases",
            bars: [
                (label: "Atlanta", value: num(1204, "1,204")),
                (label: "Boston", value: .gap(reason: "fewer than 11")),
                (label: "Chicago", value: num(860, "860")),
            ]
        )
    }

    let hostile = "<script>alert(\"x\")</script> & 'quoted' ]]> <!-- -->"

    /// The root is an accessible image whose first children are the linked title and desc.
    fileprivate func checkAccessibleRoot(_ root: ChartTestNode, id: String, kind: String) {
        #expect(root.name == "svg")
        #expect(root["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root["role"] == "img")
        #expect(root["aria-labelledby"] == "\(id)-title \(id)-desc")
        #expect(root["class"] == "chart chart-\(kind)")
        // Drawn 340 units wide and shown at one CSS pixel per unit: width and height
        // attributes equal the viewBox's, so text never scales with the layout.
        let box = (root["viewBox"] ?? "").split(separator: " ").map(String.init)
        #expect(box.count == 4 && box[0] == "0" && box[1] == "0" && box[2] == "340")
        #expect(box.count == 4 && root["width"] == box[2] && root["height"] == box[3])
        #expect(root.children.count >= 2)
        #expect(root.children.first?.name == "title")
        #expect(root.children.first?["id"] == "\(id)-title")
        #expect(root.children.dropFirst().first?.name == "desc")
        #expect(root.children.dropFirst().first?["id"] == "\(id)-desc")
    }

    @Test func lineChartIsWellFormedAndAccessible() throws {
        let root = try parseSVG(sampleLineChart().svg())
        checkAccessibleRoot(root, id: "victims-identified", kind: "line")
        #expect(root.children[0].text == "Victims identified per quarter")
    }

    @Test func barChartIsWellFormedAndAccessible() throws {
        let root = try parseSVG(sampleBarChart().svg())
        checkAccessibleRoot(root, id: "cases-by-city", kind: "bar")
        #expect(root.children[0].text == "Cases by city, 2020")
    }

    @Test func lineDescriptionListsEveryValueInWords() throws {
        let desc = try parseSVG(sampleLineChart().svg()).children[1].text
        #expect(desc.hasPrefix("Identifications rose in Atlanta and stayed flat in Boston."))
        #expect(desc.contains("Unit: People."))
        #expect(desc.contains("Atlanta: 2018-Q1 14, 2018-Q2 fewer than 11, 2018-Q3 22, 2018-Q4 31."))
        #expect(desc.contains("Boston: 2018-Q1 18, 2018-Q2 17, 2018-Q3 19, 2018-Q4 not available."))
        #expect(desc.contains("Target line: Target 40 by 2021."))
    }

    @Test func barDescriptionListsEveryValueInWords() throws {
        let desc = try parseSVG(sampleBarChart().svg()).children[1].text
        #expect(desc == "Atlanta reported the most cases. Unit: Cases. Atlanta: 1,204; Boston: fewer than 11; Chicago: 860.")
    }

    @Test func publishedPointsAndGapsCarryTooltips() throws {
        let root = try parseSVG(sampleLineChart().svg())
        let points = root.withClass("chart-point").compactMap(\.tooltip)
        #expect(points.contains("Atlanta 2018-Q1: 14"))
        #expect(points.contains("Boston 2018-Q3: 19"))
        #expect(points.count == 6)
        let gaps = root.withClass("chart-gap").compactMap(\.tooltip)
        #expect(gaps == ["Atlanta 2018-Q2: fewer than 11", "Boston 2018-Q4: not available"])
    }

    @Test func styleClassesArePresentWithInlinePaint() throws {
        let root = try parseSVG(sampleLineChart().svg())
        for name in ["chart-grid", "chart-axis", "chart-series-0", "chart-series-1", "chart-gap", "chart-target"] {
            #expect(!root.withClass(name).isEmpty, "missing class \(name)")
        }
        for line in root.withClass("chart-path") {
            #expect(line["stroke"]?.hasPrefix("#") == true)
            #expect(line["fill"] == "none")
        }
        let target = try #require(root.withClass("chart-target").first)
        #expect(target.descendants("line").first?["stroke"] != nil)
        #expect(target.descendants("text").first?.text == "Target 40 by 2021")
    }

    @Test func noScriptsExternalReferencesOrForeignObjects() throws {
        for svg in [sampleLineChart().svg(), sampleBarChart().svg()] {
            let root = try parseSVG(svg)
            let names = Set(root.all.map(\.name))
            #expect(!names.contains("script"))
            #expect(!names.contains("foreignObject"))
            #expect(!names.contains("image"))
            #expect(!root.all.contains { $0.attributes.keys.contains { $0.hasPrefix("on") || $0.hasSuffix("href") } })
            // The only URL is the SVG namespace; fills may only point inside the document.
            #expect(svg.components(separatedBy: "http").count == 2)
            for node in root.all { if let fill = node["fill"], fill.hasPrefix("url(") { #expect(fill.hasPrefix("url(#")) } }
        }
    }

    /// 12 units is 12 px at 1280 px; at 320 px a chart in a card is about 262 px
    /// wide, so 340 units keep 12-unit text at 9.2 px (the browser suite measures it).
    @Test func textIsAtLeast12UnitsAt340Wide() throws {
        for svg in [sampleLineChart().svg(), sampleBarChart().svg()] {
            let root = try parseSVG(svg)
            #expect(root["viewBox"]?.split(separator: " ")[2] == "340")
            #expect((root.number("font-size") ?? 0) >= 12)
            for node in root.all { if let size = node.number("font-size") { #expect(size >= 12) } }
        }
    }

    // MARK: - Escaping

    @Test func hostileTextIsEscapedInLineChart() throws {
        let chart = LineChart(id: "x\" onload=\"alert(1)", title: hostile, summary: hostile, unit: hostile,
                              xLabels: [hostile, "b"],
                              series: [ChartSeries(name: hostile, values: [num(3), .gap(reason: hostile)])],
                              target: (value: 5, label: hostile))
        let svg = chart.svg()
        #expect(!svg.contains("<script"))
        #expect(!svg.contains("onload=\""))
        let root = try parseSVG(svg)
        #expect(root.children[0].text == hostile)
        #expect(root.children[1].text.contains(hostile))
        #expect(!root.all.contains { $0.name == "script" })
        #expect(root.withClass("chart-gap").first?.tooltip == hostile + " b: " + hostile)
        // The unsafe id is made safe, consistently.
        let id = try #require(root.children[0]["id"])
        #expect(id.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        #expect(root["aria-labelledby"] == "\(id) \(root.children[1]["id"]!)")
    }

    @Test func hostileTextIsEscapedInBarChart() throws {
        let chart = BarChart(id: "9 bad id's", title: hostile, summary: "s", unit: "",
                             bars: [(label: hostile, value: num(7, hostile)), (label: "b", value: .gap(reason: hostile))])
        let svg = chart.svg()
        #expect(!svg.contains("<script"))
        let root = try parseSVG(svg)
        #expect(root.children[0].text == hostile)
        #expect(root.withClass("chart-value").first?.text == hostile)
        let pattern = try #require(root.descendants("pattern").first)
        let patternID = try #require(pattern["id"])
        // Edits an output id, not an input: the pattern's id starts with the chart's.
        #expect(patternID.hasPrefix(root.children[0]["id"]!.replacingOccurrences(of: "-title", with: "")))
        #expect(root.withClass("chart-gap").first?["fill"] == "url(#\(patternID))")
    }

    @Test func characterReferencesAndControlCharacters() {
        #expect(SVGWriter.escape("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&#39;f")
        #expect(SVGWriter.escape("bell\u{7}nul\u{0}ok\u{FFFE}") == "bellnulok")
        #expect(SVGWriter.escape("é 东京 🙂") == "é 东京 🙂")
        #expect(SVGWriter.safeID("cases by city") == "cases-by-city")
        #expect(SVGWriter.safeID("2020") == "chart-2020")
        #expect(SVGWriter.safeID("") == "chart-")
    }

    @Test("the writer escapes text and attributes as MarkupText.escape does, byte for byte")
    func writerEscapesAsMarkupText() {
        let samples = ["a&b<c>d\"e'f", "tab\tline\nreturn\r\nend", "bell\u{7}nul\u{0}ok\u{FFFE}\u{FFFF}\u{FFFD}", "é 东京 🙂 \u{2028}", "", "&"]
        for text in samples {
            var w = SVGWriter()
            w.element("text", [("aria-label", text)], text: text)
            #expect(w.finish() == "<text aria-label=\"\(MarkupText.escape(text, inAttribute: true))\">\(MarkupText.escape(text))</text>\n")
        }
        var w = SVGWriter()
        w.open("g", [("class", "a")])
        w.leaf("rect", [("x", "1")], title: "<t>")
        w.leaf("circle", [])
        #expect(w.finish() == "<g class=\"a\">\n<rect x=\"1\"><title>&lt;t&gt;</title></rect>\n<circle/>\n</g>\n")
    }

    @Test func controlCharactersInLabelsStillGiveWellFormedXML() throws {
        let chart = LineChart(id: "c", title: "A\u{1}B", summary: "", xLabels: ["x\u{8}"],
                              series: [ChartSeries(name: "s\u{B}", values: [num(1)])])
        let root = try parseSVG(chart.svg())
        #expect(root.children[0].text == "AB")
    }

    // MARK: - Determinism and number formatting

    @Test func outputIsDeterministic() {
        #expect(sampleLineChart().svg() == sampleLineChart().svg())
        #expect(sampleBarChart().svg() == sampleBarChart().svg())
        let chart = sampleLineChart()
        #expect(chart.svg() == chart.svg())
    }

    @Test func coordinatesHaveAtMostOneDecimal() throws {
        #expect(SVGWriter.number(3) == "3")
        #expect(SVGWriter.number(3.04) == "3")
        #expect(SVGWriter.number(3.06) == "3.1")
        #expect(SVGWriter.number(12.25) == "12.3")
        #expect(SVGWriter.number(-0.04) == "0")
        #expect(SVGWriter.number(-7.5) == "-7.5")
        #expect(SVGWriter.number(1234.56) == "1234.6")
        #expect(SVGWriter.number(.nan) == "0")
        #expect(SVGWriter.number(.infinity) == "0")

        let svg = sampleLineChart().svg() + sampleBarChart().svg()
        let root = try parseSVG(sampleLineChart().svg())
        let coordinateAttributes = ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height"]
        for node in root.all {
            for name in coordinateAttributes {
                guard let value = node[name], value != "100%" else { continue }
                #expect(!value.hasSuffix(".0"))
                #expect(!value.contains(","))
                #expect((value.split(separator: ".").dropFirst().first?.count ?? 0) <= 1, "\(name)=\(value)")
            }
        }
        // Path data: every number has at most one decimal.
        let numbers = svg.split(whereSeparator: { !"0123456789.".contains($0) })
        #expect(!numbers.contains { $0.split(separator: ".").count > 2 })
    }

    @Test func tickLabelsAreGroupedAndLocaleIndependent() {
        #expect(ChartScale.format(1204, fractionDigits: 0) == "1,204")
        #expect(ChartScale.format(1_500_000, fractionDigits: 0) == "1,500,000")
        #expect(ChartScale.format(0.25, fractionDigits: 2) == "0.25")
        #expect(ChartScale.format(0.30000000000000004, fractionDigits: 1) == "0.3")
        #expect(ChartScale.format(-2000, fractionDigits: 0) == "-2,000")
        #expect(ChartScale.format(-0.0, fractionDigits: 0) == "0")
    }

    // MARK: - Scale

    @Test(arguments: [
        (7.0, 8.0), (11.0, 15.0), (10.0, 10.0), (12.0, 15.0), (13.0, 15.0), (14.0, 15.0), (31.0, 40.0), (40.0, 40.0),
        (99.0, 100.0), (101.0, 150.0), (1204.0, 1500.0), (0.3, 0.3), (1.1, 1.5), (0.07, 0.08), (1.0, 1.0),
    ])
    func niceMaximum(value: Double, expected: Double) {
        let scale = ChartScale(including: [value])
        #expect(abs(scale.upper - expected) < 1e-9, "max \(value) gave \(scale.upper)")
        #expect(scale.lower == 0)
    }

    @Test func ticksAreFourToSixNiceSteps() {
        var value = 0.013
        while value < 5e7 {
            let scale = ChartScale(including: [value])
            let ticks = scale.ticks
            #expect((4...6).contains(ticks.count), "\(value): \(ticks)")
            #expect(scale.upper >= value && ticks.first == 0)
            let mantissa = scale.step / pow(10, log10(scale.step).rounded(.down))
            #expect([1.0, 2.0, 5.0].contains { abs($0 - mantissa) < 1e-6 }, "step \(scale.step)")
            value *= 1.37
        }
    }

    @Test func scaleWithOnlyZerosOrNothingIsZeroToFive() {
        #expect(ChartScale(including: []).ticks == [0, 1, 2, 3, 4, 5])
        #expect(ChartScale(including: [0, 0]).upper == 5)
        let negative = ChartScale(including: [-12, 30])
        #expect(negative.lower < -12 && negative.upper >= 30 && negative.ticks.contains(0))
    }

    @Test func lineAxisMaximumIsTheNiceCeilingOfPublishedValues() throws {
        let chart = LineChart(id: "c", title: "t", summary: "s", xLabels: quarters,
                              series: [ChartSeries(name: "A", values: [num(3), num(14), .gap(reason: "fewer than 11"), num(9)])])
        #expect(chart.scale.upper == 15)
        let root = try parseSVG(chart.svg())
        let yLabels = try #require(root.withClass("chart-axis-y").first).descendants("text").map(\.text)
        #expect(yLabels == ["0", "5", "10", "15"])
    }

    @Test func targetIsIncludedInTheScale() throws {
        let root = try parseSVG(sampleLineChart().svg())
        let yLabels = try #require(root.withClass("chart-axis-y").first).descendants("text").map(\.text)
        #expect(yLabels.last == "40")
    }

    @Test func barAxisMaximumIsTheNiceCeilingOfPublishedValues() throws {
        let chart = sampleBarChart()
        #expect(chart.scale.upper == 1500)
        let root = try parseSVG(chart.svg())
        let ticks = try #require(root.withClass("chart-axis-x").first).descendants("text").map(\.text)
        #expect(ticks.last == "1,500")
        // The longest bar ends at 1204/1500 of the plot; Chicago's is in proportion.
        let bars = root.withClass("chart-bar-rect")
        let widths = bars.compactMap { $0.number("width") }
        #expect(widths.count == 2)
        #expect(abs(widths[0] / widths[1] - 1204.0 / 860.0) < 0.01)
    }

    @Test func gapReasonsNeverChangeGeometry() {
        func chart(_ reason: String) -> LineChart {
            LineChart(id: "c", title: "t", summary: "s", xLabels: quarters,
                      series: [ChartSeries(name: "A", values: [num(5), .gap(reason: reason), num(8), num(2)])])
        }
        // These edit the drawn SVG (output), not an input: with the reason
        // blanked out, the two drawings must be byte-identical.
        let a = chart("fewer than 11").svg().replacingOccurrences(of: "fewer than 11", with: "R")
        let b = chart("withheld to protect another value").svg()
            .replacingOccurrences(of: "withheld to protect another value", with: "R")
        #expect(a == b)
        func bars(_ reason: String) -> BarChart {
            BarChart(id: "b", title: "t", summary: "s", bars: [(label: "A", value: num(5)), (label: "B", value: .gap(reason: reason))])
        }
        #expect(bars("x").svg().replacingOccurrences(of: ">x<", with: ">R<").replacingOccurrences(of: "B: x", with: "B: R")
                == bars("R").svg())
    }

    // MARK: - Gaps

    @Test func lineBreaksAtAGap() throws {
        let chart = LineChart(id: "c", title: "t", summary: "s", xLabels: ["a", "b", "c", "d", "e"],
                              series: [ChartSeries(name: "A", values: [num(1), num(2), .gap(reason: "fewer than 11"), num(3), num(4)])])
        let root = try parseSVG(chart.svg())
        let paths = root.withClass("chart-path")
        #expect(paths.count == 2)
        for path in paths {
            let d = try #require(path["d"])
            #expect(d.filter { $0 == "M" }.count == 1)
            #expect(d.filter { $0 == "L" }.count == 1)
        }
        #expect(root.withClass("chart-point").count == 4)
    }

    @Test func isolatedPointsAreLoneMarkersWithoutALine() throws {
        let chart = LineChart(id: "c", title: "t", summary: "s", xLabels: ["a", "b", "c"],
                              series: [ChartSeries(name: "A", values: [num(10), .gap(reason: "fewer than 11"), num(30)])])
        let root = try parseSVG(chart.svg())
        #expect(root.withClass("chart-path").isEmpty)
        #expect(root.withClass("chart-point").count == 2)
        #expect(root.withClass("chart-gap").count == 1)
    }

    @Test func gapIsDrawnBelowTheAxisNeverAsZero() throws {
        let chart = LineChart(id: "c", title: "t", summary: "s", xLabels: ["a", "b", "c"],
                              series: [ChartSeries(name: "A", values: [num(10), .gap(reason: "fewer than 11"), num(30)])])
        let root = try parseSVG(chart.svg())
        let baseline = try #require(root.withClass("chart-baseline").first?.number("y1"))
        let gap = try #require(root.withClass("chart-gap").first)
        let gapY = try #require(gap.number("cy"))     // series 0 uses circles
        #expect(gapY > baseline + 4, "gap marker must sit below the axis, not at the zero line")
        #expect(gap["fill"] == ChartPalette.background)   // hollow
        // No published point sits at the gap's x position.
        let gapX = try #require(gap.number("cx"))
        #expect(!root.withClass("chart-point").contains { $0.number("cx") == gapX })
        #expect(!root.withClass("chart-path").contains { ($0["d"] ?? "").contains(SVGWriter.number(gapX) + " ") })
    }

    @Test func barGapIsAFixedHatchedPlaceholder() throws {
        let root = try parseSVG(sampleBarChart().svg())
        let gaps = root.withClass("chart-gap")
        #expect(gaps.count == 1)
        let gap = try #require(gaps.first)
        #expect(gap.number("width") == BarChart.gapWidth)
        #expect(gap.tooltip == "Boston: fewer than 11")
        #expect(gap["fill"] == "url(#cases-by-city-hatch)")
        #expect(root.descendants("pattern").first?["id"] == "cases-by-city-hatch")
        #expect(root.withClass("chart-gap-label").first?.text == "fewer than 11")
        // No bar, and no zero-width geometry, for the gap row.
        #expect(root.withClass("chart-bar-rect").count == 2)
        #expect(!root.withClass("chart-bar-rect").contains { $0.number("width") == 0 })
        #expect(!root.withClass("chart-bar-rect").contains { $0.tooltip?.hasPrefix("Boston") == true })
    }

    @Test func twoBarChartsOnAPageHaveDistinctPatternIDs() throws {
        var other = sampleBarChart()
        other.id = "cases-by-city-2021"
        let first = try parseSVG(sampleBarChart().svg()).descendants("pattern").compactMap { $0["id"] }
        let second = try parseSVG(other.svg()).descendants("pattern").compactMap { $0["id"] }
        #expect(Set(first).isDisjoint(with: second))
    }

    @Test func shortSeriesArePaddedAsNotAvailable() throws {
        let chart = LineChart(id: "c", title: "t", summary: "", xLabels: ["a", "b", "c"],
                              series: [ChartSeries(name: "A", values: [num(1), num(2), num(3), num(99)]),
                                       ChartSeries(name: "B", values: [num(1)])])
        #expect(chart.scale.upper == 3)   // the value past the last x label is not drawn
        let root = try parseSVG(chart.svg())
        #expect(root.children[1].text.contains("B: a 1, b not available, c not available."))
    }

    // MARK: - Empty charts

    @Test func lineChartWithoutPublishedValuesSaysSo() throws {
        let chart = LineChart(id: "c", title: "t", summary: "Nothing published.", xLabels: ["a", "b"],
                              series: [ChartSeries(name: "A", values: [.gap(reason: "fewer than 11"), .gap(reason: "not available")])],
                              target: (value: 40, label: "Target 40"))
        let root = try parseSVG(chart.svg())
        #expect(root.withClass("chart-empty").first?.text == "No published values")
        #expect(root.withClass("chart-frame").count == 1)
        #expect(root.withClass("chart-path").isEmpty && root.withClass("chart-point").isEmpty)
        #expect(root.children[1].text.contains("A: a fewer than 11, b not available."))
    }

    @Test func chartsWithNothingAtAllSaySo() throws {
        let line = LineChart(id: "c", title: "t", summary: "", xLabels: [], series: [])
        let bars = BarChart(id: "b", title: "t", summary: "", bars: [])
        let allGaps = BarChart(id: "g", title: "t", summary: "", bars: [(label: "A", value: .gap(reason: "withheld"))])
        for svg in [line.svg(), bars.svg(), allGaps.svg()] {
            let root = try parseSVG(svg)
            #expect(root.withClass("chart-empty").first?.text == "No published values")
            #expect(root.withClass("chart-bar-rect").isEmpty)
        }
    }

    // MARK: - Series styling

    @Test func paletteContrastAgainstWhite() throws {
        // The WCAG formula itself, on known pairs.
        #expect(abs(try #require(ChartPalette.contrastRatio("#000000", "#ffffff")) - 21) < 1e-9)
        #expect(abs(try #require(ChartPalette.contrastRatio("#767676", "#ffffff")) - 4.54) < 0.01)
        #expect(ChartPalette.contrastRatio("#ffffff", "#ffffff") == 1)
        #expect(ChartPalette.relativeLuminance("#12345") == nil)

        #expect(ChartPalette.series.count >= 6)
        for color in ChartPalette.series + [ChartPalette.text, ChartPalette.mutedText, ChartPalette.axis,
                                            ChartPalette.target, ChartPalette.gap] {
            let ratio = try #require(ChartPalette.contrastRatio(color, "#ffffff"))
            #expect(ratio >= 3, "\(color) has \(ratio):1")
            #expect(ratio >= 4.5, "\(color) is used for text and has \(ratio):1")
        }
    }

    @Test func seriesDifferByColourAndMarkerShape() throws {
        let names = ["A", "B", "C", "D", "E", "F"]
        let chart = LineChart(id: "c", title: "t", summary: "", xLabels: ["x", "y"],
                              series: names.enumerated().map { ChartSeries(name: $1, values: [num(Double($0 + 1)), num(Double($0 + 2))]) })
        let root = try parseSVG(chart.svg())
        var shapes: [String] = []
        var colours: [String] = []
        for index in names.indices {
            let group = try #require(root.withClass("chart-series-\(index)").first)
            let markers = group.withClass("chart-point")
            #expect(markers.count == 2)
            let shape = try #require(markers.first?.classes.first { $0.hasPrefix("chart-marker-") })
            #expect(markers.allSatisfy { $0.hasClass(shape) })
            shapes.append(shape)
            colours.append(try #require(markers.first?["fill"]))
        }
        #expect(Set(shapes).count == names.count)
        #expect(Set(colours).count == names.count)
        // Beyond six series the style pairs keep differing.
        let styles = (0..<36).map(ChartPalette.style(forSeries:))
        #expect(Set(styles.map { "\($0.color)\($0.marker)\($0.dash ?? "")" }).count == 36)
    }

    /// WCAG 1.4.11 asks 3:1 for the parts of a graphic needed to understand it. Against the
    /// white background every series colour has it (test above). Against each other six
    /// colours cannot all have it (that would need six luminance steps of 3:1 each, more than
    /// black to white allows), and today's neighbours are between 1.04:1 and 1.55:1. So colour is
    /// never the only cue: every pair of series that share a chart, and are below 3:1 from each
    /// other, must differ in marker shape, and every series is named by a direct label in its own
    /// colour at its last point. The grid (#e3e3e3) is decorative: values are labelled on the axes
    /// and written in the table beside the chart, so it needs no contrast.
    @Test func neighbouringSeriesDifferByMoreThanColour() throws {
        let names = ["Atlanta", "Boston", "Chicago", "Denver", "El Paso", "Fresno"]
        let chart = LineChart(id: "n", title: "t", summary: "", xLabels: ["x", "y"],
                              series: names.enumerated().map { ChartSeries(name: $1, values: [num(Double(10 * $0 + 1)), num(Double(10 * $0 + 5))]) })
        let root = try parseSVG(chart.svg())
        var lowContrastPairs = 0
        for i in names.indices {
            for j in names.indices where j > i {
                let a = ChartPalette.style(forSeries: i), b = ChartPalette.style(forSeries: j)
                let ratio = try #require(ChartPalette.contrastRatio(a.color, b.color))
                #expect(a.color != b.color)
                if ratio < 3 {
                    lowContrastPairs += 1
                    #expect(a.marker != b.marker, "series \(i) and \(j) are \(ratio):1 apart and share a marker")
                }
            }
            let group = try #require(root.withClass("chart-series-\(i)").first)
            let label = try #require(group.withClass("chart-label").first)
            #expect(label.text == names[i])
            #expect(label["fill"] == ChartPalette.style(forSeries: i).color)
            // The background the colours are judged against is the chart's own.
            #expect(try #require(ChartPalette.contrastRatio(ChartPalette.style(forSeries: i).color, ChartPalette.background)) >= 3)
        }
        // Documented above: adjacent colours do not reach 3:1 from each other.
        #expect(lowContrastPairs > 0)
        #expect(try #require(ChartPalette.contrastRatio(ChartPalette.grid, ChartPalette.background)) < 3)
        #expect(root.withClass("chart-grid").allSatisfy { $0.descendants("text").isEmpty })
    }

    @Test func directLabelAtLastPublishedPoint() throws {
        let root = try parseSVG(sampleLineChart().svg())
        for (index, name) in ["Atlanta", "Boston"].enumerated() {
            let group = try #require(root.withClass("chart-series-\(index)").first)
            let label = try #require(group.withClass("chart-label").first)
            #expect(label.text == name)
            // Boston's last published value is 2018-Q3, not the gap at Q4.
            let last = try #require(group.withClass("chart-point").last)
            let lastX = try #require(last.number("cx") ?? last["d"].flatMap { Double($0.dropFirst().split(separator: " ")[0]) })
            let labelX = try #require(label.number("x"))
            #expect(labelX > lastX && labelX - lastX < 20)
        }
    }

    @Test func manyXLabelsAreThinned() throws {
        let labels = (2010..<2020).flatMap { year in (1...4).map { "\(year)-Q\($0)" } }
        let chart = LineChart(id: "c", title: "t", summary: "", xLabels: labels,
                              series: [ChartSeries(name: "A", values: labels.indices.map { num(Double($0)) })])
        let root = try parseSVG(chart.svg())
        let shown = try #require(root.withClass("chart-axis-x").first).descendants("text")
        #expect(shown.count < labels.count)
        #expect(shown.first?.text == "2010-Q1")
        // No two shown labels overlap (estimated widths).
        let xs = shown.compactMap { $0.number("x") }
        for (a, b) in zip(xs, xs.dropFirst()) { #expect(b - a >= ChartText.width("2010-Q1") + 8) }
        // Few labels are all shown.
        let few = try parseSVG(sampleLineChart().svg())
        #expect(try #require(few.withClass("chart-axis-x").first).descendants("text").map(\.text) == quarters)
    }

    @Test func labelSpreadingKeepsOrderAndGap() {
        let placed = ChartText.spread([100, 102, 50, 101], gap: 15, lower: 0, upper: 200)
        #expect(placed[2] == 50)
        let sorted = placed.sorted()
        for (a, b) in zip(sorted, sorted.dropFirst()) { #expect(b - a >= 15 - 1e-9) }
        let squeezed = ChartText.spread([195, 199], gap: 15, lower: 0, upper: 200)
        #expect(squeezed == [185, 200])
    }
}

@Suite("Chart labels")
struct ChartLabelTests {
    @Test("the target label stays clear of the unit and the series labels")
    func targetLabelPlacement() throws {
        // A target at the top of the scale: above its line the label would touch the unit.
        var chart = LineChart(id: "t", title: "T", summary: "S", unit: "referrals to immigration legal help",
                              xLabels: ["2020-Q1", "2020-Q2", "2020-Q3"],
                              series: [ChartSeries(name: "Minneapolis", values: [.number(10, text: "10"), .number(60, text: "60"), .gap(reason: "withheld")])],
                              target: (value: 60, label: "Target 60 by December 31, 2020, as the commitment says"))
        chart.words = .english
        let svg = chart.svg()
        let label = try #require(svg.range(of: "class=\"chart-target-label\" x=\""))
        let rest = svg[label.upperBound...]
        let x = Double(rest.prefix { $0 != "\"" }) ?? 0
        let yStart = try #require(rest.range(of: "y=\""))
        let y = Double(rest[yStart.upperBound...].prefix { $0 != "\"" }) ?? 0
        #expect(y - ChartText.fontSize >= 20, "below the unit line (baseline 16)")
        // Its text is cut to end before the series label that starts in the plot.
        let textStart = try #require(rest.range(of: ">"))
        let text = String(rest[textStart.upperBound...].prefix { $0 != "<" })
        let seriesLabel = try #require(svg.range(of: "class=\"chart-label\" x=\""))
        let seriesX = Double(svg[seriesLabel.upperBound...].prefix { $0 != "\"" }) ?? 0
        #expect(text.hasSuffix("…"))
        #expect(x + ChartText.width(text) <= seriesX)
    }

    @Test("a note wraps into lines that fit the chart")
    func wrapping() {
        let lines = ChartText.lines("Hollow markers below the axis: value not published.", width: 200, fontSize: 12)
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { ChartText.width($0, fontSize: 12) * 1.1 <= 200 })
        #expect(ChartText.fitted("Target 60 by December 31, 2020", width: 80).hasSuffix("…"))
    }
}
