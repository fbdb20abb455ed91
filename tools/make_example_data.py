#!/usr/bin/env python3
"""Generate the SYNTHETIC example data in Data/*.csv for the Citywide example site.

Every number written by this script is made up. The series are shaped to look like the
small, partial, uneven counts a city anti-trafficking office really gets (gentle trends,
a pandemic dip in 2020-Q2, gaps, a definition change), so that the site's charts,
progress statuses and privacy suppression have something realistic to work on.

Deterministic: a fixed seed and a fixed order, so running it twice gives byte-identical
files. Standard library only.

    python3 tools/make_example_data.py            # writes <repo>/Data/*.csv
    python3 tools/make_example_data.py --out DIR  # writes DIR/*.csv

Rules the output follows (Citywide validates them):
  * columns: city, period, metric, <dimension columns>, value, status, note; every
    dimension column is declared by every metric that appears in that file;
  * one total row per (city, period, metric) (all dimension cells blank) plus, for each
    dimension, one row per value of that dimension with the other dimension cells blank;
    the parts add up exactly to the total;
  * a missing value is an empty cell with a note, and then no breakdown rows;
  * computed metrics (survivors_identified_rate, housing_placement_percent) get no rows.
"""

import argparse
import csv
import os
import random

SEED = 20180201  # Pathways to Freedom cities were announced in February 2018

CITIES = ["atlanta", "chicago", "minneapolis"]
YEARS = [2018, 2019, 2020]
QUARTERS = ["%d-Q%d" % (y, q) for y in YEARS for q in range(1, 5)]
ANNUAL = [str(y) for y in YEARS]

# Dimension values, in the order the metric files declare them.
TRAFFICKING_TYPE = ["sex", "labor", "both"]
SEX = ["female", "male", "another"]
AGE = ["under_18", "18_24", "25_plus"]
YOUTH_AGE = ["under_18", "18_24"]
INDUSTRY = ["restaurants", "construction", "cleaning", "domestic_work", "other"]
SYSTEM = ["immigration", "youth", "labor", "health", "housing", "economic", "justice"]

NOT_COLLECTED = "not collected this quarter"


# --------------------------------------------------------------------------------------
# Series specifications
#
# Each series: (city, metric) -> dict with
#   start, end   : level at the first and last period (geometric interpolation between)
#   noise        : relative noise (standard deviation of a multiplicative factor)
#   from_period  : first period with a row (earlier periods: no rows at all)
#   missing      : {period: note}: a total row with an empty value, no breakdowns
#   stock        : True for levels that only ratchet up (beds, vouchers in use)
#   levels       : explicit list of totals (overrides start/end), one per period
#   weights      : {dimension: [weights per value]} or {dimension: (w_start, w_end)}
#   skip_dims    : {dimension: [periods without that breakdown]}
# --------------------------------------------------------------------------------------

def w(*xs):
    return list(xs)


IDENTIFICATION = {
    "file": "identification.csv",
    "dims": ["trafficking_type", "sex", "age_group"],
    "metrics": {
        "survivors_identified": {
            "frequency": "quarterly",
            "dip_2020_q2": 0.7,
            "values": {"trafficking_type": TRAFFICKING_TYPE, "sex": SEX, "age_group": AGE},
            "series": {
                "atlanta": dict(start=24, end=52, noise=0.08,
                                missing={"2018-Q1": "not collected this quarter: data-sharing agreement not yet signed"},
                                skip_dims={"age_group": ["2018-Q2"]},
                                weights={"trafficking_type": (w(70, 22, 8), w(58, 30, 12)),
                                         "sex": w(80, 16, 4),
                                         "age_group": w(24, 32, 44)}),
                "chicago": dict(start=72, end=128, noise=0.07,
                                weights={"trafficking_type": (w(66, 24, 10), w(55, 32, 13)),
                                         "sex": w(76, 19, 5),
                                         "age_group": w(18, 30, 52)}),
                "minneapolis": dict(start=17, end=44, noise=0.1,
                                    weights={"trafficking_type": (w(78, 14, 8), w(56, 32, 12)),
                                             "sex": w(82, 13, 5),
                                             "age_group": w(30, 34, 36)}),
            },
        },
    },
    # The latest quarter of this file is still being reviewed by the data owners.
    "provisional_period": "2020-Q4",
}

