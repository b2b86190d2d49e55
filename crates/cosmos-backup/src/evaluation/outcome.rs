//! The typed outcomes of the pipeline: which stages run ([`Stages`]), each object's outcome with
//! every stage's answer ([`Outcome`]), each scenario's and the document's, and how `evaluate` and
//! `validate` compose them into the contract's answers.

use crate::contract::*;
use crate::diagnostics::{Diagnostic, Summary};
use crate::model::Api;
use crate::permissions::PermissionsResult;
use crate::pointer::Pointer;
use crate::policy::PolicyOutcome;
use crate::pricing::CostOutcome;
use crate::pricing::sheet::{Sheet, default_sheet};
use crate::read::{Kind, Shape};
use crate::restore::RestoreOutcome;

/// The stages that run after the readers. The policy stage always runs (every other stage needs
/// the effective policy).
#[derive(Debug, Clone, Copy)]
pub struct Stages<'s> {
    /// Restore windows, requests, events and the not-restored checklist.
    pub restore: bool,
    /// Costs, priced from this sheet (under each scenario's own `priceSheet`).
    pub pricing: Option<&'s Sheet>,
    /// Permission answers over the scenario's `roleAssignments`.
    pub permissions: bool,
}

impl Stages<'static> {
    /// Every stage: `evaluate`.
    pub fn all() -> Self {
        Self {
            restore: true,
            pricing: Some(default_sheet()),
            permissions: true,
        }
    }

    /// The policy stage alone: `validate`, the per-keystroke findings.
    pub fn policy() -> Self {
        Self {
            restore: false,
            pricing: None,
            permissions: false,
        }
    }

    /// Policy and restore: the restore operations.
    pub fn restore() -> Self {
        Self {
            restore: true,
            ..Self::policy()
        }
    }
}

/// One object an answer is about (a database account, a restorable account, a PostgreSQL
/// cluster), with each stage's outcome.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Its display name ([`names::display_name`]).
    pub name: String,
    /// JSON Pointer to it.
    pub path: Pointer,
    /// What it is.
    pub kind: Kind,
    /// The shape it was written in.
    pub shape: Shape,
    /// The API it serves.
    pub api: Api,
    /// The readers' findings about it: limits, what a template left open.
    pub notes: Vec<Diagnostic>,
    /// The policy stage (database accounts).
    pub policy: Option<PolicyOutcome>,
    /// The restore stage, when it ran.
    pub restore: Option<RestoreOutcome>,
    /// The pricing stage, when it ran (database accounts).
    pub cost: Option<CostOutcome>,
}

impl Outcome {
    /// Every finding, stage by stage, errors first, then warnings, then infos (a stable sort: rule
    /// order within each severity).
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        let mut all: Vec<Diagnostic> = self
            .notes
            .iter()
            .chain(self.policy.iter().flat_map(|p| p.diagnostics.iter()))
            .chain(self.restore.iter().flat_map(|r| r.diagnostics.iter()))
            .chain(self.cost.iter().flat_map(|c| c.diagnostics.iter()))
            .cloned()
            .collect();
        all.sort_by_key(|d| d.severity);
        all
    }

    /// [`Self::diagnostics`], moved out of the outcome (its stages keep their answers).
    pub fn take_diagnostics(&mut self) -> Vec<Diagnostic> {
        let mut all = std::mem::take(&mut self.notes);
        all.extend(self.policy.iter_mut().flat_map(|p| std::mem::take(&mut p.diagnostics)));
        all.extend(self.restore.iter_mut().flat_map(|r| std::mem::take(&mut r.diagnostics)));
        all.extend(self.cost.iter_mut().flat_map(|c| std::mem::take(&mut c.diagnostics)));
        all.sort_by_key(|d| d.severity);
        all
    }

    pub(super) fn diagnostics_mut(&mut self) -> impl Iterator<Item = &mut Diagnostic> {
        self.notes
            .iter_mut()
            .chain(self.policy.iter_mut().flat_map(|p| p.diagnostics.iter_mut()))
            .chain(self.restore.iter_mut().flat_map(|r| r.diagnostics.iter_mut()))
            .chain(self.cost.iter_mut().flat_map(|c| c.diagnostics.iter_mut()))
    }

    /// The effective policy, when the policy stage found one.
    pub fn effective_policy(&self) -> Option<&crate::policy::types::EffectivePolicy> {
        self.policy.as_ref().and_then(|p| p.effective.as_ref())
    }
}

