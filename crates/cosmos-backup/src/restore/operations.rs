//! The restore operations of the API: each takes a scenario and returns one part of its
//! evaluation, with the findings that belong to it.

use super::{EventRestorePoint, NotRestored, RestoreWindow};
use crate::api::{ApiError, Evaluation, evaluate};
use crate::diagnostics::{Diagnostic, Severity};
use crate::pointer::Pointer;
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

fn restore_codes(d: &Diagnostic) -> bool {
    [
        "restore.",
        "restore-request.",
        "postgres.",
        "scenario.",
        "timestamp.",
        "value.boolean-as-string",
    ]
    .iter()
    .any(|p| d.code.starts_with(p))
}

fn all(eval: &Evaluation) -> impl Iterator<Item = &Diagnostic> {
    crate::api::all_diagnostics(eval).into_iter()
}

fn windows(eval: &Evaluation) -> WindowsAnswer {
    WindowsAnswer {
        results: eval
            .results
            .iter()
            .map(|r| WindowAnswer {
                name: r.name.clone(),
                path: r.path.clone(),
                restore_window: r.restore_window.clone(),
            })
            .collect(),
        diagnostics: all(eval).filter(|d| restore_codes(d)).cloned().collect(),
    }
}

/// `restoreWindow`: the restore window of every account, restorable account and cluster in a scenario.
pub fn restore_window(scenario: &Value) -> Result<WindowsAnswer, ApiError> {
    evaluate(scenario).map(|e| windows(&e))
}

/// `restorePoints`: like `restoreWindow`, keeping only periodic windows (with their `restorePoints`
/// and `beforeIncident`).
pub fn restore_points(scenario: &Value) -> Result<WindowsAnswer, ApiError> {
    evaluate(scenario).map(|e| {
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
                .and_then(|x| super::periodic::assumed_schedule(&r.path, x))
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
    let eval = evaluate(scenario)?;
    let diagnostics: Vec<Diagnostic> = all(&eval)
        .filter(|d| {
            // A cluster restore is a request too: its window and placement findings count.
            d.code.starts_with("restore-request.")
                || d.code.starts_with("postgres.restore-")
                || d.path.as_str().starts_with("/restoreRequest")
                || d.path.as_str().contains("/restoreParameters")
        })
        .cloned()
        .collect();
    Ok(RequestAnswer {
        valid: !diagnostics.iter().any(|d| d.severity == Severity::Error),
        diagnostics,
    })
}

/// `notRestored`: the checklist of every result.
pub fn not_restored(scenario: &Value) -> Result<Vec<NotRestoredAnswer>, ApiError> {
    Ok(evaluate(scenario)?
        .results
        .into_iter()
        .map(|r| NotRestoredAnswer {
            name: r.name,
            path: r.path,
            not_restored: r.not_restored,
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
    let eval = evaluate(&scenario)?;
    let events: Vec<EventRestorePoint> = eval
        .results
        .first()
        .map(|r| r.event_restore_points.clone())
        .unwrap_or_default();
    let answer = events
        .iter()
        .rev()
        .find(|e| {
            resource.as_deref().is_none_or(|n| e.name == n)
                && operation.as_deref().is_none_or(|o| e.operation.eq_ignore_ascii_case(o))
        })
        .cloned();
    let mut diagnostics: Vec<Diagnostic> = all(&eval)
        .filter(|d| {
            d.code.starts_with("restore.") || d.code.starts_with("scenario.") || d.code.starts_with("timestamp.")
        })
        .cloned()
        .collect();
    if let (None, Some(name)) = (&answer, &resource) {
        let path = input
            .get("events")
            .map_or_else(Pointer::root, |_| Pointer::root().key("events"));
        let what = operation.as_deref().unwrap_or("delete or replace");
        diagnostics.push(super::rules::EVENT_NOT_FOUND.at(&path, format!("the event feeds hold no `{what}` event of `{}`", crate::values::clip(name)), "check the name (`ownerId` in the feed) and that the feed covers the right database and time range (`startTime`, `endTime`)"));
    }
    Ok(EventAnswer {
        answer,
        events,
        diagnostics,
    })
}
