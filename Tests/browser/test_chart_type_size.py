"""Charts at one type size (issue 12): on every chart of every page, SVG text is 10–26 px on screen
at 1280 px and at least 9 px at 320 px, whatever the number of charts in a row; at 320 px every
series label is on screen; the unit and the series labels never overlap the target label."""
import pytest

from conftest import STATS, open_page, reset_viewport, set_viewport

# Each chart text's size on screen (font size times the SVG's scale), the boxes of the labels
# that must stay apart from the target label, and whether series labels are within the viewport.
MEASURE = """
const out = {sizes: [], overlaps: [], offscreen: []};
const box = el => el.getBoundingClientRect();
const meet = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
for (const svg of document.querySelectorAll('svg.chart')) {
  const name = svg.querySelector('title') ? svg.querySelector('title').textContent : '';
  for (const t of svg.querySelectorAll('text')) {
    const ctm = t.getScreenCTM();
    if (!t.textContent.trim() || !ctm || !t.checkVisibility()) continue;
    out.sizes.push([name, t.textContent.slice(0, 40), parseFloat(getComputedStyle(t).fontSize) * ctm.a]);
  }
  for (const target of svg.querySelectorAll('.chart-target-label')) {
    for (const other of svg.querySelectorAll('.chart-unit, .chart-label, .chart-axis text')) {
      if (meet(box(target), box(other))) out.overlaps.push([name, target.textContent, other.textContent]);
    }
  }
  for (const label of svg.querySelectorAll('.chart-label')) {
    const r = box(label);
    if (!label.checkVisibility()) continue;
    if (r.left < 0 || r.right > document.documentElement.clientWidth + 0.5) out.offscreen.push([name, label.textContent, r.left, r.right]);
  }
}
return out;
"""


@pytest.fixture(scope="module")
def chart_pages(site_dir, html_pages):
    return [p for p in html_pages if 'class="chart chart-' in (site_dir / p).read_text(encoding="utf-8")]


def measure(driver, site_dir, pages, width):
    set_viewport(driver, width)
    found = {"sizes": [], "overlaps": [], "offscreen": []}
    try:
        for page in pages:
            open_page(driver, site_dir, page)
            result = driver.execute_script(MEASURE)
            for key in found:
                found[key] += [[page] + item for item in result[key]]
    finally:
        reset_viewport(driver)
    return found


def test_chart_text_one_size_at_1280(driver, site_dir, chart_pages):
    found = measure(driver, site_dir, chart_pages, 1280)
    sizes = [s[3] for s in found["sizes"]]
    assert sizes, "no chart text found"
    STATS["chart text at 1280 px"] = f"{min(sizes):.1f}–{max(sizes):.1f} px over {len(sizes)} texts on {len(chart_pages)} pages"
    assert [s for s in found["sizes"] if not 10 <= s[3] <= 26] == []
    assert found["overlaps"] == []


def test_chart_text_readable_and_labels_visible_at_320(driver, site_dir, chart_pages):
    found = measure(driver, site_dir, chart_pages, 320)
    sizes = [s[3] for s in found["sizes"]]
    STATS["chart text at 320 px"] = f"{min(sizes):.1f}–{max(sizes):.1f} px"
    assert [s for s in found["sizes"] if s[3] < 9] == []
    assert found["offscreen"] == []
    assert found["overlaps"] == []
