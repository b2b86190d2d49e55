"""The result of ``restore_plan``: the restore's commands, checked by the engine, as typed values
and as a Markdown runbook page (``to_markdown()``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Dict, Mapping, Optional, Tuple

from ._convert import parse_time
from ._permissions import PermissionCheck
from ._results import Cost, Diagnostic, NotRestored, Summary, _raw, count, diagnostics_of

__all__ = ["PlanStep", "PlanTarget", "RestorePlan"]


@dataclass(frozen=True)
class PlanStep:
    """One step of the plan's timeline.

    Attributes:
        id (str): Stable slug (``restore``, ``verify-provisioning``, ``reapply-ipRules``, ...).
        phase (str): ``before``, ``restore``, ``verify`` or ``after``.
        title (str): What the step does.
        why (str): Why it is needed.
        source (str): The document that says so.
        closes (str | None): The not-restored checklist item the step closes.
        az (str | None): Azure CLI command(s), one per line, quoted for bash.
        powershell (str | None): Azure PowerShell command(s), quoted for PowerShell.
        verify (str | None): What to check once the step ran.
        manual (str | None): What to do by hand when no command does it.
    """

    id: str
    phase: str
    title: str
    why: str
    source: str
    closes: Optional[str] = None
    az: Optional[str] = None
    powershell: Optional[str] = None
    verify: Optional[str] = None
    manual: Optional[str] = None

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "PlanStep":
        return cls(
            id=str(d.get("id", "")),
            phase=str(d.get("phase", "")),
            title=str(d.get("title", "")),
            why=str(d.get("why", "")),
            source=str(d.get("source", "")),
            closes=d.get("closes"),
            az=d.get("az"),
            powershell=d.get("powershell"),
            verify=d.get("verify"),
            manual=d.get("manual"),
        )


@dataclass(frozen=True)
class PlanTarget:
    """Where the restore goes.

    Attributes:
        account_name (str): The new account or cluster (the source account when in-account).
        resource_group (str): Its resource group (a ``<PLACEHOLDER>`` when not given).
        location (str | None): Its region.
        in_account (bool): True for an in-account restore.
    """

    account_name: str
    resource_group: str
    location: Optional[str] = None
    in_account: bool = False

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "PlanTarget":
        return cls(str(d.get("accountName", "")), str(d.get("resourceGroup", "")), d.get("location"), bool(d.get("inAccount", False)))


def _fence(lang: str, text: str) -> str:
    # A fence longer than any backtick run inside, so a command holding backticks stays intact.
    longest = max((len(run) for run in text.replace("\n", " ").split() if set(run) == {"`"}), default=0)
    ticks = "`" * max(3, longest + 1)
    return f"{ticks}{lang}\n{text}\n{ticks}"


@dataclass(frozen=True)
class RestorePlan:
    """The answer to ``restore_plan``: a restore the engine accepts, with its commands.

    Attributes:
        accepted (bool): True when the plan offers a restore; False with the reasons in
            ``diagnostics`` (then ``steps`` and ``arm`` are empty).
        mode (str): ``newAccount``, ``inAccount``, ``periodicSupportRequest`` or ``postgresCluster``.
        source_account (str | None): The source account or cluster.
        api (str | None): Its API (``sql``, ``mongoDb``, ...).
        restore_timestamp (datetime | None): The instant restored to (periodic: the snapshot's time).
        timestamp_basis (str | None): How it was chosen (``given``, ``second-before-incident``, ...).
        deadline (datetime | None): Periodic: until when that snapshot is kept.
        target (PlanTarget | None): Where the restore goes.
        arm (tuple[dict, ...]): The ARM bodies, each accepted by ``check_restore_request``.
        bicep (str | None): The same bodies as a Bicep file.
        support_request (str | None): Periodic: the Azure support request text.
        permissions (PermissionCheck | None): Whether ``principalId`` may restore.
        cost (Cost | None): The source's cost and that of one restore (with ``usage``).
        steps (tuple[PlanStep, ...]): The timeline, in order.
        not_restored (tuple[NotRestored, ...]): What the restore doesn't bring back.
        placeholders (tuple[str, ...]): ``<PLACEHOLDERS>`` to fill before running.
        diagnostics (tuple[Diagnostic, ...]): The plan's and the engine's findings.
    """

    accepted: bool
    mode: str
    source_account: Optional[str] = None
    api: Optional[str] = None
    restore_timestamp: Optional[datetime] = None
    timestamp_basis: Optional[str] = None
    deadline: Optional[datetime] = None
    target: Optional[PlanTarget] = None
    arm: Tuple[Dict[str, Any], ...] = ()
    bicep: Optional[str] = None
    support_request: Optional[str] = None
    permissions: Optional[PermissionCheck] = None
    cost: Optional[Cost] = None
    steps: Tuple[PlanStep, ...] = ()
    not_restored: Tuple[NotRestored, ...] = ()
    placeholders: Tuple[str, ...] = ()
    diagnostics: Tuple[Diagnostic, ...] = ()
    raw: Dict[str, Any] = _raw()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "RestorePlan":
        def time(key: str) -> Optional[datetime]:
            v = d.get(key)
            return parse_time(v) if isinstance(v, str) else None

        t = d.get("target")
        p = d.get("permissions")
        c = d.get("cost")
        return cls(
            accepted=bool(d.get("accepted", False)),
            mode=str(d.get("mode", "")),
            source_account=d.get("sourceAccount"),
            api=d.get("api"),
            restore_timestamp=time("restoreTimestamp"),
            timestamp_basis=d.get("timestampBasis"),
            deadline=time("deadline"),
            target=PlanTarget.from_dict(t) if isinstance(t, Mapping) else None,
            arm=tuple(dict(x) for x in d.get("arm", ())),
            bicep=d.get("bicep"),
            support_request=d.get("supportRequest"),
            permissions=PermissionCheck.from_dict(p) if isinstance(p, Mapping) else None,
            cost=Cost.from_dict(c) if isinstance(c, Mapping) else None,
            steps=tuple(PlanStep.from_dict(s) for s in d.get("steps", ())),
            not_restored=tuple(NotRestored.from_dict(n) for n in d.get("notRestored", ())),
            placeholders=tuple(str(x) for x in d.get("placeholders", ())),
            diagnostics=diagnostics_of(d),
            raw=dict(d),
        )

    @property
    def summary(self) -> Summary:
        """Counts of the findings."""
        return count(self.diagnostics)

    def to_markdown(self) -> str:
        """The plan as a runbook page: the facts, each step with its commands, the findings.

        Returns:
            str: Markdown text.
        """
        raw = self.raw
        lines = [f"# Restore plan: {self.source_account or 'unknown source'}", ""]
        lines.append(f"- **Offered:** {'yes' if self.accepted else 'no (see the findings)'}")
        lines.append(f"- **Mode:** {self.mode}")
        if self.target is not None:
            where = f" in {self.target.location}" if self.target.location else ""
            lines.append(f"- **Target:** `{self.target.account_name}` (resource group `{self.target.resource_group}`){where}")
        if raw.get("restoreTimestamp"):
            lines.append(f"- **Restore to:** {raw['restoreTimestamp']} ({self.timestamp_basis})")
        if raw.get("deadline"):
            lines.append(f"- **Deadline:** {raw['deadline']} (the snapshot rolls over after it)")
        if self.cost is not None:
            lines.append(f"- **One restore costs:** {self.cost.per_restore} {self.cost.currency}")
        if self.placeholders:
            lines.append("- **Fill before running:** " + ", ".join(f"`{p}`" for p in self.placeholders))
        for i, s in enumerate(self.steps, 1):
            lines += ["", f"## {i}. {s.title}", "", f"*{s.phase}* — {s.why} ({s.source})"]
            if s.closes:
                lines.append(f"\nCloses checklist item `{s.closes}`.")
            if s.az:
                lines += ["", "Azure CLI:", "", _fence("bash", s.az)]
            if s.powershell:
                lines += ["", "PowerShell:", "", _fence("powershell", s.powershell)]
            if s.manual:
                lines += ["", f"By hand: {s.manual}"]
            if s.verify:
                lines += ["", f"Verify: {s.verify}"]
        if self.support_request:
            lines += ["", "## Support request", "", _fence("text", self.support_request)]
        if self.bicep:
            lines += ["", "## Bicep", "", _fence("bicep", self.bicep.rstrip("\n"))]
        if self.diagnostics:
            lines += ["", "## Findings", ""]
            lines += [f"- **{d.severity}** `{d.code}` at `{d.path}`: {d.message} — {d.help}" for d in self.diagnostics]
        return "\n".join(lines) + "\n"
