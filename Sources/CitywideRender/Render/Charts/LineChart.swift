import Foundation
import CitywideModel
import CitywidePublished
import CitywideWrite

/// A line chart over labelled x positions (years, quarters, …), drawn as
/// inline SVG with no script and no external references.
///
/// Privacy: only published numbers reach the geometry. A gap is drawn as a
/// hollow marker *below* the x axis (never at 0), lines stop at it, and its
/// published reason appears in the tooltip and the description.
public struct LineChart: Sendable {
    /// Unique within the page; used (made safe) for the ids of title and desc.
    public var id: String
    /// The chart's own words (notes, labels), in the page's language.
    public var words: ChartWords = .english
    public var title: String
    /// One sentence written by the caller; starts the `<desc>`.
    public var summary: String
    public var unit: String
    public var xLabels: [String]
    /// Values aligned with `xLabels`. Missing trailing values count as
    /// "not available"; values beyond the last x label are ignored.
    public var series: [ChartSeries]
    /// Optional horizontal target line, e.g. `(40, "Target 40 by 2021")`.
    public var target: (value: Double, label: String)?
    /// Width of the viewBox, which is also the chart's width in CSS pixels
    /// (see `ChartFrame.open`): text keeps one size whatever the page's layout.
    public var width: Double = ChartFrame.width
    /// `words.lineGapNote` already wrapped for a chart `width` wide, by
    /// whoever draws many charts in one language (`MetricFigures`): used
    /// only while both still match, so a chart never shows another's note.
    package var wrappedGapNote: WrappedNote?

    /// A note's lines as `ChartText.lines` wraps it under a chart.
    package struct WrappedNote: Sendable {
        package let text: String
        package let chartWidth: Double
        package let lines: [String]

        package init(_ text: String, chartWidth: Double) {
            self.text = text
            self.chartWidth = chartWidth
            lines = ChartText.lines(text, width: chartWidth - LineChart.noteX - 4, fontSize: ChartText.smallFontSize)
        }
    }

    /// Where the gap note's text starts.
    static let noteX = 17.0

    public init(
        id: String, title: String, summary: String, unit: String = "",
        xLabels: [String], series: [ChartSeries],
        target: (value: Double, label: String)? = nil
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.unit = unit
        self.xLabels = xLabels
        self.series = series
        self.target = target
    }

    // MARK: - Derived data (only from published values)

    /// Each series' values, exactly one per x label.
    package var rows: [[ChartValue]] {
        series.map { row in
            xLabels.indices.map { $0 < row.values.count ? row.values[$0] : .gap(reason: "not available") }
        }
    }

    /// The target value if it can be drawn.
    package var targetValue: Double? {
        guard let value = target?.value, value.isFinite else { return nil }
        return value
    }

    /// The y axis: from the published numbers and the target, nothing else.
    package var scale: ChartScale { scale(rows) }

    private func scale(_ rows: [[ChartValue]]) -> ChartScale {
        ChartScale(including: rows.flatMap { $0.compactMap(\.plottable) } + (targetValue.map { [$0] } ?? []))
    }

    /// The full text alternative: summary, unit, then every value in words.
    package var description: String { description(rows) }

    // `rows` made once per chart, for the scale, the description and the drawing.
    private func description(_ rows: [[ChartValue]]) -> String {
        var parts = [ChartWording.lead(summary: summary, unit: unit, words: words)]
        for (row, values) in zip(series, rows) {
            let items = zip(xLabels, values).map { $0 + " " + $1.words }
            let name = row.name.isEmpty ? words.series : row.name
            parts.append(name + ": " + (items.isEmpty ? words.noValues : ChartWording.sentence(items.joined(separator: ", "))))
        }
        if let target {
            parts.append(words.targetLine + ": " + ChartWording.sentence(target.label))
        }
        return ChartWording.join(parts)
    }

    private func pointTitle(series name: String, x: String, value: ChartValue) -> String {
        (name.isEmpty ? "" : name + " ") + x + ": " + value.words
    }

