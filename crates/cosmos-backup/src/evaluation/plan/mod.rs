//! `restorePlan`: from a restore answer to the commands that carry it out.
//!
//! The plan is built from the engine's own restore pieces: the window ([`super::window`],
//! [`super::periodic`]), the request check (`checkRestoreRequest`, run on every ARM body the plan
//! would offer: a body the engine rejects is never offered), the not-restored checklist
//! (`notRestored`, re-applied from the source's own values), permissions
//! ([`crate::permissions`]) and the restore's cost ([`crate::pricing`]). Input shape:
//! [`input`]. Sources: domain.md §1.4 (periodic), §2.3–§2.5 (continuous, in-account, TTL), §4
//! (permissions), §5 (PostgreSQL), §6 (not restored); seeds 000, 002 and 003.

pub mod arm;
pub mod az;
pub mod bicep;
pub mod endpoints;
pub mod input;
pub mod powershell;
pub mod quote;
pub mod rbac;
pub mod reapply;
pub mod rules;
mod source;
pub mod support;

use crate::diagnostics::{Diagnostic, Severity};
use crate::model::Api;
use crate::pointer::Pointer;
use crate::refusal::ApiError;
use crate::restore::NotRestored;
use input::{Target, When};
pub use rules::RULES;
use serde::{Deserialize, Serialize};
use serde_json::Value;
pub use source::Source;

/// One step of the plan's timeline.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanStep {
    /// Stable slug (`restore`, `verify-provisioning`, `reapply-ipRules`, …).
    pub id: String,
    /// `before`, `restore`, `verify` or `after`.
    pub phase: String,
    /// What the step does, in one line.
    pub title: String,
    /// Why it is needed.
    pub why: String,
    /// The document that says so.
    pub source: String,
    /// The not-restored checklist item this step closes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closes: Option<String>,
    /// The Azure CLI command(s), one per line (bash quoting).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub az: Option<String>,
    /// The Azure PowerShell command(s) (PowerShell quoting).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub powershell: Option<String>,
    /// What to check once the step ran.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verify: Option<String>,
    /// What to do by hand when no command does it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manual: Option<String>,
}

/// The plan's target, as the commands use it.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanTarget {
    /// The new account or cluster, or the source account for an in-account restore.
    pub account_name: String,
    /// Its resource group (a placeholder when not given).
    pub resource_group: String,
    /// Its region (new account or cluster).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// True for an in-account restore.
    pub in_account: bool,
}

/// The answer to `restorePlan`.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RestorePlan {
    /// True when the plan offers a restore (no error finding).
    pub accepted: bool,
    /// `newAccount`, `inAccount`, `periodicSupportRequest` or `postgresCluster` (empty when
    /// unknown).
    pub mode: String,
    /// The source account (or cluster) name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_account: Option<String>,
    /// The source's API.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api: Option<Api>,
    /// The instant restored to (periodic: the snapshot's time), RFC 3339 UTC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restore_timestamp: Option<String>,
    /// How it was chosen: `given`, `second-before-incident`, `latest-restorable` or
    /// `latest-snapshot-before-incident`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp_basis: Option<String>,
    /// Periodic: the last instant the snapshot is kept (snapshot + retention).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    /// The target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<PlanTarget>,
    /// The ARM bodies of the restore (one account, or one per in-account resource), each
    /// accepted by `checkRestoreRequest`.
    #[cfg_attr(feature = "ts", tsify(type = "Json[]"))]
    pub arm: Vec<Value>,
    /// The same bodies as a Bicep file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bicep: Option<String>,
    /// Periodic: the text of the Azure support request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support_request: Option<String>,
    /// Whether the given role assignments let `principalId` restore (`checkPermissions`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions: Option<crate::permissions::PermissionCheck>,
    /// The cost of the source's backups and of one restore, when `usage` is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<crate::pricing::Cost>,
    /// The timeline: before, restore, verify, after.
    pub steps: Vec<PlanStep>,
    /// What the restore does not bring back (the checklist the `after` steps close).
    pub not_restored: Vec<NotRestored>,
    /// The placeholders the commands hold (`<RESOURCE_GROUP>`), to fill before running.
    pub placeholders: Vec<String>,
    /// Findings: the plan's own and the engine's about this restore.
    pub diagnostics: Vec<Diagnostic>,
}

impl RestorePlan {
    fn refused(mode: &str, diagnostics: Vec<Diagnostic>) -> Self {
        RestorePlan {
            accepted: false,
            mode: mode.to_string(),
            source_account: None,
            api: None,
            restore_timestamp: None,
            timestamp_basis: None,
            deadline: None,
            target: None,
            arm: Vec::new(),
            bicep: None,
            support_request: None,
            permissions: None,
            cost: None,
            steps: Vec::new(),
            not_restored: Vec::new(),
            placeholders: Vec::new(),
            diagnostics,
        }
    }
}

/// A placeholder for a value the user must fill.
pub fn placeholder(name: &str) -> String {
    format!("<{name}>")
}

/// Every `<UPPER_CASE>` placeholder in `text`, in order of first use.
pub fn placeholders_in(text: &str, out: &mut Vec<String>) {
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        let tail = rest.get(start..).unwrap_or("");
        let end = tail.find('>');
        match end {
            Some(e) => {
                let inner = tail.get(1..e).unwrap_or("");
                if !inner.is_empty()
                    && inner
                        .chars()
                        .all(|c| c.is_ascii_uppercase() || c == '_' || c.is_ascii_digit())
                {
                    let p = format!("<{inner}>");
                    if !out.contains(&p) {
                        out.push(p);
                    }
                }
                rest = tail.get(e.saturating_add(1)..).unwrap_or("");
            }
            None => break,
        }
    }
}

