//! Restore-request validation: account-level (`createMode: Restore`) requests here, with their
//! target ([`super::target`]) and named resources ([`super::resources`]); in-account restores of
//! deleted databases and containers in [`super::in_account`]. domain.md §2.3, §2.4, §3.3, §7
//! items 8–14.

use super::SourceDocs;
use super::rules::*;
use super::util::{fmt, props, text};
use super::window::SourceWindow;
use crate::model::{Account, Api, region_key};
use crate::node::Node;
use crate::policy::types::EffectivePolicy;
use crate::read::Kind;
use crate::scenario::ScenarioView;
use crate::values::{Field, Reader, clip};
use chrono::{DateTime, Utc};

/// A parsed restorable-account id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceId {
    /// Subscription.
    pub subscription: String,
    /// Region (as written).
    pub location: String,
    /// Restorable account instance id.
    pub instance_id: String,
}

fn segments(id: &str) -> Vec<&str> {
    id.split('/').filter(|s| !s.is_empty()).collect()
}

/// Parses `/subscriptions/{sub}/providers/Microsoft.DocumentDB/locations/{loc}/restorableDatabaseAccounts/{id}`.
///
/// ```
/// use cosmos_backup::restore::request::parse_source;
/// let id = parse_source("/subscriptions/s/providers/Microsoft.DocumentDB/locations/West US/restorableDatabaseAccounts/abc").unwrap();
/// assert_eq!(id.location, "West US");
/// assert!(parse_source("/subscriptions/s/resourceGroups/rg/providers/Microsoft.DocumentDB/databaseAccounts/a").is_none());
/// ```
pub fn parse_source(id: &str) -> Option<SourceId> {
    match segments(id).as_slice() {
        [s, sub, p, ns, l, loc, r, inst]
            if s.eq_ignore_ascii_case("subscriptions")
                && p.eq_ignore_ascii_case("providers")
                && ns.eq_ignore_ascii_case("Microsoft.DocumentDB")
                && l.eq_ignore_ascii_case("locations")
                && r.eq_ignore_ascii_case("restorableDatabaseAccounts") =>
        {
            Some(SourceId {
                subscription: (*sub).to_string(),
                location: (*loc).to_string(),
                instance_id: (*inst).to_string(),
            })
        }
        _ => None,
    }
}

fn source_help<'a>(id: &str, src: &SourceDocs<'a>) -> String {
    if let Some(known) = src.restorable.as_ref().and_then(|n| text(n, "id")) {
        return format!("use the restorable account's id: `{known}`");
    }
    match segments(id).as_slice() {
        [s, sub, rg, _, _, _, t, name, ..] if s.eq_ignore_ascii_case("subscriptions") && rg.eq_ignore_ascii_case("resourceGroups") && t.eq_ignore_ascii_case("databaseAccounts") => format!(
            "that is the account's id, not its restorable account's: use `/subscriptions/{sub}/providers/Microsoft.DocumentDB/locations/<region>/restorableDatabaseAccounts/<instanceId>` (find the instanceId with `az cosmosdb restorable-database-account list --account-name {name}`)"
        ),
        _ => "use `/subscriptions/<subscriptionId>/providers/Microsoft.DocumentDB/locations/<region>/restorableDatabaseAccounts/<instanceId>` (`az cosmosdb restorable-database-account list` gives it)".to_string(),
    }
}

/// True when the scenario's `restoreRequest` restores databases or containers into the same account.
pub fn is_in_account<'a>(s: &ScenarioView<'a>) -> bool {
    s.restore_request.as_ref().is_some_and(|req| !children(req).is_empty())
}

fn children<'a>(req: &Node<'a>) -> Vec<Node<'a>> {
    crate::read::find(req)
        .into_iter()
        .filter(|f| f.kind == Kind::ChildResource)
        .map(|f| f.node)
        .filter(|n| props(n).at(&["resource", "restoreParameters"]).is_some())
        .collect()
}

