"""Hand-written helpers of the evaluation results (the classes themselves are generated).

``scripts/gen-python.py`` makes each ``<Name>Mixin`` here a base of the generated class ``<Name>``
in ``_generated.py``: the fields come from the contract, the behaviour (``summary``, ``valid``,
``errors()``, ``_repr_html_``, ``to_pandas``, ``plot``) from here. ``Fleet`` (the answers of
``evaluate_many``) is Python's own and is written here whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Iterator, List, Optional, Tuple, TypeVar, overload

from . import _notebook
from ._errors import ErrorDetails, LocationDetails

if TYPE_CHECKING:  # pragma: no cover
    from ._generated import AccountResult, Diagnostic, Evaluation, Location, Summary

__all__ = ["Fleet", "Rows", "count"]

T = TypeVar("T")


class Rows(Generic[T]):
    """``len()``, iteration and indexing over a result's rows: the tuple its ``_rows`` names."""

    @property
    def _rows(self) -> Tuple[T, ...]:
        raise NotImplementedError

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[T]:
        return iter(self._rows)

    def __getitem__(self, index: int) -> T:
        return self._rows[index]


def count(diagnostics: Tuple["Diagnostic", ...]) -> "Summary":
    """Counts of findings by severity (for answers that carry no ``summary``)."""
    from ._generated import Summary

    sev = [x.severity for x in diagnostics]
    return Summary(sev.count("error"), sev.count("warning"), sev.count("info"))


class LocationMixin:
    """``str(location)`` is ``file:line:column`` (``line:column`` without a file)."""

    if TYPE_CHECKING:
        file: Optional[str]
        line: int
        column: int

    def __str__(self) -> str:
        return f"{self.file + ':' if self.file else ''}{self.line}:{self.column}"


class DiagnosticMixin:
    """A finding as an ``ErrorDetails`` dict, and as one line of text."""

    if TYPE_CHECKING:
        code: str
        severity: str
        path: str
        message: str
        help: str
        source: str
        location: Optional[Location]

    def to_dict(self) -> ErrorDetails:
        """The finding as an ``ErrorDetails`` TypedDict."""
        e = ErrorDetails(
            code=self.code,
            severity=self.severity,  # type: ignore[typeddict-item]
            path=self.path,
            message=self.message,
            help=self.help,
            source=self.source,
        )
        if self.location is not None:
            e["location"] = LocationDetails(file=self.location.file, line=self.location.line, column=self.location.column)
        return e

    def __str__(self) -> str:
        where = f" ({self.location})" if self.location else ""
        return f"{self.severity} {self.code} at {self.path or '(document)'}{where}: {self.message}"


class SummaryMixin:
    """Summaries add up (``Fleet.summary``)."""

    if TYPE_CHECKING:
        errors: int
        warnings: int
        infos: int

    def __add__(self, other: "Summary") -> "Summary":
        from ._generated import Summary

        return Summary(self.errors + other.errors, self.warnings + other.warnings, self.infos + other.infos)


class AccountResultMixin:
    """An account's counts, validity and HTML table."""

    if TYPE_CHECKING:
        diagnostics: Tuple[Diagnostic, ...]

    @property
    def summary(self) -> "Summary":
        """Counts of this account's findings."""
        return count(self.diagnostics)

    @property
    def valid(self) -> bool:
        """True when no finding is an error."""
        return self.summary.errors == 0

    def _repr_html_(self) -> str:
        return _notebook.account_html(self)  # type: ignore[arg-type]


