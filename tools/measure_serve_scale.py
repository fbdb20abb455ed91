#!/usr/bin/env python3
"""Save-to-new-page time of `citywide serve` on the 200-city benchmark site,
for each kind of edit (docs/serve.md, "Measured save-to-reload times").

  python3 tools/measure_serve_scale.py BINARY [--runs N] [--port P] [--work DIR] [--cities C]

Generates the site of `tools/bench` (mid200: 200 cities x 16 metrics x 12
quarters, the same bytes every time) into WORK, copies it, starts
`citywide serve` on the copy, and N times for each kind of edit: rewrites one
file (t0 = just before the write), long-polls /_citywide/events until a new
version is announced, fetches the page the edit shows on and checks the new
text is there (t1). Prints min / median / max of t1 - t0 per kind; the first
edit of each kind is a warm-up and not counted. Every file is put back.

  narrative     a line appended to a blueprint's Markdown (the city page)
  front-matter  the blueprint's `fellow:` (the city page)
  metric        a metric's title (the metric page)
  data          one city-quarter's total and its margins, +k (the city page)
"""
import argparse, importlib.machinery, importlib.util, json, os, shutil, statistics, subprocess, sys, time, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def bench_module():
    """tools/bench as a module, for its deterministic `generate`."""
    loader = importlib.machinery.SourceFileLoader("bench", os.path.join(ROOT, "tools", "bench"))
    spec = importlib.util.spec_from_loader("bench", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def edits(site):
    """Each kind of edit: (file, its text for edit i, the page, the text to find there or None)."""
    city, metric = "city-00000", "m000"
    blueprint = os.path.join(site, "Blueprints", f"{city}.md")
    metric_file = os.path.join(site, "Metrics", f"{metric}.yml")
    data = os.path.join(site, "Data", "observations.csv")
    original = {path: open(path, encoding="utf-8").read() for path in (blueprint, metric_file, data)}

    def narrative(i):
        marker = f"Reload marker {i} {time.time_ns()}"
        return original[blueprint] + f"\n{marker}\n", marker

    def front_matter(i):
        marker = f"Fellow marker {i}"
        return original[blueprint].replace("fellow: Fellow 0\n", f"fellow: {marker}\n", 1), marker

    def metric_title(i):
        marker = f"Metric marker {i}"
        return original[metric_file].replace("title: Metric 0 of the benchmark", f"title: {marker}", 1), marker

    def data_rows(i):
        # The total of the first quarter, one sex and one type: parts still add up.
        lines = original[data].split("\n")
        prefix = f"{city},2019-Q1,{metric},"
        for n, line in enumerate(lines):
            if line.startswith(prefix):
                cells = line.split(",")
                if (cells[3], cells[4]) in (("", ""), ("female", ""), ("", "sex")):
                    cells[5] = str(int(cells[5]) + 20 + i)
                    lines[n] = ",".join(cells)
        return "\n".join(lines), None

    return original, [
        ("narrative", blueprint, narrative, f"/cities/{city}/"),
        ("front-matter", blueprint, front_matter, f"/cities/{city}/"),
        ("metric", metric_file, metric_title, f"/metrics/{metric}/"),
        ("data", data, data_rows, f"/cities/{city}/"),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binary")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--port", type=int, default=8790)
    parser.add_argument("--work", default=os.path.join(ROOT, ".bench"))
    parser.add_argument("--cities", type=int, default=200)
    parser.add_argument("--only", help="comma-separated kinds: narrative,front-matter,metric,data")
    args = parser.parse_args()

    folder = os.path.join(args.work, f"serve{args.cities}")
    bench_module().generate(folder, args.cities, 16, 12)
    site = os.path.join(folder, "copy")
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(os.path.join(folder, "site"), site)

    base = f"http://127.0.0.1:{args.port}"
    get = lambda path: urllib.request.urlopen(base + path, timeout=60).read()
    start = time.perf_counter()
    proc = subprocess.Popen([args.binary, "serve", site, "--port", str(args.port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    original = {}
    try:
        status = None
        for _ in range(1200):
            try:
                status = json.loads(get("/_citywide/status"))
                if status["version"] > 0: break
            except Exception:
                pass
            time.sleep(0.1)
        print(f"{args.cities} cities: first build served after {time.perf_counter() - start:.1f} s", flush=True)
        original, kinds = edits(site)
        wanted = args.only.split(",") if args.only else None
        for kind, path, edit, page in kinds:
            if wanted and kind not in wanted: continue
            times = []
            for i in range(args.runs + 1):
                text, marker = edit(i)
                version, attempt = status["version"], status["attempt"]
                t0 = time.perf_counter()
                with open(path, "w", encoding="utf-8", newline="\n") as f:
                    f.write(text)
                while True:
                    status = json.loads(get(f"/_citywide/events?version={version}&attempt={attempt}"))
                    if status["version"] != version: break
                    if not status["ok"]: sys.exit(f"{kind}: the edit broke the build: {status['diagnostics'][:3]}")
                    attempt = status["attempt"]
                body = get(page).decode()
                t1 = time.perf_counter()
                if marker and marker not in body: sys.exit(f"{kind}: new text not served on {page}")
                if i > 0: times.append((t1 - t0) * 1000)
                print(f"    {kind} save {i}: {(t1 - t0) * 1000:.0f} ms{' (warm-up)' if i == 0 else ''}", flush=True)
                time.sleep(0.3)
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(original[path])
            status = json.loads(get(f"/_citywide/events?version={status['version']}&attempt={status['attempt']}"))
            times.sort()
            print(f"  {kind:13} {args.runs} saves, save-to-new-page ms: min {times[0]:.0f}, "
                  f"median {statistics.median(times):.0f}, max {times[-1]:.0f}", flush=True)
    finally:
        for path, text in original.items():
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
        proc.send_signal(2)
        out, _ = proc.communicate(timeout=60)
        lines = out.strip().splitlines()
        print("exit", proc.returncode, "|", lines[-1] if lines else "")


if __name__ == "__main__":
    main()
