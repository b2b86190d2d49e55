#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with seeds: every fixture in tests/fixtures (and tests/realworld)
# and every vector's input. The corpus directory is not committed (see .gitignore).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${SHARED:-tests}"
for t in read evaluate timestamp locate restore_request events pricing permissions hcl bicep; do mkdir -p "fuzz/corpus/$t"; done
python3 - "$SHARED" <<'PY'
import hashlib, json, os, pathlib, re, sys
shared = pathlib.Path(sys.argv[1])
out = pathlib.Path("fuzz/corpus")
def put(target, text):
    data = text.encode("utf-8")
    (out / target / hashlib.sha1(data).hexdigest()).write_bytes(data)
docs = []
def walk(v):
    """Every object inside a value, the value itself first."""
    if isinstance(v, dict):
        yield v
        for x in v.values(): yield from walk(x)
    elif isinstance(v, list):
        for x in v: yield from walk(x)
def seed_parts(scenario):
    """The fields the splicing targets fuzz: events feeds (with each resource named in them) and
    price sheets; permission inputs whole."""
    for o in walk(scenario):
        if "events" in o:
            names = {str(e.get("properties", {}).get("resource", {}).get("ownerId", "c1"))
                     for e in walk(o["events"]) if isinstance(e.get("properties"), dict)} or {"c1"}
            for n in sorted(names):
                put("events", n + "\n" + json.dumps(o["events"], indent=1))
        if "priceSheet" in o:
            put("pricing", json.dumps(o["priceSheet"], indent=1))
        if "roleAssignments" in o or "roleDefinitions" in o or "questions" in o:
            put("permissions", json.dumps(o, indent=1))
        if o.get("format") in ("bicep", "bicepparam") and isinstance(o.get("text"), str):
            put("bicep", o["text"])
            for m in (o.get("modules") or {}).values():
                if isinstance(m, str):
                    put("bicep", m)
if shared.is_dir():
    for p in sorted(shared.rglob("*.json")):
        docs.append(p.read_text(encoding="utf-8", errors="replace"))
for p in sorted(pathlib.Path("tests/vectors").rglob("*.json")):
    case = json.loads(p.read_text(encoding="utf-8"))
    if "scenarioText" in case:
        docs.append(case["scenarioText"])
    elif "scenario" in case:
        docs.append(json.dumps(case["scenario"], indent=1))
        seed_parts(case["scenario"])
stamps = set()
for d in docs:
    if len(d) > 1_000_000:
        continue
    put("read", d)
    put("evaluate", d)
    put("locate", "/account/properties/backupPolicy\n" + d)
    put("restore_request", d)
    stamps.update(re.findall(r'"(\d[^"]{5,40})"', d))
for s in sorted(stamps):
    put("timestamp", s)
for s in ["6/24/2020 4:01:48 AM", "2020-08-08T01:04:52.070190+00:00", "2026-11-21T00:00:00", "12/31/9999 11:59 PM"]:
    put("timestamp", s)
for d in docs:
    try:
        seed_parts(json.loads(d))
    except (ValueError, RecursionError):
        pass
# hcl: every Terraform document of the real-world corpus (when present), and every Terraform source object of a vector ("\n---\n" then its tfvars).
for p in sorted(pathlib.Path("tests/realworld").rglob("*.tf")):
    put("hcl", p.read_text(encoding="utf-8"))
for d in docs:
    try:
        objs = list(walk(json.loads(d)))
    except (ValueError, RecursionError):
        continue
    for o in objs:
        if o.get("format") in ("terraform", "tfvars") and isinstance(o.get("text"), str):
            vars_ = "".join(x.get("text", "") for x in o.get("parameters", []) if isinstance(x, dict))
            put("hcl", o["text"] + ("\n---\n" + vars_ if vars_ else ""))
for s in ['[]', '{"prices": []}', '{"Items": [{"armRegionName": "westus", "retailPrice": 0.2}]}']:
    put("pricing", s)
print({t: len(os.listdir(out / t)) for t in sorted(os.listdir(out))})
PY
