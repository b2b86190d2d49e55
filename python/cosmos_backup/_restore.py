"""Result classes of the restore operations: windows, restore points, requests, events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Dict, List, Mapping, Optional, Tuple

from . import _notebook
from ._convert import parse_time
from ._errors import ErrorDetails
from ._results import Rows, Diagnostic, NotRestored, RestoreWindow, Summary, _raw, count, diagnostics_of

__all__ = ["AccountWindow", "RestoreWindows", "RestoreRequestCheck", "NotRestoredReport", "EventRestorePoint", "EventRestorePoints"]


@dataclass(frozen=True)
class AccountWindow:
    """One account's restore window.

    Attributes:
        name (str): The account name.
        path (str): JSON Pointer to the account in the document.
        restore_window (RestoreWindow | None): The window, or None when it cannot be known.
    """

    name: str
    path: str
    restore_window: Optional[RestoreWindow] = None

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "AccountWindow":
        w = d.get("restoreWindow")
        return cls(str(d.get("name", "")), str(d.get("path", "")), RestoreWindow.from_dict(w) if w else None)


@dataclass(frozen=True)
class RestoreWindows(Rows[AccountWindow]):
    """The answer to ``restore_window`` and ``restore_points``: one window per account.

    Attributes:
        results (tuple[AccountWindow, ...]): One per account, in document order.
        diagnostics (tuple[Diagnostic, ...]): Every finding (why a bound is where it is, input problems).
    """

    results: Tuple[AccountWindow, ...]
    diagnostics: Tuple[Diagnostic, ...] = ()
    raw: Dict[str, Any] = _raw()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "RestoreWindows":
        return cls(tuple(AccountWindow.from_dict(r) for r in d.get("results", ())), diagnostics_of(d), dict(d))

    @property
    def summary(self) -> Summary:
        """Counts of the findings."""
        return count(self.diagnostics)

    @property
    def _rows(self) -> Tuple[AccountWindow, ...]:
        return self.results

    def to_pandas(self) -> Any:
        """One row per account and per region window: bounds as aware datetimes, restore points counted.

        Returns:
            pandas.DataFrame: Columns ``account``, ``region``, ``tier``, ``earliest``, ``latest``,
            ``restore_points``, ``restorable_until``.
        """
        return _notebook.windows_frame(self)

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
        return _notebook.plot_windows(self, ax)

    def _repr_html_(self) -> str:
        return _notebook.windows_html(self)


@dataclass(frozen=True)
class RestoreRequestCheck:
    """The answer to ``check_restore_request``: is the restore request valid, and every finding.

    Attributes:
        valid (bool): True when no finding is an error.
        diagnostics (tuple[Diagnostic, ...]): Every finding.
    """

    valid: bool
    diagnostics: Tuple[Diagnostic, ...] = ()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "RestoreRequestCheck":
        return cls(bool(d.get("valid")), diagnostics_of(d))

    @property
    def summary(self) -> Summary:
        """Counts of the findings."""
        return count(self.diagnostics)

    def __bool__(self) -> bool:
        return self.valid

    def errors(self) -> List[ErrorDetails]:
        """The error-level findings as ``ErrorDetails`` dicts."""
        return [x.to_dict() for x in self.diagnostics if x.severity == "error"]

    def _repr_html_(self) -> str:
        return _notebook.diagnostics_html(self.diagnostics, f"restore request valid: {self.valid}")


@dataclass(frozen=True)
class NotRestoredReport(Rows[NotRestored]):
    """One account's part of ``not_restored``: what a restore of it would not bring back.

    Attributes:
        name (str): The account name.
        path (str): JSON Pointer to the account in the document.
        items (tuple[NotRestored, ...]): Each setting, why, and its current value when known.
    """

    name: str
    path: str
    items: Tuple[NotRestored, ...] = ()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "NotRestoredReport":
        return cls(str(d.get("name", "")), str(d.get("path", "")), tuple(NotRestored.from_dict(x) for x in d.get("notRestored", ())))

    @property
    def _rows(self) -> Tuple[NotRestored, ...]:
        return self.items

    def _repr_html_(self) -> str:
        return _notebook.not_restored_html(self)


@dataclass(frozen=True)
class EventRestorePoint:
    """The restore point before one create/replace/delete event.

    Attributes:
        kind (str): ``database``, ``container``, ... .
        name (str): The resource's name.
        operation (str): ``Create``, ``Replace``, ``Delete``, ... .
        event_timestamp (datetime): When the event happened.
        restore_timestamp (datetime): The latest instant to restore to, before the event.
        can_undelete (bool): True when the deleted resource can be restored in place.
        can_undelete_reason (str | None): Why not, when it cannot.
        in_window (bool | None): Whether the restore point is inside the restore window.
        path (str): JSON Pointer of the event in the document.
    """

    kind: str
    name: str
    operation: str
    event_timestamp: datetime
    restore_timestamp: datetime
    can_undelete: bool
    can_undelete_reason: Optional[str] = None
    in_window: Optional[bool] = None
    path: str = ""

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "EventRestorePoint":
        return cls(
            kind=str(d.get("kind", "")),
            name=str(d.get("name", "")),
            operation=str(d.get("operation", "")),
            event_timestamp=parse_time(str(d.get("eventTimestamp", ""))),
            restore_timestamp=parse_time(str(d.get("restoreTimestamp", ""))),
            can_undelete=bool(d.get("canUndelete")),
            can_undelete_reason=d.get("canUndeleteReason"),
            in_window=d.get("inWindow"),
            path=str(d.get("path", "")),
        )


@dataclass(frozen=True)
class EventRestorePoints:
    """The answer to ``latest_restorable_before_event``.

    Attributes:
        answer (EventRestorePoint | None): The latest restore point matching ``resource`` and
            ``operation`` (or the latest overall), or None.
        events (tuple[EventRestorePoint, ...]): Every restore point before a delete or replace,
            oldest first.
        diagnostics (tuple[Diagnostic, ...]): Every finding.
    """

    answer: Optional[EventRestorePoint]
    events: Tuple[EventRestorePoint, ...] = ()
    diagnostics: Tuple[Diagnostic, ...] = ()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "EventRestorePoints":
        a = d.get("answer")
        return cls(
            EventRestorePoint.from_dict(a) if a else None,
            tuple(EventRestorePoint.from_dict(x) for x in d.get("events", ())),
            diagnostics_of(d),
        )

    def _repr_html_(self) -> str:
        return _notebook.events_html(self)
