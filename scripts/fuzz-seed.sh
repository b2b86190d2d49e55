#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with seeds: every shared fixture (../shared, not copied into the
# repo) and every vector's input. The corpus directory is not committed (see .gitignore).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${SHARED:-../shared}"
for t in read evaluate timestamp locate; do mkdir -p "fuzz/corpus/$t"; done
python3 - "$SHARED" <<'PY'
import hashlib, json, os, pathlib, re, sys
shared = pathlib.Path(sys.argv[1])
out = pathlib.Path("fuzz/corpus")
def put(target, text):
    data = text.encode("utf-8")
    (out / target / hashlib.sha1(data).hexdigest()).write_bytes(data)
docs = []
if shared.is_dir():
    for p in sorted(shared.rglob("*.json")):
        docs.append(p.read_text(encoding="utf-8", errors="replace"))
for p in sorted(pathlib.Path("tests/vectors").rglob("*.json")):
    case = json.loads(p.read_text(encoding="utf-8"))
    if "scenarioText" in case:
        docs.append(case["scenarioText"])
    elif "scenario" in case:
        docs.append(json.dumps(case["scenario"], indent=1))
stamps = set()
for d in docs:
    if len(d) > 1_000_000:
        continue
    put("read", d)
    put("evaluate", d)
    put("locate", "/account/properties/backupPolicy\n" + d)
    stamps.update(re.findall(r'"(\d[^"]{5,40})"', d))
for s in sorted(stamps):
    put("timestamp", s)
for s in ["6/24/2020 4:01:48 AM", "2020-08-08T01:04:52.070190+00:00", "2026-11-21T00:00:00", "12/31/9999 11:59 PM"]:
    put("timestamp", s)
print({t: len(os.listdir(out / t)) for t in ["read", "evaluate", "timestamp", "locate"]})
PY