/// Checks the scenario's `restoreRequest` (account-level, in-account, or several).
pub fn check<'a>(
    s: &ScenarioView<'a>,
    req: &Node<'a>,
    window: &SourceWindow,
    src: &SourceDocs<'a>,
    r: &mut Reader<'a>,
) {
    let found = crate::read::find(req);
    for f in found.iter().filter(|f| f.kind == Kind::Account) {
        let a = Account::from_found(f);
        if super::is_restore_request(&a) {
            check_account(s, &a, window, src, r);
        }
    }
    let kids = children(req);
    if !kids.is_empty() {
        super::in_account::check(s, req, &kids, window, src, r);
    }
}

/// Flags a point-in-time request whose source account uses periodic backup. [PRDR], [OBR]
pub fn periodic_source<'a>(req: &Node<'a>, p: &EffectivePolicy, r: &mut Reader<'a>) {
    let found = crate::read::find(req);
    let rp = found
        .iter()
        .find_map(|f| props(&f.node).get("restoreParameters"))
        .or_else(|| {
            children(req)
                .first()
                .and_then(|k| props(k).at(&["resource", "restoreParameters"]))
        });
    let path = rp.map_or_else(|| req.path.clone(), |n| n.path);
    let kept = match p.backup_retention_interval_in_hours {
        Some(h) => format!("each snapshot is kept `{h}` hours (`backupRetentionIntervalInHours`)"),
        None => "each snapshot is kept for the account's retention (8 hours by default)".to_string(),
    };
    r.push(REQ_SOURCE_PERIODIC.at(
        &path,
        "`restoreParameters` asks for a point-in-time restore, but the source's `backupPolicy.type` is `Periodic`",
        format!("a periodic account has no restorable account: file an Azure support request (Standard or Developer plan or higher) with the subscription id, the account name, the database and container names (and whether namesakes exist now) and the restore time in UTC; {kept}, so first raise retention to at least 7 days, ideally within 8 hours of the incident"),
    ));
}

fn api_of<'a>(src: &SourceDocs<'a>, p: &Node<'a>, envelope: &Node<'a>) -> Option<Api> {
    if let Some(a) = src.restorable.as_ref().and_then(super::window::restorable_api) {
        return Some(a);
    }
    if let Some(a) = &src.account {
        return Some(a.api());
    }
    let caps = p.get("capabilities").map(|c| c.items()).unwrap_or_default();
    let has = |n: &str| {
        caps.iter()
            .any(|c| text(c, "name").is_some_and(|x| x.eq_ignore_ascii_case(n)))
    };
    let kind = text(envelope, "kind").unwrap_or("");
    Some(if has("EnableCassandra") {
        Api::Cassandra
    } else if has("EnableGremlin") {
        Api::Gremlin
    } else if has("EnableTable") {
        Api::Table
    } else if kind.eq_ignore_ascii_case("MongoDB") {
        Api::MongoDb
    } else {
        return None;
    })
}

/// Checks an account-level restore request (`createMode: Restore`).
pub fn check_account<'a>(
    s: &ScenarioView<'a>,
    a: &Account<'a>,
    window: &SourceWindow,
    src: &SourceDocs<'a>,
    r: &mut Reader<'a>,
) {
    let envelope = &a.envelope;
    let p = props(envelope);
    let Some(mode) = p.get("createMode") else { return };
    super::target::exists(s, a, src, r);
    let Some(rp) = p.get("restoreParameters").filter(|n| n.value.is_object()) else {
        r.push(REQ_PARAMETERS_MISSING.at(
            &mode.path,
            "`createMode` is `Restore` but `restoreParameters` is missing",
            "add `restoreParameters` with `restoreMode: PointInTime`, `restoreSource` and `restoreTimestampInUtc`",
        ));
        return;
    };
    if let Field::Known(m) = r.string(&rp, "restoreMode") {
        if !m.value.eq_ignore_ascii_case("PointInTime") {
            r.push(REQ_MODE.at(
                &m.path,
                format!("`restoreMode` is `{}`", clip(&m.value)),
                "use `PointInTime`, the only restore mode",
            ));
        }
    }
    let api = api_of(src, &p, envelope);
    if api == Some(Api::Cassandra) {
        r.push(REQ_CASSANDRA.at(
            &rp.path,
            "the source is an API for Cassandra account",
            "Cassandra accounts can't use continuous backup: restore through a periodic-backup support request",
        ));
    }
    let source = source_id(&rp, src, r);
    if let Some(id) = &source {
        super::target::account_subscription(a, id, r);
    }
    let location = r.string(envelope, "location");
    let region = source
        .as_ref()
        .map(|id| id.location.clone())
        .or_else(|| location.value().cloned());
    let ts = timestamp(s, &rp, window, src, region.as_deref(), r);
    // With the source's regions known, every target region is checked against them; without
    // them, only a `location` that differs from the `restoreSource` region is worth a warning
    // (a restore may target a read region the source had).
    if !super::target::regions(a, ts, source.as_ref().map(|id| id.location.as_str()), src, r) {
        location_mismatch(source.as_ref(), &location, r);
    }
    ttl(&rp, r);
    api_unknown(src, &rp, r);
    lists(s, &rp, api, r);
    if let Some(ts) = ts {
        super::resources::check(s, &rp, ts, r);
    }
}

