#!/usr/bin/env python3
"""Writes the bad-input catalogue tests/vectors/bad/*.json (see RELIABILITY.md).

Each case is a normal vector (tests/vectors/README.md) whose `expect` names the diagnostic code
(or `error.code`) the input must produce. Text that is not valid JSON, or that must keep duplicate
keys or huge numbers exactly as written, goes in `scenarioText`. Re-run after editing:

    python3 scripts/gen-bad-vectors.py
"""
import json
import os
import shutil

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "vectors", "bad")
NOW = "2026-11-21T00:00:00Z"
P = "/account/properties/backupPolicy"
PP = P + "/periodicModeProperties"


def account(policy=None, **props):
    p = dict(props)
    if policy is not None:
        p["backupPolicy"] = policy
    return {
        "type": "Microsoft.DocumentDB/databaseAccounts",
        "name": "orders",
        "location": "West US",
        "kind": "GlobalDocumentDB",
        "properties": p,
    }


def periodic(**kw):
    props = {"backupIntervalInMinutes": 240, "backupRetentionIntervalInHours": 8, "backupStorageRedundancy": "Geo"}
    props.update(kw)
    return {"type": "Periodic", "periodicModeProperties": props}


def scen(policy=None, now=NOW, **props):
    s = {"now": now, "account": account(policy, **props)}
    if now is None:
        del s["now"]
    return s


def diag(code, path=None, severity=None):
    d = {"code": code}
    if path is not None:
        d["path"] = path
    if severity is not None:
        d["severity"] = severity
    return d


def in_result(*diags, **extra):
    r = {"diagnostics": list(diags)}
    r.update(extra)
    return {"results": [r]}


def in_doc(*diags):
    return {"diagnostics": list(diags)}


def error(code, path=None):
    e = {"code": code}
    if path is not None:
        e["diagnostics"] = [diag(code, path, None)]
    return {"error": e}


CASES = []


def case(slug, name, expect, scenario=None, text=None, operation=None):
    c = {"name": name}
    if operation is not None:
        c["operation"] = operation
    if text is not None:
        c["scenarioText"] = text
    else:
        c["scenario"] = scenario
    c["expect"] = expect
    CASES.append((slug, c))


# --- malformed JSON -------------------------------------------------------------------------
SYN = "input.json-syntax"
case("json-empty", "empty text", error(SYN, ""), text="")
case("json-whitespace", "only whitespace", error(SYN, ""), text="  \n\t ")
# ARM and `az` accept comments and trailing commas (issue #16): read, not refused.
case("json-trailing-comma", "a trailing comma (read, as ARM reads it)", {"error": None, "schemaVersion": "1.0"}, text='{"now": "2026-11-21T00:00:00Z",}')
case("json-single-quotes", "single-quoted strings", error(SYN), text="{'now': '2026-11-21T00:00:00Z'}")
case("json-unquoted-key", "an unquoted key", error(SYN), text='{now: "2026-11-21T00:00:00Z"}')
case("json-comment", "a JavaScript comment (read, as ARM reads it)", {"error": None, "schemaVersion": "1.0"}, text='{"account": {} /* c */}')
case("json-comment-unclosed", "a block comment that never closes", error(SYN), text='{"account": {}} /* c')
case("json-truncated-string", "text cut inside a string", error(SYN), text='{"now": "2026-11')
case("json-two-documents", "two documents one after the other", error(SYN), text="{} {}")
case("json-bom", "a UTF-8 byte-order mark before the document", error(SYN), text="\ufeff{}")
case("json-raw-control-char", "a raw tab inside a string", error(SYN), text='{"name": "a\tb"}')
case("json-lone-surrogate", "a lone surrogate escape", error(SYN), text='{"name": "\\ud800"}')
case("json-bad-escape", "an unknown escape", error(SYN), text='{"name": "\\q"}')
case("json-bad-unicode-escape", "a \\u escape with non-hex digits", error(SYN), text='{"name": "\\uZZZZ"}')
case("json-leading-zero", "a number with a leading zero", error(SYN), text='{"a": 01}')
case("json-leading-dot", "a number starting with a dot", error(SYN), text='{"a": .5}')
case("json-plus-sign", "a number with a plus sign", error(SYN), text='{"a": +1}')
case("json-hex", "a hexadecimal number", error(SYN), text='{"a": 0x10}')
case("nan-bare", "bare NaN is not JSON; the error points at the field", error(SYN, "/x"), text='{"x": NaN}')
case("infinity-bare", "bare Infinity is not JSON", error(SYN, "/x"), text='{"x": Infinity}')
case("minus-infinity-bare", "bare -Infinity is not JSON", error(SYN, "/x"), text='{"x": -Infinity}')

