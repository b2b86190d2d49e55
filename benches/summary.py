"""Prints the suite's figures as ratios against the baselines of the same run (markdown).

python3 benches/summary.py target/bench
"""

from __future__ import annotations

import json
import os
import re
import sys

OUT = sys.argv[1]
UNITS = {"ns": 1e-3, "µs": 1.0, "us": 1.0, "ms": 1e3, "s": 1e6}


def load(name: str):
    p = os.path.join(OUT, name)
    if not os.path.exists(p):
        return None
    with open(p) as f:
        if name.endswith(".jsonl"):
            return [json.loads(l) for l in f if l.strip()]
        return json.load(f)


def divan(path: str) -> dict[str, float]:
    """divan's tree → {"group/arg": median µs}."""
    out: dict[str, float] = {}
    stack: list[str] = []
    for line in open(path, encoding="utf-8"):
        m = re.match(r"^([│ ]*)[├╰]─ (\S+)(.*)$", line.rstrip("\n"))
        if not m:
            continue
        depth = len(m.group(1)) // 3
        stack = stack[:depth] + [m.group(2)]
        cols = m.group(3).split("│")
        if len(cols) >= 3:
            t = re.match(r"\s*([\d.]+)\s*(ns|µs|ms|s)\s*$", cols[2])
            if t:
                out["/".join(stack)] = float(t.group(1)) * UNITS[t.group(2)]
    return out


def fmt(us: float) -> str:
    if us >= 1e6:
        return f"{us / 1e6:.2f} s"
    if us >= 1e3:
        return f"{us / 1e3:.2f} ms"
    return f"{us:.2f} µs" if us >= 1 else f"{us * 1e3:.0f} ns"


print("# benchmark summary\n")
m = os.path.join(OUT, "machine.txt")
if os.path.exists(m):
    print("```\n" + open(m).read().strip() + "\n```\n")

DOCS = ["small-periodic", "get-body", "template-50", "restore-events-300"]
rust = os.path.join(OUT, "rust.txt")
if os.path.exists(rust):
    r = divan(rust)
    print("## Rust (divan medians): evaluate vs parse-only (target ≤ 2×)\n")
    print("| document | parse | evaluate (parsed Value) | ratio | call_json (parse+evaluate+serialise) | ratio |")
    print("|---|---:|---:|---:|---:|---:|")
    for d in DOCS:
        p, v, t = r.get(f"parse/{d}"), r.get(f"evaluate_value/{d}"), r.get(f"evaluate_text/{d}")
        if p and v and t:
            print(f"| {d} | {fmt(p)} | {fmt(v)} | {v / p:.1f}× | {fmt(t)} | {t / p:.1f}× |")
    print("\nSplit of `call_json`: serialising the typed answer alone, and `validate` (findings only).\n")
    print("| document | answer → text | vs parse | validate (text) | vs parse |\n|---|---:|---:|---:|---:|")
    for d in DOCS:
        p, a, va = r.get(f"parse/{d}"), r.get(f"answer_to_text/{d}"), r.get(f"validate_text/{d}")
        if p and a and va:
            print(f"| {d} | {fmt(a)} | {a / p:.1f}× | {fmt(va)} | {va / p:.1f}× |")
    print("\n## Rust: per operation (`api::call_text`: the answer as text, largest vector input)\n")
    print("| operation | median |\n|---|---:|")
    for k, v in sorted(r.items()):
        if k.startswith("operation/"):
            print(f"| {k.split('/', 1)[1]} | {fmt(v)} |")
    for group, what in [("scaling_evaluate_template", "accounts in one template (evaluate, text answer)"),
                        ("scaling_price_fleet", "scenarios (priceFleet, text answer)"),
                        ("scaling_price_fleet_totals", "scenarios (priceFleet, rows: false, text answer)"), ("scaling_events", "events in the feed (evaluate, text answer)")]:
        rows = sorted(((int(k.split("/")[1]), v) for k, v in r.items() if k.startswith(group + "/")))
        if rows:
            base = rows[0][1] / rows[0][0]
            print(f"\n## Rust scaling: {what} — per-item time must stay flat\n")
            print("| N | total | per item | per item / per item at smallest N |\n|---:|---:|---:|---:|")
            for n, v in rows:
                print(f"| {n:,} | {fmt(v)} | {fmt(v / n)} | {v / n / base:.2f} |")

