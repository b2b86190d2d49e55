"""Hand-written helpers of the restore results (the classes themselves are generated).

Each ``<Name>Mixin`` is a base of the generated class ``<Name>`` (see ``_results``).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING, Any, List, Optional, Tuple

from . import _notebook
from ._errors import ErrorDetails
from ._results import Rows, count

if TYPE_CHECKING:  # pragma: no cover
    from ._generated import AccountWindow, Diagnostic, NotRestored, Summary

__all__: List[str] = []


class RestoreWindowsMixin(Rows["AccountWindow"]):
    """Rows (one window per account), counts, pandas, a timeline plot and HTML."""

    if TYPE_CHECKING:
        results: Tuple[AccountWindow, ...]
        diagnostics: Tuple[Diagnostic, ...]

    @property
    def summary(self) -> "Summary":
        """Counts of the findings."""
        return count(self.diagnostics)

    @property
    def _rows(self) -> Tuple["AccountWindow", ...]:
        return self.results

    def to_pandas(self) -> Any:
        """One row per account and per region window: bounds as aware datetimes, restore points counted.

        Returns:
            pandas.DataFrame: Columns ``account``, ``region``, ``tier``, ``earliest``, ``latest``,
            ``restore_points``, ``restorable_until``.
        """
        return _notebook.windows_frame(self)  # type: ignore[arg-type]

    def plot(self, ax: Any = None) -> Any:
        """The restore windows as a timeline (one bar per account and region; restore points as ticks).

        Args:
            ax: A matplotlib ``Axes`` to draw into (optional).

        Returns:
            matplotlib.figure.Figure: The figure.

        Raises:
            ImportError: matplotlib is not installed (``pip install 'cosmos-backup[plot]'``).
            ValueError: No account has a restore window.
        """
        return _notebook.plot_windows(self, ax)  # type: ignore[arg-type]

    def _repr_html_(self) -> str:
        return _notebook.windows_html(self)  # type: ignore[arg-type]


class RestoreRequestCheckMixin:
    """A check is true when the request is valid; counts, errors and HTML."""

    if TYPE_CHECKING:
        valid: bool
        diagnostics: Tuple[Diagnostic, ...]

    @property
    def summary(self) -> "Summary":
        """Counts of the findings."""
        return count(self.diagnostics)

    def __bool__(self) -> bool:
        return self.valid

    def errors(self) -> List[ErrorDetails]:
        """The error-level findings as ``ErrorDetails`` dicts."""
        return [x.to_dict() for x in self.diagnostics if x.severity == "error"]

    def _repr_html_(self) -> str:
        return _notebook.diagnostics_html(self.diagnostics, f"restore request valid: {self.valid}")


class NotRestoredReportMixin(Rows["NotRestored"]):
    """Rows (the settings), ``items`` (the name the package used before the contract's
    ``not_restored``) and HTML."""

    if TYPE_CHECKING:
        not_restored: Tuple[NotRestored, ...]

    @property
    def items(self) -> Tuple["NotRestored", ...]:
        """Each setting a restore would not bring back (the same tuple as ``not_restored``)."""
        return self.not_restored

    @property
    def _rows(self) -> Tuple["NotRestored", ...]:
        return self.not_restored

    def _repr_html_(self) -> str:
        return _notebook.not_restored_html(self)  # type: ignore[arg-type]


class EventRestorePointsMixin:
    """HTML."""

    def _repr_html_(self) -> str:
        return _notebook.events_html(self)  # type: ignore[arg-type]


def _fence(lang: str, text: str) -> str:
    # A fence longer than any backtick run inside, so a command holding backticks stays intact.
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    ticks = "`" * max(3, longest + 1)
    return f"{ticks}{lang}\n{text}\n{ticks}"


def _utc(t: Any) -> str:
    return t.isoformat().replace("+00:00", "Z") if isinstance(t, datetime) else str(t)


class RestorePlanMixin:
    """A plan is true when it offers a restore; counts, and the plan as a Markdown runbook page."""

    if TYPE_CHECKING:
        accepted: bool
        mode: str
        source_account: Optional[str]
        restore_timestamp: Optional[datetime]
        timestamp_basis: Optional[str]
        deadline: Optional[datetime]
        target: Any
        steps: Tuple[Any, ...]
        bicep: Optional[str]
        support_request: Optional[str]
        cost: Any
        placeholders: Tuple[str, ...]
        diagnostics: Tuple[Diagnostic, ...]

    @property
    def summary(self) -> "Summary":
        """Counts of the findings."""
        return count(self.diagnostics)

    def __bool__(self) -> bool:
        return self.accepted

    def to_markdown(self) -> str:
        """The plan as a runbook page: the facts, each step with its commands, the findings.

        Returns:
            str: Markdown text.
        """
        lines = [f"# Restore plan: {self.source_account or 'unknown source'}", ""]
        lines.append(f"- **Offered:** {'yes' if self.accepted else 'no (see the findings)'}")
        lines.append(f"- **Mode:** {self.mode}")
        t = self.target
        if t is not None:
            where = f" in {t.location}" if t.location else ""
            lines.append(f"- **Target:** `{t.account_name}` (resource group `{t.resource_group}`){where}")
        if self.restore_timestamp is not None:
            lines.append(f"- **Restore to:** {_utc(self.restore_timestamp)} ({self.timestamp_basis})")
        if self.deadline is not None:
            lines.append(f"- **Deadline:** {_utc(self.deadline)} (the snapshot rolls over after it)")
        if self.cost is not None:
            lines.append(f"- **One restore costs:** {self.cost.per_restore} {self.cost.currency}")
        if self.placeholders:
            lines.append("- **Fill before running:** " + ", ".join(f"`{p}`" for p in self.placeholders))
        for i, s in enumerate(self.steps, 1):
            lines += ["", f"## {i}. {s.title}", "", f"*{s.phase}* — {s.why} ({s.source})"]
            if s.closes:
                lines += ["", f"Closes checklist item `{s.closes}`."]
            if s.az:
                lines += ["", "Azure CLI:", "", _fence("bash", s.az)]
            if s.powershell:
                lines += ["", "PowerShell:", "", _fence("powershell", s.powershell)]
            if s.manual:
                lines += ["", f"By hand: {s.manual}"]
            if s.verify:
                lines += ["", f"Verify: {s.verify}"]
        if self.support_request:
            lines += ["", "## Support request", "", _fence("text", self.support_request)]
        if self.bicep:
            lines += ["", "## Bicep", "", _fence("bicep", self.bicep.rstrip("\n"))]
        if self.diagnostics:
            lines += ["", "## Findings", ""]
            lines += [f"- **{d.severity}** `{d.code}` at `{d.path}`: {d.message} — {d.help}" for d in self.diagnostics]
        return "\n".join(lines) + "\n"