    // MARK: - Rendering

    public func svg() -> String {
        let chartID = SVGWriter.safeID(id)
        let n = SVGWriter.number
        let rows = self.rows
        let scale = self.scale(rows)
        let description = self.description(rows)
        let hasData = rows.contains { $0.contains { $0.plottable != nil } }
        let count = xLabels.count
        let plotTop = 30.0, plotHeight = 150.0
        let plotBottom = plotTop + plotHeight
        var w = SVGWriter()

        guard hasData else {
            ChartFrame.open(&w, id: chartID, kind: "line", height: plotBottom + 20,
                            title: title, description: description, width: width)
            ChartFrame.drawEmpty(&w, x: 20, y: plotTop, width: width - 40, height: plotHeight, text: words.noPublishedValues)
            return w.finish()
        }

        // Horizontal layout from the text we have to fit.
        let inset = 12.0
        let tickLabels = scale.ticks.map { ($0, scale.label($0)) }
        let tickWidth = tickLabels.map { ChartText.width($0.1) }.max() ?? 0
        let xTexts = xLabels.map { ChartText.truncated($0, to: 16) }
        let xWidths = xTexts.map { ChartText.width($0) }
        let seriesLabels = series.map { ChartText.truncated($0.name, to: 16) }
        let lastPublished = rows.map { $0.lastIndex { $0.plottable != nil } }
        let labelRoom = zip(seriesLabels, lastPublished)
            .compactMap { $1 == nil ? nil : ChartText.width($0) + 14 }.max() ?? 0
        let left = max(36, tickWidth + 14, (xWidths.first ?? 0) / 2 - inset + 4)
        let right = min(width * 0.35, max(16, labelRoom, (xWidths.last ?? 0) / 2 - inset + 4))
        let plotLeft = left, plotRight = width - right
        let plotWidth = plotRight - plotLeft
        let spacing = count > 1 ? (plotWidth - 2 * inset) / Double(count - 1) : plotWidth
        func xPos(_ i: Int) -> Double {
            count > 1 ? plotLeft + inset + Double(i) * spacing : (plotLeft + plotRight) / 2
        }
        func yPos(_ v: Double) -> Double { scale.position(v, from: plotBottom, to: plotTop) }

        // Show every x label if they fit, otherwise every 2nd, 4th, 8th, ….
        let widestX = xWidths.max() ?? 0
        var every = 1
        while every < count && Double(every) * spacing < widestX + 8 { every *= 2 }

        // Gap markers stack below the axis, one slot per gapped series.
        var gapsAt = [Int](repeating: 0, count: count)
        var gapSlot = [[Int?]](repeating: [Int?](repeating: nil, count: count), count: rows.count)
        for (s, values) in rows.enumerated() {
            for (i, value) in values.enumerated() where value.plottable == nil {
                gapSlot[s][i] = gapsAt[i]
                gapsAt[i] += 1
            }
        }
        let maxStack = gapsAt.max() ?? 0
        let laneHeight = maxStack > 0 ? 6 + Double(maxStack) * 10 : 0
        let xLabelY = plotBottom + laneHeight + 18
        let noteY = xLabelY + 24
        let noteX = Self.noteX
        // The note is drawn only under gap markers: wrapped only then, and
        // only if not wrapped already for every chart of the page's language.
        let noteLines: [String]
        if maxStack == 0 {
            noteLines = []
        } else if let wrapped = wrappedGapNote, wrapped.text == words.lineGapNote, wrapped.chartWidth == width {
            noteLines = wrapped.lines
        } else {
            noteLines = WrappedNote(words.lineGapNote, chartWidth: width).lines
        }
        let height = (maxStack > 0 ? noteY + Double(noteLines.count - 1) * 15 : xLabelY) + 10

        ChartFrame.open(&w, id: chartID, kind: "line", height: height, title: title, description: description, width: width)

        // Written a tag at a time (`SVGWriter.start`): a chart per city page.
        if !unit.isEmpty {
            w.start("text")
            w.attribute("class", literal: "chart-unit")
            w.attribute("x", literal: "4")
            w.attribute("y", literal: "16")
            w.attribute("fill", ChartPalette.mutedText)
            w.endText("text", ChartText.fitted(unit, width: width - 8))
        }

        // Gridlines (decorative) and y tick labels.
        w.start("g")
        w.attribute("class", literal: "chart-grid")
        w.attribute("stroke", ChartPalette.grid)
        w.attribute("stroke-width", literal: "1")
        w.endOpen("g")
        for (value, _) in tickLabels where value != 0 {
            let y = yPos(value)
            w.start("line")
            w.lineEnds(x1: plotLeft, y1: y, x2: plotRight, y2: y)
            w.endLeaf()
        }
        w.close()
        w.start("g")
        w.attribute("class", literal: "chart-axis chart-axis-y")
        w.attribute("fill", ChartPalette.mutedText)
        w.attribute("text-anchor", literal: "end")
        w.endOpen("g")
        for (value, label) in tickLabels {
            w.start("text")
            w.attribute("x", number: plotLeft - 8)
            w.attribute("y", number: yPos(value) + 4.5)
            w.endText("text", label)
        }
        w.close()
        let zeroY = yPos(0)
        w.start("line")
        w.attribute("class", literal: "chart-axis chart-baseline")
        w.lineEnds(x1: plotLeft, y1: zeroY, x2: plotRight, y2: zeroY)
        w.attribute("stroke", ChartPalette.axis)
        w.attribute("stroke-width", literal: "1")
        w.endLeaf()

        // X labels.
        w.start("g")
        w.attribute("class", literal: "chart-axis chart-axis-x")
        w.attribute("fill", ChartPalette.text)
        w.attribute("text-anchor", literal: "middle")
        w.endOpen("g")
        for i in stride(from: 0, to: count, by: every) {
            w.start("text")
            w.attribute("x", number: xPos(i))
            w.attribute("y", number: xLabelY)
            w.endText("text", xTexts[i])
        }
        w.close()

        // Direct labels: at each series' last published point, pushed apart.
        let lastValues: [(series: Int, value: Double)] = rows.indices.compactMap { s in
            guard let i = lastPublished[s], let value = rows[s][i].plottable else { return nil }
            return (s, value)
        }
        let labelled = lastValues.map(\.series)
        let wantedY = lastValues.map { yPos($0.value) }
        let labelY = ChartText.spread(wantedY, gap: 15, lower: plotTop, upper: plotBottom)

        // Target line. Its label stays inside the plot, above the line or
        // under it, wherever it touches neither the unit at the top nor a
        // series label; failing that, it is cut short of the nearest one.
        if let target, let value = targetValue {
            let y = yPos(value)
            let fontSize = ChartText.fontSize
            let left = plotLeft + 4
            // Each series label's box: from its start to the chart's edge, a line of text high.
            let seriesBoxes = labelled.indices.compactMap { rank -> (x: Double, top: Double, bottom: Double)? in
                guard let last = lastPublished[labelled[rank]] else { return nil }
                return (xPos(last) + 9, labelY[rank] + 4.5 - fontSize, labelY[rank] + 4.5 + 3)
            }
            func blockers(_ baseline: Double) -> [Double] {
                seriesBoxes.filter { $0.top < baseline + 3 && baseline - fontSize < $0.bottom }.map(\.x)
            }
            let above = y - 5, below = y + fontSize + 3
            let aboveFree = above - fontSize >= 20
            let candidates = (aboveFree ? [above, below] : [below]).filter { $0 <= plotBottom + laneHeight }
            let baseline = candidates.first { blockers($0).allSatisfy { $0 > plotRight } } ?? candidates.first ?? below
            let end = min(plotRight, blockers(baseline).min() ?? plotRight) - 4
            w.start("g")
            w.attribute("class", literal: "chart-target")
            w.endOpen("g")
            w.start("line")
            w.lineEnds(x1: plotLeft, y1: y, x2: plotRight, y2: y)
            w.attribute("stroke", ChartPalette.target)
            w.attribute("stroke-width", literal: "1.5")
            w.attribute("stroke-dasharray", literal: "6 4")
            w.endLeaf()
            w.start("text")
            w.attribute("class", literal: "chart-target-label")
            w.attribute("x", number: left)
            w.attribute("y", number: baseline)
            w.attribute("fill", ChartPalette.target)
            w.haloAttributes()
            w.endText("text", ChartText.fitted(target.label, width: end - left))
            w.close()
        }

        for (s, values) in rows.enumerated() {
            let style = ChartPalette.style(forSeries: s)
            let name = series[s].name
            w.start("g")
            w.attribute("class", "chart-series chart-series-\(s)")
            w.endOpen("g")

            // Line segments only between consecutive published points.
            var run: [Int] = []
            func flush() {
                if run.count >= 2 {
                    let d = run.enumerated().map { ($0 == 0 ? "M" : "L") + n(xPos($1)) + " " + n(yPos(values[$1].plottable!)) }
                    var attributes: SVGWriter.Attributes = [
                        ("class", "chart-path"), ("d", d.joined(separator: " ")), ("fill", "none"),
                        ("stroke", style.color), ("stroke-width", "2.5"),
                        ("stroke-linejoin", "round"), ("stroke-linecap", "round"),
                    ]
                    if let dash = style.dash { attributes.append(("stroke-dasharray", dash)) }
                    w.leaf("path", attributes)
                }
                run = []
            }
            for (i, value) in values.enumerated() {
                if value.plottable != nil { run.append(i) } else { flush() }
            }
            flush()

            for (i, value) in values.enumerated() {
                let tooltip = pointTitle(series: name, x: xLabels[i], value: value)
                if let v = value.plottable {
                    style.marker.draw(into: &w, x: xPos(i), y: yPos(v), radius: 4,
                                      fill: style.color, stroke: ChartPalette.background, strokeWidth: 1,
                                      classes: "chart-point", title: tooltip)
                } else if let slot = gapSlot[s][i] {
                    style.marker.draw(into: &w, x: xPos(i), y: plotBottom + 10 + Double(slot) * 10, radius: 3.5,
                                      fill: ChartPalette.background, stroke: style.color, strokeWidth: 1.5,
                                      classes: "chart-gap", title: tooltip)
                }
            }

            if let rank = labelled.firstIndex(of: s), let last = lastPublished[s] {
                w.start("text")
                w.attribute("class", literal: "chart-label")
                w.attribute("x", number: xPos(last) + 9)
                w.attribute("y", number: labelY[rank] + 4.5)
                w.attribute("fill", style.color)
                w.attribute("font-weight", literal: "600")
                w.haloAttributes()
                w.endText("text", seriesLabels[s])
            }
            w.close()
        }

        if maxStack > 0 {
            w.start("g")
            w.attribute("class", literal: "chart-note")
            w.attribute("font-size", number: ChartText.smallFontSize)
            w.endOpen("g")
            w.start("circle")
            w.attribute("cx", number: noteX - 9)
            w.attribute("cy", number: noteY - 4)
            w.attribute("r", literal: "3.5")
            w.attribute("fill", ChartPalette.background)
            w.attribute("stroke", ChartPalette.gap)
            w.attribute("stroke-width", literal: "1.5")
            w.endLeaf()
            for (k, line) in noteLines.enumerated() {
                w.start("text")
                w.attribute("x", number: noteX)
                w.attribute("y", number: noteY + Double(k) * 15)
                w.attribute("fill", ChartPalette.mutedText)
                w.endText("text", line)
            }
            w.close()
        }
        return w.finish()
    }
}
