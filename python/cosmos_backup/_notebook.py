"""Notebook helpers: HTML tables, pandas frames and matplotlib figures of results.

Presentation only: every number shown comes from the engine's answer; nothing is computed here
beyond unit conversion for a shared axis. pandas and matplotlib are optional extras, imported on use.
"""

from __future__ import annotations

import html
import importlib
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence

if TYPE_CHECKING:  # pragma: no cover
    from ._generated import (
        AccountResult,
        Diagnostic,
        Evaluation,
        EventRestorePoints,
        FleetPricing,
        LeastPrivilegeReport,
        NotRestoredReport,
        PermissionCheck,
        PriceSheet,
        Pricing,
        Projection,
        RestoreWindow,
        RestoreWindows,
        WhatIf,
    )

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
    from ._generated import AccountResult

    return list(account_row(AccountResult("", "", "", "", (), ())).keys())


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


# ---------------------------------------------------------------- restore, permissions, pricing


def _t(v: Any) -> str:
    return "" if v is None else _e(f"{v:%Y-%m-%d %H:%M:%S}")


def _window_rows(results: Sequence[Any]) -> List[Dict[str, Any]]:
    rows: List[Dict[str, Any]] = []
    for r in results:
        w = r.restore_window
        if w is None:
            rows.append({"account": r.name, "region": None, "window": None})
            continue
        rows.append({"account": r.name, "region": w.region, "window": w})
        rows.extend({"account": r.name, "region": x.region, "window": x} for x in w.regions)
    return rows


def windows_frame(answer: "RestoreWindows") -> Any:
    pd = _pandas()
    rows = []
    for x in _window_rows(answer.results):
        w = x["window"]
        rows.append({
            "account": x["account"],
            "region": x["region"],
            "tier": w.tier if w else None,
            "earliest": w.earliest if w else None,
            "latest": w.latest if w else None,
            "restore_points": len(w.restore_points) if w else 0,
            "restorable_until": w.restorable_until if w else None,
        })
    frame = pd.DataFrame(rows, columns=["account", "region", "tier", "earliest", "latest", "restore_points", "restorable_until"])
    for c in ("earliest", "latest", "restorable_until"):
        frame[c] = pd.to_datetime(frame[c], utc=True)
    return frame


def windows_html(answer: "RestoreWindows") -> str:
    rows = []
    for x in _window_rows(answer.results):
        w = x["window"]
        if w is None:
            rows.append([_e(x["account"]), "", "<i>unknown</i>", "", "", ""])
            continue
        rows.append([_e(x["account"]), _e(x["region"] or ""), _e(w.tier), _t(w.earliest), _t(w.latest), str(len(w.restore_points))])
    out = _table(["account", "region", "tier", "earliest (UTC)", "latest (UTC)", "restore points"], rows)
    return out + (diagnostics_html(answer.diagnostics, "findings") if answer.diagnostics else "")


def plot_windows(answer: "RestoreWindows", ax: Optional[Any]) -> Any:
    rows = [x for x in _window_rows(answer.results) if x["window"] is not None]
    if not rows:
        raise ValueError("nothing to plot: no account has a restore window")
    plt = _pyplot()
    mdates = importlib.import_module("matplotlib.dates")
    if ax is None:
        fig, ax = plt.subplots(figsize=(9, max(2.5, 0.45 * len(rows) + 1.5)))
    fig = ax.figure
    labels = []
    for i, x in enumerate(rows):
        w: "RestoreWindow" = x["window"]
        start = mdates.date2num(w.earliest)
        width = mdates.date2num(w.latest) - start
        colour = "#2ca02c" if (w.tier or "").startswith("Continuous") else "#1f77b4"
        ax.broken_barh([(start, max(width, 1e-3))], (i - 0.35, 0.7), color=colour, alpha=0.8)
        if w.restore_points:
            ax.plot([mdates.date2num(t) for t in w.restore_points], [i] * len(w.restore_points), "|", color="black", markersize=14)
        labels.append(f"{x['account']} · {x['region']}" if x["region"] else x["account"])
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels(labels)
    ax.invert_yaxis()
    ax.xaxis_date()
    ax.set_title("restore window (UTC)")
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig


