"""The hand-written public functions: operations with richer signatures, the batch forms, helpers.

Each is a thin wrapper: convert the input, call ``_native`` (which releases the GIL and runs the
Rust engine), wrap the JSON answer in a result class, raise ``CosmosBackupError`` on misuse.
"""

from __future__ import annotations

import json
from pathlib import Path
from decimal import Decimal
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from . import _native
from ._call import answer, call, call_many
from ._convert import Document
from ._errors import ValidationError, from_answer
from ._generated import (
    Evaluation,
    EventRestorePoints,
    FleetPricing,
    LeastPrivilegeReport,
    PermissionCheck,
    Position,
    PriceSheet,
    Pricing,
    Projection,
    RestoreWindows,
    Rule,
    Validation,
    WhatIf,
)
from ._results import Fleet

#: The helpers. The operations' functions written here (richer signatures than the generated ones)
#: are exported by ``_operations``, which imports them.
__all__ = [
    "OPERATIONS",
    "Number",
    "call",
    "call_many",
    "evaluate_many",
    "is_valid",
    "linear_growth",
    "compound_growth",
    "schema",
    "source",
    "source_file",
]

#: A number the engine reads exactly: an ``int``, a ``Decimal`` or a decimal string (``"12.5"``).
Number = Union[int, Decimal, str]

#: The engine's operations (``cosmos_backup::api::OPERATIONS``); each has a function here.
OPERATIONS: Tuple[str, ...] = tuple(_native.OPERATIONS)


def source(
    text: str,
    format: Optional[str] = None,
    *,
    file: Optional[str] = None,
    parameters: Optional[Union[Dict[str, Any], Sequence[Dict[str, Any]]]] = None,
    modules: Optional[Mapping[str, str]] = None,
) -> Dict[str, Any]:
    """A source object: a text in any format the engine reads, to pass wherever a document goes.

    Args:
        text (str): The file's text (Bicep, Terraform, JSON with comments, a parameters file...).
        format (str | None): ``"json"``, ``"jsonc"``, ``"bicep"``, ``"bicepparam"``, ``"terraform"``
            or ``"tfvars"``; ``None`` lets the engine pick it from ``file``'s extension.
        file (str | None): The file name, shown in each finding's ``location``.
        parameters: The parameters file(s) for a template (``source(...)`` objects).
        modules (Mapping[str, str] | None): Texts of the local Bicep modules, by the path written in
            the ``module`` declaration.

    Returns:
        dict: ``{"format", "text", "file", "parameters", "modules"}`` (only the keys given).

    Example:
        >>> text = '{"properties": {"backupPolicy": {"type": "Periodic", "periodicModeProperties": {"backupIntervalInMinutes": 30}}}} // why'
        >>> d = evaluate(account=source(text, file="a.jsonc")).results[0].diagnostics[0]
        >>> d.code, str(d.location)
        ('periodic.interval-below-minimum', 'a.jsonc:1:108')
    """
    out: Dict[str, Any] = {"text": text}
    if format is not None:
        out["format"] = format
    if file is not None:
        out["file"] = file
    if parameters is not None:
        out["parameters"] = parameters
    if modules is not None:
        out["modules"] = dict(modules)
    return out


def source_file(path: str, *, parameters: Optional[str] = None, format: Optional[str] = None) -> Dict[str, Any]:
    """:func:`source` for a file on disk (its format from the extension unless ``format`` is given).

    Local Bicep modules are not followed here (pass their texts with :func:`source`'s ``modules``);
    the ``cosmos-backup`` command follows them.

    Args:
        path (str): The file (``main.bicep``, ``main.tf``, ``azuredeploy.json``...).
        parameters (str | None): A parameters file to apply (``.json``, ``.bicepparam``, ``.tfvars``).
        format (str | None): Overrides the format the extension selects.

    Returns:
        dict: The source object.
    """
    with open(path, encoding="utf-8") as f:
        text = f.read()
    params = source_file(parameters) if parameters is not None else None
    return source(text, format, file=path, parameters=params)


def evaluate(document: Optional[Document] = None, /, **fields: Any) -> Evaluation:
    """Evaluates a scenario, a bare account document, or a fleet (a list of scenarios).

    Reports every finding and never raises for them; it raises only when the input is not usable.

    Args:
        document: A scenario ``{"now": ..., "account": ...}``, an ARM resource or template, ``az``
            or PowerShell output, a list of scenarios, or any of these as JSON text.
        **fields: Instead of ``document``, the scenario's fields as keywords: ``account=``,
            ``now=`` (an aware ``datetime``), ``current=``, ``usage=``, ``restore_request=``, ...

    Returns:
        Evaluation: One result per account, with diagnostics, effective policy, restore window
        and cost.

    Raises:
        InputError: Not JSON, not a document, too large, or a naive ``datetime``.

    Example:
        >>> from datetime import datetime, timezone
        >>> acct = {"type": "Microsoft.DocumentDB/databaseAccounts", "name": "orders",
        ...         "properties": {"backupPolicy": {"type": "Continuous"}}}
        >>> ev = evaluate(account=acct, now=datetime(2026, 11, 21, tzinfo=timezone.utc))
        >>> ev.results[0].effective_policy.tier
        'Continuous30Days'
    """
    return Evaluation.from_dict(answer("evaluate", document, fields))


