"""Notebook helpers: HTML tables, pandas frames and matplotlib figures of results.

Presentation only: every number shown comes from the engine's answer; nothing is computed here
beyond unit conversion for a shared axis. pandas and matplotlib are optional extras, imported on use.
"""

from __future__ import annotations

import html
import importlib
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence

if TYPE_CHECKING:  # pragma: no cover
    from ._results import AccountResult, Diagnostic, Evaluation

_CSS = "border-collapse:collapse;font-size:0.9em"
_TD = "border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top"
_SEV_COLOUR = {"error": "#c62828", "warning": "#ef6c00", "info": "#1565c0"}

#: matplotlib colours per policy type (presentation only).
_TYPE_COLOUR = {"Periodic": "#1f77b4", "Continuous": "#2ca02c"}

_PLOT_KINDS = ("policy", "restore-window", "cost")


def _e(v: Any) -> str:
    return html.escape("" if v is None else str(v))


def _table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    th = "".join(f'<th style="{_TD}">{_e(h)}</th>' for h in head)
    body = "".join("<tr>" + "".join(f'<td style="{_TD}">{c}</td>' for c in r) + "</tr>" for r in rows)
    return f'<table style="{_CSS}"><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>'


def _sev(s: str) -> str:
    return f'<span style="color:{_SEV_COLOUR.get(s, "#000")};font-weight:bold">{_e(s)}</span>'


def _policy_text(r: "AccountResult") -> str:
    p = r.effective_policy
    if p is None:
        return "<i>unknown</i>"
    if p.type == "Continuous":
        return _e(f"Continuous · {p.tier or '?'}")
    return _e(
        f"Periodic · every {p.backup_interval_in_minutes} min · keep {p.backup_retention_interval_in_hours} h"
        f" · {p.backup_storage_redundancy or '?'}"
    )


def diagnostics_html(diags: Sequence["Diagnostic"], caption: str = "") -> str:
    rows = [[_sev(d.severity), f"<code>{_e(d.code)}</code>", f"<code>{_e(d.path)}</code>", _e(d.message), _e(d.help)] for d in diags]
    cap = f"<p><b>{_e(caption)}</b></p>" if caption else ""
    if not rows:
        return cap + "<p>no findings</p>"
    return cap + _table(["severity", "code", "path", "message", "help"], rows)


def account_html(r: "AccountResult") -> str:
    return evaluation_rows_html([r]) + diagnostics_html(r.diagnostics)


def evaluation_rows_html(results: Sequence["AccountResult"]) -> str:
    rows = []
    for r in results:
        s = r.summary
        window = f"{r.restore_window.earliest:%Y-%m-%d %H:%M} → {r.restore_window.latest:%Y-%m-%d %H:%M}" if r.restore_window else ""
        cost = f"{r.cost.monthly_total} {r.cost.currency}/month" if r.cost else ""
        rows.append([_e(r.name), f"<code>{_e(r.path)}</code>", _e(r.api), _policy_text(r), str(s.errors), str(s.warnings), str(s.infos), _e(window), _e(cost)])
    return _table(["account", "path", "api", "effective policy", "errors", "warnings", "infos", "restore window", "cost"], rows)


def evaluation_html(evaluations: Sequence["Evaluation"]) -> str:
    results = [r for e in evaluations for r in e.results]
    doc_diags = [d for e in evaluations for d in e.diagnostics]
    errors = sum(e.summary.errors for e in evaluations)
    warnings = sum(e.summary.warnings for e in evaluations)
    infos = sum(e.summary.infos for e in evaluations)
    head = f"<p><b>{len(results)} account(s)</b> · {errors} error(s) · {warnings} warning(s) · {infos} info(s)</p>"
    parts = [head, evaluation_rows_html(results)]
    all_diags = doc_diags + [d for r in results for d in r.diagnostics]
    if all_diags:
        parts.append(diagnostics_html(all_diags, "findings"))
    return "".join(parts)


