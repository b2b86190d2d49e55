//! Continuous-backup restore windows: account-level and per region.
//!
//! earliest = max(now − tier retention, creation (or migration completion), `oldestRestorableTime`);
//! latest = min(now − 100 s backup lag, or a known `latestRestorableTimestamp`, deletion).
//! A deleted account stays restorable for 30 days after its deletion. [CBI], [LRT], [RACB], [MIG-2024]

use super::rules::*;
use super::util::{days, earlier, fmt, later, minus_secs, plus_secs, props, text};
use super::{Basis, RestoreWindow, SourceDocs};
use crate::model::Api;
use crate::node::Node;
use crate::policy::types::Tier;
use crate::read::Kind;
use crate::scenario::ScenarioView;
use crate::sources;
use crate::values::Reader;
use chrono::{DateTime, Datelike, Utc};

/// Seconds between a write and its backup in steady state ([CBI]: "within 100 seconds").
pub const BACKUP_LAG_SECONDS: i64 = 100;
/// Days a deleted account stays restorable ([RACB]).
pub const DELETED_ACCOUNT_DAYS: i64 = 30;

/// The API of a restorable account, from `apiType`, or `None` when it is absent or not a value
/// the engine knows.
///
/// The service writes a list for accounts that serve an API beside the NoSQL engine underneath
/// (`"Table, Sql"`, `"Gremlin, Sql"`): the non-`Sql` member is the account's API. A value the
/// engine does not know is unknown, never taken for NoSQL.
///
/// ```
/// use cosmos_backup::{model::Api, restore::window::api_type};
/// assert_eq!(api_type("Table, Sql"), Some(Api::Table));
/// assert_eq!(api_type("Sql"), Some(Api::Sql));
/// assert_eq!(api_type("Sql, Cosmic"), None);
/// ```
pub fn api_type(t: &str) -> Option<Api> {
    let mut found: Option<Api> = None;
    for part in t.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let api = match part.to_ascii_lowercase().as_str() {
            "sql" => continue,
            "mongodb" => Api::MongoDb,
            "gremlin" | "gremlinv2" => Api::Gremlin,
            "cassandra" => Api::Cassandra,
            "table" => Api::Table,
            _ => return None,
        };
        // Two different non-NoSQL APIs in one list: no documented account is both.
        if found.is_some_and(|f| f != api) {
            return None;
        }
        found = Some(api);
    }
    let any_sql = t.split(',').any(|p| p.trim().eq_ignore_ascii_case("sql"));
    found.or(any_sql.then_some(Api::Sql))
}

/// The API of a restorable account, from `apiType` (see [`api_type`]).
pub fn restorable_api<'a>(node: &Node<'a>) -> Option<Api> {
    api_type(text(&props(node), "apiType")?)
}

/// Reports that `now` is missing (once per result).
pub fn now_missing<'a>(s: &ScenarioView<'a>, what: &str, r: &mut Reader<'a>) {
    if r.diags.iter().any(|d| d.code == NOW_MISSING.code) {
        return;
    }
    r.push(NOW_MISSING.at(
        &s.root.path,
        format!("the scenario has no `now`, so the {what} can't be computed"),
        "add `\"now\": \"<RFC 3339 UTC instant>\"` to the scenario (the CLI's `--now` does this)",
    ));
}

/// The `latestRestorableTimestamp` of the scenario's `backupInformation`, when readable.
fn latest_restorable<'a>(s: &ScenarioView<'a>, r: &mut Reader<'a>) -> Option<DateTime<Utc>> {
    let doc = s.backup_information.as_ref()?;
    let info = crate::read::find(doc)
        .into_iter()
        .find(|f| f.kind == Kind::BackupInformation)?;
    let cbi = info.node.get("continuousBackupInformation")?;
    let at = r.timestamp(&cbi, "latestRestorableTimestamp").known().cloned()?;
    if is_epoch(at.value) {
        r.push(LRT_EPOCH.at(&at.path, format!("`latestRestorableTimestamp` is `{}`", fmt(at.value)), "a partition has not taken its first log backup yet: retry the request in a few minutes; the backup lag of 100 seconds is used meanwhile"));
        return None;
    }
    Some(at.value)
}

/// True for an instant in 1970. The LRT API returns the Unix epoch for "no log backup yet" ([LRT]);
/// no Cosmos DB account existed in 1970, so any such value is a placeholder, never a real time,
/// and never a window bound.
pub fn is_epoch(at: DateTime<Utc>) -> bool {
    at.year() == 1970
}

/// A timestamp of a restorable account or region, unless it is the epoch (then it is reported and
/// left out, so it bounds nothing).
fn bound_ts<'a>(node: &Node<'a>, key: &str, r: &mut Reader<'a>) -> Option<crate::node::Located<DateTime<Utc>>> {
    let at = r.timestamp(node, key).known().cloned()?;
    if is_epoch(at.value) {
        r.push(EPOCH_TIMESTAMP.at(&at.path, format!("`{key}` is `{}`, the Unix epoch", fmt(at.value)), "no Cosmos DB account existed in 1970, so this is a placeholder, not a time: read the restorable account again; the window is computed without it meanwhile"));
        return None;
    }
    Some(at)
}

