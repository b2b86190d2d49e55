//! In-account ("same-account") restores of deleted databases and containers: at most 3 at a
//! time, only deleted resources, the database before its containers, one timestamp for both,
//! and a timestamp at which the resource existed in the account's current write region.
//! [IAI], [IAFAQ], [OBR]

use super::SourceDocs;
use super::request::{source_id, timestamp, ttl};
use super::rules::*;
use super::util::{fmt, props, text};
use super::window::SourceWindow;
use crate::model::{Account, region_key};
use crate::node::Node;
use crate::scenario::ScenarioView;
use crate::values::{Reader, clip};
use chrono::{DateTime, Utc};

/// One in-account restore request as read.
struct Child<'a> {
    name: String,
    database: Option<String>,
    is_container: bool,
    at: Option<DateTime<Utc>>,
    at_node: Option<Node<'a>>,
    path: crate::pointer::Pointer,
}

/// The subscription an in-account restore writes into: the child's `id`, else the live account's.
fn in_account_target<'a>(k: &Node<'a>, src: &SourceDocs<'a>) -> Option<(String, Node<'a>)> {
    let from = |n: Option<Node<'a>>| {
        let n = n?;
        let sub = super::target::subscription_of(n.as_str()?)?.to_string();
        Some((sub, n))
    };
    from(k.get("id")).or_else(|| from(src.account.as_ref().and_then(|a| a.envelope.get("id"))))
}

/// Checks in-account restores of deleted databases and containers.
pub fn check<'a>(
    s: &ScenarioView<'a>,
    req: &Node<'a>,
    kids: &[Node<'a>],
    window: &SourceWindow,
    src: &SourceDocs<'a>,
    r: &mut Reader<'a>,
) {
    if kids.len() > 3 {
        r.push(REQ_IN_ACCOUNT_TOO_MANY.at(
            &req.path,
            format!("the request restores `{}` databases and containers at once", kids.len()),
            "restore at most 3 at a time; start the next once one completes",
        ));
    }
    let mut batch = Vec::new();
    for k in kids {
        if let Some(c) = read_child(s, k, window, src, r) {
            batch.push(c);
        }
    }
    // Events tell which resources are live or deleted.
    let events = s.events.as_ref().map(|d| {
        let mut scratch = Reader::default();
        super::events::read(d, &mut scratch)
    });
    let last_op = |name: &str, container: bool| -> Option<String> {
        events
            .as_ref()?
            .iter()
            .rev()
            .find(|e| e.name == name && (e.kind == "database") != container)
            .map(|e| e.operation.clone())
    };
    for c in &batch {
        let db_deleted = c
            .database
            .as_ref()
            .is_some_and(|db| last_op(db, false).is_some_and(|o| o.eq_ignore_ascii_case("Delete")));
        // A container whose database was deleted went with it, whatever its own feed says last.
        if let (Some(op), false) = (last_op(&c.name, c.is_container), db_deleted) {
            if !op.eq_ignore_ascii_case("Delete") {
                r.push(REQ_IN_ACCOUNT_LIVE.at(&c.path, format!("`{}` is live: its last event is `{op}`", clip(&c.name)), "only deleted resources can be restored in the same account: restore into a new account instead, or delete the live one first"));
            }
        }
        if let Some(evs) = &events {
            at_timestamp(c, evs, r);
        }
        if let Some(db) = &c.database {
            let db_in_batch = batch.iter().find(|x| !x.is_container && &x.name == db);
            if db_deleted && db_in_batch.is_none() {
                r.push(REQ_IN_ACCOUNT_PARENT.at(
                    &c.path,
                    format!(
                        "container `{}` is in database `{}`, which is deleted",
                        clip(&c.name),
                        clip(db)
                    ),
                    format!("restore the database `{db}` first (with the same timestamp), then the container"),
                ));
            }
            if let Some(parent) = db_in_batch {
                if let (Some(a), Some(b)) = (c.at, parent.at) {
                    if a != b {
                        r.push(REQ_IN_ACCOUNT_SAME_TIME.at(
                            &c.path,
                            format!(
                                "container `{}` is restored to `{}` but its database `{}` to `{}`",
                                clip(&c.name),
                                fmt(a),
                                clip(db),
                                fmt(b)
                            ),
                            format!("use `{}` for both", fmt(b)),
                        ));
                    }
                }
            }
        }
    }
    if batch.is_empty() {
        return;
    }
    write_region_at(&batch, src, r);
}