# --- numbers that do not fit a 64-bit float (text only: a parsed value cannot hold them) ------------
def scen_text_with(field_json):
    base = json.dumps(scen(periodic(backupIntervalInMinutes="@@")))
    return base.replace('"@@"', field_json)


OOR = "value.out-of-range"
case("number-1e400", "interval 1e400: too large to read; the error names the field",
     error(OOR, PP + "/backupIntervalInMinutes"), text=scen_text_with("1e400"))
case("number-minus-1e400", "interval -1e400", error(OOR, PP + "/backupIntervalInMinutes"), text=scen_text_with("-1e400"))
case("number-1e309", "interval 1e309, just past the largest double", error(OOR, PP + "/backupIntervalInMinutes"),
     text=scen_text_with("1e309"))
case("number-10-pow-400-digits", "10^400 written out in 401 digits", error(OOR, PP + "/backupIntervalInMinutes"),
     text=scen_text_with("1" + "0" * 400))

# --- numbers that parse but are wrong ---------------------------------------------------------
def r(code, path, **kw):
    return in_result(diag(code, path), **kw)


IV = PP + "/backupIntervalInMinutes"
RT = PP + "/backupRetentionIntervalInHours"
case("interval-negative", "interval -1", r("periodic.interval-below-minimum", IV), scen(periodic(backupIntervalInMinutes=-1)))
case("interval-zero", "interval 0", r("periodic.interval-below-minimum", IV), scen(periodic(backupIntervalInMinutes=0)))
case("interval-minus-zero", "interval -0", r("periodic.interval-below-minimum", IV), text=scen_text_with("-0"))
case("retention-negative", "retention -8", r("periodic.retention-below-twice-interval", RT),
     scen(periodic(backupRetentionIntervalInHours=-8)))
case("interval-int32-max-plus-one", "interval 2^31", r(OOR, IV), scen(periodic(backupIntervalInMinutes=2147483648)))
case("interval-int32-min-minus-one", "interval -2^31 - 1", r(OOR, IV), scen(periodic(backupIntervalInMinutes=-2147483649)))
case("interval-u64-max", "interval 2^64 - 1", r(OOR, IV), scen(periodic(backupIntervalInMinutes=18446744073709551615)))
case("interval-1e308", "interval 1e308 (finite, far out of range)", r(OOR, IV), text=scen_text_with("1e308"))
case("interval-exponent-whole", "interval 1.5e3 is the whole number 1500, above the maximum",
     r("periodic.interval-above-maximum", IV), text=scen_text_with("1.5e3"))
case("interval-fraction", "interval 240.0000001", r("value.not-an-integer", IV), text=scen_text_with("240.0000001"))

# --- wrong types in every policy field ----------------------------------------------------------
WT = "value.wrong-type"
case("policy-string", "backupPolicy is a string", r(WT, P), scen("Periodic"))
case("policy-array", "backupPolicy is an array", r(WT, P), scen([{"type": "Periodic"}]))
case("policy-number", "backupPolicy is a number", r(WT, P), scen(7))
case("policy-null", "backupPolicy null means absent: the service default applies",
     in_result(diag("policy.defaulted", "/account/properties")), scen(None, backupPolicy=None))
case("type-number", "type is a number", r(WT, P + "/type"), scen({"type": 1}))
case("type-boolean", "type is a boolean", r(WT, P + "/type"), scen({"type": True}))
case("type-null", "type null means absent", r("policy.type-missing", P), scen({"type": None}))
case("type-object", "type is an object", r(WT, P + "/type"), scen({"type": {"name": "Periodic"}}))
case("periodic-props-string", "periodicModeProperties is a string", r(WT, PP),
     scen({"type": "Periodic", "periodicModeProperties": "240"}))
case("periodic-props-array", "periodicModeProperties is an array", r(WT, PP),
     scen({"type": "Periodic", "periodicModeProperties": [240, 8]}))