def evaluate_many(documents: Iterable[Document], /) -> Fleet:
    """Evaluates many scenarios in one engine call, with the GIL released for all of them.

    Args:
        documents: Scenarios or documents as for ``evaluate`` (``scenario(...)`` builds one).

    Returns:
        Fleet: One ``Evaluation`` per input, in order.

    Raises:
        InputError: An input is not usable; the message names its index.
    """
    answers = call_many("evaluate", documents)
    for i, a in enumerate(answers):
        if isinstance(a, dict) and "error" in a and len(a) == 1:
            raise from_answer(a["error"], prefix=f"scenario {i}: ", path_prefix=f"/{i}")
    return Fleet(tuple(Evaluation.from_dict(a) for a in answers))


def validate(document: Optional[Document] = None, /, **fields: Any) -> Validation:
    """Validates a document or scenario and raises when it has an error-level finding.

    Args:
        document: As for ``evaluate``.
        **fields: As for ``evaluate``.

    Returns:
        Validation: The (valid) answer, with any warnings and infos.

    Raises:
        ValidationError: At least one finding is an error; ``errors()`` lists them.
        InputError: The input is not usable.
    """
    v = Validation.from_dict(answer("validate", document, fields))
    if not v.valid:
        n = v.summary.errors
        first = next(d for d in v.diagnostics if d.severity == "error")
        err = ValidationError(
            first.code,
            f"{n} error{'s' if n != 1 else ''}; first: {first.message}",
            [d.to_dict() for d in v.diagnostics if d.severity == "error"],
        )
        err.diagnostics = v.diagnostics
        raise err
    return v


def is_valid(document: Optional[Document] = None, /, **fields: Any) -> bool:
    """True when the document has no error-level finding (``InputError`` still raises)."""
    return Validation.from_dict(answer("validate", document, fields)).valid


def rules() -> Tuple[Rule, ...]:
    """The public catalogue of every diagnostic code.

    Returns:
        tuple[Rule, ...]: Code, severity, summary and source of each rule.
    """
    return tuple(Rule.from_dict(x) for x in answer("rules", {}, {}))


def locate(text: str, pointer: str) -> Optional[Position]:
    """Line and column where the value at a JSON Pointer starts in JSON text.

    Args:
        text (str): JSON text.
        pointer (str): An RFC 6901 JSON Pointer, such as a diagnostic's ``path``.

    Returns:
        Position | None: 1-based line and column, or None when the pointer is not in the text.

    Example:
        >>> locate('{"a": [1, {"b": 30}]}', "/a/1/b")
        Position(line=1, column=17)
    """
    a = answer("locate", {"text": text, "pointer": pointer}, {})
    return None if a is None else Position.from_json(a)



def _given(**fields: Any) -> Dict[str, Any]:
    return {k: v for k, v in fields.items() if v is not None}


# ------------------------------------------------------------------------------------ restore


def restore_window(document: Optional[Document] = None, /, **fields: Any) -> RestoreWindows:
    """The window of instants each account of a scenario can be restored to.

    Args:
        document: A scenario ``{"now": ..., "account": ...}`` (or JSON text).
        **fields: Instead of ``document``, the scenario's fields as keywords: ``now=`` (an aware
            ``datetime``), ``account=``, ``restorable_account=``, ``locations=``,
            ``backup_information=``, ``incident_time=``, ``rule_set=``, ...

    Returns:
        RestoreWindows: One window per account (bounds as aware ``datetime``s, with the reason
        for each bound); ``plot()`` draws them as a timeline.

    Raises:
        InputError: The input is not usable.

    Example:
        >>> from datetime import datetime, timezone
        >>> acct = {"type": "Microsoft.DocumentDB/databaseAccounts", "name": "orders", "location": "West US",
        ...         "properties": {"backupPolicy": {"type": "Continuous",
        ...             "continuousModeProperties": {"tier": "Continuous7Days"}}}}
        >>> w = restore_window(account=acct, now=datetime(2026, 11, 21, 12, tzinfo=timezone.utc))
        >>> w.results[0].restore_window.earliest
        datetime.datetime(2026, 11, 14, 12, 0, tzinfo=datetime.timezone.utc)
    """
    return RestoreWindows.from_dict(answer("restoreWindow", document, fields))


