"""The restore, permission and pricing operations through the public snake_case API of the installed wheel.

Inputs are the shared vectors' scenarios (tests/vectors/); expected values are exact (the same the
Rust runner checks), with money as `Decimal` and times as aware `datetime`s.
"""

from __future__ import annotations

import json
import os
from datetime import date, datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any, Dict

import pytest

import cosmos_backup as cb

UTC = timezone.utc
OUT = Path(os.environ.get("COSMOS_BACKUP_TEST_OUT", Path(__file__).resolve().parents[3] / "target" / "pytest-out"))


@pytest.fixture(scope="module")
def vector(vectors_dir: Path) -> Any:
    def load(name: str) -> Dict[str, Any]:
        return dict(json.loads((vectors_dir / f"{name}.json").read_text())["scenario"])

    return load


# ------------------------------------------------------------------------------------ restore


def test_restore_window_datetimes_and_basis(vector: Any) -> None:
    s = vector("restore/continuous-7-days")
    w = cb.restore_window(account=s["account"], now=datetime(2026, 11, 21, 12, tzinfo=UTC))
    assert isinstance(w, cb.RestoreWindows) and len(w) == 1
    (r,) = w
    assert (r.name, r.path) == ("orders", "/account")
    win = r.restore_window
    assert win is not None
    assert win.earliest == datetime(2026, 11, 14, 12, tzinfo=UTC) and win.earliest.tzinfo is not None
    assert win.latest == datetime(2026, 11, 21, 11, 58, 20, tzinfo=UTC)
    assert win.tier == "Continuous7Days"
    assert [(b.bound, b.reason) for b in win.basis][0] == ("earliest", "retention")
    assert win.basis[0].at == win.earliest
    assert win.raw["tier"] == "Continuous7Days" and w.raw["results"][0]["name"] == "orders"
    # The positional scenario gives the same answer.
    assert cb.restore_window(s) == w


def test_restore_points_newest_first(vector: Any) -> None:
    w = cb.restore_points(vector("restore/periodic-from-creation"))
    win = w[0].restore_window
    assert win is not None and win.region == "West US" and win.tier == "Periodic"
    assert win.restore_points == (
        datetime(2026, 11, 21, 12, 15, tzinfo=UTC),
        datetime(2026, 11, 21, 11, 15, tzinfo=UTC),
        datetime(2026, 11, 21, 10, 15, tzinfo=UTC),
    )
    pytest.importorskip("pandas")
    df = w.to_pandas()
    assert list(df.columns) == ["account", "region", "tier", "earliest", "latest", "restore_points", "restorable_until"]
    assert df.loc[0, "restore_points"] == 3 and df.loc[0, "earliest"].isoformat() == "2026-11-21T10:15:00+00:00"


def test_check_restore_request_reports(vector: Any) -> None:
    c = cb.check_restore_request(vector("restore/request-learn-formats"))
    assert isinstance(c, cb.RestoreRequestCheck) and c.valid and bool(c)
    assert "timestamp.non-iso" in {d.code for d in c.diagnostics}
    assert c.errors() == [] and c.summary.errors == 0
    assert "<table" in c._repr_html_()


def test_not_restored_with_current_values(vector: Any) -> None:
    (report,) = cb.not_restored(vector("restore/not-restored-current"))
    assert (report.name, len(report)) == ("orders", 16)
    first = report[0]
    assert first is report.items[0] and [x.setting for x in report] == [x.setting for x in report.items]
    assert first.setting == "ipRules" and first.path == "/account/properties/ipRules"
    assert first.current == [{"ipAddressOrRange": "203.0.113.0/24"}]
    assert "ipRules" in report._repr_html_()


def test_latest_restorable_before_event(vector: Any) -> None:
    e = cb.latest_restorable_before_event(vector("restore/latest-db"))
    a = e.answer
    assert a is not None and (a.kind, a.name, a.operation) == ("database", "db1", "Delete")
    assert a.event_timestamp == datetime(2026, 11, 20, 9, 15, 30, 250000, tzinfo=UTC)
    assert a.restore_timestamp == datetime(2026, 11, 20, 9, 15, 30, tzinfo=UTC)
    assert a.can_undelete and a.in_window and a.path == "/events/value/1"
    assert [x.name for x in e.events] == ["db2", "db1"]
    assert e.events[0].can_undelete_reason is not None and not e.events[0].can_undelete
    assert "2026-11-20 09:15:30" in e._repr_html_()


# -------------------------------------------------------------------------------- permissions