def not_restored_html(report: "NotRestoredReport") -> str:
    rows = [[f"<code>{_e(n.setting)}</code>", _e(n.reason), f"<code>{_e(n.current)}</code>" if n.current is not None else ""] for n in report.items]
    return f"<p><b>{_e(report.name)}</b>: {len(rows)} setting(s) not restored</p>" + _table(["setting", "reason", "current value"], rows)


def events_html(answer: "EventRestorePoints") -> str:
    rows = [
        [_e(e.kind), _e(e.name), _e(e.operation), _t(e.event_timestamp), _t(e.restore_timestamp), _e(e.can_undelete), _e(e.in_window)]
        for e in answer.events
    ]
    a = answer.answer
    head = f"<p><b>restore to {_t(a.restore_timestamp)} UTC</b> ({_e(a.kind)} <code>{_e(a.name)}</code> {_e(a.operation)})</p>" if a else "<p>no matching event</p>"
    return head + _table(["kind", "name", "operation", "event (UTC)", "restore to (UTC)", "can undelete", "in window"], rows)


def permissions_html(check: "PermissionCheck") -> str:
    rows = []
    for a in check.answers:
        s = a.suggestion
        rows.append([
            _e(a.ask), f"<code>{_e(a.principal_id)}</code>", "yes" if a.allowed else "<b>no</b>",
            _e(", ".join(a.missing)), _e(", ".join(g.role for g in a.granted_by)), _e(f"{s.role} at {s.scope}" if s else ""),
        ])
    out = _table(["question", "principal", "allowed", "missing", "granted by", "suggestion"], rows)
    return out + (diagnostics_html(check.diagnostics, "findings") if check.diagnostics else "")


def least_privilege_html(report: "LeastPrivilegeReport") -> str:
    rows = [[f"<code>{_e(a.principal_id)}</code>", _e(a.role), f"<code>{_e(a.scope)}</code>", "yes" if a.least_privilege else "<b>no</b>", str(a.beyond_restore_count)] for a in report.assignments]
    out = _table(["principal", "role", "scope", "least privilege", "actions beyond restore"], rows)
    return out + (diagnostics_html(report.diagnostics, "findings") if report.diagnostics else "")


def _money_text(amount: Any, currency: Any) -> str:
    return "" if amount is None else _e(f"{amount} {currency or ''}".strip())


def pricing_frame(pricing: "Pricing", by: str) -> Any:
    pd = _pandas()
    if by == "account":
        rows = [{
            "account": r.name, "path": r.path, "kind": r.kind,
            "currency": r.cost.currency if r.cost else None,
            "monthly_total": r.cost.monthly_total if r.cost else None,
            "per_restore": r.cost.per_restore if r.cost else None,
        } for r in pricing.results]
        return pd.DataFrame(rows, columns=["account", "path", "kind", "currency", "monthly_total", "per_restore"])
    if by == "line":
        rows = [dict(account=r.name, **_line_row(x)) for r in pricing.results if r.cost for x in r.cost.lines]
        return pd.DataFrame(rows, columns=["account"] + _LINE_COLUMNS)
    raise ValueError(f"`by` is `{by}`; use `account` or `line`")


_LINE_COLUMNS = ["kind", "region", "quantity", "unit", "unit_price", "amount", "currency", "meter", "source"]


def _line_row(x: Any) -> Dict[str, Any]:
    return {c: getattr(x, c) for c in _LINE_COLUMNS}


def pricing_html(pricing: "Pricing") -> str:
    rows = [[_e(r.name), _e(r.kind), _money_text(r.cost.monthly_total, r.cost.currency) if r.cost else "<i>not priced</i>",
             _money_text(r.cost.per_restore, r.cost.currency) if r.cost else ""] for r in pricing.results]
    out = _table(["account", "kind", "per month", "per restore"], rows)
    every = list(pricing.diagnostics) + [d for r in pricing.results for d in r.diagnostics]
    return out + (diagnostics_html(every, "findings") if every else "")


def projection_frame(p: "Projection") -> Any:
    pd = _pandas()
    rows = [{
        "month": m.month, "data_size_gb": m.data_size_gb, "regions": ", ".join(m.regions),
        "monthly_total": m.monthly_total, "per_restore": m.per_restore, "currency": p.currency,
    } for m in p.months]
    return pd.DataFrame(rows, columns=["month", "data_size_gb", "regions", "monthly_total", "per_restore", "currency"])


