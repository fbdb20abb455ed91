import Foundation
import CitywideModel
import CitywidePublished
import CitywideWrite

/// The parts every chart shares: the accessible `<svg>` root with its
/// `<title>` and `<desc>`, and the "No published values" placeholder.
package enum ChartFrame {
    /// All charts are drawn in a 640-unit-wide viewBox and scale with CSS.
    package static let width = 640.0

    /// Opens the root `<svg>` and writes `<title>` and `<desc>` as its first
    /// children, linked through `aria-labelledby`.
    package static func open(
        _ writer: inout SVGWriter, id: String, kind: String, height: Double,
        title: String, description: String, width: Double = ChartFrame.width
    ) {
        let n = SVGWriter.number
        writer.open("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("role", "img"),
            ("aria-labelledby", id + "-title " + id + "-desc"),
            ("viewBox", "0 0 " + n(width) + " " + n(height)),
            ("width", "100%"),
            ("class", "chart chart-" + kind),
            ("font-family", ChartText.fontFamily),
            ("font-size", n(ChartText.fontSize)),
        ])
        writer.element("title", [("id", id + "-title")], text: title)
        writer.element("desc", [("id", id + "-desc")], text: description)
    }

    /// An empty plot frame that says there is nothing published to draw.
    package static func drawEmpty(_ writer: inout SVGWriter, x: Double, y: Double, width: Double, height: Double, text: String = ChartWords.english.noPublishedValues) {
        let n = SVGWriter.number
        writer.leaf("rect", [
            ("class", "chart-frame"), ("x", n(x)), ("y", n(y)),
            ("width", n(width)), ("height", n(height)),
            ("fill", "none"), ("stroke", ChartPalette.frame), ("stroke-width", "1"),
        ])
        writer.element("text", [
            ("class", "chart-empty"), ("x", n(x + width / 2)), ("y", n(y + height / 2 + 5)),
            ("text-anchor", "middle"), ("fill", ChartPalette.mutedText),
        ], text: text)
    }

    /// Attributes giving text a white halo so it stays readable over lines.
    /// `paint-order` is a CSS property, not a presentation attribute HTML's
    /// SVG allows (the Nu checker rejects it as one), so it goes in `style`.
    package static let halo: SVGWriter.Attributes = [
        ("stroke", ChartPalette.background), ("stroke-width", "3"),
        ("stroke-linejoin", "round"), ("style", "paint-order: stroke"),
    ]
}
