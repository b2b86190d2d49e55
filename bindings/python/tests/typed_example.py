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


def misuse() -> None:
    cb.locate(1, "/a")  # type: ignore[arg-type]
    cb.rules().append(1)  # type: ignore[attr-defined]
    x: int = cb.evaluate("{}").summary  # type: ignore[assignment]
    d: cb.ErrorDetails = {"code": 1}  # type: ignore[typeddict-item]
    del x, d
