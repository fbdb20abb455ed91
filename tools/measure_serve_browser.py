#!/usr/bin/env python3
import statistics, subprocess, sys, time, json, urllib.request
"""Save-to-reloaded-page time in headless Chromium (Selenium): python3 tools/measure_serve_browser.py BINARY SITE CITY PORT RUNS.
Also breaks the blueprint once and times the error panel appearing and clearing. Restores the file."""
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
binary, site, city, port, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
proc = subprocess.Popen([binary, "serve", site, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
base = f"http://127.0.0.1:{port}"
for _ in range(600):
    try: urllib.request.urlopen(base + "/_citywide/status", timeout=2); break
    except Exception: time.sleep(0.1)
o = Options(); o.add_argument("--headless=new"); o.add_argument("--no-sandbox")
import shutil
from selenium.webdriver.chrome.service import Service
d = webdriver.Chrome(options=o, service=Service(executable_path=shutil.which("chromedriver")))
path = f"{site}/Blueprints/{city}.md"; orig = open(path).read(); times = []
try:
    d.get(f"{base}/cities/{city}/"); time.sleep(1)
    for i in range(runs + 1):
        marker = f"Browser marker {i} {time.time_ns()}"
        t0 = time.perf_counter()
        with open(path, "w") as f: f.write(orig + f"\n{marker}\n")
        while marker not in d.execute_script("return document.body ? document.body.innerText : ''"):
            time.sleep(0.005)
        if i: times.append((time.perf_counter() - t0) * 1000)
        time.sleep(0.5)
    # Broken save: overlay appears; fix: it goes
    with open(path, "w") as f: f.write(orig.replace("---\n", "---\ncity: [\n", 1))
    t0 = time.perf_counter()
    while not d.execute_script("return !!document.getElementById('citywide-serve-errors')"): time.sleep(0.005)
    overlay_ms = (time.perf_counter() - t0) * 1000
    text = d.execute_script("return document.getElementById('citywide-serve-errors').innerText")
    with open(path, "w") as f: f.write(orig)
    t0 = time.perf_counter()
    while d.execute_script("return !!document.getElementById('citywide-serve-errors')"): time.sleep(0.005)
    cleared_ms = (time.perf_counter() - t0) * 1000
    times.sort()
    print(f"{site}: browser save-to-reloaded-page ms over {runs}: min {times[0]:.0f}, median {statistics.median(times):.0f}, max {times[-1]:.0f}; overlay shown in {overlay_ms:.0f} ms, cleared in {cleared_ms:.0f} ms")
    print("overlay:", text.replace("\n", " | ")[:300])
finally:
    with open(path, "w") as f: f.write(orig)
    d.quit(); proc.send_signal(2); proc.wait(timeout=20)
