import Foundation
import CitywideModel
import CitywidePublished
import CitywideWrite

/// The shape drawn at each data point. Every series gets a different shape as
/// well as a different colour, so series differ by more than colour.
package enum ChartMarker: String, Sendable, CaseIterable {
    case circle, square, triangle, diamond, triangleDown = "triangle-down", plus

    /// Draws the marker centred on (x, y); `radius` is roughly the circle radius.
    package func draw(
        into writer: inout SVGWriter, x: Double, y: Double, radius r: Double,
        fill: String, stroke: String, strokeWidth: Double, classes: String, title: String
    ) {
        // A tag at a time: a marker per point of every city page's chart.
        let name = self == .circle ? "circle" : "path"
        writer.start(name)
        writer.attribute("class", classes + " chart-marker-" + rawValue)
        writer.attribute("fill", fill)
        writer.attribute("stroke", stroke)
        writer.attribute("stroke-width", number: strokeWidth)
        if self == .circle {
            writer.attribute("cx", number: x)
            writer.attribute("cy", number: y)
            writer.attribute("r", number: r)
        } else {
            writer.attribute("d", path(x: x, y: y, r: r))
        }
        writer.endLeaf(name, title: title)
    }

    /// Outline of the shape as path data (all shapes except the circle).
    package func path(x: Double, y: Double, r: Double) -> String {
        let points: [(Double, Double)]
        switch self {
        case .circle, .square:
            let h = r * 0.9
            points = [(-h, -h), (h, -h), (h, h), (-h, h)]
        case .triangle:
            points = [(0, -r * 1.25), (r * 1.15, r * 0.8), (-r * 1.15, r * 0.8)]
        case .triangleDown:
            points = [(0, r * 1.25), (-r * 1.15, -r * 0.8), (r * 1.15, -r * 0.8)]
        case .diamond:
            let d = r * 1.3
            points = [(0, -d), (d, 0), (0, d), (-d, 0)]
        case .plus:
            let e = r * 1.15, t = r * 0.45
            points = [(-t, -e), (t, -e), (t, -t), (e, -t), (e, t), (t, t),
                      (t, e), (-t, e), (-t, t), (-e, t), (-e, -t), (-t, -t)]
        }
        let n = SVGWriter.number
        var d = ""
        for (index, point) in points.enumerated() {
            d += (index == 0 ? "M" : " L") + n(x + point.0) + " " + n(y + point.1)
        }
        return d + " Z"
    }
}

/// How one series is drawn.
package struct ChartSeriesStyle: Sendable, Equatable {
    package let color: String
    package let marker: ChartMarker
    /// nil for a solid line; a dash pattern once colours start repeating.
    package let dash: String?
}

/// Fixed colours. Every series colour has at least 4.5:1 contrast against
/// white (more than the 3:1 WCAG 1.4.11 asks of graphics), so the same
/// colour can be used for the series' direct-label text.
package enum ChartPalette {
    package static let series = ["#1f5fa8", "#b3461a", "#2e7d32", "#6a3d9a", "#8a6d00", "#c2185b"]

    package static let background = "#ffffff"
    package static let text = "#222222"
    package static let mutedText = "#595959"
    package static let axis = "#333333"
    package static let grid = "#e3e3e3"       // decorative only
    package static let frame = "#bdbdbd"      // decorative only
    package static let target = "#4d4d4d"
    package static let gap = "#595959"
    package static let hatch = "#8c8c8c"

    /// Style of the series at `index`. The first six series get six colours
    /// and six shapes; after that colour and shape are paired differently and
    /// the line is dashed, so no two of the first 36 series look alike.
    package static func style(forSeries index: Int) -> ChartSeriesStyle {
        let i = max(0, index)
        let shapes = ChartMarker.allCases
        let cycle = i / series.count
        let dashes = [nil, "7 4", "2 3", "10 3 2 3"]
        return ChartSeriesStyle(
            color: series[i % series.count],
            marker: shapes[(i + cycle) % shapes.count],
            dash: dashes[cycle % dashes.count]
        )
    }

    // MARK: - Contrast (WCAG 2.x)

    /// Relative luminance of a `#rrggbb` colour, or nil if it is not one.
    package static func relativeLuminance(_ hex: String) -> Double? {
        let digits = Array(hex.hasPrefix("#") ? hex.dropFirst() : Substring(hex))
        guard digits.count == 6 else { return nil }
        var channels: [Double] = []
        for offset in stride(from: 0, to: 6, by: 2) {
            guard let byte = UInt8(String(digits[offset...offset + 1]), radix: 16) else { return nil }
            let c = Double(byte) / 255
            channels.append(c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4))
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }

    /// Contrast ratio (1…21) between two `#rrggbb` colours.
    package static func contrastRatio(_ a: String, _ b: String) -> Double? {
        guard let la = relativeLuminance(a), let lb = relativeLuminance(b) else { return nil }
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }
}
