//! Backup-policy rules: defaults, ranges, mode-specific fields, account features, transitions.
//!
//! Sources: domain.md §1 (periodic), §2 (continuous), §7 (validation checklist), §8 (conflicts).

mod continuous;
pub mod mongo;
pub mod params;
pub mod parse;
pub mod periodic;
pub mod rules;
mod transition;
pub mod types;

use crate::model::{Account, region_key};
use crate::node::Node;
use crate::read::{self, Kind};
use crate::values::{Field, Reader};
pub use rules::RULES;
use types::*;

/// The service default interval ([PBR]: "every 4 hours").
pub const DEFAULT_INTERVAL: i64 = 240;
/// The service default retention ([PMI]: the latest two backups, 8 hours).
pub const DEFAULT_RETENTION: i64 = 8;

/// What a region offers, from `Microsoft.DocumentDB/locations` metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocationInfo {
    /// Normalised region key (`westus`).
    pub key: String,
    /// The name as given.
    pub name: String,
    /// `backupStorageRedundancies`.
    pub redundancies: Vec<String>,
}

/// Reads location metadata from any document holding `Microsoft.DocumentDB/locations` objects.
pub fn locations_from(doc: &Node<'_>) -> Vec<LocationInfo> {
    read::find(doc)
        .into_iter()
        .filter(|f| f.kind == Kind::LocationMetadata)
        .filter_map(|f| {
            let name = f
                .node
                .get_any(&["name", "locationName"])
                .and_then(|n| n.as_str().map(str::to_string))?;
            let reds = f
                .node
                .at(&["properties", "backupStorageRedundancies"])?
                .items()
                .iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect();
            Some(LocationInfo {
                key: region_key(&name),
                name,
                redundancies: reds,
            })
        })
        .collect()
}

/// Evaluation context for the policy rules.
#[derive(Debug, Default)]
pub struct Context<'a> {
    /// Location metadata (may be empty).
    pub locations: Vec<LocationInfo>,
    /// The deployed account, when the scenario compares against one.
    pub current: Option<Account<'a>>,
    /// MongoDB collection resources of the new document (`account`).
    pub collections: Vec<mongo::Collection<'a>>,
    /// MongoDB collection resources of the deployed document (`current`).
    pub current_collections: Vec<mongo::Collection<'a>>,
}

/// Validates an account's backup policy and returns its effective policy (`None` when the
/// type is unknown, so no policy can be inferred).
pub fn evaluate<'a>(account: &Account<'a>, ctx: &Context<'a>, r: &mut Reader<'a>) -> Option<EffectivePolicy> {
    if let Some(props) = &account.unresolved_properties {
        // Nothing of the properties is known: neither the policy nor that it is absent.
        r.resolve(props.clone(), "properties");
        return None;
    }
    policy_twice(account, r);
    let doc = parse::parse(account, r);
    params::check(account, r);
    let Some(effective) = effective(&doc, account, r) else {
        // The mode is unreadable, but range findings still help the user fix everything at once.
        periodic::ranges(&doc, r);
        return None;
    };
    match effective.policy_type {
        PolicyType::Periodic => {
            periodic::check(&doc, r);
            if let Some(red) = effective.backup_storage_redundancy {
                periodic::redundancy_in_regions(&doc, red, account, &ctx.locations, r);
            }
        }
        PolicyType::Continuous => continuous::check(&doc, account, r),
    }
    continuous::analytical_store(&doc, effective.policy_type, account, r);
    migration(&doc, r);
    if let Some(deployed) = &ctx.current {
        let mut scratch = Reader::new(deployed.scope.clone());
        let current_doc = parse::parse(deployed, &mut scratch);
        if let Some(current) = effective_quiet(&current_doc, deployed) {
            transition::check(&doc, &effective, &current, &current_doc, account, deployed, r);
            let migrating = [&doc, &current_doc]
                .iter()
                .any(|d| d.migration_status.value() == Some(&"InProgress"));
            let why = if migrating {
                Some("while the migration to continuous backup is in progress")
            } else if current.policy_type == PolicyType::Continuous {
                Some("of a continuous-backup account")
            } else if effective.policy_type == PolicyType::Continuous {
                Some("in the change that starts the migration to continuous backup")
            } else {
                None
            };
            if let Some(why) = why {
                mongo::check(&ctx.collections, &ctx.current_collections, why, r);
            }
        }
    }
    Some(effective)
}

/// A `backupPolicy` beside `properties` as well as inside it (an `az cosmosdb show` output edited
/// into an ARM body, say): the one inside is read, and the user is told the other is not.
fn policy_twice<'a>(account: &Account<'a>, r: &mut Reader<'a>) {
    let (Some(outer), Some(inner)) = (account.envelope.get("backupPolicy"), account.backup_policy()) else {
        return;
    };
    if outer.path == inner.path {
        return; // no `properties`: the top-level one is the account's own
    }
    let same = if outer.value == inner.value {
        "the same value"
    } else {
        "a different value"
    };
    r.push(rules::POLICY_TWICE.at(
        &outer.path,
        format!("`backupPolicy` is given twice, here and in `properties`, with {same}; this one is ignored"),
        "keep one: Azure reads `properties.backupPolicy` (the top-level form is how `az cosmosdb show` prints it)",
    ));
}

