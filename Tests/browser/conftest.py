"""Browser test suite for Citywide: builds the example site once per session with the debug
binary (.build/debug/citywide) and drives headless Chromium through Selenium. Run: python3 -m pytest -q Tests/browser"""
import os
import pathlib
import shutil
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = ROOT / ".build" / "debug" / "citywide"
SCREENSHOTS = ROOT / ".screenshots"

# One page of each type; the checks that are slow in a browser run on these,
# the fast ones (axe, Nu, links) run on every page.
PAGE_TYPES = {
    "home": "index.html",
    "city": "cities/chicago/index.html",
    "metric": "metrics/survivors_identified/index.html",
    "reports": "reports/index.html",
    "report": "reports/2020-Q4/index.html",
    "coverage": "coverage/index.html",
    "methodology": "methodology/index.html",
}


def find_tool(*names):
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    return None


def citywide_binary():
    if not BINARY.exists():
        subprocess.run(["swift", "build", "--product", "citywide"], cwd=ROOT, check=True)
    return BINARY


def build_site(site, output, check=True):
    return subprocess.run([str(citywide_binary()), "build", str(site), "--output", str(output)],
                          capture_output=True, text=True, check=check, timeout=120)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("example") / "_site"
    build_site(ROOT, out)
    return out


@pytest.fixture(scope="session")
def html_pages(site_dir):
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))


def make_driver(javascript=True, width=1280, height=900):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium = find_tool("chromium", "chromium-browser", "google-chrome")
    chromedriver = find_tool("chromedriver")
    if not chromium or not chromedriver:
        pytest.skip("chromium and chromedriver are needed")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=en-US",
                f"--window-size={width},{height}"):
        options.add_argument(arg)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(service=Service(chromedriver), options=options)
    driver.set_page_load_timeout(30)
    return driver


@pytest.fixture(scope="session")
def driver():
    d = make_driver()
    yield d
    d.quit()


@pytest.fixture(scope="session")
def nojs_driver():
    d = make_driver(javascript=False)
    yield d
    d.quit()


def set_viewport(driver, width, height=900, media=""):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media})


def reset_viewport(driver):
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def open_page(driver, site, rel):
    driver.get((site / rel).as_uri())


STATS = {}


def pytest_terminal_summary(terminalreporter):
    if SCREENSHOTS.exists() and any(SCREENSHOTS.glob("*.png")):
        terminalreporter.write_line(f"screenshots: {SCREENSHOTS} ({len(list(SCREENSHOTS.glob('*.png')))} PNG files)")
    for key, value in sorted(STATS.items()):
        terminalreporter.write_line(f"{key}: {value}")
