//! What a restore does not bring back, per mode and target, with the source's current values.
//! domain.md §2.5, §2.7, §6. [CBI], [PBR], [PRDR], [IAFAQ], [CBRM], [PGB]

use super::NotRestored;
use super::util::props;
use crate::model::{Account, Api};
use crate::node::Node;
use crate::sources;
use serde_json::Value;

/// Where the restore goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Periodic: Azure support restores into a new account.
    Periodic,
    /// Continuous: a new account.
    NewAccount,
    /// Continuous: deleted databases or containers back into the same account.
    SameAccount,
    /// An Azure Cosmos DB for PostgreSQL cluster restored into a new cluster.
    Postgres,
}

/// One entry: setting, reason, source, and where in the source account its current value lives.
struct Item {
    setting: &'static str,
    reason: &'static str,
    source: &'static str,
    fields: &'static [&'static str],
}

const fn item(
    setting: &'static str,
    reason: &'static str,
    source: &'static str,
    fields: &'static [&'static str],
) -> Item {
    Item {
        setting,
        reason,
        source,
        fields,
    }
}

const CONSISTENCY_CONTINUOUS: &str = "the sources disagree: the current article's \"what isn't restored\" list (and the 2021 preview) says the account is restored with Session consistency by default, while its \"what is restored\" paragraph says the source's setting is kept; set `consistencyPolicy` explicitly in the restore request, or check and re-apply it after the restore";

fn items(target: Target, api: Api) -> Vec<Item> {
    use sources::*;
    let mut v = match target {
        Target::Periodic => vec![
            item(
                "ipRules",
                "firewall rules are not restored; re-apply them to the restored account",
                PBR,
                &["ipRules"],
            ),
            item(
                "virtualNetworkRules",
                "virtual network ACLs are not restored",
                PRDR,
                &["virtualNetworkRules", "isVirtualNetworkFilterEnabled"],
            ),
            item(
                "privateEndpointConnections",
                "private endpoints are not restored; create them again",
                PBR,
                &["privateEndpointConnections"],
            ),
            item(
                "roleAssignments",
                "Azure RBAC and data-plane RBAC assignments are not restored; re-assign them",
                PBR,
                &[],
            ),
            item(
                "locations",
                "the restored account has one region, the source's write region; add the others again",
                PBR,
                &["locations"],
            ),
            item(
                "storedProceduresTriggersUdfs",
                "stored procedures, triggers and UDFs are not restored",
                PRDR,
                &[],
            ),
            item(
                "identity",
                "managed identity settings are not restored",
                PRDR,
                &["identity", "defaultIdentity"],
            ),
            item(
                "analyticalStorage",
                "the analytical store (Synapse Link) is never backed up",
                PBR,
                &["enableAnalyticalStorage"],
            ),
            item(
                "materializedViews",
                "materialized views are not restored",
                PBR,
                &["enableMaterializedViews"],
            ),
            item(
                "expiredItems",
                "items already deleted by TTL expiry are not in any backup",
                PBR,
                &[],
            ),
            item("accountKeys", "the restored account has new keys", PBR, &[]),
            item(
                "sharedThroughputSubset",
                "only a whole shared-throughput database can be restored, not a subset of its containers",
                PBR,
                &[],
            ),
        ],
        Target::NewAccount => vec![
            item(
                "ipRules",
                "firewall settings are not restored; add them after the restore",
                CBI,
                &["ipRules"],
            ),
            item(
                "virtualNetworkRules",
                "VNET settings are not restored",
                CBI,
                &["virtualNetworkRules", "isVirtualNetworkFilterEnabled"],
            ),
            item(
                "privateEndpointConnections",
                "private endpoint settings are not restored",
                CBI,
                &["privateEndpointConnections"],
            ),
            item(
                "publicNetworkAccess",
                "the restored account has public network access `Enabled` unless the restore request sets `publicNetworkAccess: Disabled`",
                CBRM,
                &["publicNetworkAccess"],
            ),
            item(
                "locations",
                "only the restore region is restored; add the other regions after the restore",
                CBI,
                &["locations"],
            ),
            item("consistencyPolicy", CONSISTENCY_CONTINUOUS, CBI, &["consistencyPolicy"]),
            item(
                "storedProceduresTriggersUdfs",
                "stored procedures, triggers and UDFs are not restored",
                CBI,
                &[],
            ),
            item(
                "roleAssignments",
                "role-based access control assignments (Azure and data-plane RBAC) are not restored; re-assign them",
                CBI,
                &["disableLocalAuth"],
            ),
            item(
                "identity",
                "managed identities are not stated as restored; with customer-managed keys, set up the identity and Key Vault access for the restored account",
                CBI,
                &["identity", "defaultIdentity", "keyVaultKeyUri"],
            ),
            item(
                "analyticalStorage",
                "the analytical store is never in the backups",
                CBI,
                &["enableAnalyticalStorage"],
            ),
            item(
                "defaultTtl",
                "TTL is restored with the containers and can delete restored items; set `restoreWithTtlDisabled: true` in `restoreParameters`",
                CBI,
                &[],
            ),
            item(
                "throughput",
                "the throughput valid at the restore point might not be restored; check it after the restore",
                CBI,
                &[],
            ),
            item(
                "indexing",
                "the consistent index may still be rebuilding after the restore; watch `IndexTransformationProgress`",
                CBI,
                &[],
            ),
            item("accountKeys", "a new account has new keys", CBI, &[]),
            item(
                "sharedThroughputSubset",
                "a subset of a shared-throughput database's containers can't be restored",
                CBI,
                &[],
            ),
        ],
        Target::SameAccount => vec![
            item(
                "sharedThroughputSubset",
                "containers of a shared-throughput database are restored only with their database",
                IAFAQ,
                &[],
            ),
            item(
                "defaultTtl",
                "TTL is restored with the container and can delete restored items; set `restoreWithTtlDisabled: true` in `restoreParameters`",
                CBI,
                &[],
            ),
            item(
                "sessionTokens",
                "the restored resource keeps its name and `_rid`, but old session and continuation tokens are invalid and the change feed starts at the restore",
                IAI,
                &[],
            ),
            item(
                "analyticalStorage",
                "the analytical store is not restored (the in-account FAQ says Synapse Link and continuous backup can't coexist; the newer continuous FAQ calls both GA)",
                IAFAQ,
                &["enableAnalyticalStorage"],
            ),
        ],
        Target::Postgres => vec![
            item(
                "networking",
                "networking settings are reset to defaults: re-apply firewall rules and private access",
                PGB,
                &[
                    "publicNetworkAccess",
                    "coordinatorEnablePublicIpAccess",
                    "nodeEnablePublicIpAccess",
                ],
            ),
            item(
                "clientConnections",
                "the restored cluster has a new name: redirect clients to it",
                PGR,
                &[],
            ),
            item("alerts", "alerts are not restored; recreate them", PGR, &[]),
            item(
                "loginsAndPermissions",
                "check logins and database permissions after the restore (user roles themselves are preserved)",
                PGR,
                &[],
            ),
        ],
    };
    if matches!(target, Target::NewAccount) {
        v.push(item(
            "conflictResolutionPolicy",
            "with multi-region writes, containers with custom conflict resolution are reset to last-writer-wins",
            CBI,
            &["enableMultipleWriteLocations"],
        ));
    }
    if api == Api::MongoDb && matches!(target, Target::NewAccount | Target::SameAccount) {
        v.push(item("uniqueIndexes", "unique indexes can only be created with a collection; they can't be added to existing collections of a continuous account", CBI, &[]));
    }
    v
}