fn location_mismatch<'a>(source: Option<&SourceId>, location: &Field<String>, r: &mut Reader<'a>) {
    let (Some(id), Some(loc)) = (source, location.known()) else {
        return;
    };
    if region_key(&loc.value) != region_key(&id.location) {
        r.push(REQ_LOCATION.at(
            &loc.path,
            format!(
                "`location` is `{}` but `restoreSource` names the region `{}`",
                clip(&loc.value),
                clip(&id.location)
            ),
            format!(
                "a restore can target any region the source had at the restore timestamp: add the source's `restorableAccount` (with `restorableLocations`) to check `{}`, or use `{}`",
                clip(&loc.value),
                id.location
            ),
        ));
    }
}

/// An `apiType` the engine does not know leaves the lists unchecked; say so rather than guess.
fn api_unknown<'a>(src: &SourceDocs<'a>, rp: &Node<'a>, r: &mut Reader<'a>) {
    let Some(rest) = &src.restorable else { return };
    let Some(t) = props(rest).get("apiType") else { return };
    let has_lists = LISTS.iter().any(|(k, _)| rp.has(k));
    if let (true, Some(v), None) = (has_lists, t.as_str(), super::window::restorable_api(rest)) {
        r.push(REQ_API_UNKNOWN.at(
            &t.path,
            format!("the source's `apiType` is `{}`", clip(v)),
            "the lists to restore are not checked against the API; the documented values are `Sql`, `MongoDB`, `Gremlin`, `GremlinV2`, `Table`, `Cassandra` (or a list such as `Table, Sql`)",
        ));
    }
}

pub(super) fn source_id<'a>(rp: &Node<'a>, src: &SourceDocs<'a>, r: &mut Reader<'a>) -> Option<SourceId> {
    match r.string(rp, "restoreSource") {
        Field::Absent => {
            r.push(REQ_SOURCE_MISSING.at(
                &rp.path,
                "`restoreParameters` has no `restoreSource`",
                source_help("", src),
            ));
            None
        }
        Field::Known(id) => {
            let parsed = parse_source(&id.value);
            if parsed.is_none() {
                r.push(REQ_SOURCE_FORM.at(
                    &id.path,
                    format!(
                        "`restoreSource` is `{}`, not a restorable database account id",
                        clip(&id.value)
                    ),
                    source_help(&id.value, src),
                ));
            }
            parsed
        }
        Field::Unknown(_) => None,
    }
}