def latest_restorable_before_event(document: Optional[Document] = None, /, **fields: Any) -> EventRestorePoints:
    """The latest instant to restore to before a delete or replace, from the account's event feeds.

    Args:
        document: A scenario with ``events`` (or JSON text).
        **fields: The scenario's fields as keywords: ``now=``, ``account=``, ``events=``, and
            optionally ``resource=`` (a database or container name) and ``operation=``
            (``"Delete"`` or ``"Replace"``).

    Returns:
        EventRestorePoints: ``answer`` (the latest match) and every restore point.

    Raises:
        InputError: The input is not usable.
    """
    return EventRestorePoints.from_dict(answer("latestRestorableBeforeEvent", document, fields))


# -------------------------------------------------------------------------------- permissions


def check_permissions(
    document: Optional[Document] = None,
    /,
    *,
    role_assignments: Any = None,
    role_definitions: Any = None,
    questions: Optional[Sequence[Mapping[str, Any]]] = None,
    management_groups: Optional[Mapping[str, Any]] = None,
    restorable_account: Optional[Mapping[str, Any]] = None,
) -> PermissionCheck:
    """Answers restore-permission questions over role assignments (report function: never raises for "no").

    Args:
        document: The whole input ``{"roleAssignments": ..., "questions": ...}`` (or JSON text).
        role_assignments: Role assignments as ``az role assignment list`` gives them (a list or
            ``{"value": [...]}``).
        role_definitions: Custom role definitions, when assignments use them.
        questions: Questions such as ``{"ask": "restore", "principalId": ..., "source": ...,
            "target": ...}``.
        management_groups: The management-group hierarchy, when scopes use it.
        restorable_account: The restorable account a restore would read from.

    Returns:
        PermissionCheck: One answer per question (``allowed``, ``missing``, ``granted_by``,
        ``suggestion``), plus findings about the inputs.

    Raises:
        InputError: The input is not usable.
    """
    fields = _given(
        role_assignments=role_assignments,
        role_definitions=role_definitions,
        questions=questions,
        management_groups=management_groups,
        restorable_account=restorable_account,
    )
    return PermissionCheck.from_dict(answer("checkPermissions", document, fields))


def least_privilege_report(
    document: Optional[Document] = None,
    /,
    *,
    role_assignments: Any = None,
    role_definitions: Any = None,
    sources: Optional[Sequence[str]] = None,
    management_groups: Optional[Mapping[str, Any]] = None,
) -> LeastPrivilegeReport:
    """Who can restore which sources, and which assignments grant more than a restore needs.

    Args:
        document: The whole input (or JSON text).
        role_assignments: Role assignments (a list or ``{"value": [...]}``).
        role_definitions: Custom role definitions, when assignments use them.
        sources: Restorable account ids to report on.
        management_groups: The management-group hierarchy, when scopes use it.

    Returns:
        LeastPrivilegeReport: Per principal and per assignment, plus findings.

    Raises:
        InputError: The input is not usable.
    """
    fields = _given(
        role_assignments=role_assignments,
        role_definitions=role_definitions,
        sources=sources,
        management_groups=management_groups,
    )
    return LeastPrivilegeReport.from_dict(answer("leastPrivilegeReport", document, fields))


# ------------------------------------------------------------------------------------ pricing


def price(document: Optional[Document] = None, /, **fields: Any) -> Pricing:
    """The monthly backup cost and the cost of one restore, per account of a scenario.

    Args:
        document: A scenario with ``usage`` (or JSON text).
        **fields: The scenario's fields as keywords: ``account=``, ``usage=`` (``{"dataSizeGb":
            1000, "restoresPerMonth": 1, "restoreSizeGb": 200}``; ``Decimal`` values are exact),
            ``price_sheet=`` (your prices, overriding the default sheet), ``now=``, ...

    Returns:
        Pricing: One ``PriceResult`` per account; amounts are ``Decimal``.

    Raises:
        InputError: The input is not usable.

    Example:
        >>> acct = {"type": "Microsoft.DocumentDB/databaseAccounts", "name": "orders", "location": "westus",
        ...         "properties": {"backupPolicy": {"type": "Periodic", "periodicModeProperties": {
        ...             "backupIntervalInMinutes": 1440, "backupRetentionIntervalInHours": 240}}}}
        >>> price(account=acct, usage={"dataSizeGb": 1000}).results[0].cost.monthly_total
        Decimal('960.00')
    """
    return Pricing.from_dict(answer("price", document, fields))


def linear_growth(gb_per_month: Number) -> Dict[str, Any]:
    """The ``growth`` of ``project`` that adds ``gb_per_month`` GB each month."""
    return {"type": "linear", "gbPerMonth": gb_per_month}


