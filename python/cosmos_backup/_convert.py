"""Value conversion between Python and the engine's JSON: datetimes, decimals, documents.

Only conversion lives here: no rule, price or default.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal, InvalidOperation
from typing import Any, Callable, Dict, Mapping, Optional, Sequence, Tuple, TypeVar, Union

from ._errors import InputError, InternalError, conversion_error, naive_datetime

T = TypeVar("T")

#: A document: a dict or list as ``json.load`` gives it, or JSON text (``str`` or ``bytes``).
Document = Union[Mapping[str, Any], Sequence[Any], str, bytes, bytearray]

_RFC3339 = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})$"
)


def to_rfc3339(value: datetime, field: str) -> str:
    """An aware datetime as RFC 3339 UTC (``2026-11-21T08:00:00Z``); naive ones raise."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise naive_datetime(field)
    utc = value.astimezone(timezone.utc)
    text = utc.strftime("%Y-%m-%dT%H:%M:%S")
    if utc.microsecond:
        text += f".{utc.microsecond:06d}".rstrip("0")
    return text + "Z"


def parse_time(text: str) -> datetime:
    """RFC 3339 text (as the engine writes it) to an aware ``datetime``."""
    m = _RFC3339.match(text)
    if not m:
        raise InputError("timestamp.invalid", f"the engine returned `{text}`, not an RFC 3339 time")
    y, mo, d, h, mi, s, frac, zone = m.groups()
    micro = int((frac or "0")[:6].ljust(6, "0"))
    if zone in ("Z", "z"):
        tz = timezone.utc
    else:
        sign = 1 if zone[0] == "+" else -1
        tz = timezone(sign * timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6])))
    return datetime(int(y), int(mo), int(d), int(h), int(mi), int(s), micro, tzinfo=tz)


def to_decimal(text: Optional[str]) -> Optional[Decimal]:
    """Money: a decimal string (``"400.00"``) to an exact ``Decimal``; ``None`` stays ``None``."""
    if text is None:
        return None
    try:
        return Decimal(str(text))
    except InvalidOperation:
        raise InputError("value.wrong-type", f"the engine returned `{text}`, not a decimal amount") from None


def to_money(text: Any) -> Decimal:
    """An amount the engine gives (``"400.00"``) as an exact ``Decimal``; anything else raises."""
    if not isinstance(text, str):
        raise TypeError(f"expected a decimal string, got `{text!r}`")
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValueError(f"`{text}` is not a decimal amount") from None


def to_date(text: Any) -> Optional[date]:
    """A date the engine gives (``"2026-11-01"``, or an RFC 3339 instant) as a ``date``; ``""`` is None."""
    if not isinstance(text, str):
        raise TypeError(f"expected a date string, got `{text!r}`")
    return date.fromisoformat(text[:10]) if text else None


def opt(convert: Callable[[Any], T], value: Any) -> Optional[T]:
    """``convert(value)``, or None when the engine gave ``null`` or left the field out."""
    return None if value is None else convert(value)


def contract_error(cls: str, value: Any, required: Sequence[str], error: BaseException) -> InternalError:
    """The error for an engine answer that is not the contract's ``cls`` (a bug in cosmos-backup)."""
    if not isinstance(value, Mapping):
        why = f"the engine's answer has a `{type(value).__name__}` value where its contract has a `{cls}` object"
    else:
        missing = [k for k in required if k not in value]
        why = f"the engine's `{cls}` " + (f"lacks its required field `{missing[0]}`" if missing else f"is malformed ({error})")
    return InternalError(
        "internal.contract",
        f"{why} (the contract: schemas/cosmos-backup.schema.json); please report this bug",
    )


def money(text: Any) -> Decimal:
    """An amount the engine always gives (``"400.00"``) as a ``Decimal``; a missing one is 0."""
    value = to_decimal(None if text is None else str(text))
    return Decimal(0) if value is None else value


def opt_money(text: Any) -> Optional[Decimal]:
    """An amount the engine may leave ``null`` as a ``Decimal`` or ``None``."""
    return to_decimal(None if text is None else str(text))


def camel(name: str) -> str:
    """``price_sheet`` → ``priceSheet`` (keyword arguments to scenario field names)."""
    head, *rest = name.split("_")
    return head + "".join(p[:1].upper() + p[1:] for p in rest)


def field_value(value: Any, field: str) -> Any:
    """A scenario field: datetimes become RFC 3339, JSON text is parsed, the rest passes."""
    if isinstance(value, datetime):
        return to_rfc3339(value, field)
    if isinstance(value, (bytes, bytearray)):
        value = value.decode("utf-8")
    if isinstance(value, str) and value.lstrip()[:1] in ("{", "["):
        return loads(value)
    return value


def loads(text: str) -> Any:
    """JSON text to Python, with the engine's own located syntax error on bad input."""
    try:
        return json.loads(text)
    except ValueError:
        from . import _native  # the engine's parser gives the located `input.json-syntax` error

        from ._errors import from_answer

        answer = json.loads(_native.call_json("read", text))
        raise from_answer(answer.get("error", {"code": "input.json-syntax", "message": "not JSON"})) from None


def scenario(**fields: Any) -> Dict[str, Any]:
    """Builds a scenario dict from keyword arguments.

    Keyword names are the scenario's fields in snake_case (``now``, ``account``, ``current``,
    ``usage``, ``restore_request``, ``price_sheet``, ...); each becomes the camelCase field.
    ``datetime`` values become RFC 3339 UTC text, JSON text is parsed, ``None`` is left out.

    Args:
        **fields: Scenario fields.

    Returns:
        dict: The scenario, ready for ``evaluate`` or ``evaluate_many``.

    Raises:
        InputError: A datetime has no timezone, or a JSON text is malformed.

    Example:
        >>> from datetime import datetime, timezone
        >>> scenario(now=datetime(2026, 11, 21, tzinfo=timezone.utc), account={"name": "a"})
        {'now': '2026-11-21T00:00:00Z', 'account': {'name': 'a'}}
    """
    return {camel(k): field_value(v, camel(k)) for k, v in fields.items() if v is not None}


def native_error(exc: BaseException) -> InputError:
    """The native ``ConversionError(message, pointer, code)`` as an ``InputError``."""
    args: Tuple[Any, ...] = tuple(getattr(exc, "args", ()))
    message = str(args[0]) if args else str(exc)
    path = str(args[1]) if len(args) > 1 else ""
    code = str(args[2]) if len(args) > 2 else "input.not-a-document"
    return conversion_error(message, path, code)
