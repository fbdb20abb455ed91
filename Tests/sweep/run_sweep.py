#!/usr/bin/env python3
"""The hostile-input sweep: builds broken and hostile sites of every kind with
the real `citywide` binary and checks the promise of SPEC: no input makes
Citywide crash, hang, lose input silently or damage the previous output.

For every case it asserts:
  * no signal (crash, trap, stack overflow) and an exit within TIMEOUT seconds;
  * exit status 1 with at least one `path:line:column: error:` line (an "error"
    case), or exit status 0 (an "ok" case: valid input, warnings allowed);
  * where the case names one, that position (`Data/a.csv:3:5`) in the errors;
  * no staging or old-output folder left beside the output;
  * a failed build leaves the previous output byte-identical.

Usage: run_sweep.py [path/to/citywide] [--filter WORD] [--jobs N]
Prints one line per failure and a closing line `sweep: N passed, M failed in S s`.
Standard library only.
"""
import argparse
import concurrent.futures
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

TIMEOUT = 10
ERROR_LINE = re.compile(r"^[^\s:][^:]*:\d+:\d+: error: ", re.M)


class Case:
    def __init__(self, name, files=None, expect="error", at=None, setup=None, args=None,
                 absent=None, most=None, check=None):
        self.name = name
        self.files = files or {}       # path -> str | bytes | None (None deletes)
        self.expect = expect           # "error" or "ok"
        self.at = at                   # an error must start with this "path:line:column"
        self.setup = setup             # fn(site_dir) for links, sparse files, ...
        self.args = args or []         # extra build arguments; "{site}" is replaced
        self.absent = absent           # text that must not appear in the output streams
        self.most = most               # at most this many error lines
        self.check = check             # fn(site_dir, output) -> problem or None


# ---------------------------------------------------------------- the cases

def metric(extra="", id="survivors_identified"):
    return f"""id: {id}
title: Survivors identified
system: cross_system
type: count
unit: people
decimals: 0
direction: up
frequency: quarterly
dimensions:
  trafficking_type: [sex, labor, both]
{extra}"""


def data(rows, header="city,period,metric,trafficking_type,value,status,note"):
    return header + "\n" + "".join(r + "\n" for r in rows)


def value_case(name, value, expect="error"):
    return Case(f"csv value {name}", {"Data/our-city.csv": data([f"our-city,2024-Q1,survivors_identified,,{value},,"])},
                expect=expect, at="Data/our-city.csv:2:" if expect == "error" else None)


def yaml_number(name, key_line, expect="error", path="Metrics/labor_trafficking_referrals.yml", at=None):
    base = """id: labor_trafficking_referrals
title: Labor trafficking referrals to victim services
system: labor
type: count
unit: referrals
direction: up
frequency: quarterly
"""
    return Case(f"yaml number {name}", {path: base + key_line + "\n"}, expect=expect, at=at or (f"{path}:8:" if expect == "error" else None))


def rate_per(name, per, expect="error"):
    text = f"""id: survivors_identified_rate
title: Survivors identified per 100,000 residents
system: cross_system
type: rate
numerator: survivors_identified
per: {per}
decimals: 1
direction: up
frequency: quarterly
"""
    return Case(f"per {name}", {"Metrics/survivors_identified_rate.yml": text}, expect=expect,
                at="Metrics/survivors_identified_rate.yml:6:" if expect == "error" else None)


def blueprint(front, body="Our plan.\n"):
    return "---\n" + front + "---\n" + body


SIMPLE_FRONT = "city: Our City\npopulation: 250000\n"


def symlink(target, link):
    def make(site):
        path = os.path.join(site, link)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if os.path.lexists(path):
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path)
            else:
                os.remove(path)
        os.symlink(target, path)
    return make


def sparse(path, size):
    def make(site):
        full = os.path.join(site, path)
        with open(full, "wb") as f:
            f.truncate(size)
    return make


