import Foundation
import CitywideModel
import CitywidePublished
import CitywideWrite

/// A horizontal bar chart, one bar per city (or per dimension value), drawn
/// as inline SVG with no script and no external references.
///
/// Privacy: bar lengths and the axis come only from published numbers. A gap
/// is a fixed-size hatched outline at the zero line, labelled with its
/// published reason — never a bar of length zero or of any value.
public struct BarChart: Sendable {
    /// Unique within the page; used (made safe) for ids of title, desc and the hatch pattern.
    public var id: String
    /// The chart's own words (notes, labels), in the page's language.
    public var words: ChartWords = .english
    public var title: String
    /// One sentence written by the caller; starts the `<desc>`.
    public var summary: String
    public var unit: String
    public var bars: [(label: String, value: ChartValue)]

    /// Width of the viewBox. Text keeps its size in viewBox units, so a chart
    /// shown small (a small multiple) is drawn narrower to stay legible.
    public var width: Double

    public init(id: String, title: String, summary: String, unit: String = "",
                bars: [(label: String, value: ChartValue)], width: Double = 340) {
        self.width = width
        self.id = id
        self.title = title
        self.summary = summary
        self.unit = unit
        self.bars = bars
    }

    /// Width of a gap placeholder: fixed, so it says nothing about the value.
    package static let gapWidth = 26.0
    package static let rowHeight = 30.0
    package static let barHeight = 18.0

    /// The value axis: from the published numbers only.
    package var scale: ChartScale { ChartScale(including: bars.compactMap(\.value.plottable)) }

    /// The full text alternative: summary, unit, then every bar in words.
    package var description: String {
        var parts = [ChartWording.lead(summary: summary, unit: unit, words: words)]
        if !bars.isEmpty {
            parts.append(ChartWording.sentence(bars.map { $0.label + ": " + $0.value.words }.joined(separator: "; ")))
        }
        return ChartWording.join(parts)
    }

    // MARK: - Rendering

