//! Diagnostics: the one shape every finding takes, and the rules that produce them.
//!
//! A [`Rule`] is a catalogue entry (stable code, severity, summary, source). A [`Diagnostic`]
//! is one finding of a rule at one place in the user's document.

use crate::pointer::Pointer;
use serde::{Deserialize, Serialize};

/// How serious a finding is.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The service would refuse this, or it cannot do what the user asked.
    Error,
    /// Allowed, but likely not what the user wants, or sources disagree.
    Warning,
    /// Worth knowing; nothing to fix.
    Info,
}

/// One finding, in the fixed shape every surface shows.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Stable slug, e.g. `periodic.retention-below-twice-interval`. UIs key on this, never on text.
    pub code: String,
    /// How serious it is.
    pub severity: Severity,
    /// RFC 6901 JSON Pointer to the offending value in the document the user gave.
    pub path: Pointer,
    /// One lower-case line naming the field and the user's value in backticks.
    pub message: String,
    /// What to do about it.
    pub help: String,
    /// The document and section that state the rule.
    pub source: String,
    /// Where the finding is in the text the user wrote, for inputs given as Bicep, Terraform or
    /// other text formats (see [`crate::formats`]); absent for JSON values, whose `path` says it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", tsify(optional))]
    pub location: Option<Location>,
}

/// A place in a text the user wrote: its file (when the input named one), 1-based line and column.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// The file the text came from (`file` of the source object), when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", tsify(optional))]
    pub file: Option<String>,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (Unicode scalar values).
    pub column: usize,
}

/// A catalogue entry: every diagnostic comes from exactly one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rule {
    /// Stable slug.
    pub code: &'static str,
    /// Severity of every finding of this rule.
    pub severity: Severity,
    /// What the rule checks, in one line.
    pub summary: &'static str,
    /// The document and section that state the rule.
    pub source: &'static str,
}

impl Rule {
    /// A finding of this rule at `path`.
    pub fn at(&self, path: &Pointer, message: impl Into<String>, help: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code: self.code.to_string(),
            severity: self.severity,
            path: path.clone(),
            message: message.into(),
            help: help.into(),
            source: self.source.to_string(),
            location: None,
        }
    }
}

/// Counts of findings by severity.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Number of errors.
    pub errors: usize,
    /// Number of warnings.
    pub warnings: usize,
    /// Number of infos.
    pub infos: usize,
}

impl Summary {
    /// Counts the findings in `diags`.
    pub fn of<'a>(diags: impl IntoIterator<Item = &'a Diagnostic>) -> Self {
        let mut s = Self::default();
        for d in diags {
            let slot = match d.severity {
                Severity::Error => &mut s.errors,
                Severity::Warning => &mut s.warnings,
                Severity::Info => &mut s.infos,
            };
            *slot = slot.saturating_add(1);
        }
        s
    }

    /// Adds another summary to this one.
    pub fn add(&mut self, other: Summary) {
        self.errors = self.errors.saturating_add(other.errors);
        self.warnings = self.warnings.saturating_add(other.warnings);
        self.infos = self.infos.saturating_add(other.infos);
    }
}
