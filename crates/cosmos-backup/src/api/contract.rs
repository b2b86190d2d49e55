//! The evaluation contract: the serde types every surface (CLI, WASM, Python) exchanges.

use crate::diagnostics::{Diagnostic, Summary};
use crate::model::Api;
use crate::pointer::Pointer;
use crate::policy::types::EffectivePolicy;
use crate::pricing::Cost;
use crate::read::Shape;
use crate::restore::{EventRestorePoint, NotRestored, RestoreWindow};
use serde::{Deserialize, Serialize};

/// The contract version every evaluation carries. Bumped on any incompatible change.
pub const SCHEMA_VERSION: &str = "1.0";

/// The answer to `evaluate`.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Evaluation {
    /// [`SCHEMA_VERSION`].
    pub schema_version: String,
    /// One result per account found.
    pub results: Vec<AccountResult>,
    /// Findings about the document or scenario as a whole (not about one account).
    pub diagnostics: Vec<Diagnostic>,
    /// Counts over all findings.
    pub summary: Summary,
    /// Permission answers and the least-privilege report, when the scenario carries `roleAssignments`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions: Option<crate::permissions::PermissionsResult>,
}

/// The answer for one account.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountResult {
    /// The account name (with `(request)` / `(response 200)` for REST examples).
    pub name: String,
    /// JSON Pointer to the account in the document.
    pub path: Pointer,
    /// The shape the account was written in.
    pub shape: Shape,
    /// The API the account serves.
    pub api: Api,
    /// Every finding, in rule order.
    pub diagnostics: Vec<Diagnostic>,
    /// The policy after service defaults; `null` when the type is unknown.
    pub effective_policy: Option<EffectivePolicy>,
    /// The restore window; `null` when it can't be known.
    pub restore_window: Option<RestoreWindow>,
    /// What a restore would not bring back.
    pub not_restored: Vec<NotRestored>,
    /// Restore points before the delete/replace events of the scenario's `events` feeds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub event_restore_points: Vec<EventRestorePoint>,
    /// Backup and restore cost; `null` without usage.
    pub cost: Option<Cost>,
}

/// The answer to `validate`: a tagged yes/no with every finding, for per-keystroke checks.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Validation {
    /// True when no finding is an error.
    pub valid: bool,
    /// Counts.
    pub summary: Summary,
    /// Every finding: document-level first, then each account's.
    pub diagnostics: Vec<Diagnostic>,
}

/// One object found by `read`.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FoundObject {
    /// What it is.
    pub kind: crate::read::Kind,
    /// The shape it was written in.
    pub shape: Shape,
    /// JSON Pointer to it.
    pub path: Pointer,
    /// Its name, when it has one.
    pub name: Option<String>,
}

/// A catalogue entry as the API returns it.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleInfo {
    /// Stable code.
    pub code: String,
    /// Severity.
    pub severity: crate::diagnostics::Severity,
    /// What the rule checks.
    pub summary: String,
    /// Where the rule comes from.
    pub source: String,
}

/// Misuse of the API: input that is not JSON, or not a document at all.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
#[error("{message}")]
pub struct ApiError {
    /// Stable code (a rule code from the catalogue).
    pub code: String,
    /// One line.
    pub message: String,
    /// The findings behind it (at least one).
    pub diagnostics: Vec<Diagnostic>,
}

impl ApiError {
    /// An error made of one diagnostic.
    pub fn from_diagnostic(d: Diagnostic) -> Self {
        Self {
            code: d.code.clone(),
            message: d.message.clone(),
            diagnostics: vec![d],
        }
    }
}
