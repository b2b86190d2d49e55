//! Periodic-mode restore points: one snapshot every interval, kept for the retention.
//!
//! The documents don't say when snapshots are taken. The schedule is pinned by the scenario's
//! `lastBackupTime`; without it, it is *assumed* to run from the account's creation
//! (`systemData.createdAt`), else from the Unix epoch (00:00 UTC), and the answer says so
//! (`anchorBasis`, `restore.periodic-schedule-assumed`). Every snapshot younger than the retention
//! is kept, so with a retention that is not a whole multiple of the interval the count alternates.
//! [PBR], [PMI], [PRDR]; the 2017 rules (every 4 hours, 2 kept) with `ruleSet: legacy2017` [LEG17].

use super::rules::*;
use super::util::{fmt, minus_secs, plus_secs};
use super::{Basis, RestoreWindow, RuleSet};
use crate::model::Account;
use crate::policy::types::EffectivePolicy;
use crate::scenario::ScenarioView;
use crate::sources;
use crate::values::Reader;
use chrono::{DateTime, Utc};

/// At most this many restore points are listed; the window and `restorePointCount` are computed,
/// not read back from the list, so a longer schedule is never shortened.
pub const MAX_POINTS: i64 = 1_000;
/// Hours of retention the documentation asks for before filing a restore request.
pub const ADVISED_RETENTION_HOURS: i64 = 168;
/// Hours after an incident within which retention should be raised.
pub const ADVICE_HOURS: i64 = 8;

/// Where the schedule's anchor comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnchorBasis {
    /// The scenario's `lastBackupTime`: a snapshot was taken then.
    LastBackupTime,
    /// Assumed: the account's creation (`systemData.createdAt`).
    AccountCreation,
    /// Assumed: the Unix epoch (00:00 UTC), when nothing better is known.
    UnixEpoch,
}

impl AnchorBasis {
    /// The `anchorBasis` slug.
    pub fn slug(self) -> &'static str {
        match self {
            Self::LastBackupTime => "last-backup-time",
            Self::AccountCreation => "account-creation",
            Self::UnixEpoch => "unix-epoch",
        }
    }

    /// True when the documents don't support the anchor: it is this engine's assumption.
    pub fn assumed(self) -> bool {
        self != Self::LastBackupTime
    }
}

/// The schedule: one snapshot every interval, before and after the anchor, each kept for the
/// retention. A snapshot exactly `retention` old is no longer counted: "kept for the retention
/// period" ends then, and promising a snapshot that may already be gone would be a confident
/// wrong answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    /// Minutes between snapshots.
    pub interval_minutes: i64,
    /// Hours each snapshot is kept.
    pub retention_hours: i64,
    /// An instant a snapshot was (or is assumed to have been) taken.
    pub anchor: DateTime<Utc>,
    /// Where the anchor comes from.
    pub anchor_basis: AnchorBasis,
    /// No snapshot is older than this (the account's creation, when known).
    pub floor: Option<DateTime<Utc>>,
}

impl Schedule {
    fn step(&self) -> Option<i64> {
        self.interval_minutes.checked_mul(60).filter(|s| *s > 0)
    }

    /// The last snapshot at or before `at`, or `None` before the floor.
    pub fn at_or_before(&self, at: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let step = self.step()?;
        let since = at.signed_duration_since(self.anchor).num_seconds();
        let n = since.checked_div_euclid(step)?;
        let t = plus_secs(self.anchor, n.checked_mul(step)?)?;
        match self.floor {
            Some(f) if t < f => None,
            _ => Some(t),
        }
    }

    /// How many snapshots are kept at `now`, and the newest of them.
    pub fn kept(&self, now: DateTime<Utc>) -> Option<(i64, DateTime<Utc>)> {
        let step = self.step()?;
        let newest = self.at_or_before(now)?;
        let age = now.signed_duration_since(newest).num_seconds();
        let left = self.retention_hours.checked_mul(3600)?.checked_sub(age)?;
        if left <= 0 {
            return None;
        }
        // Snapshot j (0 = newest) is kept while age + j × step < retention: j < left ÷ step.
        let mut count = left.checked_sub(1)?.checked_div(step)?.checked_add(1)?;
        if let Some(f) = self.floor {
            let since_floor = newest.signed_duration_since(f).num_seconds();
            count = count.min(since_floor.checked_div(step)?.checked_add(1)?);
        }
        Some((count, newest))
    }