fn read_child<'a>(
    s: &ScenarioView<'a>,
    k: &Node<'a>,
    window: &SourceWindow,
    src: &SourceDocs<'a>,
    r: &mut Reader<'a>,
) -> Option<Child<'a>> {
    let res = props(k).get("resource")?;
    let rp = res.get("restoreParameters")?;
    if let Some(id) = source_id(&rp, src, r) {
        super::target::subscription(in_account_target(k, src), &id, r);
    }
    let none = SourceDocs {
        restorable: None,
        account: None,
        policy: None,
    };
    let at = timestamp(s, &rp, window, &none, None, r);
    ttl(&rp, r);
    let ty = text(k, "type").unwrap_or("").to_ascii_lowercase();
    let full = text(k, "name").unwrap_or("");
    let parts: Vec<&str> = full.split('/').collect();
    let is_container =
        ty.ends_with("/containers") || ty.ends_with("/collections") || ty.ends_with("/graphs") || parts.len() == 3;
    let name = text(&res, "id")
        .map(str::to_string)
        .or_else(|| parts.last().map(|p| (*p).to_string()))
        .unwrap_or_default();
    let database = if is_container && parts.len() == 3 {
        parts.get(1).map(|d| (*d).to_string())
    } else {
        None
    };
    let path = res.get("id").map_or_else(|| res.path.clone(), |n| n.path);
    Some(Child {
        name,
        database,
        is_container,
        at,
        at_node: rp.get("restoreTimestampInUtc"),
        path,
    })
}

/// The resource must have existed at the timestamp ([IAI]): not before its creation, not after
/// its delete.
fn at_timestamp<'a>(c: &Child<'a>, events: &[super::events::Event<'a>], r: &mut Reader<'a>) {
    let (Some(at), Some(node)) = (c.at, &c.at_node) else {
        return;
    };
    let kind = if c.is_container {
        super::existence::ResKind::Container
    } else {
        super::existence::ResKind::Database
    };
    let Some(why) = super::existence::absent_at(events, kind, &c.name, at) else {
        return;
    };
    let what = if c.is_container { "container" } else { "database" };
    r.push(REQ_IN_ACCOUNT_NOT_AT_TIMESTAMP.at(
        &node.path,
        format!(
            "`restoreTimestampInUtc` is `{}`, when {what} `{}` did not exist: {}",
            fmt(at),
            clip(&c.name),
            why.because()
        ),
        why.fix(),
    ));
}

/// The account's current write region must have existed at each timestamp ([IAI]), when both the
/// live account and the restorable account's regions are known.
fn write_region_at<'a>(batch: &[Child<'a>], src: &SourceDocs<'a>, r: &mut Reader<'a>) {
    let (Some(write), Some(rest)) = (src.account.as_ref().and_then(Account::write_region), &src.restorable) else {
        return;
    };
    let spans = super::window::region_spans(rest);
    let key = region_key(&write);
    let Some((n, c, d)) = spans.iter().find(|(n, _, _)| region_key(n) == key) else {
        return;
    };
    for ch in batch {
        let (Some(at), Some(node)) = (ch.at, &ch.at_node) else {
            continue;
        };
        if c.is_some_and(|c| at < c) || d.is_some_and(|d| at > d) {
            let from = c.map_or_else(|| "its creation".to_string(), |c| format!("`{}`", fmt(c)));
            let to = d.map_or_else(|| "now".to_string(), |d| format!("`{}`", fmt(d)));
            r.push(REQ_IN_ACCOUNT_NOT_AT_TIMESTAMP.at(
                &node.path,
                format!(
                    "`restoreTimestampInUtc` is `{}`, when the account did not exist in its current write region `{n}`",
                    fmt(at)
                ),
                format!("the resource must have existed in the current write region at the timestamp: use one from {from} to {to}"),
            ));
        }
    }
}
