"""A typed user of the package: `mypy --strict` must accept it (scripts/ci/30-python.sh).

The `type: ignore[...]` lines are deliberate misuse: with `--strict` (warn_unused_ignores) mypy
fails if the stubs stop catching them, so this checks the stubs are precise, not `Any`.
"""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal
from typing import List, Optional

import cosmos_backup as cb


def interval_errors(account: dict[str, object]) -> List[cb.ErrorDetails]:
    ev: cb.Evaluation = cb.evaluate(account=account, now=datetime(2026, 11, 21, tzinfo=timezone.utc))
    first: cb.AccountResult = ev.results[0]
    policy: Optional[cb.EffectivePolicy] = first.effective_policy
    minutes: Optional[int] = policy.backup_interval_in_minutes if policy else None
    assert minutes is None or minutes > 0
    window: Optional[cb.RestoreWindow] = first.restore_window
    if window is not None:
        latest: datetime = window.latest
        assert latest.tzinfo is not None
    if first.cost is not None:
        monthly: Decimal = first.cost.monthly_total
        assert monthly >= 0
    return ev.errors()


def check(text: str) -> bool:
    try:
        cb.validate(text)
    except cb.ValidationError as e:
        codes: List[str] = [d["code"] for d in e.errors()]
        return not codes
    except cb.CosmosBackupError as e:
        path: str = e.errors()[0]["path"]
        return path == ""
    return True


def fleet_size(docs: List[dict[str, object]]) -> int:
    fleet: cb.Fleet = cb.evaluate_many(docs)
    position: Optional[cb.Position] = cb.locate("{}", "/a")
    rules: tuple[cb.Rule, ...] = cb.rules()
    return len(fleet.results) + (position.line if position else 0) + len(rules)


def plan(account: dict[str, object], scenarios: List[dict[str, object]]) -> Decimal:
    now = datetime(2026, 11, 21, tzinfo=timezone.utc)
    scenario = cb.scenario(now=now, account=account, usage={"dataSizeGb": Decimal("1000.5")})
    cost: Optional[cb.Cost] = cb.price(scenario).results[0].cost
    per_month: Decimal = cost.monthly_total if cost else Decimal(0)
    line: Optional[cb.CostLine] = cost.lines[0] if cost and cost.lines else None
    amount: Decimal = line.amount if line else Decimal(0)
    p: cb.Projection = cb.project(scenario=scenario, months=12, growth=cb.compound_growth(5))
    months: List[Decimal] = [m.monthly_total for m in p.months]
    w: cb.WhatIf = cb.what_if(scenario=scenario, required_window_days=14)
    best: Optional[cb.WhatIfOption] = w.cheapest_option
    days: Decimal = best.window_days if best else Decimal(0)
    fleet: cb.FleetPricing = cb.price_fleet(scenarios)
    total: Optional[Decimal] = fleet.total("USD")
    sheet: cb.PriceSheet = cb.price_sheet()
    windows: cb.RestoreWindows = cb.restore_window(scenario)
    window: Optional[cb.RestoreWindow] = windows.results[0].restore_window
    points: tuple[datetime, ...] = window.restore_points if window else ()
    check: cb.RestoreRequestCheck = cb.check_restore_request(scenario)
    gone: tuple[cb.NotRestoredReport, ...] = cb.not_restored(scenario)
    event: Optional[cb.EventRestorePoint] = cb.latest_restorable_before_event(scenario).answer
    allowed: bool = cb.check_permissions(role_assignments=[], questions=[]).allowed
    report: cb.LeastPrivilegeReport = cb.least_privilege_report(role_assignments=[])
    assert check.valid or gone or event or allowed or report or points or sheet
    return per_month + amount + sum(months, Decimal(0)) + days + (total or Decimal(0))


def misuse() -> None:
    cb.locate(1, "/a")  # type: ignore[arg-type]
    cb.rules().append(1)  # type: ignore[attr-defined]
    x: int = cb.evaluate("{}").summary  # type: ignore[assignment]
    d: cb.ErrorDetails = {"code": 1}  # type: ignore[typeddict-item]
    cb.project(scenario={}, months="12")  # type: ignore[arg-type]
    y: float = cb.price_sheet().prices[0].unit_price  # type: ignore[assignment]
    del x, d, y
