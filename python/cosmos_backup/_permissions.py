"""Result classes of the permission operations: restore-permission answers and the least-privilege report."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Tuple

from . import _notebook
from ._errors import ErrorDetails
from ._results import Rows, Diagnostic, Summary, _raw, diagnostics_of

__all__ = ["Grant", "RoleSuggestion", "PermissionAnswer", "PermissionCheck", "PrincipalAccess", "AssignmentReview", "LeastPrivilegeReport"]


def _strs(d: Mapping[str, Any], key: str) -> Tuple[str, ...]:
    return tuple(str(x) for x in d.get(key, ()))


@dataclass(frozen=True)
class Grant:
    """A role assignment that grants some of what a question needs.

    Attributes:
        role (str): The role's name.
        role_definition_id (str): The role definition id (GUID); empty for a custom role without one.
        scope (str): The assignment's scope.
        path (str): JSON Pointer of the assignment in your document.
        actions (tuple[str, ...]): The documented actions it grants here.
    """

    role: str
    role_definition_id: str
    scope: str
    path: str
    actions: Tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Grant":
        return cls(str(d.get("role", "")), str(d.get("roleDefinitionId", "")), str(d.get("scope", "")), str(d.get("path", "")), _strs(d, "actions"))


@dataclass(frozen=True)
class RoleSuggestion:
    """The narrowest built-in role, and the scope to assign it at, that grants what is missing.

    Attributes:
        role (str): Built-in role name.
        role_definition_id (str): Its role definition id.
        scope (str): Where to assign it.
        actions (tuple[str, ...]): The missing actions it grants.
    """

    role: str
    role_definition_id: str
    scope: str
    actions: Tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "RoleSuggestion":
        return cls(str(d.get("role", "")), str(d.get("roleDefinitionId", "")), str(d.get("scope", "")), _strs(d, "actions"))


@dataclass(frozen=True)
class PermissionAnswer:
    """The answer to one permission question.

    Attributes:
        ask (str): The canonical question (``restore``, ``restorePane``, ``changeRetention``,
            ``changeRedundancy``, ``migrateToContinuous``).
        principal_id (str): The principal asked about.
        allowed (bool): True when the principal holds every action needed, at a scope that applies.
        missing (tuple[str, ...]): Documented actions the principal lacks.
        granted_by (tuple[Grant, ...]): The assignments that grant the actions held.
        suggestion (RoleSuggestion | None): The narrowest built-in role for the first missing group.
        suggestions (tuple[RoleSuggestion, ...]): One per scope where actions are missing.
        diagnostics (tuple[Diagnostic, ...]): Why not, and what to do.
        path (str): JSON Pointer of the question in the input.
        question (Any): The question as given.
    """

    ask: str
    principal_id: str
    allowed: bool
    missing: Tuple[str, ...] = ()
    granted_by: Tuple[Grant, ...] = ()
    suggestion: Optional[RoleSuggestion] = None
    suggestions: Tuple[RoleSuggestion, ...] = ()
    diagnostics: Tuple[Diagnostic, ...] = ()
    path: str = ""
    question: Any = _raw()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "PermissionAnswer":
        s = d.get("suggestion")
        return cls(
            ask=str(d.get("ask", "")),
            principal_id=str(d.get("principalId", "")),
            allowed=bool(d.get("allowed")),
            missing=_strs(d, "missing"),
            granted_by=tuple(Grant.from_dict(g) for g in d.get("grantedBy", ())),
            suggestion=RoleSuggestion.from_dict(s) if s else None,
            suggestions=tuple(RoleSuggestion.from_dict(x) for x in d.get("suggestions", ())),
            diagnostics=diagnostics_of(d),
            path=str(d.get("path", "")),
            question=d.get("question"),
        )

    def __bool__(self) -> bool:
        return self.allowed


@dataclass(frozen=True)
class PermissionCheck(Rows[PermissionAnswer]):
    """The answer to ``check_permissions``: one answer per question, in order.

    Attributes:
        answers (tuple[PermissionAnswer, ...]): One per question.
        diagnostics (tuple[Diagnostic, ...]): Findings about the assignments and role definitions.
        summary (Summary): Counts over every finding (input-level and every answer's).
    """

    answers: Tuple[PermissionAnswer, ...]
    diagnostics: Tuple[Diagnostic, ...]
    summary: Summary
    raw: Dict[str, Any] = _raw()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "PermissionCheck":
        return cls(
            tuple(PermissionAnswer.from_dict(a) for a in d.get("answers", ())),
            diagnostics_of(d),
            Summary.from_dict(d.get("summary", {})),
            dict(d),
        )

    @property
    def allowed(self) -> bool:
        """True when every question is answered yes."""
        return all(a.allowed for a in self.answers)

    def errors(self) -> List[ErrorDetails]:
        """The error-level findings (input-level and every answer's) as ``ErrorDetails`` dicts."""
        every = list(self.diagnostics) + [x for a in self.answers for x in a.diagnostics]
        return [x.to_dict() for x in every if x.severity == "error"]

    @property
    def _rows(self) -> Tuple[PermissionAnswer, ...]:
        return self.answers

    def _repr_html_(self) -> str:
        return _notebook.permissions_html(self)


@dataclass(frozen=True)
class PrincipalAccess:
    """What one principal can restore.

    Attributes:
        principal_id (str): The principal.
        can_restore (bool): True when it can restore from somewhere into somewhere.
        restore_from (tuple[str, ...]): Scopes at which it holds the three source actions.
        restore_into (tuple[str, ...]): Scopes into which it can create the restored account.
        sources (tuple[str, ...]): The given sources it can restore from.
        sees_restore_pane (bool): True when it can see the portal's restore pane somewhere.
    """

    principal_id: str
    can_restore: bool
    restore_from: Tuple[str, ...] = ()
    restore_into: Tuple[str, ...] = ()
    sources: Tuple[str, ...] = ()
    sees_restore_pane: bool = False

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "PrincipalAccess":
        return cls(
            str(d.get("principalId", "")),
            bool(d.get("canRestore")),
            _strs(d, "restoreFrom"),
            _strs(d, "restoreInto"),
            _strs(d, "sources"),
            bool(d.get("seesRestorePane")),
        )


@dataclass(frozen=True)
class AssignmentReview:
    """An assignment that grants restore actions, and what it grants beyond them.

    Attributes:
        path (str): JSON Pointer of the assignment in your document.
        principal_id (str): The principal.
        role (str): The role.
        scope (str): The scope.
        restore_actions (tuple[str, ...]): The documented restore actions it grants.
        beyond_restore (tuple[str, ...]): Its action patterns no restore needs (first 20).
        beyond_restore_count (int): How many such patterns in all.
        least_privilege (bool): True when it grants what a restore needs, or less.
    """

    path: str
    principal_id: str
    role: str
    scope: str
    restore_actions: Tuple[str, ...] = ()
    beyond_restore: Tuple[str, ...] = ()
    beyond_restore_count: int = 0
    least_privilege: bool = True

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "AssignmentReview":
        return cls(
            str(d.get("path", "")),
            str(d.get("principalId", "")),
            str(d.get("role", "")),
            str(d.get("scope", "")),
            _strs(d, "restoreActions"),
            _strs(d, "beyondRestore"),
            int(d.get("beyondRestoreCount", 0)),
            bool(d.get("leastPrivilege")),
        )


@dataclass(frozen=True)
class LeastPrivilegeReport:
    """The answer to ``least_privilege_report``: who can restore what, and which grants are too broad.

    Attributes:
        principals (tuple[PrincipalAccess, ...]): Per principal, in order of first assignment.
        assignments (tuple[AssignmentReview, ...]): Every assignment that grants a restore action.
        diagnostics (tuple[Diagnostic, ...]): Excess grants and scopes above the documented maximum.
        summary (Summary): Counts over every finding.
    """

    principals: Tuple[PrincipalAccess, ...]
    assignments: Tuple[AssignmentReview, ...]
    diagnostics: Tuple[Diagnostic, ...]
    summary: Summary
    raw: Dict[str, Any] = _raw()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "LeastPrivilegeReport":
        return cls(
            tuple(PrincipalAccess.from_dict(p) for p in d.get("principals", ())),
            tuple(AssignmentReview.from_dict(a) for a in d.get("assignments", ())),
            diagnostics_of(d),
            Summary.from_dict(d.get("summary", {})),
            dict(d),
        )

    def _repr_html_(self) -> str:
        return _notebook.least_privilege_html(self)
