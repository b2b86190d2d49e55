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
    let node = if unresolved(&node) {
        match r.resolve(node.clone(), "backupPolicy") {
            // `[parameters('policy')]` with a literal default.
            Some(value) => value,
            // An expression that did not evaluate: the policy is unknown, never the default.
            None => {
                return PolicyDoc {
                    node: Some(node.clone()),
                    policy_type: Field::Unknown(node.path),
                    ..empty
                };
            }
        }
    } else {
        node
    };
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
        Some(p) if unresolved(p) => (
            Field::Unknown(p.path.clone()),
            Field::Unknown(p.path.clone()),
            Field::Unknown(p.path.clone()),
        ),
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
        Some(c) if unresolved(c) => Field::Unknown(c.path.clone()),
        Some(c) => map(r.enumeration(c, "tier", TIERS, &TIER_UNKNOWN), tier),
        None => Field::Absent,
    };
    let migration = object(r, &node, "migrationState");
    let (migration_status, migration_start) = match &migration {
        Some(m) if unresolved(m) => (Field::Unknown(m.path.clone()), Field::Unknown(m.path.clone())),
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
///
/// In a plan, azurerm writes `""` and `0` for the attributes the user did not set (`tier` under
/// Periodic, the periodic attributes under Continuous): they are read as unset. In HCL text they
/// are what the user wrote. A value the plan knows
/// only after apply (`after_unknown`) is unknown, never the default.
fn azurerm<'a>(account: &Account<'a>, r: &mut Reader<'a>, empty: PolicyDoc<'a>) -> PolicyDoc<'a> {
    let unknown = account.scope.unknown.as_ref().and_then(|u| u.get("backup"));
    let unknown_item = unknown.as_ref().and_then(|u| {
        if u.value.is_array() {
            u.items().into_iter().next()
        } else {
            Some(u.clone())
        }
    });
    let backup_path = account.props.path.key("backup");
    if unknown_item.as_ref().is_some_and(|u| u.value.as_bool() == Some(true)) {
        r.push(input::PLAN_UNKNOWN.at(
            &backup_path,
            "`backup` is known only after apply",
            "set the `backup` block in the configuration, or evaluate the account after apply (`az cosmosdb show`)",
        ));
        return PolicyDoc {
            node: Some(account.props.clone()),
            policy_type: Field::Unknown(backup_path),
            ..empty
        };
    }
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
    let after_apply = |key: &str| {
        unknown_item
            .as_ref()
            .and_then(|u| u.get(key))
            .is_some_and(|v| v.value.as_bool() == Some(true))
    };
    let field = |r: &mut Reader<'a>, key: &str| -> Option<Field<()>> {
        if after_apply(key) {
            let path = node.path.key(key);
            r.push(input::PLAN_UNKNOWN.at(
                &path,
                format!("`{key}` is known only after apply"),
                format!("set `{key}` in the `backup` block to check it before apply"),
            ));
            return Some(Field::Unknown(path));
        }
        // Only a plan writes `""` and `0` for what the user left out; in HCL they are what was written.
        let plan = account.scope.terraform == Some(crate::values::Terraform::Plan);
        let unset = plan
            && node
                .get(key)
                .is_some_and(|v| v.as_str() == Some("") || v.value.as_i64() == Some(0));
        unset.then_some(Field::Absent)
    };
    let policy_type = match field(r, "type") {
        Some(f) => retype(f),
        None => map(r.enumeration(&node, "type", POLICY_TYPES, &TYPE_UNKNOWN), policy_type),
    };
    let interval = match field(r, "interval_in_minutes") {
        Some(f) => retype(f),
        None => r.int(&node, "interval_in_minutes"),
    };
    let retention = match field(r, "retention_in_hours") {
        Some(f) => retype(f),
        None => r.int(&node, "retention_in_hours"),
    };
    let redundancy = match field(r, "storage_redundancy") {
        Some(f) => retype(f),
        None => map(
            r.enumeration(&node, "storage_redundancy", REDUNDANCIES, &REDUNDANCY_UNKNOWN),
            redundancy,
        ),
    };
    let tier = match field(r, "tier") {
        Some(f) => retype(f),
        None => map(r.enumeration(&node, "tier", TIERS, &TIER_UNKNOWN), tier),
    };
    PolicyDoc {
        policy_type,
        interval,
        retention,
        redundancy,
        tier,
        node: Some(node),
        ..empty
    }
}

/// An absent or unknown field as a field of another type.
fn retype<T>(f: Field<()>) -> Field<T> {
    match f {
        Field::Unknown(p) => Field::Unknown(p),
        _ => Field::Absent,
    }
}

/// True when a node is a template expression that did not evaluate (already reported).
fn unresolved(n: &Node<'_>) -> bool {
    n.as_str().is_some_and(|s| crate::values::expression(s).is_some())
}

/// An object member; an expression stands for an unknown object (reported, and returned so
/// the fields inside it are unknown rather than defaulted).
fn object<'a>(r: &mut Reader<'a>, parent: &Node<'a>, key: &str) -> Option<Node<'a>> {
    let n = parent.get(key)?;
    if n.value.is_object() {
        return Some(n);
    }
    if unresolved(&n) {
        return match r.resolve(n.clone(), key) {
            Some(value) if value.value.is_object() => Some(value),
            Some(value) => {
                r.push(input::WRONG_TYPE.at(
                    &value.path,
                    format!("`{key}` is {}, not an object", crate::node::type_name(value.value)),
                    format!("write `{key}` as an object"),
                ));
                None
            }
            None => Some(n),
        };
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
