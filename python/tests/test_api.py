"""The public API of the installed wheel: functions, results, errors, reprs, threads."""

from __future__ import annotations

import copy
import json
import pickle
import threading
import time
from dataclasses import FrozenInstanceError
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest

import cosmos_backup as cb
from cosmos_backup import _native, _operations

from conftest import ACCOUNT, GOOD

NOW = datetime(2026, 11, 21, tzinfo=timezone.utc)


def test_installed_wheel_not_source_tree() -> None:
    assert "site-packages" in cb.__file__
    files = {p.name for p in Path(cb.__file__).parent.iterdir()}
    assert {"py.typed", "_native.pyi"} <= files


def test_every_operation_is_exposed() -> None:
    # One function per row of the operations table, generated into `_operations` (see
    # test_generated.py for the names and docstrings).
    assert cb.OPERATIONS == tuple(_native.OPERATIONS) == tuple(_operations.FUNCTIONS)
    for op, name in _operations.FUNCTIONS.items():
        assert callable(getattr(_native, op)), f"_native.{op} missing"
        assert name in cb.__all__ and callable(getattr(cb, name)), f"cosmos_backup.{name} missing"
        assert getattr(cb, name).__doc__, f"cosmos_backup.{name} has no docstring"


def test_evaluate_keywords_and_datetime() -> None:
    ev = cb.evaluate(account=ACCOUNT, now=NOW)
    assert isinstance(ev, cb.Evaluation)
    assert ev.schema_version == cb.SCHEMA_VERSION == "1.0"
    (r,) = ev.results
    assert r.name == "orders" and r.path == "/account" and r.shape == "armResource" and r.api == "sql"
    d = r.diagnostics[0]
    assert (d.code, d.severity) == ("periodic.interval-below-minimum", "error")
    assert d.path == "/account/properties/backupPolicy/periodicModeProperties/backupIntervalInMinutes"
    assert ev.summary == cb.Summary(errors=1, warnings=0, infos=0)
    p = r.effective_policy
    assert p is not None and p.type == "Periodic"
    assert (p.backup_interval_in_minutes, p.backup_retention_interval_in_hours, p.backup_storage_redundancy) == (30, 8, "Geo")
    assert not ev.valid and not r.valid
    assert ev.errors()[0]["code"] == "periodic.interval-below-minimum"
    assert len(ev) == 1 and ev[0] is r and list(ev) == [r]
    assert repr(ev) == "Evaluation(accounts=['orders'], errors=1, warnings=0, infos=0, schema_version='1.0')"
    assert repr(d).startswith("Diagnostic(code='periodic.interval-below-minimum', severity='error', path='/account/")
    assert "raw=" not in repr(r) and "raw=" not in repr(p)


def test_now_in_other_zone_is_converted_to_utc() -> None:
    now = datetime(2026, 11, 21, 9, 30, tzinfo=timezone(timedelta(hours=2)))
    assert cb.scenario(now=now, account={}) == {"now": "2026-11-21T07:30:00Z", "account": {}}
    assert cb.scenario(now=now.replace(microsecond=250000))["now"] == "2026-11-21T07:30:00.25Z"
    assert cb.scenario(restore_request={"a": 1}, price_sheet=None) == {"restoreRequest": {"a": 1}}


def test_naive_datetime_is_an_input_error() -> None:
    with pytest.raises(cb.InputError) as e:
        cb.evaluate(account=ACCOUNT, now=datetime(2026, 11, 21))
    assert e.value.code == "timestamp.invalid"
    assert e.value.errors()[0]["path"] == "/now"
    assert isinstance(e.value, ValueError)


def test_dict_and_json_text_and_bytes_agree() -> None:
    sc = {"now": "2026-11-21T00:00:00Z", "account": ACCOUNT}
    a = cb.evaluate(sc)
    assert cb.evaluate(json.dumps(sc)) == a
    assert cb.evaluate(json.dumps(sc).encode()) == a
    assert cb.evaluate(sc).raw == a.raw


