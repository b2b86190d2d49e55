//! The facts a plan needs about its source, read from the evaluated result and the source's
//! own document: names, ids, regions and the values the restore does not bring back.

use crate::contract::AccountResult;
use crate::model::Api;
use crate::node::Node;
use crate::policy::types::PolicyType;
use crate::read::Kind;
use serde_json::Value;

/// One region of the source account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    /// `locationName` as written.
    pub name: String,
    /// Failover priority (0 = write region).
    pub priority: i64,
    /// `isZoneRedundant`, when written.
    pub zone_redundant: Option<bool>,
}

/// The source of a plan.
#[derive(Debug, Clone)]
pub struct Source {
    /// The account (or cluster) name.
    pub name: String,
    /// Its API.
    pub api: Api,
    /// True when its backup policy is periodic.
    pub periodic: bool,
    /// True for an Azure Cosmos DB for PostgreSQL cluster.
    pub postgres: bool,
    /// The source's resource id, when known.
    pub id: Option<String>,
    /// Its subscription, from an id.
    pub subscription: Option<String>,
    /// Its resource group, from its id.
    pub resource_group: Option<String>,
    /// The restorable account's id (`restoreSource`), when known.
    pub restorable_id: Option<String>,
    /// The restorable account's region (the region in its id).
    pub restorable_location: Option<String>,
    /// The account's instance id (the restorable account's name), when known.
    pub instance_id: Option<String>,
    /// The regions, write region first.
    pub regions: Vec<Region>,
    /// The region of the envelope (`location`).
    pub location: Option<String>,
    /// The live account's `properties` (the values re-applied after the restore).
    pub props: Value,
    /// Continuous tier, when known.
    pub tier: Option<String>,
    /// Periodic: hours each snapshot is kept, when known.
    pub retention_hours: Option<i64>,
    /// Periodic: minutes between snapshots, when known.
    pub interval_minutes: Option<i64>,
}

pub(super) fn segment_after<'s>(id: &'s str, key: &str) -> Option<&'s str> {
    let parts: Vec<&str> = id.split('/').filter(|s| !s.is_empty()).collect();
    let i = parts.iter().position(|p| p.eq_ignore_ascii_case(key))?;
    parts.get(i.saturating_add(1)).copied()
}

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_string)
}

fn props(v: &Value) -> Value {
    match v.get("properties") {
        Some(p) if p.is_object() => p.clone(),
        _ => v.clone(),
    }
}

