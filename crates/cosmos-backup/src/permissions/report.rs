//! The least-privilege report: for a set of assignments, who can restore which sources, and
//! which assignments grant more than a restore needs.

use super::actions::matches;
use super::inputs::{Assignment, Inputs};
use super::questions::{Action, RESTORE_ACTIONS, SOURCE_ACTIONS, TARGET_ACTIONS};
use super::rules::*;
use super::scope::{Scope, ScopeKind};
use crate::diagnostics::Diagnostic;
use crate::pointer::Pointer;
use serde::{Deserialize, Serialize};

/// How many excess action patterns a finding lists before it says "and N more".
const MAX_LISTED: usize = 20;

/// What one principal can restore.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PrincipalAccess {
    /// The principal.
    pub principal_id: String,
    /// True when the principal can restore from somewhere into somewhere.
    pub can_restore: bool,
    /// Scopes at which the principal holds the three source actions (every restorable account below them).
    pub restore_from: Vec<String>,
    /// Scopes into which the principal can create the restored account (write + deployments).
    pub restore_into: Vec<String>,
    /// The given sources the principal can restore from.
    pub sources: Vec<String>,
    /// True when the principal can see the portal's restore pane somewhere.
    pub sees_restore_pane: bool,
}

/// An assignment that grants restore actions, and what it grants beyond them.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AssignmentReview {
    /// The assignment in the user's document.
    pub path: Pointer,
    /// The principal.
    pub principal_id: String,
    /// The role.
    pub role: String,
    /// The scope.
    pub scope: String,
    /// The documented restore actions it grants (ignoring scope).
    pub restore_actions: Vec<String>,
    /// Its action patterns that no restore action needs (first 20).
    pub beyond_restore: Vec<String>,
    /// How many such patterns in all.
    pub beyond_restore_count: usize,
    /// True when it grants exactly what a restore needs, or less.
    pub least_privilege: bool,
}

/// The least-privilege report.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// Per principal, in order of first assignment.
    pub principals: Vec<PrincipalAccess>,
    /// Every assignment that grants a restore action.
    pub assignments: Vec<AssignmentReview>,
    /// Findings: excess grants and scopes above the documented maximum.
    pub diagnostics: Vec<Diagnostic>,
}

/// True when the principal's assignments (`mine`) grant every action at `at`.
fn holds(inputs: &Inputs, mine: &[&Assignment], actions: &[Action], at: &Scope) -> bool {
    let reaching: Vec<&&Assignment> = mine
        .iter()
        .filter(|x| x.scope.contains(at, &inputs.hierarchy))
        .collect();
    actions
        .iter()
        .all(|a| a.probes.iter().all(|p| reaching.iter().any(|x| x.role.grant(p).0)))
}

/// Keeps the broadest scopes: drops any scope another listed scope contains.
fn broadest(mut scopes: Vec<Scope>, inputs: &Inputs) -> Vec<String> {
    scopes.sort_by_key(Scope::depth);
    let mut kept: Vec<Scope> = Vec::new();
    for s in scopes {
        if !kept.iter().any(|k| k.contains(&s, &inputs.hierarchy)) {
            kept.push(s);
        }
    }
    kept.into_iter().map(|s| s.text).collect()
}