/// The tier and whether it was assumed.
fn tier<'a>(src: &SourceDocs<'a>) -> (Tier, bool) {
    match src.policy.as_ref().and_then(|p| p.tier) {
        Some(t) => (t, false),
        None => (Tier::Continuous30Days, true),
    }
}

fn basis(bound: &str, reason: &str, at: DateTime<Utc>, source: &str) -> Basis {
    Basis {
        bound: bound.to_string(),
        reason: reason.to_string(),
        at: fmt(at),
        source: source.to_string(),
    }
}

fn reason_source(reason: &str) -> &'static str {
    match reason {
        "retention" | "creation" | "backup-lag" | "region-creation" | "region-deletion" => sources::CBI,
        "migration-completion" => sources::MIG_2024,
        "oldest-restorable-time" => sources::SPEC_R,
        "latest-restorable-timestamp" => sources::LRT,
        "deletion" | "deleted-account-30-days" => sources::RACB,
        "tier-default" => sources::CBRM,
        _ => sources::CBI,
    }
}

/// The source of a bound, for a tier: the 35-day retention is stated only by the preview spec.
fn tier_source(reason: &str, tier: Tier) -> &'static str {
    if reason == "retention" && tier == Tier::Continuous35Days {
        sources::SPEC_P26
    } else {
        reason_source(reason)
    }
}

/// Why a source has no restore window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoWindow {
    /// Nobody could compute it (no `now`, no source documents, no policy).
    Unknown,
    /// It was computed and no instant satisfies every bound.
    Empty,
    /// The deleted source is past its 30 days.
    Expired,
}

impl NoWindow {
    /// Why no timestamp can be restored, when the window is known to be closed (not merely unknown).
    pub fn closed_because(self) -> Option<&'static str> {
        match self {
            Self::Unknown => None,
            Self::Empty => Some("no instant satisfies every bound"),
            Self::Expired => Some("it was deleted more than 30 days ago"),
        }
    }
}

/// A source's restore window, or why it has none.
pub type SourceWindow = Result<RestoreWindow, NoWindow>;