HOUSING_AND_SERVICES = {
    "file": "housing-and-services.csv",
    "dims": ["sex", "age_group"],
    "metrics": {
        "emergency_shelter_beds": {
            "frequency": "quarterly",
            "values": {"sex": SEX, "age_group": AGE},
            "series": {
                "atlanta": dict(levels=[18, 18, 20, 20, 22, 24, 24, 28, 30, 30, 32, 34], noise=0,
                                weights={"sex": (w(90, 0, 10), w(70, 20, 10)),
                                         "age_group": w(25, 30, 45)},
                                estimated={"2019-Q1": "estimated from the annual housing inventory count"}),
                "chicago": dict(levels=[46, 46, 50, 52, 56, 58, 60, 64, 64, 66, 70, 72], noise=0,
                                weights={"sex": w(88, 0, 12), "age_group": w(20, 35, 45)}),
                "minneapolis": dict(levels=[8, 8, 12, 12, 18, 20, 20, 22, 22, 22, 24, 26], noise=0,
                                    weights={"sex": w(85, 0, 15), "age_group": w(70, 20, 10)}),
            },
        },
        "shelter_turnaways": {
            "frequency": "quarterly",
            "values": {"sex": SEX, "age_group": AGE},
            "series": {
                "atlanta": dict(start=22, end=11, noise=0.15,
                                weights={"sex": w(55, 38, 7), "age_group": w(20, 35, 45)}),
                "chicago": dict(start=48, end=26, noise=0.12,
                                weights={"sex": w(45, 48, 7), "age_group": w(15, 35, 50)}),
                "minneapolis": dict(start=15, end=12, noise=0.2,
                                    weights={"sex": w(70, 20, 10), "age_group": w(55, 25, 20)}),
            },
        },
        "housing_placements": {
            "frequency": "quarterly",
            "values": {"sex": SEX, "age_group": AGE},
            "series": {
                "atlanta": dict(start=8, end=19, noise=0.15,
                                weights={"sex": w(82, 14, 4), "age_group": w(15, 35, 50)}),
                "chicago": dict(start=24, end=58, noise=0.1,
                                weights={"sex": w(84, 11, 5), "age_group": w(10, 35, 55)}),
                "minneapolis": dict(start=6, end=15, noise=0.18,
                                    weights={"sex": w(85, 9, 6), "age_group": w(35, 35, 30)}),
            },
        },
        "housing_vouchers_in_use": {
            "frequency": "quarterly",
            "values": {"sex": SEX, "age_group": AGE},
            "series": {
                # Chicago's 60 federal vouchers fill up during 2019-2020.
                "chicago": dict(levels=[None, None, None, 6, 15, 24, 33, 41, 50, 55, 58, 60], noise=0,
                                weights={"sex": w(78, 15, 7), "age_group": w(0, 40, 60)}),
                "atlanta": dict(levels=[None] * 6 + [3, 5, 7, 8, 10, 12], noise=0,
                                weights={"sex": w(85, 10, 5), "age_group": w(0, 45, 55)}),
            },
        },
        "youth_screened": {
            "frequency": "quarterly",
            "dip_2020_q2": 0.75,
            "values": {"sex": SEX, "age_group": YOUTH_AGE},
            "series": {
                "atlanta": dict(start=38, end=112, noise=0.08,
                                weights={"sex": w(58, 36, 6), "age_group": w(55, 45)}),
                "chicago": dict(start=92, end=196, noise=0.07,
                                weights={"sex": w(54, 38, 8), "age_group": w(50, 50)}),
                "minneapolis": dict(start=28, end=84, noise=0.1,
                                    weights={"sex": w(60, 33, 7), "age_group": w(60, 40)}),
            },
        },
        "health_referrals": {
            "frequency": "quarterly",
            "dip_2020_q2": 0.8,
            "values": {"sex": SEX, "age_group": AGE},
            "series": {
                "atlanta": dict(start=6, end=19, noise=0.2,
                                weights={"sex": w(80, 15, 5), "age_group": w(15, 35, 50)}),
                "chicago": dict(start=16, end=41, noise=0.12,
                                weights={"sex": w(78, 17, 5), "age_group": w(12, 33, 55)}),
                "minneapolis": dict(start=5, end=17, noise=0.2,
                                    missing={"2018-Q1": NOT_COLLECTED, "2018-Q2": NOT_COLLECTED},
                                    weights={"sex": w(84, 10, 6), "age_group": w(25, 35, 40)}),
            },
        },
        "immigration_legal_referrals": {
            "frequency": "quarterly",
            "values": {"sex": SEX, "age_group": AGE},
            "series": {
                "atlanta": dict(start=10, end=29, noise=0.15,
                                weights={"sex": w(60, 37, 3), "age_group": w(8, 32, 60)}),
                "chicago": dict(start=26, end=57, noise=0.1,
                                weights={"sex": w(55, 42, 3), "age_group": w(6, 30, 64)}),
                "minneapolis": dict(start=8, end=21, noise=0.18,
                                    weights={"sex": w(62, 34, 4), "age_group": w(10, 30, 60)}),
            },
        },
        "municipal_ids_issued": {
            "frequency": "quarterly",
            "values": {"sex": SEX, "age_group": AGE},
            "series": {
                "chicago": dict(start=30, end=72, noise=0.12,
                                weights={"sex": w(58, 36, 6), "age_group": w(4, 30, 66)}),
                # Minneapolis pilots enrollment at service partners from 2019.
                "minneapolis": dict(start=12, end=31, noise=0.15, from_period="2019-Q1",
                                    weights={"sex": w(55, 37, 8), "age_group": w(3, 35, 62)}),
            },
        },
    },
}