/// Builds the report; `sources` are restorable-account ids to check one by one.
pub fn build(inputs: &Inputs, sources: &[String]) -> Report {
    let mut principals: Vec<String> = Vec::new();
    for x in &inputs.assignments {
        if !principals.iter().any(|p| x.is_for(p)) {
            principals.push(x.principal.clone());
        }
    }
    let sources: Vec<Scope> = sources
        .iter()
        .filter_map(|s| Scope::parse(s).ok())
        .filter(|s| s.kind == ScopeKind::RestorableAccount)
        .collect();
    let pane = [SOURCE_ACTIONS.get(1).copied(), SOURCE_ACTIONS.get(2).copied()];
    let pane: Vec<Action> = pane.into_iter().flatten().collect();
    let mut access = Vec::new();
    for p in &principals {
        let own: Vec<&Assignment> = inputs.assignments.iter().filter(|x| x.is_for(p)).collect();
        let mine: Vec<&Scope> = own.iter().map(|x| &x.scope).collect();
        let from: Vec<Scope> = mine
            .iter()
            .filter(|s| !matches!(s.kind, ScopeKind::ResourceGroup) && s.resource_group_scope().is_none())
            .filter(|s| holds(inputs, &own, SOURCE_ACTIONS, s))
            .map(|s| (*s).clone())
            .collect();
        let into: Vec<Scope> = mine
            .iter()
            .filter(|s| !matches!(s.kind, ScopeKind::Resource | ScopeKind::RestorableAccount))
            .filter(|s| holds(inputs, &own, TARGET_ACTIONS, s))
            .map(|s| (*s).clone())
            .collect();
        let sees = mine
            .iter()
            .any(|s| s.resource_group_scope().is_none() && holds(inputs, &own, &pane, s));
        let from = broadest(from, inputs);
        let into = broadest(into, inputs);
        access.push(PrincipalAccess {
            principal_id: p.clone(),
            can_restore: !from.is_empty() && !into.is_empty(),
            sources: sources
                .iter()
                .filter(|s| holds(inputs, &own, SOURCE_ACTIONS, s))
                .map(|s| s.text.clone())
                .collect(),
            restore_from: from,
            restore_into: into,
            sees_restore_pane: sees,
        });
    }
    let mut reviews = Vec::new();
    let mut diagnostics = Vec::new();
    for x in &inputs.assignments {
        let granted: Vec<String> = RESTORE_ACTIONS
            .iter()
            .filter(|a| a.probes.iter().any(|p| x.role.grant(p).0))
            .map(|a| a.name.to_string())
            .collect();
        if granted.is_empty() {
            continue;
        }
        let beyond: Vec<String> = x
            .role
            .action_patterns()
            .filter(|pat| !RESTORE_ACTIONS.iter().any(|a| matches(a.name, pat)))
            .map(str::to_string)
            .collect();
        let count = beyond.len();
        if count > 0 {
            let listed: Vec<String> = beyond.iter().take(3).map(|b| format!("`{b}`")).collect();
            let more = if count > 3 {
                format!(" and {} more", count.saturating_sub(3))
            } else {
                String::new()
            };
            diagnostics.push(MORE_THAN_NEEDED.at(
                &x.path,
                format!("`{}` at `{}` grants restore actions and also {}{more}", x.role.name, x.scope.text, listed.join(", ")),
                "to grant restore alone, assign a custom role with the six documented actions (the `RestorableAction` sample), or `CosmosRestoreOperator` on the restorable account plus a role with `databaseAccounts/write` and the two deployment actions on the target resource group",
            ));
        }
        let source_side = SOURCE_ACTIONS.iter().any(|a| granted.iter().any(|g| g == a.name));
        if source_side && matches!(x.scope.kind, ScopeKind::Root | ScopeKind::ManagementGroup) {
            diagnostics.push(BROADER_THAN_DOCUMENTED.at(
                &x.scope_path,
                format!("`{}` grants restore actions at the {} `{}`, above the subscription", x.role.name, x.scope.kind.label(), x.scope.text),
                "the documented maximum scope for restore actions is the subscription of the restorable account; assign at the subscription or the restorable account instead",
            ));
        }
        reviews.push(AssignmentReview {
            path: x.path.clone(),
            principal_id: x.principal.clone(),
            role: x.role.name.clone(),
            scope: x.scope.text.clone(),
            least_privilege: count == 0,
            restore_actions: granted,
            beyond_restore: beyond.into_iter().take(MAX_LISTED).collect(),
            beyond_restore_count: count,
        });
    }
    Report {
        principals: access,
        assignments: reviews,
        diagnostics,
    }
}