def test_check_permissions_keywords(vector: Any) -> None:
    s = vector("permissions/role-reader")
    check = cb.check_permissions(role_assignments=s["roleAssignments"], questions=s["questions"])
    assert check == cb.check_permissions(s)
    pane, restore = check.answers
    assert pane.ask == "restorePane" and pane.allowed and pane.granted_by[0].role == "Reader"
    assert restore.ask == "restore" and not restore.allowed and not check.allowed
    assert restore.missing[0] == "Microsoft.DocumentDB/locations/restorableDatabaseAccounts/restore/action"
    assert restore.suggestion is not None and restore.suggestion.role == "CosmosRestoreOperator"
    assert check.summary == cb.Summary(errors=4, warnings=0, infos=0)
    assert "CosmosRestoreOperator" in check._repr_html_()


def test_least_privilege_report(vector: Any) -> None:
    r = cb.least_privilege_report(vector("permissions/report-least-privilege"))
    assert [(a.role, a.least_privilege, a.beyond_restore_count) for a in r.assignments] == [
        ("RestorableAction", True, 0),
        ("Owner", False, 1),
        ("Reader", False, 1),
        ("CosmosRestoreOperator", True, 0),
        ("Cosmos DB Operator", False, 8),
    ]
    assert r.principals[0].can_restore and not r.principals[2].can_restore
    assert r.summary == cb.Summary(errors=0, warnings=0, infos=3)
    assert "<table" in r._repr_html_()


# ------------------------------------------------------------------------------------ pricing


def test_price_money_is_decimal(vector: Any) -> None:
    s = vector("pricing/op-price")
    p = cb.price(account=s["account"], usage=s["usage"], now=datetime(2026, 11, 21, tzinfo=UTC))
    (r,) = p
    assert r.cost is not None
    assert r.cost.monthly_total == Decimal("400.00") and str(r.cost.monthly_total) == "400.00"
    assert isinstance(r.cost.per_restore, Decimal) and r.cost.per_restore == Decimal("150.00")
    assert [(x.region, x.quantity, x.unit_price, x.amount) for x in r.cost.lines] == [
        ("westus", Decimal("1000"), Decimal("0.20"), Decimal("200.00")),
        ("eastus2", Decimal("1000"), Decimal("0.20"), Decimal("200.00")),
    ]
    assert all(isinstance(v, Decimal) for x in r.cost.lines for v in (x.quantity, x.unit_price, x.amount))
    assert len(r.cost.notes) == 2
    pd = pytest.importorskip("pandas")
    df = p.to_pandas()
    assert list(df["monthly_total"]) == [Decimal("400.00")] and isinstance(df.loc[0, "monthly_total"], Decimal)
    lines = p.to_pandas(by="line")
    assert list(lines["amount"]) == [Decimal("200.00"), Decimal("200.00")] and isinstance(lines, pd.DataFrame)
    with pytest.raises(ValueError):
        p.to_pandas(by="month")


def test_decimal_inputs_are_exact(vector: Any) -> None:
    s = vector("pricing/op-price")
    p = cb.price(account=s["account"], usage={"dataSizeGb": Decimal("1000.5")})
    cost = p[0].cost
    assert cost is not None and cost.lines[0].quantity == Decimal("1000.5")
    assert cost.lines[0].amount == Decimal("200.10")  # 1000.5 x 0.20, by the engine
    with pytest.raises(cb.InputError) as e:
        cb.price(account=s["account"], usage={"dataSizeGb": Decimal("NaN")})
    assert e.value.errors()[0]["path"] == "/usage/dataSizeGb"


def test_project_rows_and_plot(vector: Any) -> None:
    s = vector("pricing/op-project-compound")
    p = cb.project(scenario=s["scenario"], months=3, growth=cb.compound_growth(10), restores_per_month=1)
    assert p == cb.project(s)
    assert (p.name, p.currency, p.total) == ("grow", "USD", Decimal("1158.50"))
    assert [(m.month, m.data_size_gb, m.monthly_total, m.per_restore) for m in p] == [
        (1, Decimal("1000"), Decimal("350.00"), Decimal("150.00")),
        (2, Decimal("1100"), Decimal("385.00"), Decimal("165.00")),
        (3, Decimal("1210"), Decimal("423.50"), Decimal("181.50")),
    ]
    pytest.importorskip("pandas")
    df = p.to_pandas()
    assert list(df.columns) == ["month", "data_size_gb", "regions", "monthly_total", "per_restore", "currency"]
    assert list(df["month"]) == [1, 2, 3]
    assert list(df["monthly_total"]) == [Decimal("350.00"), Decimal("385.00"), Decimal("423.50")]
    assert list(df["regions"]) == ["eastus2"] * 3
    pytest.importorskip("matplotlib")
    fig = p.plot()
    assert fig.axes[0].get_title() == "projected monthly backup cost: grow"
    assert [float(y) for y in fig.axes[0].lines[0].get_ydata()] == [350.0, 385.0, 423.5]
    _save_and_check(fig, "projection.png")