case("interval-boolean", "interval is a boolean", r(WT, IV), scen(periodic(backupIntervalInMinutes=True)))
case("interval-object", "interval is an object", r(WT, IV), scen(periodic(backupIntervalInMinutes={"value": 240})))
case("interval-array", "interval is an array", r(WT, IV), scen(periodic(backupIntervalInMinutes=[240])))
case("interval-null", "interval null means absent: the default 240 applies",
     r("policy.value-defaulted", PP, effectivePolicy={"backupIntervalInMinutes": 240, "defaulted": ["backupIntervalInMinutes"]}),
     scen(periodic(backupIntervalInMinutes=None)))
case("retention-string", "retention is the string \"8\"", r(WT, RT), scen(periodic(backupRetentionIntervalInHours="8")))
case("interval-string-nan", "interval is the string \"NaN\"", r(WT, IV), scen(periodic(backupIntervalInMinutes="NaN")))
case("interval-string-infinity", "interval is the string \"Infinity\"", r(WT, IV),
     scen(periodic(backupIntervalInMinutes="Infinity")))
case("retention-string-minus-infinity", "retention is the string \"-Infinity\"", r(WT, RT),
     scen(periodic(backupRetentionIntervalInHours="-Infinity")))
case("interval-string-1e400", "interval is the string \"1e400\"", r(WT, IV), scen(periodic(backupIntervalInMinutes="1e400")))
case("redundancy-number", "redundancy is a number", r(WT, PP + "/backupStorageRedundancy"),
     scen(periodic(backupStorageRedundancy=3)))
case("redundancy-boolean", "redundancy is a boolean", r(WT, PP + "/backupStorageRedundancy"),
     scen(periodic(backupStorageRedundancy=False)))
case("continuous-props-string", "continuousModeProperties is a string", r(WT, P + "/continuousModeProperties"),
     scen({"type": "Continuous", "continuousModeProperties": "Continuous7Days"}))
case("tier-number", "tier is the number 30", r(WT, P + "/continuousModeProperties/tier"),
     scen({"type": "Continuous", "continuousModeProperties": {"tier": 30}}))
case("migration-state-string", "migrationState is a string", r(WT, P + "/migrationState"),
     scen({"type": "Continuous", "migrationState": "InProgress"}))
case("migration-status-number", "migrationState.status is a number", r(WT, P + "/migrationState/status"),
     scen({"type": "Continuous", "migrationState": {"status": 2}}))
case("migration-start-number", "migrationState.startTime is a number", r(WT, P + "/migrationState/startTime"),
     scen({"type": "Continuous", "migrationState": {"status": "Completed", "startTime": 1732147200}}))
case("analytical-number", "enableAnalyticalStorage is a number", r(WT, "/account/properties/enableAnalyticalStorage"),
     scen(periodic(), enableAnalyticalStorage=1))

# --- timestamps ------------------------------------------------------------------------------
TI = "timestamp.invalid"


def ts(slug, name, now, code=TI, severity=None):
    case(slug, name, in_doc(diag(code, "/now", severity)), scen(periodic(), now=now))


ts("now-month-13", "now in month 13", "2026-13-01T00:00:00Z")
ts("now-february-30", "now on 30 February", "2026-02-30T00:00:00Z")
ts("now-hour-25", "now at hour 25", "2026-11-21T25:00:00Z")
ts("now-five-digit-year", "now in year 99999 (out of range)", "99999-01-01T00:00:00Z")
ts("now-far-future", "now past the largest date (+275760)", "+275760-09-13T00:00:00Z")
ts("now-offset-25h", "now with a +25:00 offset", "2026-11-21T00:00:00+25:00")
ts("now-date-only", "now as a date without a time", "2026-11-21")
ts("now-empty", "now is the empty string", "")
ts("now-blank", "now is blanks", "   ")
ts("now-too-long", "now is a 100-character string", "2026-11-21T00:00:00Z" + "0" * 80)
ts("now-negative-year", "now in year -11 (found by fuzzing: not writable as RFC 3339)", "-11-08-08T02:04:52.0701200")
ts("now-no-zone", "now without a zone is read as UTC with a warning", "2026-11-21T00:00:00", "timestamp.non-iso", "warning")
ts("now-offset", "now with an offset is converted with a warning", "2026-11-21T01:00:00+01:00", "timestamp.non-iso", "warning")
case("now-epoch-number", "now as epoch seconds", in_doc(diag(WT, "/now")), scen(periodic(), now=1795219200))
case("now-array", "now as an array", in_doc(diag(WT, "/now")), scen(periodic(), now=["2026-11-21T00:00:00Z"]))
case("migration-start-invalid", "migrationState.startTime is not a time",
     r(TI, P + "/migrationState/startTime"),
     scen({"type": "Continuous", "migrationState": {"status": "Completed", "startTime": "soon"}}))
