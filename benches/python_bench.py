"""Python benches (run by benches/run with the project's .venv and the installed wheel).

python python_bench.py INPUTS_DIR overhead|fleet-native|fleet-native-totals|fleet-python|fleet-numpy|memory [N]

Each mode prints one JSON line. Fleet modes run in their own process so that ru_maxrss is the
peak of that variant alone (`rss_input_mb` is the RSS after loading the fleet, before pricing).
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from cosmos_backup import _native

DIR = sys.argv[1]
MODE = sys.argv[2]
DOCS = ["small-periodic", "get-body", "template-50", "restore-events-300"]


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def median_us(fn: Any, budget: float = 0.3) -> float:
    """Median of 15 batches, each sized to take about budget/15 s."""
    n, t = 1, 0.0
    while t < budget / 15:
        t0 = time.perf_counter()
        for _ in range(n):
            fn()
        t = time.perf_counter() - t0
        n *= 2
    n //= 2
    xs = []
    for _ in range(15):
        t0 = time.perf_counter()
        for _ in range(n):
            fn()
        xs.append((time.perf_counter() - t0) / n * 1e6)
    return sorted(xs)[len(xs) // 2]


def overhead() -> None:
    out = {}
    for d in DOCS:
        text = open(f"{DIR}/{d}.json").read()
        obj = json.loads(text)
        loads = median_us(lambda: json.loads(text))
        ev_text = median_us(lambda: _native.call_json("evaluate", text))
        ev_obj = median_us(lambda: _native.call("evaluate", obj))
        out[d] = {"json_loads_us": loads, "call_json_us": ev_text, "call_dict_us": ev_obj,
                  "ratio_text": ev_text / loads, "ratio_dict": ev_obj / loads}
    print(json.dumps({"overhead": out}))


# --- fleet pricing: the same formula three ways -------------------------------------------------
METER = {"Geo": "periodicGeo", "Zone": "periodicZone", "Local": "periodicLocal"}
TIER = {"Continuous30Days": "continuous30Days", "Continuous7Days": "continuous7Days"}


def key(region: str) -> str:
    return region.replace(" ", "").lower()


def price_table() -> dict[tuple[str, str], Decimal]:
    """The engine's default sheet (`priceSheet`), as a notebook user would fetch it."""
    sheet = _native.call("priceSheet", None)
    return {(key(p["region"]), p["meter"]): Decimal(p["unitPrice"]) for p in sheet["prices"]}


