"""Hand-written helpers of the restore results (the classes themselves are generated).

Each ``<Name>Mixin`` is a base of the generated class ``<Name>`` (see ``_results``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, List, Tuple

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
