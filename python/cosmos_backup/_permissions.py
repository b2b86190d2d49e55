"""Hand-written helpers of the permission results (the classes themselves are generated).

Each ``<Name>Mixin`` is a base of the generated class ``<Name>`` (see ``_results``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, List, Tuple

from . import _notebook
from ._errors import ErrorDetails
from ._results import Rows

if TYPE_CHECKING:  # pragma: no cover
    from ._generated import Diagnostic, PermissionAnswer

__all__: List[str] = []


class PermissionAnswerMixin:
    """An answer is true when the principal is allowed."""

    if TYPE_CHECKING:
        allowed: bool

    def __bool__(self) -> bool:
        return self.allowed


class PermissionCheckMixin(Rows["PermissionAnswer"]):
    """Rows (the answers), ``allowed`` over every question, errors and HTML."""

    if TYPE_CHECKING:
        answers: Tuple[PermissionAnswer, ...]
        diagnostics: Tuple[Diagnostic, ...]

    @property
    def allowed(self) -> bool:
        """True when every question is answered yes."""
        return all(a.allowed for a in self.answers)

    def errors(self) -> List[ErrorDetails]:
        """The error-level findings (input-level and every answer's) as ``ErrorDetails`` dicts."""
        every = list(self.diagnostics) + [x for a in self.answers for x in a.diagnostics]
        return [x.to_dict() for x in every if x.severity == "error"]

    @property
    def _rows(self) -> Tuple["PermissionAnswer", ...]:
        return self.answers

    def _repr_html_(self) -> str:
        return _notebook.permissions_html(self)  # type: ignore[arg-type]


class LeastPrivilegeReportMixin:
    """HTML."""

    def _repr_html_(self) -> str:
        return _notebook.least_privilege_html(self)  # type: ignore[arg-type]