def cases():
    out = []
    # -- numbers in data
    for name, v in [("1e15", "1e15"), ("-1e15", "-1e15"), ("1e20", "1e20"), ("2^64", "18446744073709551616"),
                    ("-1e300", "-1e300"), ("1e308", "1e308"), ("1e309", "1e309"), ("1e-10", "1e-10"),
                    ("1e-310", "1e-310"), ("1e-400", "1e-400"), ("nan", "nan"), ("NaN", "NaN"), ("inf", "inf"),
                    ("-inf", "-inf"), ("1.5e15", "1.5e15"), ("0x10", "0x10"), ("1,000", '"1,000"'), ("twenty", "twenty"),
                    ("thousand digits", "9" * 1000), ("exponent 99999", "1e99999")]:
        out.append(value_case(name, v))
    for name, v in [("999999999999999", "999999999999999"), ("zero", "0"), ("0e-400", "0e-400"),
                    ("123456789012345", "123456789012345")]:
        out.append(value_case(name, v, expect="ok"))
    # -- numbers in YAML
    out += [
        yaml_number("target 1e15", "target: { value: 1e15, year: 2025 }"),
        yaml_number("target -1e300", "target: { value: -1e300, year: 2025 }"),
        yaml_number("target 1e400", "target: { value: 1e400, year: 2025 }"),
        yaml_number("target 1e-12", "target: { value: 1e-12, year: 2025 }"),
        yaml_number("target .nan", "target: { value: .nan, year: 2025 }"),
        yaml_number("target .inf", "target: { value: .inf, year: 2025 }"),
        yaml_number("target year huge", "target: { value: 3, year: 99999999999999999999999 }"),
        yaml_number("progress high tiny", "progress: { high: 1e-300 }"),
        yaml_number("min_cell huge", "privacy: { min_cell: 1000000000000000000000 }"),
        yaml_number("decimals huge", "decimals: 99999999999999999999"),
        yaml_number("decimals 6 ok", "decimals: 6", expect="ok"),
        rate_per("0", "0"), rate_per("negative", "-5"), rate_per("half", "0.5"), rate_per("1e308", "1e308"),
        rate_per("1e15", "1e15"), rate_per("1 ok", "1", expect="ok"), rate_per("1e9 ok", "1e9", expect="ok"),
        Case("population 1e20", {"Blueprints/our-city.md": blueprint("city: Our City\npopulation: 100000000000000000000\n")},
             at="Blueprints/our-city.md:3:"),
        Case("population 0", {"Blueprints/our-city.md": blueprint("city: Our City\npopulation: 0\n")}, at="Blueprints/our-city.md:3:"),
        Case("population 1e15", {"Blueprints/our-city.md": blueprint("city: Our City\npopulation: 1000000000000000\n")},
             at="Blueprints/our-city.md:3:"),
        Case("site min_cell huge", {"site.yml": "title: T\nprivacy:\n  min_cell: 1000000000000000000000000\n"}, at="site.yml:3:"),
        Case("huge rate is drawn", {"Blueprints/our-city.md": blueprint("city: Our City\npopulation: 1\n"),
                                    "Metrics/survivors_identified_rate.yml": """id: survivors_identified_rate
title: Rate
system: cross_system
type: rate
numerator: survivors_identified
per: 100000000000000
decimals: 6
direction: up
frequency: quarterly
"""}, expect="ok"),
    ]
    # -- templates
    deep = "{{#a}}" * 20000 + "{{/a}}" * 20000
    out += [
        Case("partial includes itself", {"Templates/table.mustache": "{{> table}}\n"}, at="Templates/table.mustache:1:1"),
        Case("partials include each other", {"Templates/ping.mustache": "{{> pong}}", "Templates/pong.mustache": "x {{> ping}}",
                                             "Templates/table.mustache": "{{> ping}}"}),
        Case("three-partial loop", {"Templates/p1.mustache": "{{>p2}}", "Templates/p2.mustache": "{{>p3}}",
                                    "Templates/p3.mustache": "{{>p1}}", "Templates/status.mustache": "{{>p1}}"}),
        Case("layout includes itself", {"Templates/layout.mustache": "<html>{{> layout}}</html>"}, at="Templates/layout.mustache:1:7"),
        Case("inheritance loop", {"Templates/table.mustache": "{{<table}}{{/table}}"}),
        Case("20,000 nested sections", {"Templates/table.mustache": deep}, at="Templates/table.mustache:1:"),
        Case("20,000 nested inverted sections", {"Templates/table.mustache": "{{^a}}" * 20000 + "{{/a}}" * 20000}),
        Case("20,000 nested blocks", {"Templates/table.mustache": "{{$a}}" * 20000 + "{{/a}}" * 20000}),
        Case("101 nested sections", {"Templates/table.mustache": "{{#a}}" * 101 + "{{/a}}" * 101}),
        Case("100 nested sections ok", {"Templates/extra.mustache": "{{#a}}" * 99 + "{{/a}}" * 99}, expect="ok"),
        Case("chain of 150 partials", dict([(f"Templates/c{i}.mustache", f"{{{{#x}}}}{{{{> c{i + 1}}}}}{{{{/x}}}}") for i in range(150)]
                                           + [("Templates/c150.mustache", "end"), ("Templates/table.mustache", "{{> c0}}")])),
        Case("20,000 nested sections, other delimiters", {"Templates/table.mustache": "{{=<% %>=}}" + "<%#a%>" * 20000 + "<%/a%>" * 20000}),
        Case("unclosed section", {"Templates/table.mustache": "{{#a}}"}),
        Case("missing partial", {"Templates/table.mustache": "{{> nowhere}}"}, at="Templates/table.mustache:1:1"),
        Case("unclosed tag", {"Templates/table.mustache": "{{a"}),
    ]
    # -- YAML
    laughs = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]\n" for i in range(1, 12))
    alias_keys = "k0: &k0 {x: 1, y: 2}\n" + "".join(f"k{i}: &k{i} {{ *k{i - 1} : 1, [*k{i - 1}]: 2 }}\n" for i in range(1, 20))
    out += [
        Case("billion laughs in site.yml", {"site.yml": "title: T\n" + laughs}, at="site.yml:2:"),
        Case("alias as mapping key in front matter", {"Blueprints/our-city.md": blueprint(SIMPLE_FRONT + alias_keys)}, at="Blueprints/our-city.md:4:"),
        Case("alias in metric", {"Metrics/labor_trafficking_referrals.yml": "id: &i labor_trafficking_referrals\ntitle: *i\n"}, at="Metrics/labor_trafficking_referrals.yml:1:5"),
        Case("merge key", {"site.yml": "base: &b {title: T}\n<<: *b\n"}),
        Case("undefined alias", {"site.yml": "title: *nothing\n"}),
        Case("20,000 nested flow lists", {"site.yml": "title: " + "[" * 20000 + "]" * 20000 + "\n"}),
        Case("20,000 nested flow maps in front matter", {"Blueprints/our-city.md": blueprint("city: " + "{a: " * 20000 + "1" + "}" * 20000 + "\n")}),
        Case("200 nested block mappings", {"Metrics/labor_trafficking_referrals.yml": "".join("  " * i + f"k{i}:\n" for i in range(200)) + "  " * 200 + "v\n"}),
        Case("tab indentation", {"site.yml": "privacy:\n\tmin_cell: 11\n"}, at="site.yml:2:"),
        Case("control character in YAML", {"site.yml": "title: a\x01b\n"}, at="site.yml:1:9"),
        Case("escape sequence in YAML key", {"site.yml": "\x1b[31mtitle: x\n"}, absent="\x1b"),
        Case("invalid UTF-8 in site.yml", {"site.yml": b"title: \xff\xfe\n"}, at="site.yml:1:8"),
        Case("invalid UTF-8 on line 3 of a blueprint", {"Blueprints/our-city.md": b"---\ncity: A\nstate: \xc3\x28\n---\n"}, at="Blueprints/our-city.md:3:8"),
        Case("empty metric file", {"Metrics/labor_trafficking_referrals.yml": ""}, at="Metrics/labor_trafficking_referrals.yml:1:1", most=1),
        Case("comment-only metric file", {"Metrics/labor_trafficking_referrals.yml": "# nothing yet\n"}),
        Case("metric is a list", {"Metrics/labor_trafficking_referrals.yml": "- a\n- b\n"}),
        Case("two documents", {"site.yml": "title: a\n---\ntitle: b\n"}),
        Case("duplicate key", {"site.yml": "title: a\ntitle: b\n"}, at="site.yml:2:1"),
        Case("duplicate nested keys", {"site.yml": "privacy:\n  min_cell: 11\n  min_cell: 12\n"}, at="site.yml:3:3"),
        Case("site.yml of 10 MB and more", setup=sparse("site.yml", 10_000_001), at="site.yml:1:1"),
        Case("blueprint of 10 MB and more", setup=sparse("Blueprints/our-city.md", 10_000_001)),
        Case("YAML with a NUL byte", {"site.yml": "title: a\x00b\n"}),
    ]
    # -- value labels and the help line
    labels_path = "Metrics/survivors_identified.yml"
    many_labels = "labels:\n  trafficking_type:\n" + "".join(f"    v{i}: V\n" for i in range(10000))
    out += [
        Case("label for an undeclared dimension", {labels_path: metric("labels: { age: { x: X } }\n")}, at=labels_path + ":11:11"),
        Case("label for an undeclared value", {labels_path: metric("labels:\n  trafficking_type: { sexual: Sexual }\n")}, at=labels_path + ":12:23"),
        Case("labels is a list", {labels_path: metric("labels: [a, b]\n")}, at=labels_path + ":11:9"),
        Case("label is a mapping", {labels_path: metric("labels: { trafficking_type: { sex: { a: b } } }\n")}, at=labels_path + ":11:"),
        Case("10,000 labels for undeclared values", {labels_path: metric(many_labels)}, at=labels_path + ":13:5"),
        Case("translated label for an undeclared value", {"site.yml": "title: T\nlanguages: [en, es]\n",
                                                           labels_path: metric("translations:\n  es:\n    labels: { trafficking_type: { x: X } }\n")},
             at=labels_path + ":13:"),
        Case("labels ok", {labels_path: metric('labels: { trafficking_type: { sex: "Sex", both: "Both <b>" } }\n')}, expect="ok",
             check=lambda site, out: "raw label markup" if "Both <b>" in read(out, "metrics/survivors_identified/index.html") else None),
        Case("help url is a script", {"site.yml": 'title: T\nhelp: { text: Call, url: "javascript:alert(1)" }\n'}, at="site.yml:2:"),
        Case("help without text", {"site.yml": "title: T\nhelp: { url: https://example.org/ }\n"}, at="site.yml:2:"),
        Case("help is text", {"site.yml": "title: T\nhelp: call us\n"}, at="site.yml:2:"),
        Case("help with markup", {"site.yml": 'title: T\nhelp: { text: "<script>alert(1)</script>", url: "tel:+18883737888" }\n'}, expect="ok",
             check=lambda site, out: "raw help markup" if "<script>alert(1)" in read(out, "index.html") else None),
    ]
    # -- front matter
    out += [
        Case("no front matter", {"Blueprints/our-city.md": "# Our plan\n"}, at="Blueprints/our-city.md:1:1"),
        Case("front matter never closed", {"Blueprints/our-city.md": "---\ncity: A\n"}, at="Blueprints/our-city.md:1:1"),
        Case("empty front matter", {"Blueprints/our-city.md": "---\n---\nbody\n"}),
        Case("front matter syntax error", {"Blueprints/our-city.md": "---\ncity: [A\n---\n"}, at="Blueprints/our-city.md:"),
        Case("front matter is a list", {"Blueprints/our-city.md": "---\n- a\n---\n"}),
        Case("unknown field in front matter", {"Blueprints/our-city.md": blueprint(SIMPLE_FRONT + "popluation: 3\n")}, at="Blueprints/our-city.md:4:1"),
    ]
    # -- shortcodes and Markdown
    many = " ".join(["{{< value survivors_identified >}}"] * 1000)
    out += [
        Case("1,000 shortcodes on one line", {"Blueprints/our-city.md": blueprint(SIMPLE_FRONT, many + "\n")}, expect="ok"),
        Case("1,000 shortcodes in paragraphs", {"Blueprints/our-city.md": blueprint(SIMPLE_FRONT, "\n\n".join(["{{< value survivors_identified >}}"] * 1000) + "\n")}, expect="ok"),
        Case("1,000 charts", {"Blueprints/our-city.md": blueprint(SIMPLE_FRONT, "\n\n".join(["{{< chart survivors_identified >}}"] * 1000) + "\n")}, expect="ok"),
        Case("5,000 unclosed shortcodes", {"Blueprints/our-city.md": blueprint(SIMPLE_FRONT, "{{< value x\n" * 5000)}),
        Case("5,000 unknown shortcodes", {"Blueprints/our-city.md": blueprint(SIMPLE_FRONT, "{{< nope x >}} " * 5000 + "\n")}, at="Blueprints/our-city.md:5:1"),
        Case("shortcode of unknown metric", {"Blueprints/our-city.md": blueprint(SIMPLE_FRONT, "x {{< value nothing >}}\n")}, at="Blueprints/our-city.md:5:3"),
        Case("chart not alone", {"Blueprints/our-city.md": blueprint(SIMPLE_FRONT, "see {{< chart survivors_identified >}}\n")}, at="Blueprints/our-city.md:5:5"),
        Case("private-use marker characters in text", {"Blueprints/our-city.md": blueprint(SIMPLE_FRONT, "\ue0007\ue001 \ue000x \ue001\n")}, expect="ok"),
        Case("50,000 nested block quotes", {"Blueprints/our-city.md": blueprint(SIMPLE_FRONT, ">" * 50000 + " x\n")}, expect="ok"),
        Case("50,000 nested brackets", {"Blueprints/our-city.md": blueprint(SIMPLE_FRONT, "[" * 50000 + "x" + "]" * 50000 + "\n")}, expect="ok"),
        Case("1,000 nested list items", {"Blueprints/our-city.md": blueprint(SIMPLE_FRONT, "".join("  " * i + "- x\n" for i in range(1000)))}, expect="ok"),
        Case("50,000 emphasis markers", {"Blueprints/our-city.md": blueprint(SIMPLE_FRONT, "*a " * 50000 + "\n")}, expect="ok"),
        Case("raw HTML and script", {"Blueprints/our-city.md": blueprint(SIMPLE_FRONT, "<script>alert(1)</script>\n")}, expect="ok",
             check=lambda site, out: "raw script published" if "<script>alert(1)" in read(out, "cities/our-city/index.html") else None),
    ]
    # -- CSV
    wide = "city,period,metric,value," + ",".join(f"x{i}" for i in range(20000)) + "\n"
    out += [
        Case("20,000 unknown columns", {"Data/wide.csv": wide}, at="Data/wide.csv:1:"),
        Case("unclosed quote", {"Data/our-city.csv": data(['our-city,2024-Q1,survivors_identified,,"24,,'])}, at="Data/our-city.csv:2:"),
        Case("text after a closing quote", {"Data/our-city.csv": data(['our-city,2024-Q1,survivors_identified,,"24"x,,'])}, at="Data/our-city.csv:2:"),
        Case("invalid UTF-8 in a field", {"Data/our-city.csv": data([b"our-city,2024-Q1,survivors_identified,,24,,\xff".decode("latin-1")]).encode("latin-1")}, at="Data/our-city.csv:2:"),
        Case("escape sequence in a header", {"Data/x.csv": "city,period,metric,value,\x1b]0;owned\x07\x1b[2J\n"}, absent="\x1b"),
        Case("bidi override in a value", {"Data/x.csv": "city,period,metric,value\nour-city,2024-Q1,survivors_identified,\u202e42\n"}, absent="\u202e"),
        Case("NUL bytes", {"Data/x.csv": "city,period,metric,value\nour\x00city,2024-Q1,survivors_identified,3\n"}),
        Case("CR line endings", {"Data/x.csv": "city,period,metric,value\rour-city,2024-Q1,survivors_identified,nope\r"}),
        Case("empty data file", {"Data/x.csv": ""}, expect="ok"),
        Case("header only", {"Data/x.csv": "city,period,metric,value\n"}, expect="ok"),
        Case("missing columns", {"Data/x.csv": "city,value\nour-city,3\n"}, at="Data/x.csv:1:1"),
        Case("person-level column", {"Data/x.csv": "city,period,metric,value,name\n"}, at="Data/x.csv:1:26"),
        Case("repeated column", {"Data/x.csv": "city,period,metric,value,value\n"}, at="Data/x.csv:1:26"),
        Case("row with 100,000 fields", {"Data/x.csv": "city,period,metric,value\n" + "," * 100000 + "\n"}, at="Data/x.csv:2:1"),
        Case("20,000 bad rows", {"Data/x.csv": "city,period,metric,value\n" + "our-city,2024-Q9,survivors_identified,3\n" * 20000}),
        Case("quoted newline in a header", {"Data/x.csv": '"ci\nty",period,metric,value\n'}),
        Case("a field of 5 MB", {"Data/x.csv": "city,period,metric,value\nour-city,2024-Q1,survivors_identified," + "9" * 5_000_000 + "\n"}),
        Case("data file over 1 GiB", setup=sparse("Data/huge.csv", (1 << 30) + 1), at="Data/huge.csv:1:1"),
        Case("BOM and CRLF", {"Data/our-city.csv": "\ufeffcity,period,metric,trafficking_type,value,status,note\r\nour-city,2024-Q1,survivors_identified,,24,,\r\n"}, expect="ok"),
        Case("computed metric in data", {"Data/x.csv": "city,period,metric,value\nour-city,2024-Q1,survivors_identified_rate,3\n"}, at="Data/x.csv:2:18"),
        Case("negative count", {"Data/x.csv": "city,period,metric,value\nour-city,2024-Q2,survivors_identified,-3\n"}, at="Data/x.csv:2:39"),
    ]
    # -- silent loss and links
    def non_utf8_name(site):
        with open(os.path.join(site.encode(), b"Data/caf\xe9.csv"), "w") as f:
            f.write("city,period,metric,value\n")

    def fifo(site):
        os.mkfifo(os.path.join(site, "Data/pipe.csv"))

    out += [
        Case("Data is a symbolic link", setup=lambda site: (shutil.move(os.path.join(site, "Data"), os.path.join(site, "..", os.path.basename(site) + "-data")),
                                                            os.symlink(os.path.join("..", os.path.basename(site) + "-data"), os.path.join(site, "Data"))),
             at="Data:1:1"),
        Case("symlinked CSV", setup=symlink("../our-city.csv.real", "Data/linked.csv"), at="Data/linked.csv:1:1"),
        Case("symlinked CSV to /etc/passwd", setup=symlink("/etc/passwd", "Data/passwd.csv"), absent="root:"),
        Case("site.yml links to /etc/passwd", setup=symlink("/etc/passwd", "site.yml"), at="site.yml:1:1", absent="root:"),
        Case("blueprint is a link", setup=symlink("/etc/hostname", "Blueprints/other.md"), at="Blueprints/other.md:1:1"),
        Case("metric is a link", setup=symlink("/etc/hostname", "Metrics/other.yml"), at="Metrics/other.yml:1:1"),
        Case("template is a link", setup=symlink("/etc/hostname", "Templates/table.mustache"), at="Templates/table.mustache:1:1"),
        Case("Templates is a link", setup=lambda site: (shutil.rmtree(os.path.join(site, "Templates")), os.symlink("/etc", os.path.join(site, "Templates")))),
        Case("symlink loop in Data", setup=lambda site: os.symlink("loop", os.path.join(site, "Data/loop")), expect="ok"),
        Case("folder loop in Data", setup=lambda site: os.symlink("..", os.path.join(site, "Data/up")), expect="ok"),
        Case("symlink loop named .csv", setup=lambda site: os.symlink("loop.csv", os.path.join(site, "Data/loop.csv")), at="Data/loop.csv:1:1"),
        Case("non-UTF-8 file name", setup=non_utf8_name, expect="ok"),
        Case("a FIFO in Data", setup=fifo, expect="ok"),
        Case("unreadable CSV", setup=lambda site: os.chmod(os.path.join(site, "Data/our-city.csv"), 0), expect="error" if os.geteuid() != 0 else "ok"),
        Case("blueprint in a subfolder", {"Blueprints/old/x.md": "x"}, expect="ok"),
        Case("a text file in Blueprints", {"Blueprints/notes.txt": "x"}, expect="ok"),
    ]
    # -- cascades
    rows = [f"our-city,{y}-Q{q},survivors_identified,,{12 + q},," for y in range(1900, 2100) for q in range(1, 5)]
    out += [
        Case("broken front matter and 800 rows", {"Blueprints/our-city.md": "---\ncity: [Our City\n---\n", "Data/our-city.csv": data(rows)}, most=3),
        Case("broken metric and 800 rows", {"Metrics/survivors_identified.yml": "id: survivors_identified\ntitle: [x\n", "Data/our-city.csv": data(rows)}, most=3),
        Case("empty metric named everywhere", {"Metrics/survivors_identified.yml": "", "Data/our-city.csv": data(rows)}, most=3),
    ]
    # -- the output folder
    out += [
        Case("output inside Data", args=["--output", "{site}/Data/out"]),
        Case("output inside Templates/assets", args=["--output", "{site}/Templates/assets/out"]),
        Case("output is Blueprints", args=["--output", "{site}/Blueprints"]),
        Case("output inside Metrics", args=["--output", "{site}/Metrics/out"]),
        Case("output is the site", args=["--output", "{site}"]),
        Case("output contains the site", args=["--output", "{site}/.."]),
        Case("output is a file", args=["--output", "{site}/site.yml"]),
        Case("output not written by Citywide", setup=lambda site: (os.makedirs(os.path.join(site, "mine")), open(os.path.join(site, "mine/keep"), "w").close()),
             args=["--output", "{site}/mine"]),
        Case("stale staging folder removed", setup=lambda site: os.makedirs(os.path.join(site, "._site.citywide-staging-999999/cities")), expect="ok"),
        Case("stale old folder removed", setup=lambda site: os.makedirs(os.path.join(site, "._site.citywide-old-999999/x")), expect="ok"),
        Case("output beside the site", args=["--output", "{site}-out"], expect="ok"),
    ]
    return out