def _pandas() -> Any:
    try:
        pandas = importlib.import_module("pandas")
    except ImportError:
        raise ImportError("to_pandas() needs pandas: pip install 'cosmos-backup[pandas]'") from None
    return pandas


def account_row(r: "AccountResult") -> Dict[str, Any]:
    p = r.effective_policy
    s = r.summary
    return {
        "account": r.name,
        "path": r.path,
        "shape": r.shape,
        "api": r.api,
        "policy_type": p.type if p else None,
        "backup_interval_in_minutes": p.backup_interval_in_minutes if p else None,
        "backup_retention_interval_in_hours": p.backup_retention_interval_in_hours if p else None,
        "backup_storage_redundancy": p.backup_storage_redundancy if p else None,
        "tier": p.tier if p else None,
        "retention_days": p.retention_days if p else None,
        "defaulted": ", ".join(p.defaulted) if p else "",
        "errors": s.errors,
        "warnings": s.warnings,
        "infos": s.infos,
        "restore_earliest": r.restore_window.earliest if r.restore_window else None,
        "restore_latest": r.restore_window.latest if r.restore_window else None,
        "currency": r.cost.currency if r.cost else None,
        "monthly_cost": r.cost.monthly_total if r.cost else None,
        "per_restore_cost": r.cost.per_restore if r.cost else None,
    }


_ACCOUNT_INT = ["backup_interval_in_minutes", "backup_retention_interval_in_hours", "retention_days"]


def to_pandas(evaluations: Sequence["Evaluation"], by: str) -> Any:
    pd = _pandas()
    rows: List[Dict[str, Any]] = []
    if by == "account":
        for i, e in enumerate(evaluations):
            rows.extend(dict(scenario=i, **account_row(r)) for r in e.results)
        columns = ["scenario"] + _account_columns()
        frame = pd.DataFrame(rows, columns=columns)
        for c in _ACCOUNT_INT:
            frame[c] = frame[c].astype("Int64")
        for c in ("restore_earliest", "restore_latest"):
            frame[c] = pd.to_datetime(frame[c], utc=True)
    elif by == "diagnostic":
        for i, e in enumerate(evaluations):
            for d in e.diagnostics:
                rows.append(dict(scenario=i, account=None, **d.to_dict()))
            for r in e.results:
                rows.extend(dict(scenario=i, account=r.name, **d.to_dict()) for d in r.diagnostics)
        columns = ["scenario", "account", "code", "severity", "path", "message", "help", "source"]
        frame = pd.DataFrame(rows, columns=columns)
    else:
        raise ValueError(f"`by` is `{by}`; use `account` or `diagnostic`")
    if len(evaluations) == 1:
        frame = frame.drop(columns=["scenario"])
    return frame


def _account_columns() -> List[str]:
    from ._results import AccountResult

    return list(account_row(AccountResult("", "", "", "")).keys())


def _pyplot() -> Any:
    try:
        plt = importlib.import_module("matplotlib.pyplot")  # headless machines fall back to Agg
    except ImportError:
        raise ImportError("plot() needs matplotlib: pip install 'cosmos-backup[plot]'") from None
    return plt


def _kinds(results: Sequence["AccountResult"], kind: str) -> List[str]:
    have = {
        "policy": any(r.effective_policy is not None for r in results),
        "restore-window": any(r.restore_window is not None for r in results),
        "cost": any(r.cost is not None for r in results),
    }
    if kind == "auto":
        kinds = [k for k in _PLOT_KINDS if have[k]]
        if not kinds:
            raise ValueError("nothing to plot: no account has an effective policy, restore window or cost")
        return kinds
    if kind not in have:
        raise ValueError(f"`kind` is `{kind}`; use one of auto, {', '.join(_PLOT_KINDS)}")
    if not have[kind]:
        raise ValueError(f"nothing to plot for `{kind}`: no account has that data")
    return [kind]


