//! Reads `backupPolicy` out of an account, in any casing, with typed fields.

use super::rules::*;
use super::types::*;
use crate::input;
use crate::model::Account;
use crate::node::Node;
use crate::values::{Field, Reader};
use chrono::{DateTime, Utc};

/// `backupPolicy` as written.
#[derive(Debug, Clone)]
pub struct PolicyDoc<'a> {
    /// The `backupPolicy` object, when present.
    pub node: Option<Node<'a>>,
    /// `type`.
    pub policy_type: Field<PolicyType>,
    /// `periodicModeProperties`, when present.
    pub periodic: Option<Node<'a>>,
    /// `periodicModeProperties.backupIntervalInMinutes`.
    pub interval: Field<i64>,
    /// `periodicModeProperties.backupRetentionIntervalInHours`.
    pub retention: Field<i64>,
    /// `periodicModeProperties.backupStorageRedundancy`.
    pub redundancy: Field<Redundancy>,
    /// `continuousModeProperties`, when present.
    pub continuous: Option<Node<'a>>,
    /// `continuousModeProperties.tier`.
    pub tier: Field<Tier>,
    /// `migrationState.status`.
    pub migration_status: Field<&'static str>,
    /// `migrationState.startTime`.
    pub migration_start: Field<DateTime<Utc>>,
}

/// Reads the policy, emitting diagnostics for wrong types and unknown enum values.
pub fn parse<'a>(account: &Account<'a>, r: &mut Reader<'a>) -> PolicyDoc<'a> {
    let node = account.backup_policy();
    let empty = PolicyDoc {
        node: None,
        policy_type: Field::Absent,
        periodic: None,
        interval: Field::Absent,
        retention: Field::Absent,
        redundancy: Field::Absent,
        continuous: None,
        tier: Field::Absent,
        migration_status: Field::Absent,
        migration_start: Field::Absent,
    };
    if account.shape == crate::read::Shape::TerraformAzurerm {
        return azurerm(account, r, empty);
    }
    let Some(node) = node else { return empty };
    if !node.value.is_object() {
        r.push(input::WRONG_TYPE.at(
            &node.path,
            format!(
                "`backupPolicy` is {}, not an object",
                crate::node::type_name(node.value)
            ),
            "write `{\"type\": \"Periodic\" | \"Continuous\", …}`",
        ));
        return PolicyDoc {
            node: Some(node),
            ..empty
        };
    }
    let policy_type = map(r.enumeration(&node, "type", POLICY_TYPES, &TYPE_UNKNOWN), policy_type);
    let periodic = object(r, &node, "periodicModeProperties");
    let continuous = object(r, &node, "continuousModeProperties");
    let (interval, retention, redundancy) = match &periodic {
        Some(p) => (
            r.int(p, "backupIntervalInMinutes"),
            r.int(p, "backupRetentionIntervalInHours"),
            map(
                r.enumeration(p, "backupStorageRedundancy", REDUNDANCIES, &REDUNDANCY_UNKNOWN),
                redundancy,
            ),
        ),
        None => (Field::Absent, Field::Absent, Field::Absent),
    };
    let tier = match &continuous {
        Some(c) => map(r.enumeration(c, "tier", TIERS, &TIER_UNKNOWN), tier),
        None => Field::Absent,
    };
    let migration = object(r, &node, "migrationState");
    let (migration_status, migration_start) = match &migration {
        Some(m) => (
            r.enumeration(m, "status", MIGRATION_STATUSES, &input::WRONG_TYPE),
            r.timestamp(m, "startTime"),
        ),
        None => (Field::Absent, Field::Absent),
    };
    PolicyDoc {
        node: Some(node),
        policy_type,
        periodic,
        interval,
        retention,
        redundancy,
        continuous,
        tier,
        migration_status,
        migration_start,
    }
}

/// The azurerm `backup` block: `[{type, tier, interval_in_minutes, retention_in_hours, storage_redundancy}]`.
fn azurerm<'a>(account: &Account<'a>, r: &mut Reader<'a>, empty: PolicyDoc<'a>) -> PolicyDoc<'a> {
    let Some(block) = account.props.get("backup") else {
        return empty;
    };
    if block.value.is_string() {
        // A `dynamic "backup"` block over an expression not evaluated offline (HCL).
        let path = block.path.clone();
        return match r.resolve(block.clone(), "backup") {
            None => PolicyDoc {
                node: Some(block),
                policy_type: crate::values::Field::Unknown(path),
                ..empty
            },
            Some(_) => PolicyDoc {
                node: Some(block),
                ..empty
            },
        };
    }
    let Some(node) = (if block.value.is_array() {
        block.items().into_iter().next()
    } else {
        Some(block)
    }) else {
        return empty;
    };
    if !node.value.is_object() {
        return PolicyDoc {
            node: Some(node),
            ..empty
        };
    }
    PolicyDoc {
        policy_type: map(r.enumeration(&node, "type", POLICY_TYPES, &TYPE_UNKNOWN), policy_type),
        interval: r.int(&node, "interval_in_minutes"),
        retention: r.int(&node, "retention_in_hours"),
        redundancy: map(
            r.enumeration(&node, "storage_redundancy", REDUNDANCIES, &REDUNDANCY_UNKNOWN),
            redundancy,
        ),
        tier: map(r.enumeration(&node, "tier", TIERS, &TIER_UNKNOWN), tier),
        node: Some(node),
        ..empty
    }
}

fn object<'a>(r: &mut Reader<'a>, parent: &Node<'a>, key: &str) -> Option<Node<'a>> {
    let n = parent.get(key)?;
    if n.value.is_object() {
        return Some(n);
    }
    r.push(input::WRONG_TYPE.at(
        &n.path,
        format!("`{key}` is {}, not an object", crate::node::type_name(n.value)),
        format!("write `{key}` as an object"),
    ));
    None
}

fn map<T>(f: Field<&'static str>, conv: fn(&str) -> Option<T>) -> Field<T> {
    match f {
        Field::Absent => Field::Absent,
        Field::Unknown(p) => Field::Unknown(p),
        Field::Known(l) => match conv(l.value) {
            Some(v) => Field::Known(crate::node::Located::new(v, l.path)),
            None => Field::Unknown(l.path),
        },
    }
}