/// The scenario without `plan`, with the plan's time as the periodic `incidentTime`.
fn scenario_of(input: &Value, when: Option<When>) -> Value {
    let mut s = input.clone();
    if let Some(m) = s.as_object_mut() {
        m.remove("plan");
        if let Some(When::Before(t) | When::At(t)) = when {
            m.insert("incidentTime".to_string(), Value::String(crate::time::format(t)));
        }
    }
    s
}

/// `restorePlan`: a scenario (source `account` and/or `restorableAccount`, optional `events`,
/// `usage`, `roleAssignments`) plus `plan` (see [`input`]) → the restore's commands, checked.
pub fn restore_plan(value: &Value) -> Result<RestorePlan, ApiError> {
    let mut d = Vec::new();
    let read = input::read(value, &mut d);
    let when = read.as_ref().and_then(|p| p.when);
    let scenario = scenario_of(value, when);
    let eval = crate::evaluation::evaluate(&scenario, &crate::evaluation::Options::default())?;
    let Some(first) = eval.results.first() else {
        d.push(rules::SOURCE_MISSING.at(&Pointer::root(), "the scenario holds no account, restorable account or cluster", "add `account` (the live account, e.g. `az cosmosdb show` output) or `restorableAccount` (`az cosmosdb restorable-database-account show` output)"));
        return Ok(RestorePlan::refused("", d));
    };
    if eval.results.len() > 1 {
        d.push(rules::SEVERAL_SOURCES.at(
            &first.path,
            format!(
                "the scenario holds {} accounts; the plan is for `{}`",
                eval.results.len(),
                crate::values::clip(&first.name)
            ),
            "give one account per plan",
        ));
    }
    let src = Source::read(&scenario, first);
    let Some(read) = read else {
        let mut p = RestorePlan::refused(src.mode_name(read_target_in_account(value)), d);
        p.source_account = Some(src.name.clone());
        p.api = Some(src.api);
        return Ok(p);
    };
    let mut plan = build(&scenario, &src, &read, first, d);
    plan.cost = first.cost.clone();
    plan.source_account = Some(src.name.clone());
    plan.api = Some(src.api);
    let mut ph = Vec::new();
    for s in &plan.steps {
        for t in [&s.az, &s.powershell, &s.manual].into_iter().flatten() {
            placeholders_in(t, &mut ph);
        }
    }
    if let Some(b) = &plan.bicep {
        placeholders_in(b, &mut ph);
    }
    if let Some(t) = &plan.support_request {
        placeholders_in(t, &mut ph);
    }
    if !ph.is_empty() && plan.accepted {
        plan.diagnostics.push(rules::PLACEHOLDER.at(
            &Pointer::root().key("plan"),
            format!("the commands hold {} placeholder(s): {}", ph.len(), ph.join(", ")),
            "replace each `<…>` with your value before running; the documents give no value for them",
        ));
    }
    plan.placeholders = ph;
    plan.accepted = plan.accepted && !plan.diagnostics.iter().any(|x| x.severity == Severity::Error);
    Ok(plan)
}

fn read_target_in_account(value: &Value) -> bool {
    value.pointer("/plan/target/inAccount").and_then(Value::as_bool) == Some(true)
}

fn build(
    scenario: &Value,
    src: &Source,
    read: &input::PlanInput,
    result: &crate::contract::AccountResult,
    mut d: Vec<Diagnostic>,
) -> RestorePlan {
    let in_account = matches!(read.target, Some(Target::InAccount));
    let mode = src.mode_name(in_account);
    if in_account && read.pick.whole() {
        d.push(rules::IN_ACCOUNT_WHOLE.at(
            &Pointer::root().key("plan").key("target").key("inAccount"),
            "`plan.target.inAccount` is `true` but `plan.restore` names no database or container",
            "name the deleted databases or containers in `plan.restore`, or restore the account into a new account",
        ));
    }
    if in_account && src.periodic {
        d.push(rules::IN_ACCOUNT_PERIODIC.at(
            &Pointer::root().key("plan").key("target").key("inAccount"),
            "the source uses periodic backup, which has no in-account restore",
            "drop `inAccount`: Azure support restores a periodic account into a new account",
        ));
    }
    let (Some(when), Some(target)) = (read.when, read.target.clone()) else {
        return RestorePlan::refused(mode, d);
    };
    if d.iter().any(|x| x.severity == Severity::Error) {
        return RestorePlan::refused(mode, d);
    }
    let ctx = Ctx {
        scenario,
        src,
        read,
        result,
        when,
        target,
    };
    let mut plan = if src.postgres {
        arm::postgres_plan(&ctx, d)
    } else if src.periodic {
        support::periodic_plan(&ctx, d)
    } else {
        arm::continuous_plan(&ctx, d)
    };
    plan.mode = mode.to_string();
    plan
}

/// Everything a plan builder reads.
pub struct Ctx<'x> {
    /// The scenario (without `plan`).
    pub scenario: &'x Value,
    /// The source's facts.
    pub src: &'x Source,
    /// The plan's input.
    pub read: &'x input::PlanInput,
    /// The source's evaluated result.
    pub result: &'x crate::contract::AccountResult,
    /// When.
    pub when: When,
    /// Where.
    pub target: Target,
}
