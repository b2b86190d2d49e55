"""Small immutable result classes wrapping the engine's JSON answers.

Each class keeps the answer it was built from in ``raw`` (a dict, not part of equality or repr), so
fields the engine adds before this package wraps them are still reachable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, Dict, Generic, Iterator, List, Mapping, Optional, Tuple, TypeVar, overload

from . import _notebook
from ._convert import money, parse_time
from ._errors import ErrorDetails, LocationDetails, _details

__all__ = [
    "Location",
    "Diagnostic",
    "Summary",
    "EffectivePolicy",
    "Basis",
    "RestoreWindow",
    "NotRestored",
    "CostLine",
    "Cost",
    "AccountResult",
    "Evaluation",
    "Fleet",
    "Validation",
    "FoundObject",
    "Rule",
    "Position",
]


def _raw() -> Any:
    return field(default_factory=dict, repr=False, compare=False, hash=False)


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


@dataclass(frozen=True)
class Location:
    """Where a finding is in the text you wrote: its file (when named), 1-based line and column."""

    line: int
    column: int
    file: Optional[str] = None

    def __str__(self) -> str:
        return f"{self.file + ':' if self.file else ''}{self.line}:{self.column}"


@dataclass(frozen=True)
class Diagnostic:
    """One finding.

    Attributes:
        code (str): Stable slug, e.g. ``periodic.interval-below-minimum``.
        severity (str): ``"error"``, ``"warning"`` or ``"info"``.
        path (str): JSON Pointer into the document you gave.
        message (str): One line naming the field and your value.
        help (str): What to do about it.
        source (str): The document and section that state the rule.
        location (Location | None): Where it is in the text you wrote (Bicep, Terraform, JSON
            text, ``{"format", "text"}`` source objects); ``None`` for plain values.
    """

    code: str
    severity: str
    path: str
    message: str
    help: str
    source: str
    location: Optional[Location] = None

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Diagnostic":
        e = _details(d)
        loc = e.get("location")
        location = Location(loc["line"], loc["column"], loc["file"]) if loc else None
        return cls(e["code"], e["severity"], e["path"], e["message"], e["help"], e["source"], location)

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


@dataclass(frozen=True)
class Summary:
    """Counts of findings by severity."""

    errors: int = 0
    warnings: int = 0
    infos: int = 0

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Summary":
        return cls(int(d.get("errors", 0)), int(d.get("warnings", 0)), int(d.get("infos", 0)))

    def __add__(self, other: "Summary") -> "Summary":
        return Summary(self.errors + other.errors, self.warnings + other.warnings, self.infos + other.infos)


@dataclass(frozen=True)
class EffectivePolicy:
    """The backup policy once service defaults fill what the document left out.

    Attributes:
        type (str): ``"Periodic"`` or ``"Continuous"``.
        backup_interval_in_minutes (int | None): Periodic: minutes between backups.
        backup_retention_interval_in_hours (int | None): Periodic: hours each backup is kept.
        backup_storage_redundancy (str | None): Periodic: ``"Geo"``, ``"Local"`` or ``"Zone"``.
        tier (str | None): Continuous: ``"Continuous7Days"``, ``"Continuous30Days"`` or
            ``"Continuous35Days"`` (2026-04-01-preview).
        retention_days (int | None): Continuous: days of point-in-time restore.
        migration_status (str | None): ``migrationState.status``, when given.
        defaulted (tuple[str, ...]): Fields whose value is a service default.
        unresolved (tuple[str, ...]): Fields that could not be read.
    """

    type: str
    backup_interval_in_minutes: Optional[int] = None
    backup_retention_interval_in_hours: Optional[int] = None
    backup_storage_redundancy: Optional[str] = None
    tier: Optional[str] = None
    retention_days: Optional[int] = None
    migration_status: Optional[str] = None
    defaulted: Tuple[str, ...] = ()
    unresolved: Tuple[str, ...] = ()
    raw: Dict[str, Any] = _raw()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "EffectivePolicy":
        return cls(
            type=str(d.get("type", "")),
            backup_interval_in_minutes=d.get("backupIntervalInMinutes"),
            backup_retention_interval_in_hours=d.get("backupRetentionIntervalInHours"),
            backup_storage_redundancy=d.get("backupStorageRedundancy"),
            tier=d.get("tier"),
            retention_days=d.get("retentionDays"),
            migration_status=d.get("migrationStatus"),
            defaulted=tuple(d.get("defaulted", ())),
            unresolved=tuple(d.get("unresolved", ())),
            raw=dict(d),
        )


@dataclass(frozen=True)
class Basis:
    """Why one bound of a restore window is what it is.

    Attributes:
        bound (str): ``"earliest"``, ``"latest"`` or ``"restorableUntil"``.
        reason (str): A stable slug (``retention``, ``creation``, ``backup-lag``, ...).
        at (datetime): The instant of the bound (timezone-aware, UTC).
        source (str): The document that states the rule.
    """

    bound: str
    reason: str
    at: datetime
    source: str

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Basis":
        return cls(str(d.get("bound", "")), str(d.get("reason", "")), parse_time(str(d.get("at", ""))), str(d.get("source", "")))


@dataclass(frozen=True)
class RestoreWindow:
    """The instants a restore can target (timezone-aware, UTC).

    Attributes:
        earliest (datetime): Earliest restorable instant.
        latest (datetime): Latest restorable instant.
        tier (str | None): Where the window comes from (``Continuous7Days``, ``Periodic``, ...).
        region (str | None): The region the window applies to, for a per-region window.
        basis (tuple[Basis, ...]): Why each bound is what it is.
        regions (tuple[RestoreWindow, ...]): Continuous: one window per restorable region.
        restore_points (tuple[datetime, ...]): Periodic: the restorable snapshots, newest first.
        restorable_until (datetime | None): A deleted account: the last instant to start a restore.
        before_incident (datetime | None): Periodic with ``incident_time``: the last snapshot before it.
        restore_point_count (int | None): Periodic: how many snapshots the retention keeps (the
            ``restore_points`` list may be capped below it; the window is not).
        anchor (datetime | None): Periodic: the instant the snapshot schedule is counted from.
        anchor_basis (str | None): Where ``anchor`` comes from: ``"last-backup-time"`` (the
            scenario's ``lastBackupTime``), ``"account-creation"`` or ``"unix-epoch"`` (both assumed).
    """

    earliest: datetime
    latest: datetime
    tier: Optional[str] = None
    region: Optional[str] = None
    basis: Tuple[Basis, ...] = ()
    regions: Tuple["RestoreWindow", ...] = ()
    restore_points: Tuple[datetime, ...] = ()
    restorable_until: Optional[datetime] = None
    before_incident: Optional[datetime] = None
    restore_point_count: Optional[int] = None
    anchor: Optional[datetime] = None
    anchor_basis: Optional[str] = None
    raw: Dict[str, Any] = _raw()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "RestoreWindow":
        until, before, anchor = d.get("restorableUntil"), d.get("beforeIncident"), d.get("anchor")
        count = d.get("restorePointCount")
        return cls(
            earliest=parse_time(str(d.get("earliest", ""))),
            latest=parse_time(str(d.get("latest", ""))),
            tier=d.get("tier"),
            region=d.get("region"),
            basis=tuple(Basis.from_dict(b) for b in d.get("basis", ())),
            regions=tuple(RestoreWindow.from_dict(w) for w in d.get("regions", ())),
            restore_points=tuple(parse_time(str(t)) for t in d.get("restorePoints", ())),
            restorable_until=parse_time(str(until)) if until else None,
            before_incident=parse_time(str(before)) if before else None,
            restore_point_count=int(count) if count is not None else None,
            anchor=parse_time(str(anchor)) if anchor else None,
            anchor_basis=d.get("anchorBasis"),
            raw=dict(d),
        )


@dataclass(frozen=True)
class NotRestored:
    """One setting a restore does not bring back, why, and the document that says so.

    Attributes:
        setting (str): The setting (``ipRules``, ``consistencyPolicy``, ...).
        reason (str): Why it is not restored, and what to do.
        source (str): The document that says so.
        current (Any): The source account's value, when the document has it (to re-apply).
        path (str | None): JSON Pointer of that value in the document.
    """

    setting: str
    reason: str
    source: str
    current: Any = field(default=None, compare=False, hash=False)
    path: Optional[str] = None

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "NotRestored":
        return cls(str(d.get("setting", "")), str(d.get("reason", "")), str(d.get("source", "")), d.get("current"), d.get("path"))


@dataclass(frozen=True)
class CostLine:
    """One cost line: ``amount`` = ``quantity`` x ``unit_price``, rounded to the cent (by the engine).

    Attributes:
        kind (str): ``periodicBackupStorage``, ``continuousBackupStorage``, ``restore`` or
            ``postgresBackupStorage``.
        region (str): Region key (``westus``).
        quantity (Decimal): GB-months for storage, GB for restores.
        unit (str): ``GB-month``, ``GiB-month`` or ``GB``.
        unit_price (Decimal): Price per unit.
        amount (Decimal): The rounded amount.
        currency (str): Currency of ``unit_price`` and ``amount``.
        meter (str | None): The Azure meter name.
        source (str | None): Where the price comes from.
    """

    kind: str
    region: str
    quantity: Decimal
    unit: str
    unit_price: Decimal
    amount: Decimal
    currency: str
    meter: Optional[str] = None
    source: Optional[str] = None

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "CostLine":
        return cls(
            kind=str(d.get("kind", "")),
            region=str(d.get("region", "")),
            quantity=money(d.get("quantity")),
            unit=str(d.get("unit", "")),
            unit_price=money(d.get("unitPrice")),
            amount=money(d.get("amount")),
            currency=str(d.get("currency", "")),
            meter=d.get("meter"),
            source=d.get("source"),
        )


@dataclass(frozen=True)
class Cost:
    """Backup and restore cost. Amounts are exact ``Decimal``s in ``currency``.

    Attributes:
        currency (str): ISO currency code of every amount.
        monthly_total (Decimal): Backup storage per month plus the month's restores.
        per_restore (Decimal): The cost of one restore.
        lines (tuple[CostLine, ...]): The priced lines behind the totals.
        notes (tuple[str, ...]): How the figures were reached, and what was left out.
    """

    currency: str
    monthly_total: Decimal
    per_restore: Decimal
    lines: Tuple[CostLine, ...] = ()
    notes: Tuple[str, ...] = ()
    raw: Dict[str, Any] = _raw()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Cost":
        return cls(
            currency=str(d.get("currency", "")),
            monthly_total=money(d.get("monthlyTotal")),
            per_restore=money(d.get("perRestore")),
            lines=tuple(CostLine.from_dict(x) for x in d.get("lines", ())),
            notes=tuple(str(n) for n in d.get("notes", ())),
            raw=dict(d),
        )


@dataclass(frozen=True)
class AccountResult:
    """The answer for one account.

    Attributes:
        name (str): The account name.
        path (str): JSON Pointer to the account in the document.
        shape (str): How it was written (``armResource``, ``armTemplate``, ``azCli``, ...).
        api (str): The API it serves (``sql``, ``mongoDb``, ...).
        diagnostics (tuple[Diagnostic, ...]): Every finding, errors first.
        effective_policy (EffectivePolicy | None): The policy after service defaults.
        restore_window (RestoreWindow | None): The restore window, when known.
        not_restored (tuple[NotRestored, ...]): What a restore would not bring back.
        cost (Cost | None): Backup and restore cost, when usage was given.
    """

    name: str
    path: str
    shape: str
    api: str
    diagnostics: Tuple[Diagnostic, ...] = ()
    effective_policy: Optional[EffectivePolicy] = None
    restore_window: Optional[RestoreWindow] = None
    not_restored: Tuple[NotRestored, ...] = ()
    cost: Optional[Cost] = None
    raw: Dict[str, Any] = _raw()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "AccountResult":
        p, w, c = d.get("effectivePolicy"), d.get("restoreWindow"), d.get("cost")
        return cls(
            name=str(d.get("name", "")),
            path=str(d.get("path", "")),
            shape=str(d.get("shape", "")),
            api=str(d.get("api", "")),
            diagnostics=tuple(Diagnostic.from_dict(x) for x in d.get("diagnostics", ())),
            effective_policy=EffectivePolicy.from_dict(p) if p else None,
            restore_window=RestoreWindow.from_dict(w) if w else None,
            not_restored=tuple(NotRestored.from_dict(x) for x in d.get("notRestored", ())),
            cost=Cost.from_dict(c) if c else None,
            raw=dict(d),
        )

    @property
    def summary(self) -> Summary:
        """Counts of this account's findings."""
        sev = [x.severity for x in self.diagnostics]
        return Summary(sev.count("error"), sev.count("warning"), sev.count("info"))

    @property
    def valid(self) -> bool:
        """True when no finding is an error."""
        return self.summary.errors == 0

    def _repr_html_(self) -> str:
        return _notebook.account_html(self)


@dataclass(frozen=True)
class Evaluation(Rows[AccountResult]):
    """The answer to ``evaluate``: one result per account found, plus document-level findings.

    Attributes:
        schema_version (str): The engine's contract version.
        results (tuple[AccountResult, ...]): One per account, in document order.
        diagnostics (tuple[Diagnostic, ...]): Findings about the document as a whole.
        summary (Summary): Counts over every finding.
    """

    schema_version: str
    results: Tuple[AccountResult, ...]
    diagnostics: Tuple[Diagnostic, ...]
    summary: Summary
    raw: Dict[str, Any] = _raw()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Evaluation":
        return cls(
            schema_version=str(d.get("schemaVersion", "")),
            results=tuple(AccountResult.from_dict(r) for r in d.get("results", ())),
            diagnostics=tuple(Diagnostic.from_dict(x) for x in d.get("diagnostics", ())),
            summary=Summary.from_dict(d.get("summary", {})),
            raw=dict(d),
        )

    @property
    def valid(self) -> bool:
        """True when no finding is an error."""
        return self.summary.errors == 0

    def all_diagnostics(self) -> List[Diagnostic]:
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
    def _rows(self) -> Tuple[AccountResult, ...]:
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
        return _notebook.to_pandas([self], by)

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
        return _notebook.evaluation_html([self])


@dataclass(frozen=True)
class Fleet:
    """The answers of ``evaluate_many``: one ``Evaluation`` per scenario, in order."""

    evaluations: Tuple[Evaluation, ...]

    @property
    def results(self) -> Tuple[AccountResult, ...]:
        """Every account of every scenario, in order."""
        return tuple(r for e in self.evaluations for r in e.results)

    @property
    def summary(self) -> Summary:
        """Counts over every finding of every scenario."""
        total = Summary()
        for e in self.evaluations:
            total = total + e.summary
        return total

    @property
    def valid(self) -> bool:
        """True when no scenario has an error-level finding."""
        return self.summary.errors == 0

    def __len__(self) -> int:
        return len(self.evaluations)

    def __iter__(self) -> Iterator[Evaluation]:
        return iter(self.evaluations)

    @overload
    def __getitem__(self, index: int) -> Evaluation: ...
    @overload
    def __getitem__(self, index: slice) -> Tuple[Evaluation, ...]: ...
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


@dataclass(frozen=True)
class Validation:
    """The answer to ``validate`` / ``check``: a yes/no with every finding."""

    valid: bool
    summary: Summary
    diagnostics: Tuple[Diagnostic, ...]

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Validation":
        return cls(
            valid=bool(d.get("valid")),
            summary=Summary.from_dict(d.get("summary", {})),
            diagnostics=tuple(Diagnostic.from_dict(x) for x in d.get("diagnostics", ())),
        )

    def __bool__(self) -> bool:
        return self.valid

    def errors(self) -> List[ErrorDetails]:
        """The error-level findings as ``ErrorDetails`` dicts."""
        return [x.to_dict() for x in self.diagnostics if x.severity == "error"]

    def _repr_html_(self) -> str:
        return _notebook.diagnostics_html(self.diagnostics, f"valid: {self.valid}")


@dataclass(frozen=True)
class FoundObject:
    """An object ``read`` found: its kind, shape, JSON Pointer and name."""

    kind: str
    shape: str
    path: str
    name: Optional[str] = None

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "FoundObject":
        return cls(str(d.get("kind", "")), str(d.get("shape", "")), str(d.get("path", "")), d.get("name"))


@dataclass(frozen=True)
class Rule:
    """A catalogue entry: a diagnostic code, its severity, what it checks and its source."""

    code: str
    severity: str
    summary: str
    source: str

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Rule":
        return cls(str(d.get("code", "")), str(d.get("severity", "")), str(d.get("summary", "")), str(d.get("source", "")))


@dataclass(frozen=True)
class Position:
    """A 1-based line and column in JSON text."""

    line: int
    column: int


def diagnostics_of(d: Mapping[str, Any]) -> Tuple[Diagnostic, ...]:
    """The ``diagnostics`` list of an answer as ``Diagnostic``s."""
    return tuple(Diagnostic.from_dict(x) for x in d.get("diagnostics", ()))


def count(diagnostics: Tuple[Diagnostic, ...]) -> Summary:
    """Counts of findings by severity (for answers that carry no ``summary``)."""
    sev = [x.severity for x in diagnostics]
    return Summary(sev.count("error"), sev.count("warning"), sev.count("info"))
