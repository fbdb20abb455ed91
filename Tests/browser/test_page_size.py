"""Issue 12's page-size goals, measured in Chromium at 1280 px with every fold (`<details>`) closed:
the tallest city page is at most 12,000 px, and at most 30% of the number cells a reader sees read
"withheld". Checked on the example site and on a generated 200-city site (generate_site.py)."""
import subprocess

import pytest

from conftest import STATS, citywide_binary, open_page, reset_viewport, set_viewport
from generate_site import generate

MAX_HEIGHT = 12_000
MAX_WITHHELD_SHARE = 0.30

# Every visible number cell of the page (tables and headline figures) and how many read withheld.
MEASURE = """
document.querySelectorAll('details[open]').forEach(d => d.removeAttribute('open'));
const shown = el => el.checkVisibility ? el.checkVisibility({visibilityProperty: true}) : el.getClientRects().length > 0;
const cells = [...document.querySelectorAll('td.num, .figure-value')].filter(shown);
const withheld = cells.filter(el => el.classList.contains('withheld')).length;
return [document.documentElement.scrollHeight, cells.length, withheld];
"""


@pytest.fixture(scope="session")
def national_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("national")
    generate(root / "site")
    # 268,800 data rows through the privacy audit: minutes in a debug build, not conftest's two.
    subprocess.run([str(citywide_binary()), "build", str(root / "site"), "--output", str(root / "_site")],
                   capture_output=True, text=True, check=True, timeout=1800)
    return root / "_site"


def measure_city_pages(driver, site):
    set_viewport(driver, 1280)
    pages = {}
    try:
        for page in sorted((site / "cities").glob("*/index.html")):
            open_page(driver, site, page.relative_to(site).as_posix())
            pages[page.parent.name] = driver.execute_script(MEASURE)
    finally:
        reset_viewport(driver)
    return pages


def check_goals(name, pages):
    assert pages, f"{name}: no city pages"
    tallest = max(pages, key=lambda slug: pages[slug][0])
    cells = sum(p[1] for p in pages.values())
    withheld = sum(p[2] for p in pages.values())
    worst = max(pages, key=lambda slug: pages[slug][2] / max(pages[slug][1], 1))
    worst_share = pages[worst][2] / max(pages[worst][1], 1)
    STATS[f"{name}: tallest city page at 1280 px"] = f"{pages[tallest][0]} px ({tallest})"
    STATS[f"{name}: visible number cells withheld"] = (
        f"{withheld} of {cells} ({withheld / max(cells, 1):.1%}); worst page {worst} {worst_share:.1%}")
    assert pages[tallest][0] <= MAX_HEIGHT, (tallest, pages[tallest])
    for slug, (_, shown, hidden) in pages.items():
        assert hidden <= MAX_WITHHELD_SHARE * shown, (slug, shown, hidden)


def test_example_city_pages_are_compact(driver, site_dir):
    check_goals("example", measure_city_pages(driver, site_dir))


def test_national_city_pages_are_compact(driver, national_dir):
    check_goals("200 cities", measure_city_pages(driver, national_dir))