def plot(results: Sequence["AccountResult"], kind: str, ax: Optional[Any]) -> Any:
    kinds = _kinds(results, kind)
    plt = _pyplot()
    if ax is not None:
        if len(kinds) != 1:
            raise ValueError("`ax` draws one kind: pass `kind='policy'`, `'restore-window'` or `'cost'`")
        fig = ax.figure
        axes = [ax]
    else:
        height = max(2.5, 0.35 * len(results) + 1.5)
        fig, grid = plt.subplots(1, len(kinds), figsize=(6 * len(kinds), height), squeeze=False)
        axes = list(grid[0])
    for k, a in zip(kinds, axes):
        {"policy": _plot_policy, "restore-window": _plot_window, "cost": _plot_cost}[k](a, results)
    fig.tight_layout()
    return fig


def _names(results: Sequence["AccountResult"]) -> List[str]:
    return [r.name for r in results]


def _plot_policy(ax: Any, results: Sequence["AccountResult"]) -> None:
    """Backup interval and retention per account, in hours (log scale: minutes to 30 days)."""
    names = _names(results)
    y = list(range(len(results)))
    retention: List[float] = []
    interval: List[float] = []
    colours = []
    for r in results:
        p = r.effective_policy
        hours = None
        if p is not None and p.backup_retention_interval_in_hours is not None:
            hours = float(p.backup_retention_interval_in_hours)
        elif p is not None and p.retention_days is not None:
            hours = float(p.retention_days) * 24.0
        retention.append(hours or 0.0)
        iv = p.backup_interval_in_minutes if p is not None else None
        interval.append(float(iv) / 60.0 if iv is not None else 0.0)
        colours.append(_TYPE_COLOUR.get(p.type if p else "", "#999999"))
    ax.barh(y, retention, color=colours, alpha=0.45, label="retention (h)")
    ax.barh(y, interval, color=colours, height=0.35, label="backup interval (h)")
    ax.set_yticks(y)
    ax.set_yticklabels(names)
    ax.invert_yaxis()
    if any(v > 0 for v in retention + interval):
        ax.set_xscale("log")
    ax.set_xlabel("hours")
    ax.set_title("effective backup policy (wide: retention, narrow: interval)")
    ax.legend(loc="best", fontsize="small")


def _plot_window(ax: Any, results: Sequence["AccountResult"]) -> None:
    """Each account's restore window as a bar on a time axis."""
    mdates = importlib.import_module("matplotlib.dates")

    with_window = [r for r in results if r.restore_window is not None]
    for i, r in enumerate(with_window):
        w = r.restore_window
        assert w is not None
        start = mdates.date2num(w.earliest)
        width = mdates.date2num(w.latest) - start
        colour = _TYPE_COLOUR.get(r.effective_policy.type if r.effective_policy else "", "#999999")
        ax.broken_barh([(start, max(width, 1e-3))], (i - 0.4, 0.8), color=colour)
    ax.set_yticks(range(len(with_window)))
    ax.set_yticklabels(_names(with_window))
    ax.invert_yaxis()
    ax.xaxis_date()
    ax.set_title("restore window (UTC)")
    ax.figure.autofmt_xdate()


def _plot_cost(ax: Any, results: Sequence["AccountResult"]) -> None:
    """Monthly backup cost per account (exact decimals, drawn as floats)."""
    with_cost = [r for r in results if r.cost is not None]
    values = [float(r.cost.monthly_total) if r.cost else 0.0 for r in with_cost]
    ax.barh(range(len(with_cost)), values, color="#9467bd")
    ax.set_yticks(range(len(with_cost)))
    ax.set_yticklabels(_names(with_cost))
    ax.invert_yaxis()
    currency = with_cost[0].cost.currency if with_cost and with_cost[0].cost else ""
    ax.set_xlabel(f"{currency} per month")
    ax.set_title("monthly backup cost")
