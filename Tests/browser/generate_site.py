"""A deterministic synthetic site at national scale, for the browser suite's page-size goals:
200 cities (in 20 states, a few with no state), 16 quarterly count metrics over 12 quarters,
each broken down by two dimensions (sex, age group). City sizes spread from small towns to
large cities, so small towns have many values under min_cell, as a real national site would.

Run alone: python3 Tests/browser/generate_site.py OUTPUT_FOLDER"""
import pathlib
import random
import sys

CITIES = 200
METRICS = 16
QUARTERS = [f"{2019 + q // 4}-Q{q % 4 + 1}" for q in range(12)]
SYSTEMS = ["immigration", "youth", "labor", "health", "housing", "economic", "justice"]
STATES = ["AL", "AZ", "CA", "CO", "FL", "GA", "IL", "IN", "MA", "MI",
          "MN", "MO", "NC", "NY", "OH", "OR", "PA", "TN", "TX", "WA"]
DIMENSIONS = {"sex": ["female", "male", "another"], "age_group": ["under_18", "18_24", "25_plus"]}
SHARES = {"sex": [0.62, 0.33, 0.05], "age_group": [0.25, 0.30, 0.45]}


def split(total, shares, rng):
    """Parts of `total` that sum to it exactly, near the given shares."""
    parts = [int(total * s * rng.uniform(0.8, 1.2)) for s in shares[:-1]]
    parts = [min(p, total) for p in parts]
    while sum(parts) > total:
        i = parts.index(max(parts))
        parts[i] -= 1
    return parts + [total - sum(parts)]


def site_yml():
    return """title: "National scale test site"
description: "Synthetic: 200 cities, 16 metrics, 12 quarters."
base_url: https://example.org/national/
languages: [en]
privacy:
  min_cell: 11
  min_rate_numerator: 20
data_status: synthetic
"""


def metric_yml(m):
    system = SYSTEMS[m % len(SYSTEMS)]
    return f"""id: metric_{m:02d}
title: Synthetic measure {m:02d}
description: A made-up quarterly count for the national-scale test.
system: {system}
type: count
unit: people
decimals: 0
direction: up
frequency: quarterly
dimensions:
  sex: [female, male, another]
  age_group: [under_18, "18_24", 25_plus]
"""


def blueprint(c, rng):
    state = STATES[c % len(STATES)] if c % 25 != 7 else None
    population = int(10 ** rng.uniform(4.7, 6.9))
    lines = ["---", f"city: Town {c:03d}"]
    if state:
        lines.append(f"state: {state}")
    lines += [f"population: {population}", "adopted: 2019-01-15", "commitments:"]
    statuses = ["planned", "in_progress", "done", "dropped"]
    for k, system in enumerate(SYSTEMS):
        for j in range(1 + (c + k) % 2):
            m = (k + 7 * j) % METRICS
            status = statuses[(c + k + j) % 4]
            lines += [f"  - id: town-{c:03d}-{system}-{j}", f"    system: {system}",
                      f"    title: Commitment {j + 1} in {system} for town {c:03d}",
                      f"    status: {status}", f"    due: 202{(c + k + j) % 3}-12-31",
                      f"    metrics: [metric_{m:02d}]"]
            if status == "done":
                lines.append("    completed: 2019-06-30")
    lines += ["---", f"# Town {c:03d} blueprint", "",
              "A synthetic blueprint for the national-scale browser test. " * 3, "",
              "## The plan", "", "Each city system makes one or two commitments. " * 4, ""]
    return population, "\n".join(lines) + "\n"


def generate(folder):
    folder = pathlib.Path(folder)
    rng = random.Random(12)
    for sub in ("Blueprints", "Metrics", "Data"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    (folder / "site.yml").write_text(site_yml())
    for m in range(METRICS):
        (folder / "Metrics" / f"metric_{m:02d}.yml").write_text(metric_yml(m))
    rows = ["city,period,metric,sex,age_group,value,status,note"]
    for c in range(CITIES):
        population, text = blueprint(c, rng)
        (folder / "Blueprints" / f"town-{c:03d}.md").write_text(text)
        for m in range(METRICS):
            level = population / 1e4 * rng.uniform(0.05, 0.6)
            for q, period in enumerate(QUARTERS):
                total = max(0, int(level * rng.uniform(0.7, 1.3) * (1 + q / 24)))
                rows.append(f"town-{c:03d},{period},metric_{m:02d},,,{total},,")
                for name, values in DIMENSIONS.items():
                    for value, part in zip(values, split(total, SHARES[name], rng)):
                        cells = (value, "") if name == "sex" else ("", value)
                        rows.append(f"town-{c:03d},{period},metric_{m:02d},{cells[0]},{cells[1]},{part},,")
    (folder / "Data" / "national.csv").write_text("\n".join(rows) + "\n")
    return folder


if __name__ == "__main__":
    generate(sys.argv[1] if len(sys.argv) > 1 else "national-site")
