"""The exception family: every error this package raises is a ``CosmosBackupError`` (a ``ValueError``)."""

from __future__ import annotations

from typing import Any, List, Literal, Mapping, Optional, Sequence, Tuple, TypedDict

__all__ = [
    "ErrorDetails",
    "LocationDetails",
    "CosmosBackupError",
    "InputError",
    "ValidationError",
    "InternalError",
]



class LocationDetails(TypedDict):
    """Where a finding is in the text you wrote (Bicep, Terraform, JSON text): ``file`` may be ``None``."""

    file: Optional[str]
    line: int
    column: int


class ErrorDetails(TypedDict, total=False):
    """One finding, as ``CosmosBackupError.errors()`` returns it.

    Keys:
        code: Stable slug (``periodic.interval-below-minimum``); key on this, never on ``message``.
        severity: ``"error"``, ``"warning"`` or ``"info"``.
        path: RFC 6901 JSON Pointer into the document you gave (``""`` is the whole document).
        message: One line naming the field and your value.
        help: What to do about it.
        source: The document and section that state the rule.
        location: Where the finding is in the text you wrote (inputs given as text or as a
            ``{"format", "text"}`` source object); absent for plain values.
    """

    code: str
    severity: Literal["error", "warning", "info"]
    path: str
    message: str
    help: str
    source: str
    location: LocationDetails


def _details(d: Mapping[str, Any]) -> ErrorDetails:
    e = ErrorDetails(
        code=str(d.get("code", "")),
        severity=d.get("severity", "error"),
        path=str(d.get("path", "")),
        message=str(d.get("message", "")),
        help=str(d.get("help", "")),
        source=str(d.get("source", "")),
    )
    loc = d.get("location")
    if isinstance(loc, Mapping):
        e["location"] = LocationDetails(file=loc.get("file"), line=int(loc.get("line", 0)), column=int(loc.get("column", 0)))
    return e


class CosmosBackupError(ValueError):
    """Base class of every error raised by ``cosmos_backup``.

    Attributes:
        code (str): Stable slug of the error (``input.json-syntax``, ...).
        message (str): One line.
    """

    code: str
    message: str

    def __init__(self, code: str, message: str, diagnostics: Sequence[Mapping[str, Any]] = ()) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self._errors: List[ErrorDetails] = [_details(d) for d in diagnostics]

    def errors(self) -> List[ErrorDetails]:
        """The findings behind the error.

        Returns:
            list[ErrorDetails]: One dict per finding (a fresh list each call).
        """
        return [ErrorDetails(**e) for e in self._errors]

    def __str__(self) -> str:
        lines = [f"{self.message} [{self.code}]"]
        for e in self._errors:
            where = e["path"] or "(document)"
            lines.append(f"  {e['severity']} {e['code']} at {where}: {e['message']}")
            if e["help"]:
                lines.append(f"    help: {e['help']}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, message={self.message!r}, errors={len(self._errors)})"

    def __reduce__(self) -> Any:
        return (type(self), (self.code, self.message, self._errors))


class InputError(CosmosBackupError):
    """The input is not usable at all: not JSON, not a document, too large, a value with no JSON
    form, a naive ``datetime``, or an unknown operation."""


class ValidationError(CosmosBackupError):
    """Raised by ``validate()`` when the document has at least one error-level finding.

    ``errors()`` lists the error-level findings; ``diagnostics`` keeps every finding.

    Attributes:
        diagnostics (tuple[Diagnostic, ...]): Every finding, warnings and infos included.
    """

    diagnostics: Tuple[Any, ...]


class InternalError(CosmosBackupError):
    """A bug in cosmos-backup (the engine must never fail on any input). Please report it."""


def from_answer(error: Mapping[str, Any], *, prefix: str = "", path_prefix: str = "") -> CosmosBackupError:
    """Builds the exception for an API ``{"error": ...}`` answer."""
    code = str(error.get("code", "internal"))
    message = prefix + str(error.get("message", ""))
    diags = [dict(d, path=path_prefix + str(d.get("path", ""))) for d in error.get("diagnostics", [])]
    cls = InternalError if code.startswith("internal") else InputError
    return cls(code, message, diags)


def conversion_error(message: str, path: str, code: str = "input.not-a-document") -> InputError:
    """The error for a Python value with no JSON form (raised before the engine runs)."""
    return InputError(
        code,
        message,
        [
            {
                "code": code,
                "severity": "error",
                "path": path,
                "message": message,
                "help": "use JSON types (dict, list, str, int, float, bool, None); "
                "pass datetimes through the keyword arguments, which convert them",
                "source": "",
            }
        ],
    )


def naive_datetime(field: str) -> InputError:
    message = f"`{field}` is a naive datetime (no timezone)"
    return InputError(
        "timestamp.invalid",
        message,
        [
            {
                "code": "timestamp.invalid",
                "severity": "error",
                "path": "/" + field,
                "message": message,
                "help": "give a timezone-aware datetime, e.g. `datetime(2026, 11, 21, tzinfo=timezone.utc)`",
                "source": "",
            }
        ],
    )

