//! Restore windows, restore points, restore requests, and what a restore does not bring back.

use crate::api::scenario::ScenarioView;
use crate::diagnostics::Rule;
use crate::model::Account;
use crate::policy::types::EffectivePolicy;
use crate::values::Reader;
use serde::{Deserialize, Serialize};

/// The window of instants a restore can target.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RestoreWindow {
    /// Earliest restorable instant (RFC 3339 UTC).
    pub earliest: String,
    /// Latest restorable instant (RFC 3339 UTC).
    pub latest: String,
}

/// One setting a restore does not bring back.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotRestored {
    /// The setting.
    pub setting: String,
    /// Why it is not restored.
    pub reason: String,
    /// The document that says so.
    pub source: String,
}

/// The restore part of an account's result.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RestoreOutcome {
    /// The window, when known.
    pub window: Option<RestoreWindow>,
    /// What is not restored.
    pub not_restored: Vec<NotRestored>,
}

/// Restore rules (filled by the restore engine).
pub const RULES: &[Rule] = &[];

/// The restore answers for one account (the restore engine lands in its own change).
pub fn evaluate_account(
    _s: &ScenarioView<'_>,
    _a: &Account<'_>,
    _p: Option<&EffectivePolicy>,
    _r: &mut Reader<'_>,
) -> RestoreOutcome {
    RestoreOutcome::default()
}