LABOR = {
    "file": "labor.csv",
    "dims": ["industry"],
    "metrics": {
        "labor_trafficking_referrals": {
            "frequency": "quarterly",
            "values": {"industry": INDUSTRY},
            "series": {
                "atlanta": dict(start=5, end=21, noise=0.18,
                                weights={"industry": w(38, 22, 18, 8, 14)}),
                "chicago": dict(start=12, end=42, noise=0.12,
                                weights={"industry": w(34, 24, 20, 10, 12)}),
                # A definition change in 2019-Q3 (see BREAKS) makes the series jump.
                "minneapolis": dict(levels=[3, 4, 4, 5, 6, 7, 13, 15, 16, 14, 19, 23], noise=0,
                                    weights={"industry": w(40, 15, 25, 8, 12)}),
            },
        },
        "wage_theft_cases_screened": {
            "frequency": "quarterly",
            "dip_2020_q2": 0.8,
            "values": {"industry": INDUSTRY},
            "series": {
                "atlanta": dict(start=34, end=108, noise=0.1,
                                missing={"2018-Q1": "not collected this quarter: screening questions not yet part of intake",
                                         "2018-Q2": "not collected this quarter: screening questions not yet part of intake"},
                                weights={"industry": w(36, 24, 16, 6, 18)}),
                "chicago": dict(start=148, end=262, noise=0.06,
                                weights={"industry": w(32, 22, 18, 8, 20)}),
                "minneapolis": dict(start=58, end=176, noise=0.08,
                                    weights={"industry": w(42, 14, 22, 6, 16)},
                                    estimated={"2020-Q2": "estimated: intake moved online mid-quarter and some screening forms were incomplete"}),
            },
        },
    },
}

JUSTICE_AND_ECONOMIC = {
    "file": "justice-and-economic.csv",
    "dims": ["trafficking_type"],
    "metrics": {
        "investigations_opened": {
            "frequency": "quarterly",
            "values": {"trafficking_type": TRAFFICKING_TYPE},
            "series": {
                "atlanta": dict(start=9, end=15, noise=0.2,
                                weights={"trafficking_type": (w(80, 12, 8), w(64, 26, 10))}),
                "chicago": dict(start=21, end=31, noise=0.15,
                                weights={"trafficking_type": (w(76, 16, 8), w(62, 28, 10))}),
                "minneapolis": dict(start=6, end=13, noise=0.22,
                                    weights={"trafficking_type": (w(85, 8, 7), w(66, 24, 10))}),
            },
        },
        "vacatur_petitions_filed": {
            "frequency": "annual",
            "values": {"trafficking_type": TRAFFICKING_TYPE},
            "series": {
                "atlanta": dict(levels=[14, 26, 31], noise=0,
                                weights={"trafficking_type": w(82, 8, 10)}),
                "chicago": dict(levels=[35, 52, 47], noise=0,
                                weights={"trafficking_type": w(78, 12, 10)},
                                estimated={"2020": "estimated: courts were closed for part of the year; count taken from legal aid intake logs"}),
                "minneapolis": dict(levels=[6, 12, 19], noise=0,
                                    weights={"trafficking_type": w(85, 5, 10)}),
            },
        },
    },
}

TRAINING = {
    "file": "training.csv",
    "dims": ["system"],
    "metrics": {
        "staff_trained": {
            "frequency": "quarterly",
            "dip_2020_q2": 0.6,
            "values": {"system": SYSTEM},
            "series": {
                "atlanta": dict(start=22, end=118, noise=0.15,
                                weights={"system": (w(5, 25, 10, 25, 15, 5, 15), w(8, 18, 18, 20, 14, 8, 14))}),
                "chicago": dict(start=64, end=196, noise=0.1,
                                missing={"2018-Q1": NOT_COLLECTED},
                                weights={"system": (w(6, 30, 12, 20, 14, 4, 14), w(8, 24, 16, 18, 14, 6, 14))}),
                "minneapolis": dict(start=26, end=88, noise=0.15,
                                    weights={"system": (w(4, 16, 10, 14, 6, 2, 48), w(8, 18, 22, 16, 10, 6, 20))}),
            },
        },
    },
}

FILES = [IDENTIFICATION, HOUSING_AND_SERVICES, LABOR, JUSTICE_AND_ECONOMIC, TRAINING]