pub(super) fn timestamp<'a>(
    s: &ScenarioView<'a>,
    rp: &Node<'a>,
    window: &SourceWindow,
    src: &SourceDocs<'a>,
    region: Option<&str>,
    r: &mut Reader<'a>,
) -> Option<DateTime<Utc>> {
    let ts = match r.timestamp(rp, "restoreTimestampInUtc") {
        Field::Known(t) => t,
        Field::Absent => {
            r.push(REQ_TIMESTAMP_MISSING.at(
                &rp.path,
                "`restoreParameters` has no `restoreTimestampInUtc`",
                "add the instant to restore to, in RFC 3339 UTC (e.g. the latest restorable timestamp)",
            ));
            return None;
        }
        Field::Unknown(_) => return None,
    };
    let bounds = match window {
        Ok(w) => crate::time::parse(&w.earliest).zip(crate::time::parse(&w.latest)),
        // Computed and closed (empty, or the deleted source expired): no timestamp can be
        // restored, which is not the same as a window nobody could compute.
        Err(no) => match no.closed_because() {
            Some(why) => {
                r.push(REQ_TIMESTAMP_OUTSIDE.at(
                    &ts.path,
                    format!(
                        "`restoreTimestampInUtc` is `{}`, but the source has no restore window: {why}",
                        fmt(ts.value)
                    ),
                    "no restore timestamp is possible for this source; see the finding on its window",
                ));
                None
            }
            None => {
                r.push(REQ_NO_SOURCE_WINDOW.at(&ts.path, format!("`restoreTimestampInUtc` is `{}`; the source's restore window is unknown", fmt(ts.value)), "add `now` and the source's `restorableAccount` (`az cosmosdb restorable-database-account show`) to the scenario to check it"));
                return Some(ts.value);
            }
        },
    };
    if let (Ok(w), Some((lo, hi))) = (window, bounds) {
        if ts.value < lo.at || ts.value > hi.at {
            r.push(REQ_TIMESTAMP_OUTSIDE.at(
                &ts.path,
                format!(
                    "`restoreTimestampInUtc` is `{}`, outside the restore window `{}` to `{}`",
                    fmt(ts.value),
                    w.earliest,
                    w.latest
                ),
                format!("use a timestamp from `{}` to `{}`", w.earliest, w.latest),
            ));
        }
    }
    if let (Some(region), Some(rest)) = (region, src.restorable.as_ref()) {
        let spans = super::window::region_spans(rest);
        if !spans.is_empty() {
            let key = region_key(region);
            match spans.iter().find(|(n, _, _)| region_key(n) == key) {
                None => {
                    let names: Vec<String> = spans.iter().map(|(n, _, _)| format!("`{n}`")).collect();
                    r.push(REQ_REGION_ABSENT.at(
                        &ts.path,
                        format!("the source account never existed in `{}`", clip(region)),
                        format!("restore from one of its regions: {}", names.join(", ")),
                    ));
                }
                Some((n, c, d)) => {
                    let before = c.is_some_and(|c| ts.value < c);
                    let after = d.is_some_and(|d| ts.value > d);
                    if before || after {
                        let from = c.map_or_else(|| "its creation".to_string(), |c| format!("`{}`", fmt(c)));
                        let to = d.map_or_else(|| "now".to_string(), |d| format!("`{}`", fmt(d)));
                        r.push(REQ_REGION_ABSENT.at(&ts.path, format!("the source account did not exist in `{n}` at `{}`", fmt(ts.value)), format!("in `{n}` it existed from {from} to {to}: pick a timestamp in that span, or another region")));
                    }
                }
            }
        }
    }
    let _ = s;
    Some(ts.value)
}

pub(super) fn ttl<'a>(rp: &Node<'a>, r: &mut Reader<'a>) {
    match r.boolean(rp, "restoreWithTtlDisabled") {
        Field::Known(b) if b.value => {}
        Field::Unknown(_) => {}
        other => {
            let path = other.path().cloned().unwrap_or_else(|| rp.path.clone());
            r.push(REQ_TTL.at(&path, "`restoreWithTtlDisabled` is not `true`", "TTL is restored with the containers and may delete restored items: set `restoreWithTtlDisabled: true` to keep them, then re-enable TTL"));
        }
    }
}

const LISTS: [(&str, &[Api]); 3] = [
    ("databasesToRestore", &[Api::Sql, Api::MongoDb]),
    ("gremlinDatabasesToRestore", &[Api::Gremlin]),
    ("tablesToRestore", &[Api::Table]),
];

