//! The restore operations: each runs the readers, the policy stage (for the effective policy) and
//! the restore stage, and answers with the restore stage's outcome and findings, and the findings
//! about the scenario's own fields (`now`, `incidentTime`…) the answers rest on.

use super::{Evaluated, Options, Stages};
use crate::diagnostics::{Diagnostic, Severity};
use crate::pointer::Pointer;
use crate::refusal::ApiError;
use crate::restore::{EventRestorePoint, NotRestored, RestoreWindow};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One account's (or restorable account's, or cluster's) answer.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WindowAnswer {
    /// The result's name.
    pub name: String,
    /// Where it is.
    pub path: Pointer,
    /// The window, or `null`.
    pub restore_window: Option<RestoreWindow>,
}

/// The answer to `restoreWindow` and `restorePoints`.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WindowsAnswer {
    /// One entry per result.
    pub results: Vec<WindowAnswer>,
    /// Restore findings (`restore.*`, `postgres.*`, `scenario.*`, timestamps).
    pub diagnostics: Vec<Diagnostic>,
}

/// The answer to `checkRestoreRequest`.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestAnswer {
    /// True when no request finding is an error.
    pub valid: bool,
    /// The request's findings.
    pub diagnostics: Vec<Diagnostic>,
}

/// One result's not-restored checklist.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotRestoredAnswer {
    /// The result's name.
    pub name: String,
    /// Where it is.
    pub path: Pointer,
    /// The checklist.
    pub not_restored: Vec<NotRestored>,
}

/// The answer to `latestRestorableBeforeEvent`.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EventAnswer {
    /// The latest restore point matching `resource` / `operation` (or overall), or `null`.
    pub answer: Option<EventRestorePoint>,
    /// Every restore point before a delete or replace, oldest first.
    pub events: Vec<EventRestorePoint>,
    /// Findings.
    pub diagnostics: Vec<Diagnostic>,
}

/// Runs the restore stage over a scenario (the caller has checked it is a document).
fn restore_stage(scenario: &Value) -> Result<Evaluated, ApiError> {
    super::run(scenario, &Options::default(), Stages::restore())
}

/// Which of the restore stage's findings an answer carries.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    /// Every finding, with the scenario's fields (`now`, `incidentTime`…) the answers rest on.
    All,
    /// The findings about the restore request alone.
    Request,
    /// Every finding but the request's (the window and the events), with the fields as for `All`.
    NotRequest,
}

/// The findings `part` names, the scenario's first, then each result's (errors first).
fn findings(e: &Evaluated, part: Part) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = Vec::new();
    if part != Part::Request {
        out.extend(e.scenarios.iter().flat_map(|s| s.fields.iter().cloned()));
    }
    for r in e.results() {
        let own = r.restore.iter().flat_map(|x| match part {
            Part::All => x.diagnostics.iter().collect::<Vec<_>>(),
            Part::Request => x.request.iter().collect(),
            Part::NotRequest => x.diagnostics.iter().filter(|d| !x.request.contains(d)).collect(),
        });
        let mut own: Vec<Diagnostic> = own.cloned().collect();
        own.sort_by_key(|d| d.severity);
        out.extend(own);
    }
    out
}

fn windows(e: &Evaluated) -> WindowsAnswer {
    WindowsAnswer {
        results: e
            .results()
            .map(|r| WindowAnswer {
                name: r.name.clone(),
                path: r.path.clone(),
                restore_window: r.restore.as_ref().and_then(|x| x.window.clone()),
            })
            .collect(),
        diagnostics: findings(e, Part::All),
    }
}

/// `restoreWindow`: the restore window of every account, restorable account and cluster in a scenario.
pub fn restore_window(scenario: &Value) -> Result<WindowsAnswer, ApiError> {
    restore_stage(scenario).map(|e| windows(&e))
}

/// `restorePoints`: like `restoreWindow`, keeping only periodic windows (with their `restorePoints`
/// and `beforeIncident`).
pub fn restore_points(scenario: &Value) -> Result<WindowsAnswer, ApiError> {
    restore_stage(scenario).map(|e| {
        let mut w = windows(&e);
        let mut assumed = Vec::new();
        for r in &mut w.results {
            if r.restore_window.as_ref().is_some_and(|x| x.restore_points.is_empty()) {
                r.restore_window = None;
            }
            // The points are the whole answer here, so say when their schedule is assumed.
            if let Some(d) = r
                .restore_window
                .as_ref()
                .and_then(|x| crate::restore::periodic::assumed_schedule(&r.path, x))
            {
                assumed.push(d);
            }
        }
        for d in assumed {
            if !w
                .diagnostics
                .iter()
                .any(|x| x.code == d.code && x.path.as_str().starts_with(d.path.as_str()))
            {
                w.diagnostics.push(d);
            }
        }
        w
    })
}

/// `checkRestoreRequest`: the findings about the restore request (the scenario's
/// `restoreRequest`, or an `account` with `createMode: Restore`).
pub fn check_restore_request(scenario: &Value) -> Result<RequestAnswer, ApiError> {
    let diagnostics = findings(&restore_stage(scenario)?, Part::Request);
    Ok(RequestAnswer {
        valid: !diagnostics.iter().any(|d| d.severity == Severity::Error),
        diagnostics,
    })
}

/// `notRestored`: the checklist of every result.
pub fn not_restored(scenario: &Value) -> Result<Vec<NotRestoredAnswer>, ApiError> {
    let e = restore_stage(scenario)?;
    Ok(e.scenarios
        .into_iter()
        .flat_map(|s| s.results)
        .map(|r| NotRestoredAnswer {
            name: r.name,
            path: r.path,
            not_restored: r.restore.map(|x| x.not_restored).unwrap_or_default(),
        })
        .collect())
}

/// `latestRestorableBeforeEvent`: a scenario with `events` plus optional `resource` (a database
/// or container name) and `operation` (`Delete` or `Replace`).
pub fn latest_restorable_before_event(input: &Value) -> Result<EventAnswer, ApiError> {
    let mut scenario = input.clone();
    let mut resource = None;
    let mut operation = None;
    if let Some(m) = scenario.as_object_mut() {
        resource = m.remove("resource").and_then(|v| v.as_str().map(str::to_string));
        operation = m.remove("operation").and_then(|v| v.as_str().map(str::to_string));
    }
    let e = restore_stage(&scenario)?;
    let events: Vec<EventRestorePoint> = e
        .results()
        .next()
        .and_then(|r| r.restore.as_ref())
        .map(|x| x.events.clone())
        .unwrap_or_default();
    let answer = events
        .iter()
        .rev()
        .find(|e| {
            resource.as_deref().is_none_or(|n| e.name == n)
                && operation.as_deref().is_none_or(|o| e.operation.eq_ignore_ascii_case(o))
        })
        .cloned();
    let mut diagnostics = findings(&e, Part::NotRequest);
    if let (None, Some(name)) = (&answer, &resource) {
        let path = input
            .get("events")
            .map_or_else(Pointer::root, |_| Pointer::root().key("events"));
        let what = operation.as_deref().unwrap_or("delete or replace");
        diagnostics.push(crate::restore::rules::EVENT_NOT_FOUND.at(&path, format!("the event feeds hold no `{what}` event of `{}`", crate::values::clip(name)), "check the name (`ownerId` in the feed) and that the feed covers the right database and time range (`startTime`, `endTime`)"));
    }
    Ok(EventAnswer {
        answer,
        events,
        diagnostics,
    })
}
