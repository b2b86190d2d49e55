//! Rules about changing a deployed account's policy (`current` → `account`).

use super::parse::PolicyDoc;
use super::rules::*;
use super::types::{EffectivePolicy, PolicyType, Tier};
use crate::model::{Account, region_key};
use crate::values::Reader;

/// Properties a user sets on an account; changing any of them together with the backup mode is refused.
const SETTABLE: &[&str] = &[
    "locations",
    "consistencyPolicy",
    "ipRules",
    "isVirtualNetworkFilterEnabled",
    "virtualNetworkRules",
    "enableMultipleWriteLocations",
    "enableAnalyticalStorage",
    "capabilities",
    "publicNetworkAccess",
    "enableAutomaticFailover",
    "disableKeyBasedMetadataWriteAccess",
    "keyVaultKeyUri",
    "defaultIdentity",
    "networkAclBypass",
    "disableLocalAuth",
    "cors",
    "capacity",
    "minimalTlsVersion",
    "enableFreeTier",
];

/// Compares the deployed account (`current`) with the desired one.
pub fn check(
    doc: &PolicyDoc<'_>,
    desired: &EffectivePolicy,
    current: &EffectivePolicy,
    current_doc: &PolicyDoc<'_>,
    account: &Account<'_>,
    deployed: &Account<'_>,
    r: &mut Reader<'_>,
) {
    let at = doc
        .policy_type
        .path()
        .cloned()
        .or_else(|| doc.node.as_ref().map(|n| n.path.clone()))
        .unwrap_or_else(|| account.props.path.clone());
    let changed = desired != current
        && (desired.policy_type != current.policy_type
            || desired.tier != current.tier
            || desired.backup_interval_in_minutes != current.backup_interval_in_minutes
            || desired.backup_retention_interval_in_hours != current.backup_retention_interval_in_hours
            || desired.backup_storage_redundancy != current.backup_storage_redundancy);
    if changed && current_doc.migration_status.value() == Some(&"InProgress") {
        r.push(CHANGE_DURING_MIGRATION.at(
            &at,
            "the backup policy changes while the deployed account's migration is `InProgress`",
            "wait for the migration to complete (about 90 minutes per TB per region), then apply the change",
        ));
    }
    match (current.policy_type, desired.policy_type) {
        (PolicyType::Continuous, PolicyType::Periodic) => r.push(CONTINUOUS_TO_PERIODIC.at(&at, "`type` changes from `Continuous` to `Periodic`", "keep `Continuous`: the change is one-way (Terraform azurerm would destroy and recreate the account, losing its data); to get periodic backup, restore or copy into a new periodic account")),
        (PolicyType::Periodic, PolicyType::Continuous) => r.push(MIGRATION_ONE_WAY.at(&at, "`type` changes from `Periodic` to `Continuous`", "this starts a one-way migration; restore points begin at its completion, and the pre-migration periodic backups stay available through support for 30 days")),
        _ => {}
    }
    if let (Some(a), Some(b)) = (current.tier, desired.tier) {
        tier_change(a, b, doc.tier.path().unwrap_or(&at), r);
    }
    if let (Some(a), Some(b)) = (current.backup_storage_redundancy, desired.backup_storage_redundancy) {
        if a != b && current.policy_type == PolicyType::Periodic && desired.policy_type == PolicyType::Periodic {
            let path = doc.redundancy.path().unwrap_or(&at);
            r.push(REDUNDANCY_CHANGE.at(path, format!("`backupStorageRedundancy` changes from `{a:?}` to `{b:?}`"), "request any restore you need from existing backups first: access to them is lost immediately, and the new redundancy can take up to 2 × the backup interval to apply (needs Cosmos DB Operator at subscription scope)"));
        }
    }
    regions_during_migration(doc, current_doc, account, deployed, r);
    let mode_or_tier = current.policy_type != desired.policy_type || current.tier != desired.tier;
    if mode_or_tier {
        let others: Vec<&str> = SETTABLE
            .iter()
            .copied()
            .filter(|k| {
                account.props.get(k).map(|n| n.value) != deployed.props.get(k).map(|n| n.value)
                    && account.props.get(k).is_some()
            })
            .collect();
        if !others.is_empty() {
            let list = others.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
            r.push(CHANGE_NOT_ALONE.at(&at, format!("the backup mode or tier changes together with {list}"), "send the backup policy change alone first (a PATCH with only `backupPolicy`), then the other changes; the service answers \"Cannot update continuous backup mode and other properties at the same time\""));
        }
    }
}