def test_project_invalid_reports_not_raises(vector: Any) -> None:
    p = cb.project(scenario=vector("pricing/op-project-compound")["scenario"], months=0)
    assert p.months == () and p.summary.errors >= 1
    assert "pricing.invalid-plan" in {d.code for d in p.diagnostics}
    pytest.importorskip("matplotlib")
    with pytest.raises(ValueError):
        p.plot()


def test_what_if_cheapest_for_14_days(vector: Any) -> None:
    s = vector("pricing/op-what-if-14-days")
    w = cb.what_if(scenario=s["scenario"], required_window_days=14)
    assert w == cb.what_if(s)
    assert w.required_window_days == Decimal("14") and w.cheapest == "Continuous30Days"
    best = w.cheapest_option
    assert best is not None and best.monthly_total == Decimal("200.00") and best.window_days == Decimal("30")
    assert best.current and best.restore == "selfService" and best.policy.tier == "Continuous30Days"
    assert len(w) == 14
    c7 = next(o for o in w if o.label == "Continuous7Days")
    assert (c7.window_hours, c7.meets_window, c7.monthly_total, c7.per_restore) == (168, False, Decimal("0.00"), Decimal("150.00"))
    pytest.importorskip("pandas")
    df = w.to_pandas()
    assert len(df) == 14 and df["cheapest"].sum() == 1
    row = df[df["cheapest"]].iloc[0]
    assert (row["label"], row["monthly_total"], row["window_days"]) == ("Continuous30Days", Decimal("200.00"), Decimal("30"))
    geo14 = df[df["label"] == "Periodic 1440 min / 336 h Geo"].iloc[0]
    assert (geo14["window_hours"], geo14["monthly_total"], bool(geo14["meets_window"])) == (336, Decimal("2400.00"), True)
    assert geo14["backup_interval_in_minutes"] == 1440
    pytest.importorskip("matplotlib")
    fig = w.plot()
    assert fig.axes[0].get_xlabel() == "restore window (days)"
    _save_and_check(fig, "what-if.png")
    assert "<b>Continuous30Days</b>" in w._repr_html_()


def test_price_fleet_rows_and_totals(vector: Any) -> None:
    s = vector("pricing/op-price-fleet")
    f = cb.price_fleet(s["scenarios"], price_sheet=s["priceSheet"])
    assert f == cb.price_fleet(s) == cb.price_fleet(json.dumps(s))
    assert [a.name for a in f] == ["a", "b", "c", "d"]
    assert [a.monthly_total for a in f] == [Decimal("180.00"), Decimal("265.00"), None, Decimal("0.00")]
    assert f.unpriced == 1 and f.total() == f.total("USD") == Decimal("445.00") and f.total("EUR") is None
    (t,) = f.totals
    assert (t.currency, t.accounts) == ("USD", 3)
    assert dict(t.by_kind) == {"continuousBackupStorage": Decimal("370.00"), "restore": Decimal("75.00")}
    assert f.summary == cb.Summary(errors=0, warnings=1, infos=0)
    pytest.importorskip("pandas")
    df = f.to_pandas()
    assert list(df["row"]) == ["account"] * 4 + ["total"]
    assert list(df["account"][:4]) == ["a", "b", "c", "d"]
    assert list(df["monthly_total"]) == [Decimal("180.00"), Decimal("265.00"), None, Decimal("0.00"), Decimal("445.00")]
    assert df.loc[4, "accounts"] == 3 and df.loc[3, "warnings"] == 1
    assert len(f.to_pandas(totals=False)) == 4
    with pytest.raises(TypeError):
        cb.price_fleet(s, price_sheet={})
    assert "445.00 USD/month" in f._repr_html_()


def test_price_fleet_totals_only(vector: Any) -> None:
    s = vector("pricing/op-price-fleet")
    full = cb.price_fleet(s["scenarios"], price_sheet=s["priceSheet"])
    f = cb.price_fleet(s["scenarios"], price_sheet=s["priceSheet"], rows=False)
    assert len(f) == 0 and f.unpriced == 1 and f.summary == full.summary
    assert f.totals == full.totals and f.total() == Decimal("445.00")
    with pytest.raises(TypeError):
        cb.price_fleet(s, rows=False)


