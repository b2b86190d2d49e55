"""pandas and matplotlib output, and the example notebook run top to bottom."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

import pytest

import cosmos_backup as cb

from conftest import ACCOUNT, GOOD

NOW = datetime(2026, 11, 21, tzinfo=timezone.utc)
OUT = Path(os.environ.get("COSMOS_BACKUP_TEST_OUT", Path(__file__).resolve().parents[3] / "target" / "pytest-out"))


def _fleet() -> cb.Fleet:
    return cb.evaluate_many([cb.scenario(now=NOW, account=ACCOUNT), cb.scenario(now=NOW, account=GOOD)])


def test_to_pandas_one_row_per_account() -> None:
    pd = pytest.importorskip("pandas")
    df = _fleet().to_pandas()
    assert isinstance(df, pd.DataFrame)
    assert list(df["account"]) == ["orders", "payments"]
    assert list(df["scenario"]) == [0, 1]
    assert list(df["policy_type"]) == ["Periodic", "Continuous"]
    assert df.loc[0, "backup_interval_in_minutes"] == 30
    assert df.loc[1, "retention_days"] == 7
    assert pd.isna(df.loc[1, "backup_interval_in_minutes"])
    assert list(df["errors"]) == [1, 0]
    single = cb.evaluate(ACCOUNT).to_pandas()
    assert "scenario" not in single.columns and len(single) == 1


def test_to_pandas_one_row_per_diagnostic() -> None:
    pytest.importorskip("pandas")
    df = _fleet().to_pandas(by="diagnostic")
    assert list(df.columns) == ["scenario", "account", "code", "severity", "path", "message", "help", "source"]
    assert "periodic.interval-below-minimum" in set(df["code"])
    doc = cb.evaluate({"hello": "world"}).to_pandas(by="diagnostic")
    assert list(doc["code"]) == ["document.unknown-shape"] and doc.loc[0, "account"] is None
    with pytest.raises(ValueError):
        _fleet().to_pandas(by="nope")


def test_money_stays_decimal_in_pandas() -> None:
    pytest.importorskip("pandas")
    r = cb.AccountResult.from_dict(
        {"name": "a", "path": "", "shape": "armResource", "api": "sql", "diagnostics": [], "notRestored": [],
         "effectivePolicy": None, "restoreWindow": None,
         "cost": {"currency": "USD", "monthlyTotal": "400.10", "perRestore": "0.15", "lines": []}}
    )
    ev = cb.Evaluation("1.0", (r,), (), cb.Summary(0, 0, 0))
    df = ev.to_pandas()
    assert df.loc[0, "monthly_cost"] == Decimal("400.10") and isinstance(df.loc[0, "monthly_cost"], Decimal)


def _png_is_not_blank(path: Path) -> None:
    import matplotlib.image as mpimg
    import numpy as np

    img = mpimg.imread(path)
    assert img.shape[0] > 100 and img.shape[1] > 100
    rgb = img[..., :3]
    # A blank canvas is one colour; a plot has bars, text and axes.
    assert len(np.unique(rgb.reshape(-1, 3), axis=0)) > 20
    assert float((rgb < 0.9).any(axis=-1).mean()) > 0.01


def test_plot_policy_saves_a_png() -> None:
    pytest.importorskip("matplotlib")
    fig = _fleet().plot()
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "policy.png"
    fig.savefig(path, dpi=80)
    assert fig.axes[0].get_title().startswith("effective backup policy")
    _png_is_not_blank(path)


def test_plot_restore_window_and_cost_hooks() -> None:
    pytest.importorskip("matplotlib")
    r = cb.AccountResult.from_dict(
        {"name": "a", "path": "", "shape": "armResource", "api": "sql", "diagnostics": [], "notRestored": [],
         "effectivePolicy": {"type": "Continuous", "tier": "Continuous30Days", "retentionDays": 30, "defaulted": []},
         "restoreWindow": {"earliest": "2026-10-22T00:00:00Z", "latest": "2026-11-21T00:00:00Z",
                           "tier": "Continuous30Days", "basis": []},
         "cost": {"currency": "USD", "monthlyTotal": "400.00", "perRestore": "0.15", "lines": []}}
    )
    ev = cb.Evaluation("1.0", (r,), (), cb.Summary(0, 0, 0))
    fig = ev.plot()
    assert [a.get_title() for a in fig.axes[:3]] == [
        "effective backup policy (wide: retention, narrow: interval)",
        "restore window (UTC)",
        "monthly backup cost",
    ]
    OUT.mkdir(parents=True, exist_ok=True)
    fig.savefig(OUT / "all-kinds.png", dpi=80)
    _png_is_not_blank(OUT / "all-kinds.png")
    with pytest.raises(ValueError):
        cb.evaluate(ACCOUNT).plot(kind="cost")
    with pytest.raises(ValueError):
        ev.plot(kind="pie")


def test_plot_into_given_axes() -> None:
    plt = pytest.importorskip("matplotlib.pyplot")
    fig, ax = plt.subplots()
    assert _fleet().plot(kind="policy", ax=ax) is fig


def test_example_notebook_runs_top_to_bottom(monkeypatch: pytest.MonkeyPatch) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    path = Path(__file__).resolve().parents[1] / "notebooks" / "capacity_planning.ipynb"
    nb = nbformat.read(path, as_version=4)
    # The kernel picks its own (inline) matplotlib backend; run in a cwd outside the source tree.
    monkeypatch.delenv("MPLBACKEND", raising=False)
    OUT.mkdir(parents=True, exist_ok=True)
    client = nbclient.NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(OUT)}})
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs), "the notebook draws at least one figure"
    assert any("text/html" in o.get("data", {}) for o in outputs), "results render as HTML tables"