/// Region keys of an account's `locations`, when it lists them.
fn region_keys(a: &Account<'_>) -> Option<Vec<String>> {
    a.props.get_any(&["locations", "geo_location"])?;
    let mut keys: Vec<String> = a.regions().iter().map(|x| region_key(&x.name)).collect();
    keys.sort();
    keys.dedup();
    Some(keys)
}

/// The region with failover priority 0, when the document says so explicitly.
fn priority_zero(a: &Account<'_>) -> Option<String> {
    a.regions()
        .iter()
        .find(|x| x.priority == Some(0))
        .map(|x| region_key(&x.name))
}

/// Adding or removing a region "can't be run while the migration is in progress" ([MIG-2024]).
/// Compared only when both documents list `locations`: a document without them (a PATCH of the
/// policy alone) changes no region.
fn regions_during_migration(
    doc: &PolicyDoc<'_>,
    current_doc: &PolicyDoc<'_>,
    account: &Account<'_>,
    deployed: &Account<'_>,
    r: &mut Reader<'_>,
) {
    let in_progress = |d: &PolicyDoc<'_>| d.migration_status.value() == Some(&"InProgress");
    if !in_progress(current_doc) && !in_progress(doc) {
        return;
    }
    let (Some(want), Some(have)) = (region_keys(account), region_keys(deployed)) else {
        return;
    };
    let added: Vec<&String> = want.iter().filter(|k| !have.contains(k)).collect();
    let removed: Vec<&String> = have.iter().filter(|k| !want.contains(k)).collect();
    let list = |v: &[&String]| v.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
    let mut change = Vec::new();
    if !added.is_empty() {
        change.push(format!("adds {}", list(&added)));
    }
    if !removed.is_empty() {
        change.push(format!("removes {}", list(&removed)));
    }
    // Same regions, another priority-0 region: a failover, also blocked ([MIG-2024]).
    if let (true, Some(w), Some(h)) = (change.is_empty(), priority_zero(account), priority_zero(deployed)) {
        if w != h {
            change.push(format!(
                "moves the write region (failover priority 0) from `{h}` to `{w}`"
            ));
        }
    }
    if change.is_empty() {
        return;
    }
    let path = account
        .props
        .get_any(&["locations", "geo_location"])
        .map_or_else(|| account.props.path.clone(), |n| n.path);
    r.push(REGION_CHANGE_DURING_MIGRATION.at(&path, format!("`locations` {} while the migration to continuous backup is `InProgress`", change.join(" and ")), "wait until `migrationState.status` is `Completed` (about 90 minutes per TB per region), then add or remove the region or change the failover priorities"));
}

/// A tier change: a shorter window loses history at once, a longer one fills in over time
/// ([MIG], [CBI]); the same for the preview 35-day tier.
fn tier_change(a: Tier, b: Tier, path: &crate::pointer::Pointer, r: &mut Reader<'_>) {
    let msg = format!("`tier` changes from `{}` to `{}`", a.name(), b.name());
    if b.days() < a.days() {
        r.push(TIER_DOWNGRADE.at(path, msg, format!("restore anything you need from more than {} days ago first: that history is lost immediately (the price changes at once)", b.days())));
    } else if b.days() > a.days() {
        r.push(TIER_UPGRADE.at(path, msg, format!("expect only {} days of restore points at first; the window grows to {} days as new backups accumulate, while the new price applies from now", a.days(), b.days())));
    }
}