    public func svg() -> String {
        let chartID = SVGWriter.safeID(id)
        let hatchID = chartID + "-hatch"
        let n = SVGWriter.number
        let scale = self.scale
        let hasData = bars.contains { $0.value.plottable != nil }
        let hasGaps = bars.contains { $0.value.plottable == nil }
        let plotTop = unit.isEmpty ? 12.0 : 30.0
        var w = SVGWriter()

        guard hasData else {
            let frameHeight = 140.0
            ChartFrame.open(&w, id: chartID, kind: "bar", height: plotTop + frameHeight + 12,
                            title: title, description: description, width: width)
            ChartFrame.drawEmpty(&w, x: 40, y: plotTop, width: width - 80, height: frameHeight, text: words.noPublishedValues)
            return w.finish()
        }

        let labels = bars.map { ChartText.fitted($0.label, width: width * 0.4 - 16) }
        let labelWidth = labels.map { ChartText.width($0) }.max() ?? 0
        let valueWidth = bars.compactMap { $0.value.plottable == nil ? nil : ChartText.width($0.value.words) }.max() ?? 0
        let plotLeft = min(max(labelWidth + 16, 40), width * 0.4)
        let plotRight = width - min(max(valueWidth + 12, 24), width * 0.3)
        let plotBottom = plotTop + Double(bars.count) * Self.rowHeight
        let tickY = plotBottom + 18
        let noteY = tickY + 26
        let noteX = 24.0
        let noteLines = ChartText.lines(words.barGapNote, width: width - noteX - 4, fontSize: ChartText.smallFontSize)
        let height = (hasGaps ? noteY + Double(noteLines.count - 1) * 15 : tickY) + 10
        func xPos(_ v: Double) -> Double { scale.position(v, from: plotLeft, to: plotRight) }
        let zeroX = xPos(0)

        ChartFrame.open(&w, id: chartID, kind: "bar", height: height, title: title, description: description, width: width)

        if hasGaps {
            w.open("defs")
            w.open("pattern", [("id", hatchID), ("patternUnits", "userSpaceOnUse"),
                               ("width", "6"), ("height", "6"), ("patternTransform", "rotate(45)")])
            w.leaf("rect", [("width", "6"), ("height", "6"), ("fill", ChartPalette.background)])
            w.leaf("line", [("x1", "0"), ("y1", "0"), ("x2", "0"), ("y2", "6"),
                            ("stroke", ChartPalette.hatch), ("stroke-width", "2")])
            w.close()
            w.close()
        }

        if !unit.isEmpty {
            w.element("text", [("class", "chart-unit"), ("x", n(plotLeft)), ("y", "18"), ("fill", ChartPalette.mutedText)],
                      text: ChartText.fitted(unit, width: width - plotLeft - 4))
        }

        // Gridlines (decorative), tick labels and the zero line.
        w.open("g", [("class", "chart-grid"), ("stroke", ChartPalette.grid), ("stroke-width", "1")])
        for value in scale.ticks where value != 0 {
            let x = n(xPos(value))
            w.leaf("line", [("x1", x), ("y1", n(plotTop)), ("x2", x), ("y2", n(plotBottom))])
        }
        w.close()
        w.open("g", [("class", "chart-axis chart-axis-x"), ("fill", ChartPalette.mutedText), ("text-anchor", "middle")])
        for value in scale.ticks {
            w.element("text", [("x", n(xPos(value))), ("y", n(tickY))], text: scale.label(value))
        }
        w.close()

        // Bars.
        let style = ChartPalette.style(forSeries: 0)
        for (i, bar) in bars.enumerated() {
            let rowTop = plotTop + Double(i) * Self.rowHeight
            let barTop = n(rowTop + (Self.rowHeight - Self.barHeight) / 2)
            let textY = n(rowTop + Self.rowHeight / 2 + 4.5)
            let tooltip = bar.label + ": " + bar.value.words
            w.open("g", [("class", "chart-row")])
            w.element("text", [("class", "chart-axis chart-bar-label"), ("x", n(plotLeft - 8)), ("y", textY),
                               ("text-anchor", "end"), ("fill", ChartPalette.text)], text: labels[i])
            if let value = bar.value.plottable {
                let end = xPos(value)
                let (x, width) = value >= 0 ? (zeroX, end - zeroX) : (end, zeroX - end)
                if width > 0 {
                    w.leaf("rect", [("class", "chart-bar-rect chart-series-0"), ("x", n(x)), ("y", barTop),
                                    ("width", n(width)), ("height", n(Self.barHeight)), ("fill", style.color)],
                           title: tooltip)
                }
                w.element("text", [("class", "chart-value"), ("x", n(value >= 0 ? end + 6 : end - 6)), ("y", textY),
                                   ("text-anchor", value >= 0 ? "start" : "end"), ("fill", ChartPalette.text)],
                          text: bar.value.words)
            } else {
                w.leaf("rect", [("class", "chart-gap"), ("x", n(zeroX)), ("y", barTop),
                                ("width", n(Self.gapWidth)), ("height", n(Self.barHeight)),
                                ("fill", "url(#" + hatchID + ")"), ("stroke", ChartPalette.gap), ("stroke-width", "1")],
                       title: tooltip)
                w.element("text", [("class", "chart-gap-label"), ("x", n(zeroX + Self.gapWidth + 6)), ("y", textY),
                                   ("fill", ChartPalette.mutedText), ("font-style", "italic")] + ChartFrame.halo,
                          text: ChartText.fitted(bar.value.words, width: width - zeroX - Self.gapWidth - 10))
            }
            w.close()
        }

        let zero = n(zeroX)
        w.leaf("line", [("class", "chart-axis chart-baseline"), ("x1", zero), ("y1", n(plotTop)),
                        ("x2", zero), ("y2", n(plotBottom)), ("stroke", ChartPalette.axis), ("stroke-width", "1")])

        if hasGaps {
            w.open("g", [("class", "chart-note"), ("font-size", n(ChartText.smallFontSize))])
            w.leaf("rect", [("x", n(noteX - 20)), ("y", n(noteY - 10)), ("width", "14"), ("height", "11"),
                            ("fill", "url(#" + hatchID + ")"), ("stroke", ChartPalette.gap), ("stroke-width", "1")])
            for (k, line) in noteLines.enumerated() {
                w.element("text", [("x", n(noteX)), ("y", n(noteY + Double(k) * 15)), ("fill", ChartPalette.mutedText)], text: line)
            }
            w.close()
        }
        return w.finish()
    }
}
