"""Per-call overhead of the binding, in µs (not a test; run by benches/run)."""

from __future__ import annotations

import json
import threading
import timeit
from datetime import datetime, timezone

import cosmos_backup as cb
from cosmos_backup import _native

ACCOUNT = {
    "type": "Microsoft.DocumentDB/databaseAccounts", "name": "orders", "location": "West US",
    "properties": {"backupPolicy": {"type": "Periodic", "periodicModeProperties": {
        "backupIntervalInMinutes": 30, "backupRetentionIntervalInHours": 8, "backupStorageRedundancy": "Geo"}}},
}
SC = cb.scenario(now=datetime(2026, 11, 21, tzinfo=timezone.utc), account=ACCOUNT)
TEXT = json.dumps(SC)
TINY = {"text": "{}", "pointer": ""}


def per_call(stmt: str, n: int) -> float:
    best = min(timeit.repeat(stmt, globals=globals(), number=n, repeat=5))
    return best / n * 1e6


rows = [
    ("_native.call('locate', tiny dict)  [binding floor]", per_call("_native.call('locate', TINY)", 20000)),
    ("_native.call('evaluate', scenario dict)", per_call("_native.call('evaluate', SC)", 5000)),
    ("_native.call_json('evaluate', text)", per_call("_native.call_json('evaluate', TEXT)", 5000)),
    ("cb.evaluate(scenario dict) -> Evaluation", per_call("cb.evaluate(SC)", 5000)),
    ("cb.evaluate(account=..., now=...)", per_call("cb.evaluate(account=ACCOUNT, now=datetime(2026, 11, 21, tzinfo=timezone.utc))", 5000)),
]
N = 10000
many = [SC] * N
rows.append((f"cb.evaluate_many({N}) per scenario", per_call("cb.evaluate_many(many)", 1) / N))
rows.append((f"_native.call_many('evaluate', {N}) per scenario", per_call("_native.call_many('evaluate', many)", 1) / N))
texts = [TEXT] * N
rows.append((f"_native.call_json_many('evaluate', {N}) per scenario", per_call("_native.call_json_many('evaluate', texts)", 1) / N))

# Pricing: one engine call for the whole fleet, then typed results (Decimal per amount).
PRICED = cb.scenario(now=datetime(2026, 11, 21, tzinfo=timezone.utc), account=ACCOUNT, usage={"dataSizeGb": 1000})
fleet = [PRICED] * N
rows.append((f"_native.call('priceFleet', {N}) per scenario", per_call("_native.call('priceFleet', {'scenarios': fleet})", 1) / N))
rows.append((f"cb.price_fleet({N}) -> FleetPricing per scenario", per_call("cb.price_fleet(fleet)", 1) / N))
rows.append(("cb.price(scenario) -> Pricing", per_call("cb.price(PRICED)", 2000)))
rows.append(("cb.what_if(14 default options) -> WhatIf", per_call("cb.what_if(scenario=PRICED, required_window_days=14)", 500)))
rows.append(("cb.project(12 months) -> Projection", per_call("cb.project(scenario=PRICED, months=12, growth=cb.compound_growth(5))", 500)))


def threaded(k: int) -> float:
    chunk = [SC] * (N // k)
    ts = [threading.Thread(target=_native.call_many, args=("evaluate", chunk)) for _ in range(k)]
    t0 = timeit.default_timer()
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return (timeit.default_timer() - t0) * 1e3


rows.append((f"{N} scenarios, 1 thread (ms)", threaded(1)))
rows.append((f"{N} scenarios, 2 threads (ms)", threaded(2)))
for name, us in rows:
    print(f"{us:10.2f}  {name}")
