#!/usr/bin/env python3
"""Save-to-reload time of `citywide serve`, measured end to end from outside.

Starts `citywide serve SITE --port PORT`, then N times: appends a unique line to
a blueprint (t0 = just before the write), long-polls /_citywide/events until a
new version is announced, fetches the city page and checks the new line is in it
(t1). Prints min / median / max of t1 - t0.
"""
import json, statistics, subprocess, sys, time, urllib.request

binary, site, city, port, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
base = f"http://127.0.0.1:{port}"
proc = subprocess.Popen([binary, "serve", site, "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

def get(path, timeout=30):
    with urllib.request.urlopen(base + path, timeout=timeout) as r:
        return r.read()

try:
    for _ in range(600):
        try:
            status = json.loads(get("/_citywide/status")); break
        except Exception:
            time.sleep(0.1)
    path = f"{site}/Blueprints/{city}.md"
    original = open(path, encoding="utf-8").read()
    times = []
    for i in range(runs + 1):
        marker = f"Reload marker {i} {time.time_ns()}"
        version, attempt = status["version"], status["attempt"]
        t0 = time.perf_counter()
        with open(path, "w", encoding="utf-8") as f:
            f.write(original + f"\n{marker}\n")
        while True:
            status = json.loads(get(f"/_citywide/events?version={version}&attempt={attempt}"))
            if status["version"] != version: break
            attempt = status["attempt"]
        page = get(f"/cities/{city}/").decode()
        t1 = time.perf_counter()
        assert marker in page, "new text not served"
        if i > 0: times.append((t1 - t0) * 1000)  # the first run warms caches
        time.sleep(0.3)
    with open(path, "w", encoding="utf-8") as f:
        f.write(original)
    times.sort()
    print(f"{site}: {runs} saves, save-to-new-page ms: min {times[0]:.0f}, median {statistics.median(times):.0f}, max {times[-1]:.0f}")
finally:
    proc.send_signal(2)
    out, _ = proc.communicate(timeout=20)
    print("exit", proc.returncode, "|", out.strip().splitlines()[-1])