fn current<'a>(props: Option<&Node<'a>>, fields: &[&str]) -> (Option<Value>, Option<crate::pointer::Pointer>) {
    let Some(p) = props else { return (None, None) };
    match fields {
        [] => (None, None),
        [one] => match p.get(one) {
            Some(n) => (Some(n.value.clone()), Some(n.path)),
            None => (None, None),
        },
        many => {
            let mut m = serde_json::Map::new();
            let mut first = None;
            for f in many {
                if let Some(n) = p.get(f) {
                    first.get_or_insert(n.path.clone());
                    m.insert((*f).to_string(), n.value.clone());
                }
            }
            if m.is_empty() {
                (None, None)
            } else {
                (Some(Value::Object(m)), first)
            }
        }
    }
}

/// The checklist for a target. `source` gives current values; `request` tells whether TTL is
/// already disabled (then the TTL item is dropped).
pub fn checklist<'a>(
    target: Target,
    api: Api,
    source: Option<&Account<'a>>,
    request: Option<&Node<'a>>,
) -> Vec<NotRestored> {
    let ttl_disabled = request.is_some_and(|r| ttl_disabled(r));
    items(target, api)
        .into_iter()
        .filter(|i| !(i.setting == "defaultTtl" && ttl_disabled))
        .map(|i| {
            let props = source.map(|a| a.props.clone());
            let mut from = props.clone();
            if i.setting == "identity" {
                from = source.map(|a| a.envelope.clone());
            }
            let (mut cur, mut path) = current(from.as_ref(), i.fields);
            if cur.is_none() && i.setting == "identity" {
                (cur, path) = current(props.as_ref(), &["defaultIdentity", "keyVaultKeyUri"]);
            }
            NotRestored {
                setting: i.setting.to_string(),
                reason: i.reason.to_string(),
                source: i.source.to_string(),
                current: cur,
                path,
            }
        })
        .collect()
}

/// Fills the cluster's current networking values.
pub fn with_cluster_values<'a>(mut list: Vec<NotRestored>, p: &Node<'a>) -> Vec<NotRestored> {
    for nr in &mut list {
        if nr.setting == "networking" {
            let (c, path) = current(
                Some(p),
                &[
                    "publicNetworkAccess",
                    "coordinatorEnablePublicIpAccess",
                    "nodeEnablePublicIpAccess",
                ],
            );
            nr.current = c;
            nr.path = path;
        }
    }
    list
}

/// True when a request (account-level or in-account, or a list of them) sets `restoreWithTtlDisabled: true`.
pub fn ttl_disabled<'a>(request: &Node<'a>) -> bool {
    let one = |n: &Node<'a>| {
        let p = props(n);
        let rp = p
            .get("restoreParameters")
            .or_else(|| p.at(&["resource", "restoreParameters"]));
        rp.and_then(|rp| rp.get("restoreWithTtlDisabled")).is_some_and(|v| {
            v.value.as_bool() == Some(true) || v.as_str().is_some_and(|s| s.eq_ignore_ascii_case("true"))
        })
    };
    if request.value.is_array() {
        let items = request.items();
        !items.is_empty() && items.iter().all(one)
    } else {
        crate::read::find(request).iter().any(|f| one(&f.node)) || one(request)
    }
}