fn lists<'a>(s: &ScenarioView<'a>, rp: &Node<'a>, api: Option<Api>, r: &mut Reader<'a>) {
    let present: Vec<_> = LISTS
        .iter()
        .filter_map(|(k, apis)| rp.get(k).map(|n| (*k, *apis, n)))
        .collect();
    if present.len() > 1 {
        let names: Vec<String> = present.iter().map(|(k, _, _)| format!("`{k}`")).collect();
        if let Some((_, _, n)) = present.get(1) {
            r.push(REQ_LISTS_EXCLUSIVE.at(
                &n.path,
                format!("the request gives {}", names.join(" and ")),
                "keep only the list that matches the source account's API",
            ));
        }
    }
    for (k, apis, n) in &present {
        if let Some(api) = api.filter(|a| !apis.contains(a)) {
            let right = LISTS
                .iter()
                .find(|(_, a)| a.contains(&api))
                .map_or("no list (restore the whole account)", |(k, _)| k);
            r.push(REQ_LIST_API.at(
                &n.path,
                format!("`{k}` is given for an API for {} account", api.label()),
                format!("use `{right}`"),
            ));
        }
    }
    if let Some(dbs) = rp.get("databasesToRestore") {
        shared_subset(s, &dbs, r);
    }
}

/// Shared-throughput databases in the scenario's account documents, with their containers.
fn shared_databases<'a>(s: &ScenarioView<'a>) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    let docs = [s.account.as_ref(), s.current.as_ref()];
    let found: Vec<_> = docs
        .iter()
        .flatten()
        .flat_map(|d| crate::read::find(d))
        .filter(|f| f.kind == Kind::ChildResource)
        .collect();
    let last = |n: &Node<'a>| text(n, "name").and_then(|x| x.rsplit('/').next()).map(str::to_string);
    for f in &found {
        let ty = text(&f.node, "type").unwrap_or("").to_ascii_lowercase();
        let is_db =
            ty.ends_with("/sqldatabases") || ty.ends_with("/mongodbdatabases") || ty.ends_with("/gremlindatabases");
        let opts = props(&f.node).get("options");
        let shared = opts.is_some_and(|o| o.has("throughput") || o.has("autoscaleSettings"));
        if let (true, true, Some(name)) = (is_db, shared, last(&f.node)) {
            out.push((name, Vec::new()));
        }
    }
    for f in &found {
        let ty = text(&f.node, "type").unwrap_or("").to_ascii_lowercase();
        if !(ty.ends_with("/containers") || ty.ends_with("/collections") || ty.ends_with("/graphs")) {
            continue;
        }
        let name = text(&f.node, "name").unwrap_or("");
        let parts: Vec<&str> = name.split('/').collect();
        if let [.., db, coll] = parts.as_slice() {
            if let Some(entry) = out.iter_mut().find(|(d, _)| d == db) {
                entry.1.push((*coll).to_string());
            }
        }
    }
    out
}

fn shared_subset<'a>(s: &ScenarioView<'a>, dbs: &Node<'a>, r: &mut Reader<'a>) {
    let shared = shared_databases(s);
    if shared.is_empty() {
        return;
    }
    for db in dbs.items() {
        let Some(name) = text(&db, "databaseName") else {
            continue;
        };
        let Some((_, all)) = shared.iter().find(|(d, _)| d == name) else {
            continue;
        };
        let Some(list) = db.get("collectionNames") else {
            continue;
        };
        let asked: Vec<&str> = list.items().iter().filter_map(|c| c.as_str()).collect();
        let missing: Vec<&String> = all.iter().filter(|c| !asked.contains(&c.as_str())).collect();
        if !asked.is_empty() && !missing.is_empty() {
            let m: Vec<String> = missing.iter().map(|c| format!("`{c}`")).collect();
            r.push(REQ_SHARED_SUBSET.at(
                &list.path,
                format!(
                    "`{}` has shared throughput and the request restores only some of its containers (not {})",
                    clip(name),
                    m.join(", ")
                ),
                "remove `collectionNames` (or list every container) to restore the whole database",
            ));
        }
    }
}
