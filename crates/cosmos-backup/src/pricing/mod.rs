//! Backup and restore pricing, exact to the cent.

use crate::api::scenario::ScenarioView;
use crate::diagnostics::Rule;
use crate::model::Account;
use crate::policy::types::EffectivePolicy;
use crate::values::Reader;
use serde::{Deserialize, Serialize};

/// The cost of an account's backups and restores.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Cost {
    /// ISO 4217 currency of every amount.
    pub currency: String,
    /// Monthly backup storage total, as a decimal string.
    pub monthly_total: String,
    /// Cost of one restore, as a decimal string.
    pub per_restore: String,
}

/// Pricing rules (filled by the pricing engine).
pub const RULES: &[Rule] = &[];

/// The cost for one account (the pricing engine lands in its own change).
pub fn evaluate_account(
    _s: &ScenarioView<'_>,
    _a: &Account<'_>,
    _p: Option<&EffectivePolicy>,
    _r: &mut Reader<'_>,
) -> Option<Cost> {
    None
}
