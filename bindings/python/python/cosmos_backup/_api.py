"""The public functions: one per engine operation, plus the generic ``call`` and the batch forms.

Each is a thin wrapper: convert the input, call ``_native`` (which releases the GIL and runs the
Rust engine), wrap the JSON answer in a result class, raise ``CosmosBackupError`` on misuse.
"""

from __future__ import annotations

import json
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple

from . import _native
from ._convert import Document, native_error, scenario
from ._errors import ValidationError, from_answer
from ._results import Evaluation, Fleet, FoundObject, Position, Rule, Validation

__all__ = [
    "OPERATIONS",
    "call",
    "call_many",
    "evaluate",
    "evaluate_many",
    "validate",
    "is_valid",
    "read",
    "rules",
    "locate",
]

#: The engine's operations (``cosmos_backup::api::OPERATIONS``); each has a function here.
OPERATIONS: Tuple[str, ...] = tuple(_native.OPERATIONS)


def _text(document: Any) -> Optional[str]:
    if isinstance(document, (bytes, bytearray)):
        return bytes(document).decode("utf-8", errors="replace")
    return document if isinstance(document, str) else None


def call(operation: str, document: Document) -> Any:
    """Runs an engine operation by name and returns its raw JSON answer.

    This is the generic entry point the test vectors use; the named functions (``evaluate``, ...)
    wrap the same answers in result classes and raise on misuse.

    Args:
        operation (str): A name from ``OPERATIONS``.
        document: A dict or list (as ``json.load`` gives it), or JSON text.

    Returns:
        The answer as plain Python objects; misuse gives ``{"error": {...}}`` instead of raising.

    Raises:
        InputError: A value in ``document`` has no JSON form.

    Example:
        >>> call("rules", {})[0]["code"]
        'input.json-syntax'
    """
    text = _text(document)
    if text is not None:
        return json.loads(_native.call_json(operation, text))
    try:
        return _native.call(operation, document)
    except _native.ConversionError as e:
        raise native_error(e) from None


def call_many(operation: str, documents: Iterable[Document]) -> List[Any]:
    """Runs one operation on many documents in one engine call (the GIL is released throughout).

    Args:
        operation (str): A name from ``OPERATIONS``.
        documents: Dicts, lists or JSON texts (all texts, or none).

    Returns:
        list: One raw answer per document, in order.

    Raises:
        InputError: A value has no JSON form (its path starts with the document's index).
    """
    docs = list(documents)
    if docs and all(_text(d) is not None for d in docs):
        return [json.loads(a) for a in _native.call_json_many(operation, [_text(d) or "" for d in docs])]
    try:
        return list(_native.call_many(operation, docs))
    except _native.ConversionError as e:
        raise native_error(e) from None


def _answer(operation: str, document: Any, fields: Mapping[str, Any]) -> Any:
    if document is not None and fields:
        raise TypeError(f"{operation}() takes a scenario or keyword fields, not both")
    if document is None:
        if not fields:
            raise TypeError(f"{operation}() needs a scenario, a document, or keyword fields such as account=")
        document = scenario(**fields)
    answer = call(operation, document)
    if isinstance(answer, dict) and "error" in answer and len(answer) == 1:
        raise from_answer(answer["error"])
    return answer


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
    return Evaluation.from_dict(_answer("evaluate", document, fields))


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
    v = Validation.from_dict(_answer("validate", document, fields))
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
    return Validation.from_dict(_answer("validate", document, fields)).valid


def read(document: Document, /) -> Tuple[FoundObject, ...]:
    """Every object the readers find in a document (accounts, restorable accounts, roles, ...).

    Args:
        document: Any Azure JSON, as a dict, list or JSON text.

    Returns:
        tuple[FoundObject, ...]: Kind, shape, JSON Pointer and name of each object.

    Raises:
        InputError: The input is not usable.
    """
    return tuple(FoundObject.from_dict(x) for x in _answer("read", document, {}))


def rules() -> Tuple[Rule, ...]:
    """The public catalogue of every diagnostic code.

    Returns:
        tuple[Rule, ...]: Code, severity, summary and source of each rule.
    """
    return tuple(Rule.from_dict(x) for x in _answer("rules", {}, {}))


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
    answer: Optional[Dict[str, Any]] = _answer("locate", {"text": text, "pointer": pointer}, {})
    return Position(int(answer["line"]), int(answer["column"])) if answer else None
