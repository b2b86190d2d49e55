//! The refusal: what every operation returns instead of an answer when the input is misuse
//! (not JSON, not a document, nested too deep). Below the engines so any layer can refuse;
//! re-exported as `api::ApiError`.

use crate::diagnostics::Diagnostic;
use serde::{Deserialize, Serialize};

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