def test_fleet_array_and_evaluate_many() -> None:
    fleet = [cb.scenario(now=NOW, account=ACCOUNT), cb.scenario(now=NOW, account=GOOD)]
    one = cb.evaluate(fleet)
    assert [r.name for r in one.results] == ["orders", "payments"]
    many = cb.evaluate_many(fleet)
    assert isinstance(many, cb.Fleet) and len(many) == 2
    assert [r.name for r in many.results] == ["orders", "payments"]
    assert many.summary.errors == 1 and not many.valid
    assert many[1].results[0].effective_policy is not None
    assert many[1].results[0].effective_policy.tier == "Continuous7Days"
    assert many[1].results[0].effective_policy.retention_days == 7
    assert "Fleet(scenarios=2, accounts=2, errors=1" in repr(many)
    texts = cb.evaluate_many([json.dumps(s) for s in fleet])
    assert texts == many


def test_evaluate_many_reports_the_bad_index() -> None:
    with pytest.raises(cb.InputError) as e:
        cb.evaluate_many([cb.scenario(now=NOW, account=ACCOUNT), 42])
    assert e.value.code == "input.not-a-document"
    assert e.value.message.startswith("scenario 1: ")
    assert e.value.errors()[0]["path"] == "/1"
    with pytest.raises(cb.InputError) as e2:
        cb.evaluate_many([{"account": {"x": datetime.now()}}])
    assert e2.value.errors()[0]["path"] == "/0/account/x"


def test_validate_raises_with_errors_and_keeps_warnings() -> None:
    with pytest.raises(cb.ValidationError) as e:
        cb.validate(account=ACCOUNT, now=NOW)
    err = e.value
    assert isinstance(err, cb.CosmosBackupError) and isinstance(err, ValueError)
    assert err.code == "periodic.interval-below-minimum"
    assert [x["code"] for x in err.errors()] == ["periodic.interval-below-minimum"]
    assert set(err.errors()[0]) == {"code", "severity", "path", "message", "help", "source"}
    assert all(isinstance(d, cb.Diagnostic) for d in err.diagnostics)
    v = cb.validate(account=GOOD, now=NOW)
    assert v.valid and bool(v) and v.errors() == []
    assert cb.is_valid(account=GOOD, now=NOW) is True
    assert cb.is_valid(ACCOUNT) is False


@pytest.mark.parametrize(
    "document, code",
    [
        ('{"account": {"properties": ', "input.json-syntax"),
        (42, "input.not-a-document"),
        ("[" * 200 + "]" * 200, "input.limit-exceeded"),
        ({"a": float("nan")}, "input.not-a-document"),
        ({"a": {1: 2}}, "input.not-a-document"),
        ({"a": Decimal("NaN")}, "input.not-a-document"),
    ],
)
def test_misuse_raises_input_error(document: object, code: str) -> None:
    with pytest.raises(cb.InputError) as e:
        cb.evaluate(document)  # type: ignore[arg-type]
    assert e.value.code == code
    assert e.value.errors() and e.value.errors()[0]["code"] == code
    assert code in str(e.value)


def test_deep_or_cyclic_python_documents_are_refused() -> None:
    deep: list = []
    for _ in range(300):
        deep = [deep]
    cyclic: dict = {}
    cyclic["self"] = cyclic
    for doc in (deep, cyclic):
        with pytest.raises(cb.InputError) as e:
            cb.evaluate(doc)
        assert e.value.code == "input.limit-exceeded"
    assert cb.call("evaluate", json.dumps(deep))["error"]["code"] == "input.limit-exceeded"


def test_unknown_operation_suggests() -> None:
    answer = cb.call("evalute", {"a": 1})
    assert answer["error"]["code"] == "input.not-a-document"
    assert "evaluate" in answer["error"]["diagnostics"][0]["help"]


