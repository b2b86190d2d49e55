"""Hand-written helpers of the pricing results (the classes themselves are generated).

Every amount is an exact ``decimal.Decimal`` parsed from the engine's decimal strings; nothing is
priced, rounded or defaulted here. Each ``<Name>Mixin`` is a base of the generated class ``<Name>``
(see ``_results``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, List, Optional, Tuple

from . import _notebook
from ._results import Rows, count

if TYPE_CHECKING:  # pragma: no cover
    from ._generated import (
        Diagnostic,
        FleetAccount,
        FleetTotal,
        Price,
        PriceResult,
        ProjectedMonth,
        Summary,
        WhatIfOption,
    )

__all__: List[str] = []


class PricingMixin(Rows["PriceResult"]):
    """Rows (the accounts), counts over every finding, pandas and HTML."""

    if TYPE_CHECKING:
        results: Tuple[PriceResult, ...]
        diagnostics: Tuple[Diagnostic, ...]

    @property
    def summary(self) -> "Summary":
        """Counts over every finding (scenario-level and every result's)."""
        return count(self.diagnostics + tuple(x for r in self.results for x in r.diagnostics))

    @property
    def _rows(self) -> Tuple["PriceResult", ...]:
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
        return _notebook.pricing_frame(self, by)  # type: ignore[arg-type]

    def _repr_html_(self) -> str:
        return _notebook.pricing_html(self)  # type: ignore[arg-type]


class ProjectionMixin(Rows["ProjectedMonth"]):
    """Rows (the months), counts, pandas, a line chart and HTML."""

    if TYPE_CHECKING:
        months: Tuple[ProjectedMonth, ...]
        diagnostics: Tuple[Diagnostic, ...]

    @property
    def summary(self) -> "Summary":
        """Counts of the findings."""
        return count(self.diagnostics)

    @property
    def _rows(self) -> Tuple["ProjectedMonth", ...]:
        return self.months

    def to_pandas(self) -> Any:
        """One row per month: ``month``, ``data_size_gb``, ``regions``, ``monthly_total``,
        ``per_restore``, ``currency`` (amounts and sizes as exact ``Decimal``s).

        Raises:
            ImportError: pandas is not installed (``pip install 'cosmos-backup[pandas]'``).
        """
        return _notebook.projection_frame(self)  # type: ignore[arg-type]

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
        return _notebook.plot_projection(self, ax)  # type: ignore[arg-type]

    def _repr_html_(self) -> str:
        return _notebook.projection_html(self)  # type: ignore[arg-type]


class WhatIfMixin(Rows["WhatIfOption"]):
    """Rows (the options), the cheapest option, counts, pandas, a scatter plot and HTML."""

    if TYPE_CHECKING:
        options: Tuple[WhatIfOption, ...]
        cheapest: Optional[str]
        diagnostics: Tuple[Diagnostic, ...]

    @property
    def cheapest_option(self) -> Optional["WhatIfOption"]:
        """The option named by ``cheapest``, or None."""
        return next((o for o in self.options if o.label == self.cheapest), None)

    @property
    def summary(self) -> "Summary":
        """Counts of the findings."""
        return count(self.diagnostics)

    @property
    def _rows(self) -> Tuple["WhatIfOption", ...]:
        return self.options

    def to_pandas(self) -> Any:
        """One row per option: label, policy, window, restore mode, availability, costs, and
        ``cheapest`` (True on the engine's choice). Amounts are exact ``Decimal``s.

        Raises:
            ImportError: pandas is not installed (``pip install 'cosmos-backup[pandas]'``).
        """
        return _notebook.what_if_frame(self)  # type: ignore[arg-type]

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
        return _notebook.plot_what_if(self, ax)  # type: ignore[arg-type]

    def _repr_html_(self) -> str:
        return _notebook.what_if_html(self)  # type: ignore[arg-type]


class FleetPricingMixin(Rows["FleetAccount"]):
    """Rows (the accounts), the total per currency, pandas and HTML."""

    if TYPE_CHECKING:
        accounts: Tuple[FleetAccount, ...]
        totals: Tuple[FleetTotal, ...]

    def total(self, currency: Optional[str] = None) -> Optional[Decimal]:
        """The fleet's monthly total in ``currency`` (the only currency when None), or None."""
        for t in self.totals:
            if currency is None or t.currency == currency:
                return t.monthly_total
        return None

    @property
    def _rows(self) -> Tuple["FleetAccount", ...]:
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
        return _notebook.fleet_pricing_frame(self, totals)  # type: ignore[arg-type]

    def _repr_html_(self) -> str:
        return _notebook.fleet_pricing_html(self)  # type: ignore[arg-type]


class PriceSheetMixin(Rows["Price"]):
    """Rows (the prices), a price by region and meter, pandas and HTML."""

    if TYPE_CHECKING:
        prices: Tuple[Price, ...]

    def price(self, region: str, meter: str) -> Optional["Price"]:
        """The sheet's price for a region key and meter id, or None."""
        return next((p for p in self.prices if p.region == region and p.meter == meter), None)

    @property
    def _rows(self) -> Tuple["Price", ...]:
        return self.prices

    def to_pandas(self) -> Any:
        """One row per price (``unit_price`` as an exact ``Decimal``)."""
        return _notebook.price_sheet_frame(self)  # type: ignore[arg-type]

    def _repr_html_(self) -> str:
        return _notebook.price_sheet_html(self)  # type: ignore[arg-type]