b = load("browser.json")
if b:
    print("\n## Chromium: evaluate vs JSON.parse of the same text (target ≤ 5×)\n")
    print("| document | JSON.parse | evaluate(text) | ratio | evaluate(object) | ratio |\n|---|---:|---:|---:|---:|---:|")
    for d, x in b["calls"].items():
        print(f"| {d} | {fmt(x['json_parse_us'])} | {fmt(x['evaluate_text_us'])} | {x['ratio_text']:.1f}× | "
              f"{fmt(x['evaluate_object_us'])} | {x['ratio_object']:.1f}× |")
    print("\nWhere the time goes: the answer's size, `JSON.parse` of the answer alone (a floor for any engine\n"
          "answering this much), and `validate` (the keystroke operation: findings only).\n")
    print("| document | input bytes | answer bytes | JSON.parse(answer) | vs JSON.parse(input) | validate(text) | ratio |\n"
          "|---|---:|---:|---:|---:|---:|---:|")
    for d, x in b["calls"].items():
        if "answer_bytes" in x:
            print(f"| {d} | {x['input_bytes']:,} | {x['answer_bytes']:,} | {fmt(x['parse_answer_us'])} | "
                  f"{x['parse_answer_us'] / x['json_parse_us']:.1f}× | {fmt(x['validate_text_us'])} | {x['ratio_validate']:.1f}× |")
    s, i = b["size"], b["instantiate_ms"]
    print(f"\n.wasm: {s['raw']:,} bytes raw, {s['gzip9']:,} bytes zlib level 9 in Node (≈ gzip -9 + 1.6 %; target < 153,600); "
          f"init() (fetch + compile + instantiate from 127.0.0.1): median {i['median']:.1f} ms (min {i['min']:.1f}, max {i['max']:.1f}) over 7 pages")
    mem = b["memory"]
    first, last = mem["samples"][0], mem["samples"][-1]
    print(f"\nmemory over {mem['calls']:,} evaluate calls ({mem['seconds']:.0f} s): wasm memory {first[1]:,} → {last[1]:,} bytes; "
          f"JS heap {first[2]:,} → {last[2]:,} bytes (after gc); samples: {mem['samples']}")

o = load("python-overhead.json")
if o:
    print("\n## Python: evaluate vs json.loads of the same text\n")
    print("| document | json.loads | call_json(text) | ratio | call(dict) | ratio |\n|---|---:|---:|---:|---:|---:|")
    for d, x in o["overhead"].items():
        print(f"| {d} | {fmt(x['json_loads_us'])} | {fmt(x['call_json_us'])} | {x['ratio_text']:.1f}× | {fmt(x['call_dict_us'])} | {x['ratio_dict']:.1f}× |")
f = load("python-fleet.jsonl")
if f:
    by = {x["mode"]: x for x in f}
    totals = {x["total"] for x in f}
    print(f"\n## Python: fleet pricing of {f[0]['n']:,} scenarios (same totals: {'yes, ' + totals.pop() if len(totals) == 1 else 'NO: ' + str(totals)})\n")
    print("| variant | time | vs pure Python | vs numpy | peak RSS | RSS with the input loaded |\n|---|---:|---:|---:|---:|---:|")
    py, npy = by.get("fleet-python", {}).get("seconds"), by.get("fleet-numpy", {}).get("seconds")
    for k, label in [("fleet-native", "cosmos_backup `_native.call('priceFleet')` (dicts in, one row per account out)"),
                     ("fleet-native-totals", "cosmos_backup, `\"rows\": false` (dicts in, totals out)"),
                     ("fleet-numpy", "numpy (columns from dicts + kernel)"),
                     ("fleet-python", "pure-Python loop (Decimal)")]:
        x = by.get(k)
        if x:
            extra = f" (kernel alone {x['kernel_s'] * 1e3:.0f} ms)" if "kernel_s" in x else ""
            print(f"| {label}{extra} | {x['seconds']:.2f} s | {py / x['seconds']:.2f}× faster | {npy / x['seconds']:.2f}× faster | "
                  f"{x['peak_rss_mb']:.0f} MB | {x['rss_input_mb']:.0f} MB |")
pm = load("python-memory.json")
if pm:
    s = pm["memory"]["rss_mb"]
    print(f"\nPython memory over {pm['memory']['calls']:,} evaluate calls ({pm['memory']['seconds']:.0f} s): RSS {s[0][1]} MB → {s[-1][1]} MB; samples {s}")

c = load("cli.json")
if c:
    print("\n## CLI (hyperfine, whole process)\n")
    res = {x["command"]: x for x in c["results"]}
    base = res.get("version (process baseline)", {}).get("median")
    print("| command | median | vs `--version` |\n|---|---:|---:|")
    for k, x in res.items():
        print(f"| {k} | {fmt(x['median'] * 1e6)} | {x['median'] / base:.1f}× |")
