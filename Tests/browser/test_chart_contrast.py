"""Chart contrast (WCAG 1.4.11) and non-colour series cues, checked on the real SVGs of the built example site (axe does not check graphics)."""
import re
import xml.etree.ElementTree as ET

import pytest

from conftest import STATS

SVG_NS = "{http://www.w3.org/2000/svg}"
BACKGROUND = "#ffffff"


def luminance(hex_colour):
    h = hex_colour.lstrip("#")
    assert len(h) == 6, hex_colour
    channels = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    channels = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]


def contrast(a, b):
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def charts(site_dir):
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        for svg in re.findall(r"<svg xmlns=\"http://www.w3.org/2000/svg\".*?</svg>", html, re.S):
            yield page.relative_to(site_dir).as_posix(), ET.fromstring(svg)


def classes(el):
    return set((el.get("class") or "").split())


def test_every_chart_colour_and_cue(site_dir):
    n_line = n_bar = n_series = 0
    for rel, svg in charts(site_dir):
        kind = classes(svg)
        # Text in charts: 4.5:1 against the white chart background.
        for el in svg.iter():
            if el.tag == SVG_NS + "text" or el.tag == SVG_NS + "g":
                fill = el.get("fill")
                if fill and fill.startswith("#") and (el.tag == SVG_NS + "text" or el.find(SVG_NS + "text") is not None):
                    assert contrast(fill, BACKGROUND) >= 4.5, (rel, fill, el.get("class"))
        # Axis lines that carry meaning (baseline, target) need 3:1; the grid is decorative.
        for el in svg.iter():
            c = classes(el)
            if {"chart-baseline"} & c or ("chart-target" in c):
                for attr in ("stroke", "fill"):
                    v = el.get(attr)
                    if v and v.startswith("#"):
                        assert contrast(v, BACKGROUND) >= 3, (rel, attr, v)
        if "chart-line" in kind:
            n_line += 1
            series = [g for g in svg.iter(SVG_NS + "g") if any(c.startswith("chart-series-") for c in classes(g)) and "chart-series" in classes(g)]
            shapes, labels, colours = [], [], []
            for g in series:
                paint = {el.get("stroke") for el in g.iter() if "chart-path" in classes(el)}
                paint |= {el.get("fill") for el in g.iter() if "chart-point" in classes(el)}
                paint.discard(None)
                assert len(paint) <= 1, (rel, paint)
                for colour in paint:
                    # Graphical objects: 3:1 (WCAG 1.4.11); the palette reaches 4.5:1 so the
                    # same colour can draw the series' direct label.
                    assert contrast(colour, BACKGROUND) >= 4.5, (rel, colour)
                    colours.append(colour)
                marks = {c for el in g.iter() for c in classes(el) if c.startswith("chart-marker-")}
                assert len(marks) == 1, (rel, marks)
                shapes.append(marks.pop())
                label = [el for el in g.iter(SVG_NS + "text") if "chart-label" in classes(el)]
                has_points = any("chart-point" in classes(el) for el in g.iter())
                if has_points:
                    assert label and label[0].text.strip(), (rel, "series without a direct label")
                    labels.append(label[0].text.strip())
                n_series += 1
            # Series differ by more than colour: each has its own marker shape and its own label.
            assert len(set(shapes)) == len(shapes), (rel, shapes)
            assert len(set(labels)) == len(labels), (rel, labels)
            assert len(set(colours)) == len(colours), (rel, colours)
        elif "chart-bar" in kind:
            n_bar += 1
            for rect in svg.iter(SVG_NS + "rect"):
                if "chart-bar-rect" in classes(rect):
                    assert contrast(rect.get("fill"), BACKGROUND) >= 3, (rel, rect.get("fill"))
            # Every bar is named by a text label and its value is written beside it.
            rows = [g for g in svg.iter(SVG_NS + "g") if "chart-row" in classes(g)]
            for row in rows:
                texts = [t.text for t in row.iter(SVG_NS + "text") if t.text]
                assert texts, rel
    STATS["charts"] = f"{n_line} line charts ({n_series} series) and {n_bar} bar charts checked for contrast and cues"
    assert n_line and n_bar


def test_palette_in_source_meets_contrast_and_adjacent_series_differ_by_shape():
    """The six palette colours cannot all be 3:1 from each other (no six hues can be while each
    is also 3:1 from white), so WCAG 1.4.11 is met the other way: each colour is >= 3:1 (in fact
    4.5:1) against the white background, and neighbouring series never rely on colour alone:
    each gets its own marker shape and a direct label at the end of its line. The grid lines
    are decorative (the values are labelled and in a table), so they need no contrast."""
    import pathlib
    src = (pathlib.Path(__file__).resolve().parents[2] / "Sources/CitywideRender/Render/Charts/ChartPalette.swift").read_text()
    palette = re.findall(r'"(#[0-9a-fA-F]{6})"', re.search(r"static let series = \[(.*?)\]", src).group(1))
    assert len(palette) == 6
    for colour in palette:
        assert contrast(colour, BACKGROUND) >= 4.5, colour
    case_line = re.search(r"^\s*case (.+)$", src.split("enum ChartMarker")[1], re.M).group(1)
    names = [part.split("=")[0].strip() for part in case_line.split(",")]
    assert len(set(names)) >= len(palette), names
