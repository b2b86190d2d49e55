//! Restore points from restorable database/container event feeds (seed 003, scenarios 4 and 5):
//! the latest restore timestamp just before a delete or a property change, and whether the
//! resource can be restored in the same account. [CBI], [CBRM], [SPEC-R], [IAI]

use super::RestoreWindow;
use super::rules::*;
use super::util::{fmt, minus_secs, props, text};
use crate::node::Node;
use crate::pointer::Pointer;
use crate::read::Kind;
use crate::scenario::ScenarioView;
use crate::values::Reader;
use chrono::{DateTime, SubsecRound, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The restore point just before one delete or replace event.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EventRestorePoint {
    /// `database`, `container`, `collection`, `graph`, `table` (or `resource` when the feed type is unknown).
    pub kind: String,
    /// The resource name (`ownerId`).
    pub name: String,
    /// `Delete` or `Replace`.
    pub operation: String,
    /// When the event happened (RFC 3339 UTC).
    pub event_timestamp: String,
    /// The latest whole second before the event: the timestamp to restore to.
    pub restore_timestamp: String,
    /// True when the resource can be restored into the same account (in-account restore).
    pub can_undelete: bool,
    /// Why not, when it can't.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub can_undelete_reason: Option<String>,
    /// Whether the restore timestamp lies in the restore window (when the window is known).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_window: Option<bool>,
    /// The event in the user's document.
    pub path: Pointer,
}

/// One event as read.
#[derive(Debug, Clone)]
pub struct Event<'a> {
    /// Resource kind.
    pub kind: &'static str,
    /// `ownerId`.
    pub name: String,
    /// `operationType`.
    pub operation: String,
    /// `eventTimestamp`.
    pub at: DateTime<Utc>,
    /// The event's `resource` object.
    pub resource: Node<'a>,
    /// The event.
    pub node: Node<'a>,
}

fn kind_of<'a>(node: &Node<'a>) -> &'static str {
    let t = text(node, "type").unwrap_or("").to_ascii_lowercase();
    let pairs = [
        ("restorablesqldatabases", "database"),
        ("restorablesqlcontainers", "container"),
        ("restorablemongodbdatabases", "database"),
        ("restorablemongodbcollections", "collection"),
        ("restorablegremlindatabases", "database"),
        ("restorablegremlingraphs", "graph"),
        ("restorabletables", "table"),
    ];
    pairs
        .iter()
        .find(|(k, _)| t.ends_with(k))
        .map_or("resource", |(_, v)| v)
}

/// Reads every event in a document, sorted by time.
pub fn read<'a>(doc: &Node<'a>, r: &mut Reader<'a>) -> Vec<Event<'a>> {
    let mut out = Vec::new();
    for f in crate::read::find(doc)
        .into_iter()
        .filter(|f| f.kind == Kind::RestorableEvent)
    {
        let p = props(&f.node);
        let res = p.get("resource").unwrap_or(p);
        let (Some(name), Some(op)) = (text(&res, "ownerId"), text(&res, "operationType")) else {
            continue;
        };
        let raw = res.get("eventTimestamp");
        let at = raw
            .as_ref()
            .and_then(|t| t.as_str().and_then(crate::time::parse).map(|_| t.clone()))
            .and_then(|t| {
                r.timestamp_text(t.as_str().unwrap_or(""), &t.path, "eventTimestamp")
                    .known()
                    .map(|k| k.value)
            });
        let Some(at) = at else {
            let path = raw.map_or_else(|| res.path.clone(), |n| n.path);
            r.push(EVENT_TIMESTAMP_INVALID.at(
                &path,
                format!(
                    "the `{op}` event of `{}` has no readable `eventTimestamp`",
                    crate::values::clip(name)
                ),
                "the event is skipped; event feeds give RFC 3339 timestamps such as `2020-10-13T04:56:42Z`",
            ));
            continue;
        };
        out.push(Event {
            kind: kind_of(&f.node),
            name: name.to_string(),
            operation: op.to_string(),
            at,
            resource: res,
            node: f.node,
        });
    }
    out.sort_by_key(|e| e.at);
    out
}

/// The latest whole second strictly before `at`.
pub fn second_before(at: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let floor = at.trunc_subsecs(0);
    if floor < at { Some(floor) } else { minus_secs(at, 1) }
}

fn is_destructive(op: &str) -> bool {
    op.eq_ignore_ascii_case("Delete") || op.eq_ignore_ascii_case("Replace")
}

fn is_create(op: &str) -> bool {
    op.eq_ignore_ascii_case("Create") || op.eq_ignore_ascii_case("Recreate")
}

