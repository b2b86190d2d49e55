"""Running an engine operation: the generic ``call`` and ``call_many``, and the ``answer`` every
public function uses (input conversion, misuse raised as ``CosmosBackupError``)."""

from __future__ import annotations

import json
from typing import Any, Iterable, List, Mapping, Optional

from . import _native
from ._convert import Document, native_error, scenario
from ._errors import from_answer

__all__ = ["call", "call_many", "answer"]


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


def answer(operation: str, document: Any, fields: Mapping[str, Any]) -> Any:
    """The answer of ``operation`` to ``document`` or to a scenario of keyword ``fields``; an
    ``{"error": ...}`` answer raises its ``CosmosBackupError``."""
    if document is not None and fields:
        raise TypeError(f"{operation}() takes a scenario or keyword fields, not both")
    if document is None:
        if not fields:
            raise TypeError(f"{operation}() needs a scenario, a document, or keyword fields such as account=")
        document = scenario(**fields)
    a = call(operation, document)
    if isinstance(a, dict) and "error" in a and len(a) == 1:
        raise from_answer(a["error"])
    return a
