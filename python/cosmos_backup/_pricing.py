"""Result classes of the pricing operations: prices, projections, what-ifs, fleets, the price sheet.

Every amount is an exact ``decimal.Decimal`` parsed from the engine's decimal strings; nothing is
priced, rounded or defaulted here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Dict, Mapping, Optional, Tuple

from . import _notebook
from ._convert import money, opt_money
from ._results import Rows, Cost, CostLine, Diagnostic, EffectivePolicy, Summary, _raw, count, diagnostics_of

__all__ = [
    "PriceResult",
    "Pricing",
    "ProjectedMonth",
    "Projection",
    "WhatIfOption",
    "WhatIf",
    "FleetAccount",
    "FleetTotal",
    "FleetPricing",
    "Price",
    "PriceSheet",
]


def _lines(d: Mapping[str, Any]) -> Tuple[CostLine, ...]:
    return tuple(CostLine.from_dict(x) for x in d.get("lines", ()))


@dataclass(frozen=True)
class PriceResult:
    """The cost of one account (or Cosmos DB for PostgreSQL cluster) of a priced scenario.

    Attributes:
        name (str): The account or cluster name.
        path (str): JSON Pointer to it in the document.
        kind (str): ``account`` or ``postgresCluster``.
        cost (Cost | None): The cost, or None when it cannot be priced (no usage, unknown policy).
        diagnostics (tuple[Diagnostic, ...]): Why not, and pricing notes.
    """

    name: str
    path: str
    kind: str
    cost: Optional[Cost] = None
    diagnostics: Tuple[Diagnostic, ...] = ()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "PriceResult":
        c = d.get("cost")
        return cls(str(d.get("name", "")), str(d.get("path", "")), str(d.get("kind", "")), Cost.from_dict(c) if c else None, diagnostics_of(d))


@dataclass(frozen=True)
class Pricing(Rows[PriceResult]):
    """The answer to ``price``: one result per account of the scenario.

    Attributes:
        results (tuple[PriceResult, ...]): One per account or cluster, in document order.
        diagnostics (tuple[Diagnostic, ...]): Findings about the scenario as a whole.
    """

    results: Tuple[PriceResult, ...]
    diagnostics: Tuple[Diagnostic, ...] = ()
    raw: Dict[str, Any] = _raw()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Pricing":
        return cls(tuple(PriceResult.from_dict(r) for r in d.get("results", ())), diagnostics_of(d), dict(d))

    @property
    def summary(self) -> Summary:
        """Counts over every finding (scenario-level and every result's)."""
        return count(self.diagnostics + tuple(x for r in self.results for x in r.diagnostics))

    @property
    def _rows(self) -> Tuple[PriceResult, ...]:
        return self.results

    def to_pandas(self, by: str = "account") -> Any:
        """The prices as a ``pandas.DataFrame`` (amounts stay exact ``Decimal``s).

        Args:
            by (str): ``"account"`` for one row per account (``monthly_total``, ``per_restore``),
                or ``"line"`` for one row per cost line.

        Returns:
            pandas.DataFrame: The table.

        Raises:
            ImportError: pandas is not installed (``pip install 'cosmos-backup[pandas]'``).
        """
        return _notebook.pricing_frame(self, by)

    def _repr_html_(self) -> str:
        return _notebook.pricing_html(self)


@dataclass(frozen=True)
class ProjectedMonth:
    """One month of a projection.

    Attributes:
        month (int): 1 for the scenario as given, then 2, 3, ... .
        data_size_gb (Decimal): The data size that month.
        regions (tuple[str, ...]): The regions billed that month.
        monthly_total (Decimal): The month's cost.
        per_restore (Decimal): The cost of one restore that month.
        lines (tuple[CostLine, ...]): The priced lines.
    """

    month: int
    data_size_gb: Decimal
    regions: Tuple[str, ...]
    monthly_total: Decimal
    per_restore: Decimal
    lines: Tuple[CostLine, ...] = ()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "ProjectedMonth":
        return cls(
            int(d.get("month", 0)),
            money(d.get("dataSizeGb")),
            tuple(str(r) for r in d.get("regions", ())),
            money(d.get("monthlyTotal")),
            money(d.get("perRestore")),
            _lines(d),
        )


@dataclass(frozen=True)
class Projection(Rows[ProjectedMonth]):
    """The answer to ``project``: the monthly cost of the scenario's first account over the months.

    Attributes:
        name (str | None): The account name.
        currency (str | None): Currency of every amount.
        months (tuple[ProjectedMonth, ...]): One per month, in order.
        total (Decimal | None): The sum over every month.
        diagnostics (tuple[Diagnostic, ...]): Every finding.
    """

    name: Optional[str]
    currency: Optional[str]
    months: Tuple[ProjectedMonth, ...]
    total: Optional[Decimal] = None
    diagnostics: Tuple[Diagnostic, ...] = ()
    raw: Dict[str, Any] = _raw()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Projection":
        return cls(
            d.get("name"),
            d.get("currency"),
            tuple(ProjectedMonth.from_dict(m) for m in d.get("months", ())),
            opt_money(d.get("total")),
            diagnostics_of(d),
            dict(d),
        )

    @property
    def summary(self) -> Summary:
        """Counts of the findings."""
        return count(self.diagnostics)

    @property
    def _rows(self) -> Tuple[ProjectedMonth, ...]:
        return self.months

    def to_pandas(self) -> Any:
        """One row per month: ``month``, ``data_size_gb``, ``regions``, ``monthly_total``,
        ``per_restore``, ``currency`` (amounts and sizes as exact ``Decimal``s).

        Raises:
            ImportError: pandas is not installed (``pip install 'cosmos-backup[pandas]'``).
        """
        return _notebook.projection_frame(self)

    def plot(self, ax: Any = None) -> Any:
        """The monthly cost over the months (and the cost of one restore), as a line chart.

        Args:
            ax: A matplotlib ``Axes`` to draw into (optional).

        Returns:
            matplotlib.figure.Figure: The figure.

        Raises:
            ImportError: matplotlib is not installed (``pip install 'cosmos-backup[plot]'``).
            ValueError: The projection has no months (see ``diagnostics``).
        """
        return _notebook.plot_projection(self, ax)

    def _repr_html_(self) -> str:
        return _notebook.projection_html(self)


@dataclass(frozen=True)
class WhatIfOption:
    """One policy of a what-if: the restore window it buys and what it costs.

    Attributes:
        label (str): The option's name (``Continuous7Days``, ``Periodic 240 min / 8 h Geo``, ...).
        policy (EffectivePolicy): The policy priced.
        window_hours (int): How far back a restore can reach, in hours.
        window_days (Decimal): The same in days (rounded to 0.01 by the engine).
        restore_point_every_minutes (int | None): Periodic: minutes between restore points.
        restore (str): ``selfService`` (continuous) or ``supportRequest`` (periodic).
        current (bool): True for the account's current policy.
        available (bool): False when the account cannot use the policy (see ``reason``).
        reason (str | None): Why it is not available.
        meets_window (bool | None): Whether it reaches ``required_window_days`` (None without one).
        monthly_total (Decimal): Monthly cost, restores included.
        per_restore (Decimal): The cost of one restore.
        complete (bool): False when a price was missing.
        lines (tuple[CostLine, ...]): The priced lines.
    """

    label: str
    policy: EffectivePolicy
    window_hours: int
    window_days: Decimal
    restore_point_every_minutes: Optional[int]
    restore: str
    current: bool
    available: bool
    reason: Optional[str]
    meets_window: Optional[bool]
    monthly_total: Decimal
    per_restore: Decimal
    complete: bool
    lines: Tuple[CostLine, ...] = ()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "WhatIfOption":
        return cls(
            label=str(d.get("label", "")),
            policy=EffectivePolicy.from_dict(d.get("policy", {})),
            window_hours=int(d.get("windowHours", 0)),
            window_days=money(d.get("windowDays")),
            restore_point_every_minutes=d.get("restorePointEveryMinutes"),
            restore=str(d.get("restore", "")),
            current=bool(d.get("current")),
            available=bool(d.get("available")),
            reason=d.get("reason"),
            meets_window=d.get("meetsWindow"),
            monthly_total=money(d.get("monthlyTotal")),
            per_restore=money(d.get("perRestore")),
            complete=bool(d.get("complete")),
            lines=_lines(d),
        )


@dataclass(frozen=True)
class WhatIf(Rows[WhatIfOption]):
    """The answer to ``what_if``: the account priced under several policies.

    Attributes:
        name (str | None): The account name.
        currency (str | None): Currency of every amount.
        required_window_days (Decimal | None): The restore window asked for.
        options (tuple[WhatIfOption, ...]): One per policy, in the engine's order.
        cheapest (str | None): Label of the cheapest available, fully priced option that meets
            the window (the engine's choice; ties go to the longer window).
        diagnostics (tuple[Diagnostic, ...]): Every finding.
    """

    name: Optional[str]
    currency: Optional[str]
    required_window_days: Optional[Decimal]
    options: Tuple[WhatIfOption, ...]
    cheapest: Optional[str] = None
    diagnostics: Tuple[Diagnostic, ...] = ()
    raw: Dict[str, Any] = _raw()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "WhatIf":
        return cls(
            d.get("name"),
            d.get("currency"),
            opt_money(d.get("requiredWindowDays")),
            tuple(WhatIfOption.from_dict(o) for o in d.get("options", ())),
            d.get("cheapest"),
            diagnostics_of(d),
            dict(d),
        )

    @property
    def cheapest_option(self) -> Optional[WhatIfOption]:
        """The option named by ``cheapest``, or None."""
        return next((o for o in self.options if o.label == self.cheapest), None)

    @property
    def summary(self) -> Summary:
        """Counts of the findings."""
        return count(self.diagnostics)

    @property
    def _rows(self) -> Tuple[WhatIfOption, ...]:
        return self.options

    def to_pandas(self) -> Any:
        """One row per option: label, policy, window, restore mode, availability, costs, and
        ``cheapest`` (True on the engine's choice). Amounts are exact ``Decimal``s.

        Raises:
            ImportError: pandas is not installed (``pip install 'cosmos-backup[pandas]'``).
        """
        return _notebook.what_if_frame(self)

    def plot(self, ax: Any = None) -> Any:
        """Monthly cost against restore window (days), one point per option; the required
        window is a dashed line and the cheapest option is ringed.

        Args:
            ax: A matplotlib ``Axes`` to draw into (optional).

        Returns:
            matplotlib.figure.Figure: The figure.

        Raises:
            ImportError: matplotlib is not installed (``pip install 'cosmos-backup[plot]'``).
            ValueError: The what-if has no options (see ``diagnostics``).
        """
        return _notebook.plot_what_if(self, ax)

    def _repr_html_(self) -> str:
        return _notebook.what_if_html(self)


@dataclass(frozen=True)
class FleetAccount:
    """One account of a priced fleet.

    Attributes:
        scenario (int): Index of its scenario in the fleet.
        name (str): The account name.
        path (str): JSON Pointer to it (``/scenarios/0/account``).
        kind (str): ``account`` or ``postgresCluster``.
        currency (str | None): Currency of the amounts (None when not priced).
        monthly_total (Decimal | None): Monthly cost, restores included.
        per_restore (Decimal | None): The cost of one restore.
        complete (bool): False when it could not be fully priced.
        lines (tuple[CostLine, ...]): The priced lines.
        diagnostics (tuple[Diagnostic, ...]): Its findings.
    """

    scenario: int
    name: str
    path: str
    kind: str
    currency: Optional[str]
    monthly_total: Optional[Decimal]
    per_restore: Optional[Decimal]
    complete: bool
    lines: Tuple[CostLine, ...] = ()
    diagnostics: Tuple[Diagnostic, ...] = ()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "FleetAccount":
        return cls(
            int(d.get("scenario", 0)),
            str(d.get("name", "")),
            str(d.get("path", "")),
            str(d.get("kind", "")),
            d.get("currency"),
            opt_money(d.get("monthlyTotal")),
            opt_money(d.get("perRestore")),
            bool(d.get("complete")),
            _lines(d),
            diagnostics_of(d),
        )


@dataclass(frozen=True)
class FleetTotal:
    """The fleet's total in one currency.

    Attributes:
        currency (str): The currency.
        accounts (int): How many priced accounts it sums.
        monthly_total (Decimal): Their monthly total.
        by_kind (dict[str, Decimal]): The total per line kind (``continuousBackupStorage``, ...).
    """

    currency: str
    accounts: int
    monthly_total: Decimal
    by_kind: Mapping[str, Decimal] = _raw()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "FleetTotal":
        kinds = {str(k): money(v) for k, v in dict(d.get("byKind", {})).items()}
        return cls(str(d.get("currency", "")), int(d.get("accounts", 0)), money(d.get("monthlyTotal")), kinds)


@dataclass(frozen=True)
class FleetPricing(Rows[FleetAccount]):
    """The answer to ``price_fleet``: one row per account of every scenario, and totals per currency.

    Attributes:
        accounts (tuple[FleetAccount, ...]): Every account, in scenario order.
        totals (tuple[FleetTotal, ...]): One per currency.
        unpriced (int): Accounts that could not be priced.
        diagnostics (tuple[Diagnostic, ...]): Fleet-level findings.
        summary (Summary): Counts over every finding.
    """

    accounts: Tuple[FleetAccount, ...]
    totals: Tuple[FleetTotal, ...]
    unpriced: int
    diagnostics: Tuple[Diagnostic, ...]
    summary: Summary
    raw: Dict[str, Any] = _raw()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "FleetPricing":
        return cls(
            tuple(FleetAccount.from_dict(a) for a in d.get("accounts", ())),
            tuple(FleetTotal.from_dict(t) for t in d.get("totals", ())),
            int(d.get("unpriced", 0)),
            diagnostics_of(d),
            Summary.from_dict(d.get("summary", {})),
            dict(d),
        )

    def total(self, currency: Optional[str] = None) -> Optional[Decimal]:
        """The fleet's monthly total in ``currency`` (the only currency when None), or None."""
        for t in self.totals:
            if currency is None or t.currency == currency:
                return t.monthly_total
        return None

    @property
    def _rows(self) -> Tuple[FleetAccount, ...]:
        return self.accounts

    def to_pandas(self, totals: bool = True) -> Any:
        """One row per account (``row`` = ``"account"``), then, with ``totals``, one row per
        currency (``row`` = ``"total"``, ``accounts`` = how many it sums). Amounts are exact
        ``Decimal``s; unpriced accounts have ``None``.

        Args:
            totals (bool): Append the engine's totals.

        Raises:
            ImportError: pandas is not installed (``pip install 'cosmos-backup[pandas]'``).
        """
        return _notebook.fleet_pricing_frame(self, totals)

    def _repr_html_(self) -> str:
        return _notebook.fleet_pricing_html(self)


@dataclass(frozen=True)
class Price:
    """One price of a price sheet.

    Attributes:
        region (str): Region key (``westus``).
        meter (str): The engine's meter id (``continuous30Days``, ``periodicGeo``, ...).
        meter_name (str): The Azure meter name.
        unit_of_measure (str): The Azure unit (``1 GB/Month``).
        unit_price (Decimal): Price per unit.
        currency (str): Currency.
        effective_date (date | None): When the price took effect.
        source (str): Where the price comes from.
        note (str): Remarks, when any.
    """

    region: str
    meter: str
    meter_name: str
    unit_of_measure: str
    unit_price: Decimal
    currency: str
    effective_date: Optional[date]
    source: str
    note: str = ""

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Price":
        eff = d.get("effectiveDate")
        return cls(
            str(d.get("region", "")),
            str(d.get("meter", "")),
            str(d.get("meterName", "")),
            str(d.get("unitOfMeasure", "")),
            money(d.get("unitPrice")),
            str(d.get("currency", "")),
            date.fromisoformat(str(eff)[:10]) if eff else None,
            str(d.get("source", "")),
            str(d.get("note", "")),
        )


@dataclass(frozen=True)
class PriceSheet(Rows[Price]):
    """The answer to ``price_sheet``: the engine's default prices.

    Attributes:
        name (str): What the sheet is.
        currency (str): Its currency.
        rounding (str): How amounts are rounded.
        periodic_meter (str): Which periodic meter applies (``redundancy`` or ``legacy``).
        prices (tuple[Price, ...]): Every price, by region and meter.
    """

    name: str
    currency: str
    rounding: str
    periodic_meter: str
    prices: Tuple[Price, ...]
    raw: Dict[str, Any] = _raw()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "PriceSheet":
        return cls(
            str(d.get("name", "")),
            str(d.get("currency", "")),
            str(d.get("rounding", "")),
            str(d.get("periodicMeter", "")),
            tuple(Price.from_dict(p) for p in d.get("prices", ())),
            dict(d),
        )

    def price(self, region: str, meter: str) -> Optional[Price]:
        """The sheet's price for a region key and meter id, or None."""
        return next((p for p in self.prices if p.region == region and p.meter == meter), None)

    @property
    def _rows(self) -> Tuple[Price, ...]:
        return self.prices

    def to_pandas(self) -> Any:
        """One row per price (``unit_price`` as an exact ``Decimal``)."""
        return _notebook.price_sheet_frame(self)

    def _repr_html_(self) -> str:
        return _notebook.price_sheet_html(self)