/// The continuous window of a source (restorable account and/or live account), or why there is
/// none: `now` missing (unknown), the account can no longer be restored, or no instant fits.
pub fn continuous<'a>(s: &ScenarioView<'a>, src: &SourceDocs<'a>, r: &mut Reader<'a>) -> SourceWindow {
    let Some(now) = s.now else {
        now_missing(s, "restore window", r);
        return Err(NoWindow::Unknown);
    };
    let (tier, assumed) = tier(src);
    let rp = src.restorable.as_ref().map(props);
    let ts = |r: &mut Reader<'a>, key: &str| rp.as_ref().and_then(|p| bound_ts(p, key, r));
    let mut creation = ts(r, "creationTime");
    let deletion = ts(r, "deletionTime");
    let oldest = ts(r, "oldestRestorableTime");
    if creation.is_none() {
        if let Some(a) = &src.account {
            if let Some(sd) = a.envelope.get("systemData") {
                creation = bound_ts(&sd, "createdAt", r);
            }
        }
    }
    let lrt = latest_restorable(s, r);

    // Migration: the restorable account's creation time is the migration's completion.
    let mut creation_reason = "creation";
    let migration_start = src
        .account
        .as_ref()
        .and_then(|a| a.backup_policy())
        .and_then(|b| b.at(&["migrationState", "startTime"]))
        .and_then(|t| t.as_str().and_then(crate::time::parse).map(|p| (p.at, t.path.clone())));
    if let (Some((start, path)), Some(c)) = (&migration_start, &creation) {
        if *start < c.value {
            creation_reason = "migration-completion";
            let kept = plus_secs(c.value, days(30)).map(fmt).unwrap_or_default();
            r.push(MIGRATION_GAP.at(path, format!("the migration ran from `{}` to `{}`", fmt(*start), fmt(c.value)), format!("no restore timestamp between them is valid; self-service restore starts at `{}`; for earlier points file a support ticket before `{kept}`, while the pre-migration periodic backups are kept", fmt(c.value))));
        }
    }

    let retention_start = minus_secs(now, days(tier.days())).ok_or(NoWindow::Unknown)?;
    let mut e = later(
        (retention_start, "retention"),
        creation.as_ref().map(|c| (c.value, creation_reason)),
    );
    e = later(e, oldest.as_ref().map(|o| (o.value, "oldest-restorable-time")));
    let mut l = match lrt {
        Some(t) if t <= now => (t, "latest-restorable-timestamp"),
        _ => (
            minus_secs(now, BACKUP_LAG_SECONDS).ok_or(NoWindow::Unknown)?,
            "backup-lag",
        ),
    };
    l = earlier(l, deletion.as_ref().map(|d| (d.value, "deletion")));

    let mut restorable_until = None;
    if let Some(d) = &deletion {
        let until = plus_secs(d.value, days(DELETED_ACCOUNT_DAYS)).ok_or(NoWindow::Unknown)?;
        if now > until {
            r.push(DELETED_EXPIRED.at(
                &d.path,
                format!(
                    "`deletionTime` is `{}`, more than 30 days before `now` (`{}`)",
                    fmt(d.value),
                    fmt(now)
                ),
                format!(
                    "the account could be restored until `{}`; no backup of it remains",
                    fmt(until)
                ),
            ));
            return Err(NoWindow::Expired);
        }
        r.push(ACCOUNT_DELETED.at(
            &d.path,
            format!("the account was deleted at `{}`", fmt(d.value)),
            format!(
                "restore it to a point from `{}` to `{}` before `{}` (30 days after the deletion)",
                fmt(e.0),
                fmt(l.0),
                fmt(until)
            ),
        ));
        restorable_until = Some(until);
    }
    let path = rp.as_ref().map_or_else(|| s.root.path.clone(), |p| p.path.clone());
    if e.0 > l.0 {
        r.push(WINDOW_EMPTY.at(
            &path,
            format!(
                "the earliest bound `{}` ({}) is after the latest bound `{}` ({})",
                fmt(e.0),
                e.1,
                fmt(l.0),
                l.1
            ),
            "check `now`, `creationTime` and `deletionTime`: no restore timestamp is possible",
        ));
        return Err(NoWindow::Empty);
    }
    let tier_name = tier.name();
    let mut b = vec![
        basis("earliest", e.1, e.0, tier_source(e.1, tier)),
        basis("latest", l.1, l.0, reason_source(l.1)),
    ];
    if assumed {
        b.push(basis(
            "earliest",
            "tier-default",
            retention_start,
            reason_source("tier-default"),
        ));
    }
    if let Some(u) = restorable_until {
        b.push(basis("restorableUntil", "deleted-account-30-days", u, sources::RACB));
    }
    let regions = rp
        .as_ref()
        .map(|p| region_windows(p, e, l, tier_name, r))
        .unwrap_or_default();
    Ok(RestoreWindow {
        earliest: fmt(e.0),
        latest: fmt(l.0),
        tier: tier_name.to_string(),
        region: None,
        basis: b,
        regions,
        restore_points: Vec::new(),
        restore_point_count: None,
        anchor: None,
        anchor_basis: None,
        restorable_until: restorable_until.map(fmt),
        before_incident: None,
    })
}

type Bound<'r> = (DateTime<Utc>, &'r str);

fn region_windows<'a>(p: &Node<'a>, e: Bound<'a>, l: Bound<'a>, tier: &str, r: &mut Reader<'a>) -> Vec<RestoreWindow> {
    let Some(list) = p.get("restorableLocations") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for loc in list.items() {
        let Some(name) = text(&loc, "locationName").or_else(|| text(&loc, "location")) else {
            continue;
        };
        let rc = bound_ts(&loc, "creationTime", r).map(|c| (c.value, "region-creation"));
        let rd = bound_ts(&loc, "deletionTime", r).map(|d| (d.value, "region-deletion"));
        let re = later(e, rc);
        let rl = earlier(l, rd);
        if re.0 > rl.0 {
            continue;
        }
        out.push(RestoreWindow {
            earliest: fmt(re.0),
            latest: fmt(rl.0),
            tier: tier.to_string(),
            region: Some(name.to_string()),
            basis: vec![
                basis("earliest", re.1, re.0, reason_source(re.1)),
                basis("latest", rl.1, rl.0, reason_source(rl.1)),
            ],
            regions: Vec::new(),
            restore_points: Vec::new(),
            restore_point_count: None,
            anchor: None,
            anchor_basis: None,
            restorable_until: None,
            before_incident: None,
        });
    }
    out
}

/// A region of a restorable account: name, creation, deletion.
pub type RegionSpan = (String, Option<DateTime<Utc>>, Option<DateTime<Utc>>);

/// Every region of a restorable account with its own creation and deletion (for request checks).
pub fn region_spans(restorable: &Node<'_>) -> Vec<RegionSpan> {
    let p = props(restorable);
    let Some(list) = p.get("restorableLocations") else {
        return Vec::new();
    };
    list.items()
        .iter()
        .filter_map(|loc| {
            let name = text(loc, "locationName").or_else(|| text(loc, "location"))?;
            // An epoch value is no value (see `is_epoch`): the window reports it.
            let t = |k: &str| {
                text(loc, k)
                    .and_then(crate::time::parse)
                    .map(|x| x.at)
                    .filter(|at| !is_epoch(*at))
            };
            Some((name.to_string(), t("creationTime"), t("deletionTime")))
        })
        .collect()
}
