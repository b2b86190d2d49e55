//! The periodic plan: no self-service restore exists, so the plan is the retention change that
//! keeps the snapshot meanwhile and the Azure support request that asks for it. [PRDR], [PMI],
//! [PBR], [OBR]; seeds 000 and 002.

use super::arm::step;
use super::az::Az;
use super::input::Target;
use super::powershell::Ps;
use super::rules::*;
use super::{Ctx, PlanTarget, RestorePlan, placeholder};
use crate::diagnostics::Diagnostic;
use crate::pointer::Pointer;
use crate::sources;

/// Hours of retention the documents ask for before filing: at least 7 days.
pub const KEEP_HOURS: i64 = 168;
/// The default retention when the policy doesn't say ([PMI]).
pub const DEFAULT_RETENTION_HOURS: i64 = 8;

fn what(ctx: &Ctx<'_>) -> String {
    let pick = &ctx.read.pick;
    if pick.whole() {
        return "the whole account".to_string();
    }
    let mut parts = Vec::new();
    for db in &pick.databases {
        if db.children.is_empty() {
            parts.push(format!("database `{}` (all its containers)", db.name));
        } else {
            parts.push(format!(
                "containers {} of database `{}`",
                db.children
                    .iter()
                    .map(|c| format!("`{c}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
                db.name
            ));
        }
    }
    for t in &pick.tables {
        parts.push(format!("table `{t}`"));
    }
    parts.join("; ")
}

/// The support request text.
pub fn request_text(ctx: &Ctx<'_>, target: &PlanTarget, snapshot: &str, deadline: &str, incident: &str) -> String {
    let src = ctx.src;
    let sub = src
        .subscription
        .clone()
        .unwrap_or_else(|| placeholder("SUBSCRIPTION_ID"));
    let region = src.write_region().unwrap_or_else(|| placeholder("WRITE_REGION"));
    [
        "Azure support request: restore an Azure Cosmos DB account from its periodic backup".to_string(),
        String::new(),
        format!("Subscription id: {sub}"),
        format!("Resource group: {}", src.group()),
        format!("Account name: {}", src.name),
        format!("Write region: {region}"),
        format!("Incident (data lost or corrupted) at: {incident} UTC"),
        format!("Restore from the snapshot taken at: {snapshot} UTC (the last one before the incident)"),
        format!("What to restore: {}", what(ctx)),
        "Do databases or containers of the same name exist now: <YES_OR_NO>".to_string(),
        format!("Restore into the new account: {} (a periodic restore always goes into a new account in the source's write region)", target.account_name),
        format!("Urgency: that snapshot is kept only until {deadline} UTC; retention has been (or is being) raised to at least 7 days so it does not roll over"),
    ]
    .join("\n")
}

/// The periodic plan.
pub fn periodic_plan(ctx: &Ctx<'_>, mut d: Vec<Diagnostic>) -> RestorePlan {
    let src = ctx.src;
    let mut p = RestorePlan::refused("", Vec::new());
    let window = ctx.result.restore_window.as_ref();
    let incident = match ctx.when {
        super::input::When::At(t) | super::input::When::Before(t) => crate::time::format(t),
    };
    // A snapshot before the oldest kept one has rolled over ([PRDR]): it can't be asked for.
    let kept = |b: &String| window.is_some_and(|w| b.as_str() >= w.earliest.as_str());
    let Some(snapshot) = window.and_then(|w| w.before_incident.clone()).filter(kept) else {
        let key = if matches!(ctx.when, super::input::When::At(_)) {
            "timestamp"
        } else {
            "incidentTime"
        };
        d.push(NO_SNAPSHOT.at(&Pointer::root().key("plan").key(key), format!("no snapshot kept now was taken before `{incident}`"), "a periodic account keeps only its latest snapshots (`backupRetentionIntervalInHours`); check the time, and give `now`, the policy and `lastBackupTime` if you know it"));
        p.diagnostics = d;
        return p;
    };
    let retention = src.retention_hours.unwrap_or(DEFAULT_RETENTION_HOURS);
    let deadline = crate::time::parse(&snapshot)
        .and_then(|s| crate::restore::util::plus_secs(s.at, retention.saturating_mul(3600)))
        .map(crate::time::format)
        .unwrap_or_else(|| placeholder("DEADLINE"));
    let target = match &ctx.target {
        Target::New {
            name, resource_group, ..
        } => PlanTarget {
            account_name: name.clone(),
            resource_group: resource_group.clone().unwrap_or_else(|| src.group()),
            location: src.write_region(),
            in_account: false,
        },
        Target::InAccount => PlanTarget {
            account_name: format!("{}-restored1", src.name),
            resource_group: src.group(),
            location: src.write_region(),
            in_account: false,
        },
    };
    let rg = src.group();
    d.extend(
        ctx.result
            .diagnostics
            .iter()
            .filter(|x| x.code.starts_with("restore.periodic"))
            .cloned(),
    );
    if retention < KEEP_HOURS {
        let mut s = step(
            "raise-retention",
            "before",
            format!("Keep each snapshot {KEEP_HOURS} hours (now {retention}) before filing"),
            format!(
                "a periodic account keeps each snapshot only `backupRetentionIntervalInHours`; the snapshot of {snapshot} rolls over at {deadline} unless retention is raised to at least 7 days, ideally within 8 hours of the incident"
            ),
            sources::PRDR,
        );
        s.az = Some(
            Az::new("cosmosdb update")
                .arg("--resource-group", &rg)
                .arg("--name", &src.name)
                .arg("--backup-retention", &KEEP_HOURS.to_string())
                .line(),
        );
        s.powershell = Some(
            Ps::new("Update-AzCosmosDBAccount")
                .arg("-ResourceGroupName", &rg)
                .arg("-Name", &src.name)
                .arg("-BackupRetentionIntervalInHours", &KEEP_HOURS.to_string())
                .line(),
        );
        s.verify = Some(format!(
            "`{}` prints {KEEP_HOURS}",
            Az::new("cosmosdb show")
                .arg("--resource-group", &rg)
                .arg("--name", &src.name)
                .arg(
                    "--query",
                    "backupPolicy.periodicModeProperties.backupRetentionIntervalInHours"
                )
                .line()
        ));
        p.steps.push(s);
    }
    let text = request_text(ctx, &target, &snapshot, &deadline, &incident);
    let mut s = step(
        "support-request",
        "restore",
        format!("File an Azure support request to restore the snapshot of {snapshot}"),
        "a periodic account is restored only by Azure support (Standard or Developer plan and higher, not Basic), into a new account in the source's write region",
        sources::PRDR,
    );
    s.manual = Some("Azure portal → Help + support → Create a support request (service: Azure Cosmos DB, problem type: Backup and Restore); paste `supportRequest`".to_string());
    s.verify = Some(format!(
        "support confirms the restore; it must start before {deadline} UTC"
    ));
    p.steps.push(s);
    let mut v = step(
        "verify-provisioning",
        "verify",
        format!("Check the restored account `{}`", target.account_name),
        "the restored account has the source's throughput, indexing and consistency, one region, and tags `restoredAtTimestamp` and `restoredSourceDatabaseAccountName`",
        sources::PRDR,
    );
    v.az = Some(super::arm::provisioning_state("cosmosdb show", &target));
    v.verify = Some("prints `Succeeded` once the account is ready".to_string());
    p.steps.push(v);
    let nr = ctx.result.not_restored.clone();
    p.steps.extend(super::reapply::steps(ctx, &target, &nr, &snapshot));
    p.not_restored = nr;
    p.support_request = Some(text);
    p.restore_timestamp = Some(snapshot);
    p.timestamp_basis = Some("latest-snapshot-before-incident".to_string());
    p.deadline = Some(deadline);
    p.target = Some(target);
    p.diagnostics = d;
    p.accepted = true;
    p
}