fn migration(doc: &parse::PolicyDoc<'_>, r: &mut Reader<'_>) {
    let Some(status) = doc.migration_status.known() else {
        return;
    };
    match status.value {
        "InProgress" => r.push(rules::MIGRATION_IN_PROGRESS.at(&status.path, "`migrationState.status` is `InProgress`", "wait for completion before changing regions, failover or the backup policy; no restore timestamp inside the migration is valid, and earlier points need a support request (pre-migration backups are kept 30 days)")),
        "Failed" => r.push(rules::MIGRATION_FAILED.at(&status.path, "`migrationState.status` is `Failed`", "retry the migration (`az cosmosdb update --backup-policy-type Continuous`) until it succeeds; a failed migration does not block other changes")),
        _ => {}
    }
}

fn effective_quiet(doc: &parse::PolicyDoc<'_>, account: &Account<'_>) -> Option<EffectivePolicy> {
    let mut scratch = Reader::new(account.scope.clone());
    effective(doc, account, &mut scratch)
}

/// Applies the service defaults and records which values were defaulted.
fn effective(doc: &parse::PolicyDoc<'_>, account: &Account<'_>, r: &mut Reader<'_>) -> Option<EffectivePolicy> {
    let mut eff = EffectivePolicy {
        policy_type: PolicyType::Periodic,
        backup_interval_in_minutes: None,
        backup_retention_interval_in_hours: None,
        backup_storage_redundancy: None,
        tier: None,
        retention_days: None,
        migration_status: doc.migration_status.value().map(|s| (*s).to_string()),
        defaulted: Vec::new(),
        unresolved: Vec::new(),
    };
    let Some(node) = &doc.node else {
        r.push(rules::DEFAULTED.at(&account.props.path, "no `backupPolicy`: the service default applies", "nothing to change if Periodic every 240 minutes, kept 8 hours (two copies), Geo-redundant is what you want; otherwise add a `backupPolicy`"));
        eff.backup_interval_in_minutes = Some(DEFAULT_INTERVAL);
        eff.backup_retention_interval_in_hours = Some(DEFAULT_RETENTION);
        eff.backup_storage_redundancy = Some(Redundancy::Geo);
        eff.defaulted = [
            "type",
            "backupIntervalInMinutes",
            "backupRetentionIntervalInHours",
            "backupStorageRedundancy",
        ]
        .map(str::to_string)
        .to_vec();
        return Some(eff);
    };
    eff.policy_type = match &doc.policy_type {
        Field::Known(t) => t.value,
        Field::Unknown(_) => return None,
        Field::Absent => {
            if node.value.is_object() {
                r.push(rules::TYPE_MISSING.at(
                    &node.path,
                    "`backupPolicy` has no `type`",
                    "add `\"type\": \"Periodic\"` or `\"type\": \"Continuous\"`",
                ));
            }
            return None;
        }
    };
    match eff.policy_type {
        PolicyType::Periodic => periodic_defaults(doc, &mut eff, r),
        PolicyType::Continuous => {
            let tier = fill(
                &doc.tier,
                Tier::Continuous30Days,
                "tier",
                &mut eff,
                r,
                doc.continuous.as_ref().unwrap_or(node),
            );
            eff.tier = tier;
            eff.retention_days = tier.map(Tier::days);
        }
    }
    Some(eff)
}

fn periodic_defaults(doc: &parse::PolicyDoc<'_>, eff: &mut EffectivePolicy, r: &mut Reader<'_>) {
    let Some(parent) = doc.periodic.as_ref().or(doc.node.as_ref()) else {
        return;
    };
    eff.backup_interval_in_minutes = fill(
        &doc.interval,
        DEFAULT_INTERVAL,
        "backupIntervalInMinutes",
        eff,
        r,
        parent,
    );
    eff.backup_retention_interval_in_hours = fill(
        &doc.retention,
        DEFAULT_RETENTION,
        "backupRetentionIntervalInHours",
        eff,
        r,
        parent,
    );
    eff.backup_storage_redundancy = fill(
        &doc.redundancy,
        Redundancy::Geo,
        "backupStorageRedundancy",
        eff,
        r,
        parent,
    );
}

fn fill<T: Copy + std::fmt::Debug>(
    field: &Field<T>,
    default: T,
    name: &str,
    eff: &mut EffectivePolicy,
    r: &mut Reader<'_>,
    parent: &Node<'_>,
) -> Option<T> {
    match field {
        Field::Known(l) => Some(l.value),
        Field::Unknown(_) => {
            eff.unresolved.push(name.to_string());
            None
        }
        Field::Absent => {
            eff.defaulted.push(name.to_string());
            r.push(rules::VALUE_DEFAULTED.at(
                &parent.path,
                format!("`{name}` is not set; the service default `{default:?}` applies"),
                format!("set `{name}` explicitly if `{default:?}` is not what you want"),
            ));
            Some(default)
        }
    }
}