def test_signature_misuse_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        cb.evaluate(ACCOUNT, now=NOW)
    with pytest.raises(TypeError):
        cb.evaluate()


def test_errors_pickle_and_are_fresh_lists() -> None:
    try:
        cb.evaluate("{")
    except cb.CosmosBackupError as e:
        again = pickle.loads(pickle.dumps(e))
        assert type(again) is cb.InputError and again.errors() == e.errors()
        e.errors().clear()
        assert e.errors()


def test_read_rules_locate() -> None:
    (found,) = cb.read(ACCOUNT)
    assert found == cb.FoundObject(kind="account", shape="armResource", path="", name="orders")
    rules = cb.rules()
    assert len({r.code for r in rules}) == len(rules) > 10
    assert all(r.severity in ("error", "warning", "info") for r in rules)
    text = json.dumps(ACCOUNT, indent=2)
    pos = cb.locate(text, "/properties/backupPolicy/periodicModeProperties/backupIntervalInMinutes")
    assert pos == cb.Position(line=10, column=36)
    assert _native.position(text, "/properties/backupPolicy") == (7, 21)
    assert cb.locate(text, "/nope") is None


def test_results_are_frozen_and_hashable_where_flat() -> None:
    ev = cb.evaluate(ACCOUNT)
    with pytest.raises(FrozenInstanceError):
        ev.results[0].name = "x"  # type: ignore[misc]
    d = ev.results[0].diagnostics[0]
    assert hash(d) == hash(copy.copy(d))
    assert d.to_dict()["code"] == d.code
    assert str(d).startswith("error periodic.interval-below-minimum at /properties/")


def test_money_is_decimal_and_times_are_aware() -> None:
    # The pricing and restore engines fill these; the wrapping is tested on the contract's shape.
    r = cb.AccountResult.from_dict(
        {
            "name": "a",
            "path": "",
            "shape": "armResource",
            "api": "sql",
            "diagnostics": [],
            "notRestored": [],
            "effectivePolicy": None,
            "cost": {"currency": "USD", "monthlyTotal": "400.00", "perRestore": "0.15", "lines": []},
            "restoreWindow": {
                "earliest": "2026-10-22T00:00:00Z",
                "latest": "2026-11-21T00:00:00.123456789Z",
                "tier": "Continuous30Days",
                "basis": [],
            },
        }
    )
    assert r.cost == cb.Cost(currency="USD", monthly_total=Decimal("400.00"), per_restore=Decimal("0.15"), lines=())
    assert str(r.cost.monthly_total) == "400.00"
    assert r.restore_window is not None
    assert r.restore_window.earliest == datetime(2026, 10, 22, tzinfo=timezone.utc)
    assert r.restore_window.latest.tzinfo is not None and r.restore_window.latest.microsecond == 123456


def test_repr_html() -> None:
    ev = cb.evaluate_many([cb.scenario(now=NOW, account=ACCOUNT), cb.scenario(now=NOW, account=GOOD)])
    h = ev._repr_html_()
    assert h.count("<table") == 2 and "orders" in h and "payments" in h
    assert "periodic.interval-below-minimum" in h and "Continuous7Days" in h
    assert "<script" not in cb.evaluate({"name": "<script>", "type": "Microsoft.DocumentDB/databaseAccounts"})._repr_html_()
    assert "<table" in ev[0]._repr_html_() and "<table" in ev[0][0]._repr_html_()
    assert "valid: True" in cb.validate(GOOD)._repr_html_()


def test_threads_call_at_once_and_release_the_gil() -> None:
    docs = [cb.scenario(now=NOW, account=ACCOUNT if i % 2 else GOOD) for i in range(400)]
    expected = cb.evaluate_many(docs)
    out: list = []
    errors: list = []

    def work() -> None:
        try:
            for _ in range(3):
                out.append(cb.evaluate_many(docs) == expected)
                out.append(cb.evaluate(docs[1]) == expected[1])
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    # While the workers run Rust with the GIL released, this thread keeps running Python.
    ticks = 0
    while any(t.is_alive() for t in threads):
        ticks += 1
        time.sleep(0.0005)
    for t in threads:
        t.join()
    assert errors == [] and len(out) == 48 and all(out)
    assert ticks > 0