fn regions(p: &Value) -> Vec<Region> {
    let mut out: Vec<Region> = p
        .get("locations")
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|l| {
                    Some(Region {
                        name: text(l, "locationName").or_else(|| text(l, "location"))?,
                        priority: l.get("failoverPriority").and_then(Value::as_i64).unwrap_or(0),
                        zone_redundant: l.get("isZoneRedundant").and_then(Value::as_bool),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort_by_key(|r| r.priority);
    out
}

/// The scenario's restorable account (its first `RestorableDatabaseAccountGetResult`).
fn scenario_restorable(scenario: &Value) -> Option<Value> {
    let doc = scenario.get("restorableAccount")?;
    crate::read::find(&Node::root(doc))
        .into_iter()
        .find(|f| f.kind == Kind::RestorableAccount)
        .map(|f| f.node.value.clone())
}

impl Source {
    /// Reads the source of `result` from the scenario.
    pub fn read(scenario: &Value, result: &AccountResult) -> Source {
        let node = scenario.pointer(result.path.as_str()).cloned().unwrap_or(Value::Null);
        let ty = text(&node, "type").unwrap_or_default().to_ascii_lowercase();
        let is_restorable = ty.contains("restorabledatabaseaccounts");
        let restorable = if is_restorable {
            Some(node.clone())
        } else {
            scenario_restorable(scenario)
        };
        let p = props(&node);
        let rp = restorable.as_ref().map(props);
        let name = if is_restorable {
            rp.as_ref().and_then(|r| text(r, "accountName"))
        } else {
            text(&node, "name").or_else(|| rp.as_ref().and_then(|r| text(r, "accountName")))
        }
        .unwrap_or_else(|| result.name.clone());
        let id = if is_restorable { None } else { text(&node, "id") };
        let restorable_id = restorable.as_ref().and_then(|r| text(r, "id"));
        let subscription = id
            .as_deref()
            .or(restorable_id.as_deref())
            .and_then(|i| segment_after(i, "subscriptions"))
            .map(str::to_string);
        let resource_group = id
            .as_deref()
            .and_then(|i| segment_after(i, "resourceGroups"))
            .map(str::to_string);
        let restorable_location = restorable_id
            .as_deref()
            .and_then(|i| segment_after(i, "locations"))
            .map(str::to_string);
        let mut regs = if is_restorable { Vec::new() } else { regions(&p) };
        if regs.is_empty() {
            // A restorable account: its live regions (no `deletionTime`), in listed order.
            if let Some(rl) = rp
                .as_ref()
                .and_then(|r| r.get("restorableLocations"))
                .and_then(Value::as_array)
            {
                for (i, l) in rl.iter().filter(|l| l.get("deletionTime").is_none()).enumerate() {
                    if let Some(n) = text(l, "locationName").or_else(|| text(l, "location")) {
                        regs.push(Region {
                            name: n,
                            priority: i64::try_from(i).unwrap_or(i64::MAX),
                            zone_redundant: None,
                        });
                    }
                }
            }
        }
        let location = text(&node, "location").or_else(|| text(&p, "location"));
        let policy = result.effective_policy.as_ref();
        Source {
            name,
            api: result.api,
            periodic: policy.is_some_and(|e| e.policy_type == PolicyType::Periodic),
            postgres: result.api == Api::Postgresql,
            id: id.or_else(|| {
                if result.api == Api::Postgresql {
                    text(&node, "id")
                } else {
                    None
                }
            }),
            subscription,
            resource_group,
            restorable_id,
            restorable_location,
            instance_id: text(&p, "instanceId").or_else(|| restorable.as_ref().and_then(|r| text(r, "name"))),
            regions: regs,
            location,
            props: if is_restorable { Value::Null } else { p },
            tier: policy.and_then(|e| e.tier).map(|t| t.name().to_string()),
            retention_hours: policy.and_then(|e| e.backup_retention_interval_in_hours),
            interval_minutes: policy.and_then(|e| e.backup_interval_in_minutes),
        }
    }

    /// The mode a plan for this source has.
    pub fn mode_name(&self, in_account: bool) -> &'static str {
        if self.postgres {
            "postgresCluster"
        } else if self.periodic {
            "periodicSupportRequest"
        } else if in_account {
            "inAccount"
        } else {
            "newAccount"
        }
    }

    /// The write region: the region at failover priority 0, else the envelope's `location`.
    pub fn write_region(&self) -> Option<String> {
        self.regions
            .first()
            .map(|r| r.name.clone())
            .or_else(|| self.location.clone())
            .or_else(|| self.restorable_location.clone())
    }

    /// The resource group for commands on the source account (a placeholder when unknown).
    pub fn group(&self) -> String {
        self.resource_group
            .clone()
            .unwrap_or_else(|| super::placeholder("SOURCE_RESOURCE_GROUP"))
    }

    /// The `restoreSource` id: the restorable account's, or one built from the account's
    /// subscription, write region and instance id with placeholders for what is unknown.
    pub fn restore_source(&self) -> String {
        if let Some(id) = &self.restorable_id {
            return id.clone();
        }
        let sub = self
            .subscription
            .clone()
            .unwrap_or_else(|| super::placeholder("SUBSCRIPTION_ID"));
        let loc = self
            .write_region()
            .unwrap_or_else(|| super::placeholder("SOURCE_REGION"));
        let inst = self
            .instance_id
            .clone()
            .unwrap_or_else(|| super::placeholder("INSTANCE_ID"));
        format!("/subscriptions/{sub}/providers/Microsoft.DocumentDB/locations/{loc}/restorableDatabaseAccounts/{inst}")
    }
}