/// The live resources at the end of the feed, by kind and name, with the time the live one was
/// created when the feed shows it: an event can be undone in place "as long as no live resource
/// has the same name" ([IAFAQ]), so what matters is the namesake's state now, not whether one was
/// created in between (delete, re-create, delete leaves none live). A `Replace` proves the
/// resource exists even when its creation is older than the feed. One pass: O(n).
fn live_at_end<'e>(events: &'e [Event<'_>]) -> HashMap<(&'e str, &'e str), Option<DateTime<Utc>>> {
    let mut live: HashMap<(&str, &str), Option<DateTime<Utc>>> = HashMap::new();
    for e in events {
        let key = (e.kind, e.name.as_str());
        if is_create(&e.operation) {
            live.insert(key, Some(e.at));
        } else if e.operation.eq_ignore_ascii_case("Replace") {
            live.entry(key).or_insert(None);
        } else if e.operation.eq_ignore_ascii_case("Delete") {
            live.remove(&key);
        }
    }
    live
}

/// Restore points before every delete/replace event.
pub fn restore_points<'a>(events: &[Event<'a>], window: Option<&RestoreWindow>) -> Vec<EventRestorePoint> {
    let bounds = window.and_then(|w| Some((crate::time::parse(&w.earliest)?.at, crate::time::parse(&w.latest)?.at)));
    let mut out = Vec::new();
    let live = live_at_end(events);
    for e in events {
        if !is_destructive(&e.operation) {
            continue;
        }
        let Some(restore) = second_before(e.at) else { continue };
        let feed_flag = e.resource.get("canUndelete");
        let feed_no = feed_flag.as_ref().is_some_and(|f| {
            f.value.as_bool() == Some(false)
                || f.as_str()
                    .is_some_and(|s| s.eq_ignore_ascii_case("notRestorable") || s.eq_ignore_ascii_case("false"))
        });
        let feed_reason = text(&e.resource, "canUndeleteReason").map(str::to_string);
        let live_now = live.get(&(e.kind, e.name.as_str()));
        let (can, reason) = if e.operation.eq_ignore_ascii_case("Replace") && live_now.is_some() {
            (
                false,
                Some(format!(
                    "the {} is live (its properties changed); only deleted resources can be restored in the same account: restore into a new account at `{}`",
                    e.kind,
                    fmt(restore)
                )),
            )
        } else if let (false, Some(since)) = (e.operation.eq_ignore_ascii_case("Replace"), live_now) {
            let when = since.map_or_else(|| "later".to_string(), |t| format!("at `{}`", fmt(t)));
            (
                false,
                Some(format!(
                    "a {} named `{}` was created again {when} and is live; only deleted resources with no live namesake can be restored in the same account",
                    e.kind, e.name
                )),
            )
        } else if feed_no {
            (
                false,
                feed_reason.or_else(|| Some("the event feed marks it `notRestorable`".to_string())),
            )
        } else {
            (true, None)
        };
        out.push(EventRestorePoint {
            kind: e.kind.to_string(),
            name: e.name.clone(),
            operation: e.operation.clone(),
            event_timestamp: fmt(e.at),
            restore_timestamp: fmt(restore),
            can_undelete: can,
            can_undelete_reason: reason,
            in_window: bounds.map(|(lo, hi)| restore >= lo && restore <= hi),
            path: e.node.path.clone(),
        });
    }
    out
}

/// Evaluates the scenario's `events` against a window, with findings.
pub fn evaluate<'a>(
    s: &ScenarioView<'a>,
    window: Option<&RestoreWindow>,
    r: &mut Reader<'a>,
) -> Vec<EventRestorePoint> {
    let Some(doc) = &s.events else { return Vec::new() };
    let events = read(doc, r);
    let points = restore_points(&events, window);
    for p in &points {
        let verb = if p.operation.eq_ignore_ascii_case("Delete") {
            "deleted"
        } else {
            "changed"
        };
        let undelete = if p.can_undelete {
            "; it can also be restored in the same account"
        } else {
            ""
        };
        r.push(EVENT_RESTORE_POINT.at(
            &p.path,
            format!(
                "{} `{}` was {verb} at `{}`",
                p.kind,
                crate::values::clip(&p.name),
                p.event_timestamp
            ),
            format!(
                "restore to `{}`, the last second before the event{undelete}",
                p.restore_timestamp
            ),
        ));
        if p.in_window == Some(false) {
            r.push(EVENT_OUTSIDE_WINDOW.at(
                &p.path,
                format!(
                    "the restore timestamp `{}` before the {} of `{}` is outside the restore window",
                    p.restore_timestamp,
                    p.operation,
                    crate::values::clip(&p.name)
                ),
                window.map_or_else(String::new, |w| {
                    format!("the window runs from `{}` to `{}`", w.earliest, w.latest)
                }),
            ));
        }
    }
    points
}
