//! Periodic-mode restore points: one snapshot every interval, kept for the retention.
//!
//! Snapshots are counted from the account's creation (`systemData.createdAt`) when the document
//! has it, else from 00:00 UTC; the service's own schedule may be offset by up to one interval.
//! [PBR], [PMI], [PRDR]; the 2017 rules (every 4 hours, 2 kept) with `ruleSet: legacy2017` [LEG17].

use super::rules::*;
use super::util::{fmt, minus_secs, plus_secs};
use super::{Basis, RestoreWindow, RuleSet};
use crate::api::scenario::ScenarioView;
use crate::model::Account;
use crate::policy::types::EffectivePolicy;
use crate::sources;
use crate::values::Reader;
use chrono::{DateTime, Utc};

/// At most this many restore points are listed (720 h of hourly snapshots fit).
pub const MAX_POINTS: i64 = 1_000;
/// Hours of retention the documentation asks for before filing a restore request.
pub const ADVISED_RETENTION_HOURS: i64 = 168;
/// Hours after an incident within which retention should be raised.
pub const ADVICE_HOURS: i64 = 8;

/// The schedule: interval (minutes), copies kept, anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    /// Minutes between snapshots.
    pub interval_minutes: i64,
    /// Hours each snapshot is kept.
    pub retention_hours: i64,
    /// Snapshots kept.
    pub copies: i64,
    /// The instant snapshots are counted from.
    pub anchor: DateTime<Utc>,
}

impl Schedule {
    /// The last snapshot at or before `at`, or `None` before the anchor.
    pub fn at_or_before(&self, at: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let step = self.interval_minutes.checked_mul(60)?;
        let since = at.signed_duration_since(self.anchor).num_seconds();
        if since < 0 || step <= 0 {
            return None;
        }
        let n = since.checked_div(step)?;
        plus_secs(self.anchor, n.checked_mul(step)?)
    }

    /// The retained snapshots at `now`, newest first.
    pub fn points(&self, now: DateTime<Utc>) -> Vec<DateTime<Utc>> {
        let Some(newest) = self.at_or_before(now) else {
            return Vec::new();
        };
        let step = self.interval_minutes.saturating_mul(60);
        (0..self.copies.clamp(1, MAX_POINTS))
            .filter_map(|j| minus_secs(newest, j.checked_mul(step)?))
            .filter(|p| *p >= self.anchor)
            .collect()
    }
}

/// The schedule a periodic policy gives.
pub fn schedule<'a>(a: &Account<'a>, p: &EffectivePolicy, set: RuleSet) -> Option<(Schedule, bool)> {
    let (interval, retention) = match set {
        RuleSet::Legacy2017 => (240, 8),
        RuleSet::Current => (p.backup_interval_in_minutes?, p.backup_retention_interval_in_hours?),
    };
    if interval <= 0 || retention <= 0 {
        return None;
    }
    let copies = match set {
        RuleSet::Legacy2017 => 2,
        RuleSet::Current => retention.checked_mul(60)?.checked_div(interval)?.max(1),
    };
    let created = a
        .envelope
        .at(&["systemData", "createdAt"])
        .and_then(|t| t.as_str().and_then(crate::time::parse))
        .map(|t| t.at);
    let anchor = created.unwrap_or(DateTime::<Utc>::UNIX_EPOCH);
    Some((
        Schedule {
            interval_minutes: interval,
            retention_hours: retention,
            copies,
            anchor,
        },
        created.is_some(),
    ))
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
    let (sched, from_creation) = schedule(a, p?, set)?;
    let points = sched.points(now);
    let newest = *points.first()?;
    let oldest = *points.last()?;
    let src = if set == RuleSet::Legacy2017 {
        sources::LEG17
    } else {
        sources::PBR
    };
    let anchor_reason = if from_creation {
        "snapshots-from-creation"
    } else {
        "snapshots-from-midnight-utc"
    };
    let mut b = vec![
        basis("earliest", "snapshot-retention", oldest, src),
        basis("latest", "latest-snapshot", newest, src),
        basis("latest", anchor_reason, sched.anchor, src),
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
        restorable_until: None,
        before_incident,
    })
}