/// One scenario's outcome.
#[derive(Debug, Clone, Default)]
pub struct ScenarioOutcome {
    /// Findings about the scenario's own fields (`now`, unknown fields…).
    pub fields: Vec<Diagnostic>,
    /// The permissions stage, when it ran and the scenario has `roleAssignments`.
    pub permissions: Option<PermissionsResult>,
    /// Every finding of [`Self::permissions`] (input-level, answers', report's).
    pub permission_findings: Vec<Diagnostic>,
    /// The readers' findings about the document: no account, too many accounts or events.
    pub document: Vec<Diagnostic>,
    /// Where the scenario's `account` document is, when it has one.
    pub account: Option<Pointer>,
    /// One per object found: accounts first, then restorable accounts and clusters.
    pub results: Vec<Outcome>,
}

impl ScenarioOutcome {
    /// The scenario-level findings in order: fields, permissions, document.
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.fields
            .iter()
            .chain(self.permission_findings.iter())
            .chain(self.document.iter())
    }

    pub(super) fn diagnostics_mut(&mut self) -> impl Iterator<Item = &mut Diagnostic> {
        self.fields
            .iter_mut()
            .chain(self.permission_findings.iter_mut())
            .chain(self.document.iter_mut())
            .chain(self.results.iter_mut().flat_map(Outcome::diagnostics_mut))
    }
}

/// A document's outcome: one scenario, or a fleet of them.
#[derive(Debug, Clone, Default)]
pub struct Evaluated {
    /// Findings about the document as a whole (limits), before any scenario's.
    pub diagnostics: Vec<Diagnostic>,
    /// One per scenario.
    pub scenarios: Vec<ScenarioOutcome>,
}

impl Evaluated {
    /// Every document- and scenario-level finding, in order.
    pub fn document_diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .chain(self.scenarios.iter().flat_map(ScenarioOutcome::diagnostics))
    }

    /// Every result of every scenario, in order.
    pub fn results(&self) -> impl Iterator<Item = &Outcome> {
        self.scenarios.iter().flat_map(|s| s.results.iter())
    }

    pub(super) fn diagnostics_mut(&mut self) -> impl Iterator<Item = &mut Diagnostic> {
        self.diagnostics
            .iter_mut()
            .chain(self.scenarios.iter_mut().flat_map(ScenarioOutcome::diagnostics_mut))
    }

    /// The composed answer of `evaluate`.
    pub fn into_evaluation(self) -> Evaluation {
        let mut diagnostics = self.diagnostics;
        let mut results = Vec::new();
        let mut permissions: Option<PermissionsResult> = None;
        for s in self.scenarios {
            diagnostics.extend(s.fields);
            diagnostics.extend(s.permission_findings);
            diagnostics.extend(s.document);
            if let Some(p) = s.permissions {
                match &mut permissions {
                    Some(all) => all.merge(p),
                    None => permissions = Some(p),
                }
            }
            results.extend(s.results.into_iter().map(account_result));
        }
        let mut summary = Summary::of(&diagnostics);
        for r in &results {
            summary.add(Summary::of(&r.diagnostics));
        }
        Evaluation {
            schema_version: SCHEMA_VERSION.to_string(),
            results,
            diagnostics,
            summary,
            permissions,
        }
    }

    /// The answer of `validate`: every finding (document-level first) and a yes/no.
    pub fn into_validation(self) -> Validation {
        let mut diagnostics = self.diagnostics;
        let mut results = Vec::new();
        for s in self.scenarios {
            diagnostics.extend(s.fields);
            diagnostics.extend(s.permission_findings);
            diagnostics.extend(s.document);
            results.extend(s.results);
        }
        for mut r in results {
            diagnostics.extend(r.take_diagnostics());
        }
        let summary = Summary::of(&diagnostics);
        Validation {
            valid: summary.errors == 0,
            summary,
            diagnostics,
        }
    }
}

/// The contract's result for one object: its findings merged (errors first) with each stage's answer.
fn account_result(mut o: Outcome) -> AccountResult {
    let diagnostics = o.take_diagnostics();
    let (window, not_restored, events) = match o.restore {
        Some(r) => (r.window, r.not_restored, r.events),
        None => (None, Vec::new(), Vec::new()),
    };
    AccountResult {
        name: o.name,
        path: o.path,
        shape: o.shape,
        api: o.api,
        diagnostics,
        effective_policy: o.policy.and_then(|p| p.effective),
        restore_window: window,
        not_restored,
        event_restore_points: events,
        cost: o.cost.and_then(|c| c.priced.map(|p| p.cost)),
    }
}