def projection_html(p: "Projection") -> str:
    head = f"<p><b>{_e(p.name)}</b>: {len(p.months)} month(s), total {_money_text(p.total, p.currency)}</p>"
    rows = [[str(m.month), _e(m.data_size_gb), _e(", ".join(m.regions)), _money_text(m.monthly_total, p.currency), _money_text(m.per_restore, p.currency)] for m in p.months]
    out = head + _table(["month", "data (GB)", "regions", "per month", "per restore"], rows)
    return out + (diagnostics_html(p.diagnostics, "findings") if p.diagnostics else "")


def plot_projection(p: "Projection", ax: Optional[Any]) -> Any:
    if not p.months:
        raise ValueError("nothing to plot: the projection has no months (see `diagnostics`)")
    plt = _pyplot()
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 4))
    fig = ax.figure
    x = [m.month for m in p.months]
    ax.plot(x, [float(m.monthly_total) for m in p.months], marker="o", color="#9467bd", label="monthly cost")
    ax.plot(x, [float(m.per_restore) for m in p.months], marker=".", linestyle="--", color="#8c564b", label="one restore")
    ax.set_xlabel("month")
    ax.set_ylabel(p.currency or "")
    ax.set_xticks(x if len(x) <= 24 else x[:: max(1, len(x) // 12)])
    ax.set_ylim(bottom=0)
    ax.set_title(f"projected monthly backup cost: {p.name or ''}".rstrip(": "))
    ax.grid(True, alpha=0.3)
    ax.legend(loc="upper left", fontsize="small")
    fig.tight_layout()
    return fig


_WHAT_IF_COLUMNS = [
    "label", "policy_type", "tier", "backup_interval_in_minutes", "backup_retention_interval_in_hours",
    "backup_storage_redundancy", "window_hours", "window_days", "restore_point_every_minutes", "restore",
    "current", "available", "reason", "meets_window", "monthly_total", "per_restore", "complete", "cheapest", "currency",
]


def what_if_frame(w: "WhatIf") -> Any:
    pd = _pandas()
    rows = [{
        "label": o.label, "policy_type": o.policy.type, "tier": o.policy.tier,
        "backup_interval_in_minutes": o.policy.backup_interval_in_minutes,
        "backup_retention_interval_in_hours": o.policy.backup_retention_interval_in_hours,
        "backup_storage_redundancy": o.policy.backup_storage_redundancy,
        "window_hours": o.window_hours, "window_days": o.window_days,
        "restore_point_every_minutes": o.restore_point_every_minutes, "restore": o.restore,
        "current": o.current, "available": o.available, "reason": o.reason, "meets_window": o.meets_window,
        "monthly_total": o.monthly_total, "per_restore": o.per_restore, "complete": o.complete,
        "cheapest": o.label == w.cheapest, "currency": w.currency,
    } for o in w.options]
    frame = pd.DataFrame(rows, columns=_WHAT_IF_COLUMNS)
    for c in ("backup_interval_in_minutes", "backup_retention_interval_in_hours", "restore_point_every_minutes"):
        frame[c] = frame[c].astype("Int64")
    frame["meets_window"] = frame["meets_window"].astype("boolean")
    return frame


def what_if_html(w: "WhatIf") -> str:
    need = f", window needed: {w.required_window_days} days" if w.required_window_days is not None else ""
    head = f"<p><b>{_e(w.name)}</b>: {len(w.options)} option(s){_e(need)}; cheapest: <b>{_e(w.cheapest or 'none')}</b></p>"
    rows = []
    for o in w.options:
        label = f"<b>{_e(o.label)}</b>" if o.label == w.cheapest else _e(o.label)
        rows.append([
            label + (" (current)" if o.current else ""), _e(o.window_days), _e(o.restore),
            "" if o.meets_window is None else ("yes" if o.meets_window else "no"),
            "yes" if o.available else _e(f"no: {o.reason or ''}"),
            _money_text(o.monthly_total, w.currency), _money_text(o.per_restore, w.currency),
        ])
    out = head + _table(["option", "window (days)", "restore", "meets window", "available", "per month", "per restore"], rows)
    return out + (diagnostics_html(w.diagnostics, "findings") if w.diagnostics else "")


def plot_what_if(w: "WhatIf", ax: Optional[Any]) -> Any:
    if not w.options:
        raise ValueError("nothing to plot: the what-if has no options (see `diagnostics`)")
    plt = _pyplot()
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 5))
    fig = ax.figure
    for o in w.options:
        colour = _TYPE_COLOUR.get(o.policy.type, "#999999")
        x, y = float(o.window_days), float(o.monthly_total)
        ax.scatter([x], [y], color=colour, alpha=1.0 if o.available else 0.3, s=40, zorder=3,
                   marker="o" if o.available else "x")
        ax.annotate(o.label, (x, y), textcoords="offset points", xytext=(4, 4), fontsize="x-small")
        if o.label == w.cheapest:
            ax.scatter([x], [y], s=220, facecolors="none", edgecolors="#d62728", linewidths=2, zorder=4, label=f"cheapest: {o.label}")
    if w.required_window_days is not None:
        ax.axvline(float(w.required_window_days), color="#d62728", linestyle="--", linewidth=1,
                   label=f"required window: {w.required_window_days} days")
    for t, c in _TYPE_COLOUR.items():
        ax.scatter([], [], color=c, label=t)
    ax.set_xscale("symlog", linthresh=1)
    ax.set_xlabel("restore window (days)")
    ax.set_ylabel(f"{w.currency or ''} per month".strip())
    ax.set_title(f"what-if: monthly cost vs restore window: {w.name or ''}".rstrip(": "))
    ax.grid(True, alpha=0.3)
    ax.legend(loc="best", fontsize="small")
    fig.tight_layout()
    return fig


_FLEET_COLUMNS = ["row", "scenario", "account", "path", "kind", "currency", "accounts", "monthly_total", "per_restore", "complete", "errors", "warnings"]


def fleet_pricing_frame(f: "FleetPricing", totals: bool) -> Any:
    pd = _pandas()
    rows: List[Dict[str, Any]] = []
    for a in f.accounts:
        sev = [d.severity for d in a.diagnostics]
        rows.append({
            "row": "account", "scenario": a.scenario, "account": a.name, "path": a.path, "kind": a.kind,
            "currency": a.currency, "accounts": 1, "monthly_total": a.monthly_total, "per_restore": a.per_restore,
            "complete": a.complete, "errors": sev.count("error"), "warnings": sev.count("warning"),
        })
    if totals:
        for t in f.totals:
            rows.append({
                "row": "total", "scenario": None, "account": None, "path": None, "kind": None,
                "currency": t.currency, "accounts": t.accounts, "monthly_total": t.monthly_total,
                "per_restore": None, "complete": None, "errors": None, "warnings": None,
            })
    frame = pd.DataFrame(rows, columns=_FLEET_COLUMNS)
    for c in ("scenario", "accounts", "errors", "warnings"):
        frame[c] = frame[c].astype("Int64")
    frame["complete"] = frame["complete"].astype("boolean")
    return frame


def fleet_pricing_html(f: "FleetPricing") -> str:
    totals = "; ".join(f"{t.monthly_total} {t.currency}/month over {t.accounts} account(s)" for t in f.totals) or "nothing priced"
    head = f"<p><b>{len(f.accounts)} account(s)</b> · {_e(totals)} · {f.unpriced} unpriced</p>"
    rows = [[str(a.scenario), _e(a.name), _e(a.kind), _money_text(a.monthly_total, a.currency) or "<i>not priced</i>",
             _money_text(a.per_restore, a.currency), "yes" if a.complete else "no"] for a in f.accounts]
    out = head + _table(["scenario", "account", "kind", "per month", "per restore", "complete"], rows)
    every = list(f.diagnostics) + [d for a in f.accounts for d in a.diagnostics]
    return out + (diagnostics_html(every, "findings") if every else "")


def price_sheet_frame(sheet: "PriceSheet") -> Any:
    pd = _pandas()
    cols = ["region", "meter", "meter_name", "unit_of_measure", "unit_price", "currency", "effective_date", "source", "note"]
    return pd.DataFrame([{c: getattr(p, c) for c in cols} for p in sheet.prices], columns=cols)


def price_sheet_html(sheet: "PriceSheet") -> str:
    head = f"<p><b>{_e(sheet.name)}</b> · {len(sheet.prices)} price(s) · {_e(sheet.rounding)}</p>"
    rows = [[_e(p.region), _e(p.meter), _e(p.meter_name), _e(p.unit_price), _e(p.unit_of_measure), _e(p.effective_date)] for p in sheet.prices]
    return head + _table(["region", "meter", "meter name", "unit price", "unit", "effective"], rows)