    /// The oldest kept snapshot at `now`.
    pub fn oldest(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let (count, newest) = self.kept(now)?;
        minus_secs(newest, count.checked_sub(1)?.checked_mul(self.step()?)?)
    }

    /// The kept snapshots at `now`, newest first, at most [`MAX_POINTS`] of them.
    pub fn points(&self, now: DateTime<Utc>) -> Vec<DateTime<Utc>> {
        let (Some((count, newest)), Some(step)) = (self.kept(now), self.step()) else {
            return Vec::new();
        };
        (0..count.min(MAX_POINTS))
            .filter_map(|j| minus_secs(newest, j.checked_mul(step)?))
            .collect()
    }
}

/// The schedule a periodic policy gives; `last_backup` (the scenario's `lastBackupTime`, already
/// checked against `now`) anchors it when given.
pub fn schedule(
    a: &Account<'_>,
    p: &EffectivePolicy,
    set: RuleSet,
    last_backup: Option<DateTime<Utc>>,
) -> Option<Schedule> {
    let (interval, retention) = match set {
        RuleSet::Legacy2017 => (240, 8),
        RuleSet::Current => (p.backup_interval_in_minutes?, p.backup_retention_interval_in_hours?),
    };
    if interval <= 0 || retention <= 0 {
        return None;
    }
    let created = a
        .envelope
        .at(&["systemData", "createdAt"])
        .and_then(|t| t.as_str().and_then(crate::time::parse))
        .map(|t| t.at);
    let (anchor, anchor_basis) = match (last_backup, created) {
        (Some(l), _) => (l, AnchorBasis::LastBackupTime),
        (None, Some(c)) => (c, AnchorBasis::AccountCreation),
        (None, None) => (DateTime::<Utc>::UNIX_EPOCH, AnchorBasis::UnixEpoch),
    };
    Some(Schedule {
        interval_minutes: interval,
        retention_hours: retention,
        anchor,
        anchor_basis,
        floor: created,
    })
}

/// The scenario's `lastBackupTime`, unless it is after `now` (then it can't be a backup already
/// taken: it is reported and not used).
fn last_backup<'a>(s: &ScenarioView<'a>, now: DateTime<Utc>, r: &mut Reader<'a>) -> Option<DateTime<Utc>> {
    let l = s.last_backup_time.as_ref()?;
    if l.value > now {
        r.push(LAST_BACKUP_AFTER_NOW.at(&l.path, format!("`lastBackupTime` is `{}`, after `now` (`{}`)", fmt(l.value), fmt(now)), "give the time of a backup already taken (at or before `now`); the restore points are computed from an assumed schedule meanwhile"));
        return None;
    }
    Some(l.value)
}

/// Where policy findings about the schedule point: `backupPolicy`, else the account's properties.
fn policy_path(a: &Account<'_>) -> crate::pointer::Pointer {
    a.backup_policy().map_or_else(|| a.props.path.clone(), |b| b.path)
}

/// Says that the schedule is an assumption when an answer depends on it (`incidentTime`: which
/// snapshot precedes the incident and when it rolls over), and that the list is capped. The
/// window's `anchorBasis` labels the assumption in every answer; a finding on every periodic
/// account would bury the findings that need action.
fn schedule_findings<'a>(s: &ScenarioView<'a>, a: &Account<'a>, sched: &Schedule, count: i64, r: &mut Reader<'a>) {
    let path = policy_path(a);
    if let (Some(from), true) = (assumed_from(sched.anchor_basis.slug()), s.incident_time.is_some()) {
        let every = format!("every `{}` minutes", sched.interval_minutes);
        r.push(assumed_finding(&path, &every, &fmt(sched.anchor), from));
    }
    if count > MAX_POINTS {
        r.push(PERIODIC_POINTS_CAPPED.at(
            &path,
            format!("`{count}` snapshots are kept; `restorePoints` lists the newest `{MAX_POINTS}`"),
            "the window (`earliest`) and `restorePointCount` cover every kept snapshot; only the list is shortened",
        ));
    }
}