def test_price_sheet_typed() -> None:
    sheet = cb.price_sheet()
    assert sheet.currency == "USD" and len(sheet) > 100
    assert sheet[0] == next(iter(sheet)) == sheet.prices[0] and sheet[-1] == sheet.prices[-1]
    p = sheet.price("australiaeast", "continuous30Days")
    assert p is not None and p.unit_price == Decimal("0.23") and p.effective_date == date(2022, 4, 1)
    pytest.importorskip("pandas")
    df = sheet.to_pandas()
    assert len(df) == len(sheet) and isinstance(df.loc[0, "unit_price"], Decimal)


def test_misuse_raises_input_error() -> None:
    with pytest.raises(cb.InputError) as e:
        cb.price("{not json")
    assert e.value.code == "input.json-syntax"
    with pytest.raises(TypeError):
        cb.restore_window()
    with pytest.raises(cb.InputError):
        cb.restore_window(account={"name": "a"}, now=datetime(2026, 11, 21))  # naive datetime


def test_results_are_immutable(vector: Any) -> None:
    import dataclasses

    p = cb.project(vector("pricing/op-project-compound"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.total = Decimal(0)  # type: ignore[misc]


# -------------------------------------------------------------------------------------- plots


def _save_and_check(fig: Any, name: str) -> None:
    import matplotlib.image as mpimg
    import numpy as np

    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    fig.savefig(path, dpi=80)
    img = mpimg.imread(path)
    assert img.shape[0] > 100 and img.shape[1] > 100
    rgb = img[..., :3]
    assert len(np.unique(rgb.reshape(-1, 3), axis=0)) > 20, f"{name} is blank"
    assert float((rgb < 0.9).any(axis=-1).mean()) > 0.01, f"{name} is blank"


def test_restore_window_timeline_plot(vector: Any) -> None:
    pytest.importorskip("matplotlib")
    w = cb.restore_points(vector("restore/periodic-from-creation"))
    fig = w.plot()
    assert fig.axes[0].get_title() == "restore window (UTC)"
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["orders · West US"]
    _save_and_check(fig, "restore-window.png")
    with pytest.raises(ValueError):
        cb.RestoreWindows((), ()).plot()


# ------------------------------------------------------------------------------- restore plan


def _plan_vector(vectors_dir: Path, name: str) -> Dict[str, Any]:
    return dict(json.loads((vectors_dir / "restore-plan" / f"{name}.json").read_text())["scenario"])


def test_restore_plan_typed_steps_and_markdown(vectors_dir: Path) -> None:
    s = _plan_vector(vectors_dir, "region-copy")
    p = cb.restore_plan(s)
    assert isinstance(p, cb.RestorePlan) and p
    assert p.mode == "newAccount" and p.source_account == "acct-a"
    assert p.restore_timestamp == datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    assert p.target is not None
    assert (p.target.account_name, p.target.resource_group, p.target.location, p.target.in_account) == ("acct-a-westus", "rg-copy", "West US", False)
    restore = next(x for x in p.steps if x.id == "restore")
    assert restore.az is not None and restore.az.startswith("az cosmosdb restore --resource-group rg-copy ")
    assert p.arm[0]["properties"]["restoreParameters"]["restoreTimestampInUtc"] == "2026-11-20T08:00:00Z"
    md = p.to_markdown()
    assert md.startswith("# Restore plan: acct-a\n")
    assert "```bash\n" + restore.az + "\n```" in md
    assert "Closes checklist item `ipRules`." in md
    assert "- **Restore to:** 2026-11-20T08:00:00Z (given)" in md
    # Keywords give the same plan as the scenario object.
    assert cb.restore_plan(**s).to_markdown() == md


def test_restore_plan_periodic_support_request_and_deadline(vectors_dir: Path) -> None:
    p = cb.restore_plan(_plan_vector(vectors_dir, "periodic"))
    assert p.mode == "periodicSupportRequest" and p.arm == ()
    assert p.deadline == datetime(2026, 11, 21, 16, 0, tzinfo=UTC)
    assert p.support_request is not None and "Account name: orders" in p.support_request
    assert "## Support request" in p.to_markdown()


def test_restore_plan_refused_reports_not_raises(vectors_dir: Path) -> None:
    p = cb.restore_plan(_plan_vector(vectors_dir, "in-account-live-rejected"))
    assert not p and p.steps == () and p.arm == ()
    assert {d.code for d in p.diagnostics} >= {"plan.rejected", "restore-request.in-account-live"}
    assert "no (see the findings)" in p.to_markdown()