def test_gil_is_released_during_batch() -> None:
    docs = [cb.scenario(now=NOW, account=ACCOUNT)] * 3000
    json_docs = [json.dumps(d) for d in docs]
    counter = [0]
    stop = threading.Event()

    def spin() -> None:
        while not stop.is_set():
            counter[0] += 1

    t = threading.Thread(target=spin)
    t.start()
    try:
        before = counter[0]
        _native.call_json_many("evaluate", json_docs)
        during = counter[0] - before
    finally:
        stop.set()
        t.join()
    # With the GIL held for the whole batch the spinner would barely advance (switch interval 5 ms).
    assert during > 1000


def test_source_objects_are_read_and_findings_located(tmp_path: Path) -> None:
    # An ARM template with comments (as `az deployment group validate` accepts it) and a
    # parameters file that sets the interval below the 60-minute minimum.
    template = (
        "{\n"
        "  // the account\n"
        '  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n'
        '  "contentVersion": "1.0.0.0",\n'
        '  "resources": [{"type": "Microsoft.DocumentDB/databaseAccounts", "name": "orders",\n'
        '    "properties": {"backupPolicy": {"type": "Periodic",\n'
        '      "periodicModeProperties": {"backupIntervalInMinutes": 30}}}}]\n'
        "}\n"
    )
    path = tmp_path / "azuredeploy.jsonc"
    path.write_text(template, encoding="utf-8")
    ev = cb.evaluate(account=cb.source_file(str(path)), now=datetime(2026, 11, 21, tzinfo=timezone.utc))
    d = ev.results[0].diagnostics[0]
    assert d.code == "periodic.interval-below-minimum"
    assert d.location == cb.Location(7, 61, str(path))
    assert d.to_dict()["location"] == {"file": str(path), "line": 7, "column": 61}
    # A plain dict has no text, so no location.
    plain = cb.evaluate(account={"properties": {"backupPolicy": {"type": "Periodic",
        "periodicModeProperties": {"backupIntervalInMinutes": 30}}}})
    assert plain.results[0].diagnostics[0].location is None
    assert "location" not in plain.results[0].diagnostics[0].to_dict()


def test_unknown_source_format_is_an_input_error() -> None:
    with pytest.raises(cb.InputError) as e:
        cb.evaluate(account=cb.source("x", "cobol"))
    assert e.value.code == "input.format-unsupported"
    assert e.value.errors()[0]["path"] == "/account/format"


def test_periodic_window_carries_its_schedule_anchor_and_count() -> None:
    # 60-minute snapshots kept 3 h, the last one at 12:05: at 12:40 the ones of 12:05, 11:05 and
    # 10:05 are younger than the retention (09:05 is 3 h 35 min old and gone).
    account = {"type": "Microsoft.DocumentDB/databaseAccounts", "name": "orders", "location": "West US",
               "properties": {"locations": [{"locationName": "West US", "failoverPriority": 0}],
                              "backupPolicy": {"type": "Periodic", "periodicModeProperties": {
                                  "backupIntervalInMinutes": 60, "backupRetentionIntervalInHours": 3}}}}
    w = cb.restore_points(account=account, now=datetime(2026, 11, 21, 12, 40, tzinfo=timezone.utc),
                          lastBackupTime="2026-11-21T12:05:00Z").results[0].restore_window
    assert w is not None
    assert w.restore_point_count == 3 and len(w.restore_points) == 3
    assert w.anchor == datetime(2026, 11, 21, 12, 5, tzinfo=timezone.utc)
    assert w.anchor_basis == "last-backup-time"
    assert w.earliest == datetime(2026, 11, 21, 10, 5, tzinfo=timezone.utc)