/// The assumed-schedule finding for an answer that is only about restore points (`restorePoints`),
/// where the points themselves are the answer: `None` when `lastBackupTime` pinned them.
pub fn assumed_schedule(path: &crate::pointer::Pointer, w: &RestoreWindow) -> Option<crate::diagnostics::Diagnostic> {
    let from = assumed_from(w.anchor_basis.as_deref()?)?;
    Some(assumed_finding(path, "every interval", w.anchor.as_deref()?, from))
}

/// What an assumed anchor is, by its `anchorBasis` slug; `None` when it is not an assumption.
fn assumed_from(basis: &str) -> Option<&'static str> {
    match basis {
        "account-creation" => Some("the account's creation"),
        "unix-epoch" => Some("00:00 UTC (the Unix epoch)"),
        _ => None,
    }
}

fn assumed_finding(
    path: &crate::pointer::Pointer,
    every: &str,
    anchor: &str,
    from: &str,
) -> crate::diagnostics::Diagnostic {
    PERIODIC_SCHEDULE_ASSUMED.at(path, format!("the restore points assume one snapshot {every} counted from `{anchor}` ({from}); the documents don't say when snapshots are taken"), "add `lastBackupTime` (the time of a backup already taken) to the scenario to pin the restore points; the service's own times may differ by up to one interval")
}

fn basis(bound: &str, reason: &str, at: DateTime<Utc>, source: &str) -> Basis {
    Basis {
        bound: bound.to_string(),
        reason: reason.to_string(),
        at: fmt(at),
        source: source.to_string(),
    }
}

