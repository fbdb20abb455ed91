import Foundation
import CitywideModel
import CitywidePublished
import CitywideWrite

/// The parts every chart shares: the accessible `<svg>` root with its
/// `<title>` and `<desc>`, and the "No published values" placeholder.
package enum ChartFrame {
    /// Charts are drawn 340 units wide, and shown at one CSS pixel per unit
    /// (`width` and `height` attributes) unless the page is narrower
    /// (`max-width: 100%` in style.css). So text is 12–13 px on screen however
    /// many charts share a row, and shrinks only on a phone: at 320 px a chart
    /// in a card is about 262 px wide, which keeps 12-unit text above 9 px.
    package static let width = 340.0

    /// Opens the root `<svg>` and writes `<title>` and `<desc>` as its first
    /// children, linked through `aria-labelledby`.
    package static func open(
        _ writer: inout SVGWriter, id: String, kind: String, height: Double,
        title: String, description: String, width: Double = ChartFrame.width
    ) {
        let n = SVGWriter.number
        // A tag at a time (`SVGWriter.start`): every city page has a chart.
        writer.start("svg")
        writer.attribute("xmlns", literal: "http://www.w3.org/2000/svg")
        writer.attribute("role", literal: "img")
        writer.attribute("aria-labelledby", id + "-title " + id + "-desc")
        writer.attribute("viewBox", "0 0 " + n(width) + " " + n(height))
        writer.attribute("width", number: width)
        writer.attribute("height", number: height)
        writer.attribute("class", "chart chart-" + kind)
        writer.attribute("font-family", ChartText.fontFamily)
        writer.attribute("font-size", number: ChartText.fontSize)
        writer.endOpen("svg")
        writer.start("title")
        writer.attribute("id", id + "-title")
        writer.endText("title", title)
        writer.start("desc")
        writer.attribute("id", id + "-desc")
        writer.endText("desc", description)
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
