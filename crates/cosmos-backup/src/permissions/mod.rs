//! Restore permissions: who may restore what.
//!
//! Azure RBAC semantics for the actions backup and restore involve ([`actions`]: `*` wildcards,
//! case-insensitive matching, `actions` minus `notActions`; [`scope`]: management group ⊃
//! subscription ⊃ resource group ⊃ resource), the built-in roles ([`roles`]), the questions
//! people ask ([`questions`]) and a least-privilege report ([`report`]).
//!
//! ```
//! use serde_json::json;
//! let input = json!({
//!   "roleDefinitions": [{"Name": "RestorableAction", "assignableScopes": ["/subscriptions/s1"],
//!     "permissions": [{"actions": [
//!       "Microsoft.Resources/deployments/validate/action", "Microsoft.DocumentDB/databaseAccounts/write",
//!       "Microsoft.Resources/deployments/write",
//!       "Microsoft.DocumentDB/locations/restorableDatabaseAccounts/restore/action",
//!       "Microsoft.DocumentDB/locations/restorableDatabaseAccounts/read",
//!       "Microsoft.DocumentDB/locations/restorableDatabaseAccounts/*/read"], "notActions": []}]}],
//!   "roleAssignments": [{"principalId": "p1", "roleDefinitionName": "RestorableAction", "scope": "/subscriptions/s1"}],
//!   "questions": [{"ask": "restore", "principalId": "p1",
//!     "source": "/subscriptions/s1/providers/Microsoft.DocumentDB/locations/West US/restorableDatabaseAccounts/abc",
//!     "targetResourceGroup": "/subscriptions/s1/resourceGroups/rg"}]
//! });
//! let check = cosmos_backup::permissions::check(&cosmos_backup::node::Node::root(&input));
//! assert!(check.answers[0].allowed);
//! ```

pub mod actions;
pub mod inputs;
pub mod questions;
pub mod report;
pub mod roles;
pub mod rules;
pub mod scope;

pub use rules::RULES;

use crate::diagnostics::{Diagnostic, Summary};
use crate::node::Node;
use crate::scenario::ScenarioView;
use questions::Answer;
use report::Report;
use serde::{Deserialize, Serialize};

/// The answer to `checkPermissions`.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PermissionCheck {
    /// One answer per question, in order.
    pub answers: Vec<Answer>,
    /// Findings about the assignments and role definitions themselves.
    pub diagnostics: Vec<Diagnostic>,
    /// Counts over all findings (input-level and every answer's).
    pub summary: Summary,
}

/// The answer to `leastPrivilegeReport`.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LeastPrivilegeReport {
    /// The report.
    #[serde(flatten)]
    pub report: Report,
    /// Counts over all findings (input-level and the report's).
    pub summary: Summary,
}

/// The permission part of an evaluation (scenarios that carry `roleAssignments`).
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PermissionsResult {
    /// One answer per question.
    pub answers: Vec<Answer>,
    /// The least-privilege report.
    pub report: Report,
    /// Findings about the assignments and role definitions themselves.
    pub diagnostics: Vec<Diagnostic>,
}

impl PermissionsResult {
    /// Every finding: input-level, then each answer's, then the report's.
    pub fn all_diagnostics(&self) -> Vec<Diagnostic> {
        self.diagnostics
            .iter()
            .chain(self.answers.iter().flat_map(|a| a.diagnostics.iter()))
            .chain(self.report.diagnostics.iter())
            .cloned()
            .collect()
    }

    /// Appends another scenario's result (fleets).
    pub fn merge(&mut self, other: PermissionsResult) {
        self.answers.extend(other.answers);
        self.diagnostics.extend(other.diagnostics);
        self.report.principals.extend(other.report.principals);
        self.report.assignments.extend(other.report.assignments);
        self.report.diagnostics.extend(other.report.diagnostics);
    }
}

fn read_inputs(root: &Node<'_>) -> inputs::Inputs {
    let mut read = inputs::read(
        root.get("roleAssignments").as_ref(),
        root.get("roleDefinitions").as_ref(),
        root.get("managementGroups").as_ref(),
    );
    for (field, rule) in [
        ("roleAssignments", rules::INVALID_ASSIGNMENT),
        ("roleDefinitions", rules::INVALID_ASSIGNMENT),
        ("questions", rules::INVALID_QUESTION),
    ] {
        if let Some(n) = root.get(field).filter(|n| !n.value.is_array() && !n.value.is_object()) {
            read.diagnostics.push(rule.at(
                &n.path,
                format!("`{field}` is {}, not a list", crate::node::type_name(n.value)),
                format!("give `{field}` as a JSON array (as `az` prints it); it is ignored"),
            ));
        }
    }
    read
}

/// The restorable-account id a scenario's `restorableAccount` names, if any.
fn scenario_source(root: &Node<'_>) -> Option<String> {
    let ra = root.get("restorableAccount")?;
    let first = inputs::entries(&ra).into_iter().next()?;
    first.get("id").and_then(|i| i.as_str().map(str::to_string))
}

/// Every restorable-account id the input names: `sources`, the questions' `source`, `restorableAccount`.
fn sources(root: &Node<'_>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if let Some(s) = root.get("sources") {
        out.extend(s.items().iter().filter_map(|n| n.as_str().map(str::to_string)));
        out.extend(s.as_str().map(str::to_string));
    }
    if let Some(q) = root.get("questions") {
        for item in inputs::entries(&q) {
            if let Some(s) = item.get("source").and_then(|n| n.as_str().map(str::to_string)) {
                out.push(s);
            }
        }
    }
    out.extend(scenario_source(root));
    let mut seen: Vec<String> = Vec::new();
    out.retain(|s| {
        let k = s.to_ascii_lowercase();
        let fresh = !seen.contains(&k);
        seen.push(k);
        fresh
    });
    out
}

/// `checkPermissions`: answers `questions` over `roleAssignments` and `roleDefinitions`.
pub fn check(root: &Node<'_>) -> PermissionCheck {
    let inputs = read_inputs(root);
    let default_source = scenario_source(root);
    let answers = match root.get("questions") {
        Some(q) => questions::answer_all(&q, &inputs, default_source.as_deref()),
        None => Vec::new(),
    };
    let mut summary = Summary::of(&inputs.diagnostics);
    for a in &answers {
        summary.add(Summary::of(&a.diagnostics));
    }
    PermissionCheck {
        answers,
        diagnostics: inputs.diagnostics,
        summary,
    }
}

/// `leastPrivilegeReport`: who can restore which sources, and which assignments grant more.
pub fn least_privilege(root: &Node<'_>) -> LeastPrivilegeReport {
    let inputs = read_inputs(root);
    let mut report = report::build(&inputs, &sources(root));
    let mut diagnostics = inputs.diagnostics;
    diagnostics.append(&mut report.diagnostics);
    report.diagnostics = diagnostics;
    let summary = Summary::of(&report.diagnostics);
    LeastPrivilegeReport { report, summary }
}

/// The permission answers for a scenario that carries `roleAssignments`; `None` otherwise.
pub fn evaluate_scenario(s: &ScenarioView<'_>) -> Option<PermissionsResult> {
    s.role_assignments.as_ref()?;
    let root = &s.root;
    let inputs = read_inputs(root);
    let default_source = scenario_source(root);
    let answers = match &s.questions {
        Some(q) => questions::answer_all(q, &inputs, default_source.as_deref()),
        None => Vec::new(),
    };
    let report = report::build(&inputs, &sources(root));
    Some(PermissionsResult {
        answers,
        report,
        diagnostics: inputs.diagnostics,
    })
}