def read(folder, path):
    try:
        with open(os.path.join(folder, path), encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return ""


# ---------------------------------------------------------------- running

def tree_digest(folder):
    h = hashlib.sha256()
    if not os.path.isdir(folder):
        return None
    for root, dirs, files in sorted(os.walk(folder)):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(root, name)
            h.update(os.path.relpath(path, folder).encode("utf-8", "surrogateescape"))
            if os.path.isfile(path) and not os.path.islink(path):  # never open a FIFO
                with open(path, "rb") as f:
                    h.update(hashlib.sha256(f.read()).digest())
    return h.hexdigest()


def leftovers(parent):
    try:
        names = os.listdir(parent)
    except OSError:
        return []
    return [n for n in names if ".citywide-staging-" in n or ".citywide-old-" in n]


def run_case(binary, base, work, number, case):
    site = os.path.join(work, f"{number:03d}-" + re.sub(r"[^A-Za-z0-9]+", "-", case.name).strip("-"))
    shutil.copytree(base, site, symlinks=True)
    with open(os.path.join(os.path.dirname(site), "our-city.csv.real"), "w") as f:
        f.write("city,period,metric,value\n")
    for path, content in case.files.items():
        full = os.path.join(site, path)
        if content is None:
            os.remove(full)
            continue
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as f:
            f.write(content if isinstance(content, bytes) else content.encode("utf-8"))
    if case.setup:
        case.setup(site)
    args = [a.replace("{site}", site) for a in case.args]
    output = os.path.join(site, "_site")
    if "--output" in args:
        output = args[args.index("--output") + 1]
    # An output that contains the site (refused) is not walked: it holds every case.
    contains_site = os.path.abspath(site).startswith(os.path.abspath(output) + os.sep)
    before = tree_digest(output) if os.path.isdir(output) and not contains_site else None
    start = time.monotonic()
    try:
        proc = subprocess.run([binary, "build", site] + args, capture_output=True, timeout=TIMEOUT,
                              env=dict(os.environ, LC_ALL="C.UTF-8"))
    except subprocess.TimeoutExpired:
        return [f"no answer within {TIMEOUT} s"], TIMEOUT
    seconds = time.monotonic() - start
    text = (proc.stdout + proc.stderr).decode("utf-8", "replace")
    problems = []
    if proc.returncode < 0:
        problems.append(f"killed by signal {-proc.returncode}")
    elif case.expect == "error":
        if proc.returncode != 1:
            problems.append(f"exit status {proc.returncode}, expected 1")
        errors = ERROR_LINE.findall(text)
        if not errors:
            problems.append("no `path:line:column: error:` line")
        if case.at and not any(line.startswith(case.at) for line in text.splitlines() if ": error: " in line):
            problems.append(f"no error at {case.at}")
        if case.most is not None and len(errors) > case.most:
            problems.append(f"{len(errors)} errors, expected at most {case.most} (a cascade)")
        if before is not None and tree_digest(output) != before:
            problems.append("the previous output changed")
    else:
        if proc.returncode != 0:
            problems.append(f"exit status {proc.returncode}, expected 0")
        elif not os.path.isfile(os.path.join(output, "index.html")):
            problems.append("no index.html written")
    if case.absent and case.absent in text:
        problems.append(f"output streams contain {case.absent!r}")
    if case.check and proc.returncode == 0:
        problem = case.check(site, output)
        if problem:
            problems.append(problem)
    for parent in {os.path.dirname(os.path.abspath(output)), site}:
        if leftovers(parent):
            problems.append(f"left behind: {', '.join(leftovers(parent))}")
    if problems:
        problems.append("output:\n    " + "\n    ".join(text.splitlines()[:8]))
    return problems, seconds


def concurrent_builds(binary, base, work, processes=6, rounds=3):
    """Six builds into one output at once, three times: all succeed, the
    output is the same each time, and nothing is left beside it."""
    site = os.path.join(work, "concurrent")
    shutil.copytree(base, site, symlinks=True)
    digests = set()
    for _ in range(rounds):
        procs = [subprocess.Popen([binary, "build", site], stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(processes)]
        for p in procs:
            try:
                p.communicate(timeout=TIMEOUT * 3)
            except subprocess.TimeoutExpired:
                p.kill()
                return ["a concurrent build did not finish"]
        codes = [p.returncode for p in procs]
        if any(c != 0 for c in codes):
            return [f"exit statuses {codes}"]
        digests.add(tree_digest(os.path.join(site, "_site")))
        if leftovers(site):
            return [f"left behind: {leftovers(site)}"]
    return [] if len(digests) == 1 else ["the output differs between rounds"]


def main():
    parser = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("binary", nargs="?", default=os.path.join(here, "..", "..", ".build", "debug", "citywide"))
    parser.add_argument("--filter", default="")
    parser.add_argument("--jobs", type=int, default=min(4, os.cpu_count() or 2))
    options = parser.parse_args()
    binary = os.path.abspath(options.binary)
    if not os.access(binary, os.X_OK):
        print(f"sweep: no binary at {binary} (run swift build)")
        print("sweep: 0 passed, 1 failed")
        return 1

    started = time.monotonic()
    work = tempfile.mkdtemp(prefix="citywide-sweep-")
    try:
        base = os.path.join(work, "base")
        subprocess.run([binary, "init", base], check=True, capture_output=True)
        subprocess.run([binary, "build", base], check=True, capture_output=True)
        selected = [c for c in cases() if options.filter.lower() in c.name.lower()]
        passed = failed = 0
        slowest = (0.0, "")
        with concurrent.futures.ThreadPoolExecutor(max_workers=options.jobs) as pool:
            futures = {pool.submit(run_case, binary, base, work, n, c): c for n, c in enumerate(selected)}
            for future in concurrent.futures.as_completed(futures):
                case = futures[future]
                try:
                    problems, seconds = future.result()
                except Exception as error:  # a broken case is a failure, not a crash of the sweep
                    problems, seconds = [f"the case itself failed: {error!r}"], 0
                slowest = max(slowest, (seconds, case.name))
                if problems:
                    failed += 1
                    details = problems[:-1] if problems[-1].startswith("output:") else problems
                    print(f"FAIL {case.name}: " + "; ".join(details) + ("\n  " + problems[-1] if details is not problems else ""))
                else:
                    passed += 1
        if not options.filter or "concurrent" in options.filter:
            problems = concurrent_builds(binary, base, work)
            if problems:
                failed += 1
                print("FAIL concurrent builds: " + "; ".join(problems))
            else:
                passed += 1
        print(f"sweep: slowest case {slowest[1]!r} took {slowest[0]:.2f} s")
        print(f"sweep: {passed} passed, {failed} failed in {time.monotonic() - started:.1f} s")
        return 0 if failed == 0 else 1
    finally:
        for root, dirs, files in os.walk(work):
            for d in dirs:
                try:
                    os.chmod(os.path.join(root, d), 0o755)
                except OSError:
                    pass
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