case("incident-time-invalid", "incidentTime on 31 April",
     in_doc(diag(TI, "/incidentTime")), dict(scen(periodic()), incidentTime="2026-04-31T00:00:00Z"))

# --- strings: empty, enormous, odd ----------------------------------------------------------------
case("type-empty", "type is the empty string", r("policy.type-unknown", P + "/type"), scen({"type": ""}))
case("redundancy-empty", "redundancy is the empty string", r("periodic.redundancy-unknown", PP + "/backupStorageRedundancy"),
     scen(periodic(backupStorageRedundancy="")))
case("type-enormous", "type is a 20 000-character string", r("policy.type-unknown", P + "/type"), scen({"type": "P" * 20000}))
case("type-nul-char", "type with a NUL character", r("policy.type-unknown", P + "/type"), scen({"type": "Periodic\u0000"}))
case("type-padded", "type with surrounding blanks", r("policy.type-unknown", P + "/type"), scen({"type": " Periodic "}))

# --- unknown and mis-cased enum values, in every enum ---------------------------------------------
NC = "value.non-canonical-case"
case("type-lowercase", "type `periodic`", r(NC, P + "/type"), scen(periodic() | {"type": "periodic"}))
case("type-uppercase", "type `CONTINUOUS`", r(NC, P + "/type"), scen({"type": "CONTINUOUS"}))
case("type-misspelt", "type `Continous`", r("policy.type-unknown", P + "/type"), scen({"type": "Continous"}))
case("type-other", "type `Hourly`", r("policy.type-unknown", P + "/type"), scen({"type": "Hourly"}))
case("redundancy-lowercase-zone", "redundancy `zone`", r(NC, PP + "/backupStorageRedundancy"),
     scen(periodic(backupStorageRedundancy="zone")))
case("redundancy-grs", "redundancy `GRS` (a storage SKU, not a Cosmos DB value)",
     r("periodic.redundancy-unknown", PP + "/backupStorageRedundancy"), scen(periodic(backupStorageRedundancy="GRS")))
case("tier-lowercase", "tier `continuous7days`", r(NC, P + "/continuousModeProperties/tier"),
     scen({"type": "Continuous", "continuousModeProperties": {"tier": "continuous7days"}}))
case("tier-14-days", "tier `Continuous14Days`", r("continuous.tier-unknown", P + "/continuousModeProperties/tier"),
     scen({"type": "Continuous", "continuousModeProperties": {"tier": "Continuous14Days"}}))
case("migration-status-lowercase", "migration status `inprogress`",
     in_result(diag(NC, P + "/migrationState/status"), diag("migration.in-progress", P + "/migrationState/status")),
     scen({"type": "Continuous", "migrationState": {"status": "inprogress"}}))
case("migration-status-unknown", "migration status `Paused`", r(WT, P + "/migrationState/status"),
     scen({"type": "Continuous", "migrationState": {"status": "Paused"}}))

# --- duplicate keys (text only: a parsed value keeps one) ---------------------------------------------
DK = "input.duplicate-key"
case("duplicate-interval", "interval given twice: a warning, and the last value is the one read",
     {"diagnostics": [diag(DK, IV, "warning")],
      "results": [{"diagnostics": {"$none": [{"code": "periodic.interval-below-minimum"}]},
                   "effectivePolicy": {"backupIntervalInMinutes": 240}}]},
     text=scen_text_with('30, "backupIntervalInMinutes": 240'))
case("duplicate-type", "type given twice",
     {"diagnostics": [diag(DK, P + "/type", "warning")], "results": [{"effectivePolicy": {"type": "Continuous"}}]},
     text=json.dumps(scen({"type": "Periodic"})).replace('"type": "Periodic"', '"type": "Periodic", "type": "Continuous"'))