class EvaluationMixin(Rows["AccountResult"]):
    """Rows (the accounts), every finding, errors, a short repr, pandas, plots and HTML."""

    if TYPE_CHECKING:
        schema_version: str
        results: Tuple[AccountResult, ...]
        diagnostics: Tuple[Diagnostic, ...]
        summary: Summary

    @property
    def valid(self) -> bool:
        """True when no finding is an error."""
        return self.summary.errors == 0

    def all_diagnostics(self) -> List["Diagnostic"]:
        """Every finding: document-level first, then each account's."""
        return list(self.diagnostics) + [x for r in self.results for x in r.diagnostics]

    def errors(self) -> List[ErrorDetails]:
        """The error-level findings as ``ErrorDetails`` dicts (as ``CosmosBackupError.errors()``)."""
        return [x.to_dict() for x in self.all_diagnostics() if x.severity == "error"]

    def __repr__(self) -> str:
        s = self.summary
        names = ", ".join(repr(r.name) for r in self.results[:3]) + (", ..." if len(self.results) > 3 else "")
        return (
            f"Evaluation(accounts=[{names}], errors={s.errors}, warnings={s.warnings}, infos={s.infos}, "
            f"schema_version={self.schema_version!r})"
        )

    @property
    def _rows(self) -> Tuple["AccountResult", ...]:
        return self.results

    def to_pandas(self, by: str = "account") -> Any:
        """The evaluation as a ``pandas.DataFrame``.

        Args:
            by (str): ``"account"`` for one row per account (effective policy, counts, restore
                window, cost) or ``"diagnostic"`` for one row per finding.

        Returns:
            pandas.DataFrame: The table.

        Raises:
            ImportError: pandas is not installed (``pip install 'cosmos-backup[pandas]'``).
        """
        return _notebook.to_pandas([self], by)  # type: ignore[list-item]

    def plot(self, kind: str = "auto", ax: Any = None) -> Any:
        """Plots the evaluation with matplotlib and returns the figure.

        Args:
            kind (str): ``"policy"`` (interval and retention per account), ``"restore-window"``
                (timeline of each account's restore window), ``"cost"`` (monthly cost per
                account), or ``"auto"`` for every kind the results have data for.
            ax: A matplotlib ``Axes`` to draw a single kind into (optional).

        Returns:
            matplotlib.figure.Figure: The figure.

        Raises:
            ImportError: matplotlib is not installed (``pip install 'cosmos-backup[plot]'``).
            ValueError: ``kind`` is unknown, or the results have no data for it.
        """
        return _notebook.plot(list(self.results), kind, ax)

    def _repr_html_(self) -> str:
        return _notebook.evaluation_html([self])  # type: ignore[list-item]


class ValidationMixin:
    """A validation is true when valid; its errors; HTML."""

    if TYPE_CHECKING:
        valid: bool
        diagnostics: Tuple[Diagnostic, ...]

    def __bool__(self) -> bool:
        return self.valid

    def errors(self) -> List[ErrorDetails]:
        """The error-level findings as ``ErrorDetails`` dicts."""
        return [x.to_dict() for x in self.diagnostics if x.severity == "error"]

    def _repr_html_(self) -> str:
        return _notebook.diagnostics_html(self.diagnostics, f"valid: {self.valid}")


@dataclass(frozen=True)
class Fleet:
    """The answers of ``evaluate_many``: one ``Evaluation`` per scenario, in order."""

    evaluations: Tuple["Evaluation", ...]

    @property
    def results(self) -> Tuple["AccountResult", ...]:
        """Every account of every scenario, in order."""
        return tuple(r for e in self.evaluations for r in e.results)

    @property
    def summary(self) -> "Summary":
        """Counts over every finding of every scenario (the sum of their ``summary``)."""
        total = count(())
        for e in self.evaluations:
            total = total + e.summary
        return total

    @property
    def valid(self) -> bool:
        """True when no scenario has an error-level finding."""
        return self.summary.errors == 0

    def __len__(self) -> int:
        return len(self.evaluations)

    def __iter__(self) -> Iterator["Evaluation"]:
        return iter(self.evaluations)

    @overload
    def __getitem__(self, index: int) -> "Evaluation": ...
    @overload
    def __getitem__(self, index: slice) -> Tuple["Evaluation", ...]: ...
    def __getitem__(self, index: Any) -> Any:
        return self.evaluations[index]

    def __repr__(self) -> str:
        s = self.summary
        return (
            f"Fleet(scenarios={len(self.evaluations)}, accounts={len(self.results)}, "
            f"errors={s.errors}, warnings={s.warnings}, infos={s.infos})"
        )

    def to_pandas(self, by: str = "account") -> Any:
        """Like ``Evaluation.to_pandas``, over every scenario (adds a ``scenario`` index column)."""
        return _notebook.to_pandas(list(self.evaluations), by)

    def plot(self, kind: str = "auto", ax: Any = None) -> Any:
        """Like ``Evaluation.plot``, over every account of every scenario."""
        return _notebook.plot(list(self.results), kind, ax)

    def _repr_html_(self) -> str:
        return _notebook.evaluation_html(list(self.evaluations))