# One series break: (file, city, period, metric) -> note. Only the total row is flagged.
BREAKS = {
    ("labor.csv", "minneapolis", "2019-Q3", "labor_trafficking_referrals"):
        "break in series: from 2019-Q3 referrals also count cases found in sick-and-safe-time "
        "investigations, not only minimum-wage cases",
}

# Notes on the pandemic dip, on the total rows of the metrics that have one.
DIP_NOTE = "fewer contacts while offices and programs were closed for COVID-19"


# --------------------------------------------------------------------------------------

def interpolate(a, b, frac):
    """Element-wise linear interpolation of two weight lists."""
    return [x + (y - x) * frac for x, y in zip(a, b)]


def weights_at(spec, frac):
    if isinstance(spec, tuple):
        return interpolate(spec[0], spec[1], frac)
    return spec


def split(rng, total, weights):
    """Split `total` into len(weights) non-negative integers that add up to `total`.

    Each unit is drawn independently (a multinomial draw) with our own categorical
    sampler, so the result depends only on the seed and not on library internals.
    Categories with weight 0 always get 0.
    """
    parts = [0] * len(weights)
    s = float(sum(weights))
    cum = []
    acc = 0.0
    for x in weights:
        acc += x / s
        cum.append(acc)
    last_positive = max(i for i, x in enumerate(weights) if x > 0)
    for _ in range(total):
        r = rng.random()
        chosen = last_positive
        for i, c in enumerate(cum):
            if weights[i] > 0 and r < c:
                chosen = i
                break
        parts[chosen] += 1
    assert sum(parts) == total
    return parts


def totals_for(rng, series, periods, dip):
    if "levels" in series:
        levels = list(series["levels"])
    else:
        start, end = series["start"], series["end"]
        n = len(periods)
        levels = []
        for i in range(n):
            base = start * (float(end) / start) ** (i / float(n - 1))
            noise = series.get("noise", 0.0)
            factor = 1.0 + rng.gauss(0.0, noise) if noise else 1.0
            factor = min(max(factor, 0.75), 1.25)
            levels.append(base * factor)
    out = []
    for p, v in zip(periods, levels):
        if v is None:
            out.append(None)
            continue
        if dip and p == "2020-Q2":
            v = v * dip
        out.append(max(0, int(round(v))))
    return out


def generate_file(spec, rng):
    dims = spec["dims"]
    rows = []
    for metric in sorted(spec["metrics"]):
        m = spec["metrics"][metric]
        periods = QUARTERS if m["frequency"] == "quarterly" else ANNUAL
        for city in CITIES:
            series = m["series"].get(city)
            if series is None:
                continue
            totals = totals_for(rng, series, periods, m.get("dip_2020_q2"))
            first = series.get("from_period")
            started = first is None
            for i, (period, total) in enumerate(zip(periods, totals)):
                if not started:
                    started = period == first
                    if not started:
                        continue
                if total is None:
                    continue
                frac = i / float(len(periods) - 1)

                def row(dimvals, value, status="", note=""):
                    r = {"city": city, "period": period, "metric": metric}
                    for d in dims:
                        r[d] = dimvals.get(d, "")
                    r["value"] = "" if value is None else str(value)
                    r["status"] = status
                    r["note"] = note
                    return r

                missing = series.get("missing", {})
                if period in missing:
                    rows.append(row({}, None, "", missing[period]))
                    continue

                status = ""
                note = ""
                if period in series.get("estimated", {}):
                    status = "estimated"
                    note = series["estimated"][period]
                if spec.get("provisional_period") == period:
                    status = "provisional"
                    note = "provisional: figures may be revised"

                total_status, total_note = status, note
                key = (spec["file"], city, period, metric)
                if key in BREAKS:
                    total_status, total_note = "break", BREAKS[key]
                elif m.get("dip_2020_q2") and period == "2020-Q2" and not total_note:
                    total_note = DIP_NOTE
                rows.append(row({}, total, total_status, total_note))

                for d in dims:
                    if period in series.get("skip_dims", {}).get(d, []):
                        continue
                    values = m["values"][d]
                    weights = weights_at(series["weights"][d], frac)
                    parts = split(rng, total, weights)
                    for v, n in zip(values, parts):
                        rows.append(row({d: v}, n, status, ""))
    return ["city", "period", "metric"] + dims + ["value", "status", "note"], rows


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.join(os.path.dirname(here), "Data"),
                    help="output folder (default: the example site's Data/)")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(SEED)
    total_rows = 0
    for spec in FILES:
        header, rows = generate_file(spec, rng)
        path = os.path.join(args.out, spec["file"])
        with open(path, "w", newline="", encoding="utf-8") as f:
            wr = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
            wr.writeheader()
            wr.writerows(rows)
        total_rows += len(rows)
        print("%-28s %5d rows" % (spec["file"], len(rows)))
    print("%-28s %5d rows" % ("total", total_rows))


if __name__ == "__main__":
    main()