case("duplicate-now", "now given three times: one warning",
     {"diagnostics": {"$exact": [diag(DK, "/now", "warning")]}, "summary": {"warnings": 1}},
     text='{"now": "2020-01-01T00:00:00Z", "now": "2021-01-01T00:00:00Z", "now": "2026-11-21T00:00:00Z", "account": '
     + json.dumps(account(periodic())) + "}")
case("duplicate-escaped-key", "a key with a slash duplicated; the path escapes it",
     {"diagnostics": [diag(DK, "/account/tags/a~1b", "warning")]},
     text=json.dumps(scen(periodic())).replace('"properties":', '"tags": {"a/b": "1", "a\\/b": "2"}, "properties":'))
case("duplicate-validate", "validate reports duplicate keys too",
     {"valid": True, "diagnostics": [diag(DK, "/a")]}, operation="validate",
     text='{"a": 1, "a": 2, "now": "2026-11-21T00:00:00Z", "account": ' + json.dumps(account(periodic())) + "}")

# --- mixed PascalCase / camelCase -------------------------------------------------------------
case("case-variant-keys", "backupPolicy and BackupPolicy side by side name one property twice",
     {"diagnostics": [diag(DK, "/account/properties/backupPolicy", "warning")]},
     scen(periodic(), BackupPolicy={"type": "Continuous"}))
case("mixed-case-paths", "PascalCase envelope with camelCase policy: paths keep the user's spelling",
     r("periodic.interval-below-minimum", "/account/Properties/backupPolicy/PeriodicModeProperties/BackupIntervalInMinutes"),
     {"now": NOW, "account": {"Type": "Microsoft.DocumentDB/databaseAccounts", "Name": "ps", "Properties": {
         "backupPolicy": {"TYPE": "Periodic", "PeriodicModeProperties": {
             "BackupIntervalInMinutes": 30, "backupRetentionIntervalInHours": 8, "BACKUPSTORAGEREDUNDANCY": "Geo"}}}}})

# --- not a document, odd shapes --------------------------------------------------------------
ND = "input.not-a-document"
case("doc-null", "null", error(ND), text="null")
case("doc-true", "true", error(ND), text="true")
case("doc-string", "a string", error(ND), text='"account"')
case("doc-number-read", "read on a number", error(ND), text="42", operation="read")
case("doc-empty-object", "an empty object", in_doc(diag("document.unknown-shape", "")), {})
case("doc-array-of-numbers", "an array of numbers", in_doc(diag("document.unknown-shape", "")), [1, 2, 3])
case("account-string", "account is a string", in_doc(diag("document.unknown-shape", "/account")), {"now": NOW, "account": "orders"})
case("account-null", "account null means no account", in_doc(diag("document.no-account", "")), {"now": NOW, "account": None})
case("operation-empty", "an empty operation name", error(ND), {"a": 1}, operation="")

# --- depth and counts ------------------------------------------------------------------------------
LE = "input.limit-exceeded"
deep = {"type": "Periodic"}
for _ in range(140):
    deep = {"a": deep}
case("deep-129", "140 nested objects inside a policy: refused with the path where the limit is crossed",
     error(LE, "/account/properties/backupPolicy" + "/a" * 124), text=json.dumps(scen(deep)))
case("deep-1000-text", "1000 nested arrays", error(LE), text="[" * 1000 + "]" * 1000)
case("regions-over-limit", "1001 regions in one account",
     r(LE, "/account/properties/locations"), scen(periodic(), locations=["r"] * 1001))

assert len(CASES) >= 60, len(CASES)

if __name__ == "__main__":
    shutil.rmtree(ROOT, ignore_errors=True)
    os.makedirs(ROOT)
    slugs = set()
    for slug, c in CASES:
        assert slug not in slugs, slug
        slugs.add(slug)
        with open(os.path.join(ROOT, slug + ".json"), "w", encoding="utf-8") as f:
            text = json.dumps(c, indent=2, ensure_ascii=True)
            if len(text) > 8000:  # large on purpose: keep it on few lines
                text = json.dumps(c, ensure_ascii=True)
            f.write(text + "\n")
    print(f"{len(CASES)} vectors in {os.path.relpath(ROOT)}")