def cents(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def pure_python(scenarios: list[dict], prices: dict[tuple[str, str], Decimal]) -> Decimal:
    total = Decimal(0)
    for s in scenarios:
        props = s["account"]["properties"]
        policy = props["backupPolicy"]
        gb = Decimal(s["usage"]["dataSizeGb"])
        regions = [key(loc["locationName"]) for loc in sorted(props["locations"], key=lambda l: l["failoverPriority"])]
        if policy["type"] == "Periodic":
            p = policy["periodicModeProperties"]
            copies = p["backupRetentionIntervalInHours"] * 60 // p["backupIntervalInMinutes"]
            billed = max(0, copies - 2)
            write = regions[0]
            price = prices.get((write, METER[p["backupStorageRedundancy"]]))
            if price is None:
                price = prices[(write, "periodicLegacy")]
            total += cents(billed * gb * price)
        else:
            meter = TIER[policy["continuousModeProperties"]["tier"]]
            for r in dict.fromkeys(regions):
                total += cents(gb * prices[(r, meter)])
    return total


def numpy_version(scenarios: list[dict], prices: dict[tuple[str, str], Decimal]) -> tuple[Decimal, float]:
    """Columns from the dicts (a Python loop: the notebook has to build them), then the formula
    vectorised in exact integer micro-units (prices × 10^6, rounded to cents half up)."""
    import numpy as np

    regions = sorted({r for (r, _) in prices})
    rix = {r: i for i, r in enumerate(regions)}
    meters = ["periodicGeo", "periodicZone", "periodicLocal", "periodicLegacy", "continuous30Days", "continuous7Days"]
    table = np.full((len(regions), len(meters)), -1, dtype=np.int64)
    for (r, m), p in prices.items():
        if m in meters:
            table[rix[r], meters.index(m)] = int(p * 1_000_000)
    n = len(scenarios)
    periodic = np.zeros(n, bool); interval = np.ones(n, np.int64); retention = np.zeros(n, np.int64)
    meter = np.zeros(n, np.int64); gb = np.zeros(n, np.int64)
    r0 = np.zeros(n, np.int64); r1 = np.full(n, -1, np.int64)
    mix = {m: i for i, m in enumerate(meters)}
    for i, s in enumerate(scenarios):
        props = s["account"]["properties"]
        pol = props["backupPolicy"]
        locs = sorted(props["locations"], key=lambda l: l["failoverPriority"])
        r0[i] = rix[key(locs[0]["locationName"])]
        if len(locs) > 1 and key(locs[1]["locationName"]) != key(locs[0]["locationName"]):
            r1[i] = rix[key(locs[1]["locationName"])]
        gb[i] = s["usage"]["dataSizeGb"]
        if pol["type"] == "Periodic":
            p = pol["periodicModeProperties"]
            periodic[i] = True
            interval[i] = p["backupIntervalInMinutes"]; retention[i] = p["backupRetentionIntervalInHours"]
            meter[i] = mix[METER[p["backupStorageRedundancy"]]]
        else:
            meter[i] = mix[TIER[pol["continuousModeProperties"]["tier"]]]
    t0 = time.perf_counter()
    billed = np.maximum(retention * 60 // interval - 2, 0)
    p0 = table[r0, meter]
    p0 = np.where(periodic & (p0 < 0), table[r0, mix["periodicLegacy"]], p0)
    p1 = np.where(r1 >= 0, table[np.maximum(r1, 0), meter], 0)
    qty0 = np.where(periodic, billed * gb, gb)
    qty1 = np.where(periodic | (r1 < 0), 0, gb)
    micro = (qty0 * p0 + 5_000) // 10_000 + (qty1 * p1 + 5_000) // 10_000  # cents, half up (all ≥ 0)
    total = int(micro.sum())
    kernel = time.perf_counter() - t0
    return Decimal(total) / 100, kernel


def fleet(mode: str) -> None:
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 100_000
    doc = json.load(open(f"{DIR}/fleet-{n}.json"))
    scenarios = doc["scenarios"]
    prices = price_table()
    if mode == "fleet-numpy":
        import numpy  # noqa: F401  (imported before timing: a notebook has it loaded already)
    rss_input = rss_mb()
    t0 = time.perf_counter()
    extra: dict[str, Any] = {}
    if mode == "fleet-native":
        out = _native.call("priceFleet", doc)
        (t,) = [x for x in out["totals"] if x["currency"] == "USD"]
        total = Decimal(t["monthlyTotal"])
        extra["unpriced"] = out["unpriced"]
    elif mode == "fleet-native-totals":
        out = _native.call("priceFleet", {**doc, "rows": False})
        (t,) = [x for x in out["totals"] if x["currency"] == "USD"]
        total = Decimal(t["monthlyTotal"])
        extra["unpriced"] = out["unpriced"]
    elif mode == "fleet-python":
        total = pure_python(scenarios, prices)
    else:
        total, kernel = numpy_version(scenarios, prices)
        extra["kernel_s"] = kernel
    secs = time.perf_counter() - t0
    total = total.quantize(Decimal("0.01"))  # the same figure prints the same in every variant
    print(json.dumps({"mode": mode, "n": n, "seconds": secs, "total": str(total), "rss_input_mb": rss_input,
                      "peak_rss_mb": peak_mb(), **extra}))


def memory() -> None:
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
    text = open(f"{DIR}/small-periodic.json").read()
    obj = json.loads(text)
    samples = []
    step = max(n // 10, 1)
    t0 = time.perf_counter()
    for i in range(n):
        if i % step == 0:
            samples.append([i, round(rss_mb(), 1)])
        if i % 2:
            _native.call_json("evaluate", text)
        else:
            _native.call("evaluate", obj)
    samples.append([n, round(rss_mb(), 1)])
    print(json.dumps({"memory": {"calls": n, "rss_mb": samples, "seconds": time.perf_counter() - t0}}))


if MODE == "overhead":
    overhead()
elif MODE.startswith("fleet"):
    fleet(MODE)
elif MODE == "memory":
    memory()