def compound_growth(percent_per_month: Number) -> Dict[str, Any]:
    """The ``growth`` of ``project`` that grows the data by ``percent_per_month`` % each month."""
    return {"type": "compound", "percentPerMonth": percent_per_month}


def project(
    document: Optional[Document] = None,
    /,
    *,
    scenario: Optional[Mapping[str, Any]] = None,
    months: Optional[int] = None,
    growth: Optional[Mapping[str, Any]] = None,
    restores_per_month: Optional[Number] = None,
    regions_added: Optional[Sequence[Mapping[str, Any]]] = None,
) -> Projection:
    """The monthly cost of a scenario's first account over the coming months.

    Args:
        document: The whole request ``{"scenario": ..., "months": 12, ...}`` (or JSON text).
        scenario: A scenario with ``usage`` (``cosmos_backup.scenario(...)`` builds one).
        months: How many months (the engine's default when None).
        growth: ``compound_growth(5)`` or ``linear_growth(50)``.
        restores_per_month: Restores each month (overrides the scenario's usage).
        regions_added: Regions that join later, ``[{"month": 4, "region": "westeurope"}]``.

    Returns:
        Projection: One ``ProjectedMonth`` per month and the total; ``to_pandas()`` and ``plot()``.

    Raises:
        InputError: The input is not usable.
    """
    fields = _given(scenario=scenario, months=months, growth=growth, restores_per_month=restores_per_month, regions_added=regions_added)
    return Projection.from_dict(answer("project", document, fields))


def what_if(
    document: Optional[Document] = None,
    /,
    *,
    scenario: Optional[Mapping[str, Any]] = None,
    required_window_days: Optional[Number] = None,
    options: Optional[Sequence[Mapping[str, Any]]] = None,
) -> WhatIf:
    """A scenario's first account priced under several backup policies, with the window each buys.

    Args:
        document: The whole request ``{"scenario": ..., "requiredWindowDays": 14}`` (or JSON text).
        scenario: A scenario with ``usage``.
        required_window_days: The restore window you need, in days; the engine then names the
            cheapest option that reaches it.
        options: Backup policies to compare (``backupPolicy`` objects); the engine's standard
            periodic and continuous choices when None.

    Returns:
        WhatIf: One ``WhatIfOption`` per policy and ``cheapest``; ``to_pandas()`` and ``plot()``.

    Raises:
        InputError: The input is not usable.
    """
    fields = _given(scenario=scenario, required_window_days=required_window_days, options=options)
    return WhatIf.from_dict(answer("whatIf", document, fields))


def price_fleet(
    scenarios: Union[Document, Iterable[Mapping[str, Any]]],
    /,
    *,
    price_sheet: Optional[Mapping[str, Any]] = None,
    rows: bool = True,
) -> FleetPricing:
    """Prices many scenarios in one engine call (the GIL is released): one row per account, totals per currency.

    Args:
        scenarios: Scenarios with ``usage`` (``cosmos_backup.scenario(...)`` builds them), or the
            whole request ``{"scenarios": [...], "priceSheet": ...}`` as a dict or JSON text.
        price_sheet: Your prices for every scenario (overrides the default sheet).
        rows: ``False`` for totals, counts and fleet-level findings only (no per-account rows):
            much faster and smaller for large fleets.

    Returns:
        FleetPricing: Accounts, totals and the count of unpriced accounts; ``to_pandas()``.

    Raises:
        InputError: The input is not usable.
        TypeError: ``price_sheet`` given with a whole request.
    """
    if isinstance(scenarios, (str, bytes, bytearray, Mapping)):
        if price_sheet is not None or not rows:
            raise TypeError(
                "price_fleet() takes `price_sheet=` and `rows=` with a list of scenarios, not with a whole request"
            )
        document: Any = scenarios
    else:
        document = {"scenarios": list(scenarios)}
        if price_sheet is not None:
            document["priceSheet"] = price_sheet
        if not rows:
            document["rows"] = False
    return FleetPricing.from_dict(answer("priceFleet", document, {}))


def price_sheet() -> PriceSheet:
    """The engine's default price sheet: every price with its meter, unit, date and source.

    Returns:
        PriceSheet: The prices (``unit_price`` as ``Decimal``); ``to_pandas()``.
    """
    return PriceSheet.from_dict(answer("priceSheet", {}, {}))


def schema() -> Dict[str, Any]:
    """The JSON Schema of every operation's input and output (the engine's contract, generated
    from the Rust types; ``operations`` maps each operation to its ``input`` and ``output``).

    Example:
        >>> schema()["operations"]["evaluate"]["output"]
        {'$ref': '#/$defs/Evaluation'}
    """
    text = (Path(__file__).parent / "schema.json").read_text(encoding="utf-8")
    out: Dict[str, Any] = json.loads(text)
    return out