/// The periodic window (oldest to newest snapshot) with its restore points.
pub fn window<'a>(
    s: &ScenarioView<'a>,
    a: &Account<'a>,
    p: Option<&EffectivePolicy>,
    set: RuleSet,
    r: &mut Reader<'a>,
) -> Option<RestoreWindow> {
    let Some(now) = s.now else {
        super::window::now_missing(s, "restore points", r);
        return None;
    };
    let last = last_backup(s, now, r);
    let sched = schedule(a, p?, set, last)?;
    let (count, newest) = sched.kept(now)?;
    let oldest = sched.oldest(now)?;
    let points = sched.points(now);
    schedule_findings(s, a, &sched, count, r);
    let src = if set == RuleSet::Legacy2017 {
        sources::LEG17
    } else {
        sources::PBR
    };
    let mut b = vec![
        basis("earliest", "snapshot-retention", oldest, src),
        basis("latest", "latest-snapshot", newest, src),
    ];
    let mut before_incident = None;
    if let Some(incident) = s.incident_time {
        let path = s
            .root
            .get("incidentTime")
            .map_or_else(|| s.root.path.clone(), |n| n.path);
        r.push(PERIODIC_SUPPORT_TICKET.at(&path, "the account uses periodic backup", "file an Azure support request (Standard plan or higher); the restore goes into a new account in the source write region, named `<account>-restored1` by default"));
        if let Some(before) = sched.at_or_before(incident) {
            before_incident = Some(fmt(before));
            b.push(basis("beforeIncident", "latest-snapshot-before-incident", before, src));
            if before < oldest {
                r.push(PERIODIC_INCIDENT_ROLLED_OVER.at(&path, format!("the last snapshot before `incidentTime` (`{}`) was taken at `{}`, before the oldest kept snapshot `{}`", fmt(incident), fmt(before), fmt(oldest)), "that state can no longer be restored; the oldest restorable state is the oldest kept snapshot"));
            } else if sched.retention_hours < ADVISED_RETENTION_HOURS {
                let rolls = plus_secs(before, sched.retention_hours.saturating_mul(3600))
                    .map(fmt)
                    .unwrap_or_default();
                let advice = plus_secs(incident, ADVICE_HOURS.saturating_mul(3600))
                    .map(fmt)
                    .unwrap_or_default();
                r.push(PERIODIC_RAISE_RETENTION.at(&path, format!("`backupRetentionIntervalInHours` is `{}` and the snapshot before the incident (`{}`) rolls over at `{rolls}`", sched.retention_hours, fmt(before)), format!("raise `backupRetentionIntervalInHours` to at least `{ADVISED_RETENTION_HOURS}` (7 days) before `{rolls}`, ideally before `{advice}` (8 hours after the incident), then file the support request")));
            }
        }
    }
    Some(RestoreWindow {
        earliest: fmt(oldest),
        latest: fmt(newest),
        tier: if set == RuleSet::Legacy2017 {
            "Legacy2017"
        } else {
            "Periodic"
        }
        .to_string(),
        region: a.write_region(),
        basis: b,
        regions: Vec::new(),
        restore_points: points.into_iter().map(fmt).collect(),
        restore_point_count: Some(count),
        anchor: Some(fmt(sched.anchor)),
        anchor_basis: Some(sched.anchor_basis.slug().to_string()),
        restorable_until: None,
        before_incident,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "test code")]
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        crate::time::parse(s).unwrap().at
    }

    fn sched(interval: i64, retention: i64, anchor: &str, floor: Option<&str>) -> Schedule {
        Schedule {
            interval_minutes: interval,
            retention_hours: retention,
            anchor: at(anchor),
            anchor_basis: AnchorBasis::UnixEpoch,
            floor: floor.map(at),
        }
    }

    #[test]
    fn a_retention_not_a_multiple_alternates_the_count() {
        let s = sched(300, 12, "2026-11-01T00:00:00Z", None);
        // 10:00, 05:00 and 00:00 are younger than 12 h at 11:00; at 12:00 00:00 is exactly 12 h old.
        assert_eq!(s.kept(at("2026-11-21T11:00:00Z")).unwrap().0, 3);
        assert_eq!(s.kept(at("2026-11-21T12:00:00Z")).unwrap().0, 2);
        assert_eq!(s.oldest(at("2026-11-21T11:00:00Z")), Some(at("2026-11-21T00:00:00Z")));
    }

    #[test]
    fn the_anchor_runs_backwards_too() {
        // A last backup after the instant asked about still fixes the phase.
        let s = sched(240, 8, "2026-11-21T09:17:00Z", None);
        assert_eq!(
            s.at_or_before(at("2026-11-21T07:00:00Z")),
            Some(at("2026-11-21T05:17:00Z"))
        );
    }

    #[test]
    fn nothing_before_the_floor_and_nothing_kept_past_the_retention() {
        let s = sched(60, 3, "2026-11-21T10:15:00Z", Some("2026-11-21T10:15:00Z"));
        assert_eq!(s.kept(at("2026-11-21T12:40:00Z")).unwrap().0, 3);
        assert_eq!(s.at_or_before(at("2026-11-21T10:00:00Z")), None);
        // Retention shorter than the age of the newest snapshot (an invalid policy): none kept.
        let short = sched(240, 1, "1970-01-01T00:00:00Z", None);
        assert_eq!(short.kept(at("2026-11-21T02:00:00Z")), None);
        assert!(short.points(at("2026-11-21T02:00:00Z")).is_empty());
    }

    #[test]
    fn the_list_is_capped_but_the_count_is_not() {
        let s = sched(30, 720, "1970-01-01T00:00:00Z", None);
        let now = at("2026-11-21T12:00:00Z");
        assert_eq!(s.kept(now).unwrap().0, 1440);
        assert_eq!(s.points(now).len(), 1000);
        assert_eq!(s.oldest(now), Some(at("2026-10-22T12:30:00Z")));
    }

    #[test]
    fn huge_values_give_no_answer_rather_than_panic() {
        let s = sched(i64::MAX, i64::MAX, "1970-01-01T00:00:00Z", None);
        assert!(s.points(at("2026-11-21T12:00:00Z")).len() <= 1);
        let s = sched(1, i64::MAX, "1970-01-01T00:00:00Z", None);
        assert!(s.points(at("2026-11-21T12:00:00Z")).len() <= 1000);
    }
}
