//! Azure Cosmos DB for PostgreSQL clusters (`Microsoft.DBforPostgreSQL/serverGroupsv2`):
//! 35-day point-in-time restore, geo-backup rules, deletion, data loss and failover caveats.
//! [PGB], [PGL], [PGR]

use super::not_restored::{self, Target};
use super::rules::*;
use super::util::{days, fmt, later, minus_secs, props, text};
use super::{Basis, NotRestored, RestoreWindow};
use crate::model::Api;
use crate::node::Node;
use crate::read::Kind;
use crate::scenario::ScenarioView;
use crate::sources;
use crate::values::{Reader, clip};

/// Days of point-in-time restore for every cluster ([PGB]).
pub const RETENTION_DAYS: i64 = 35;

fn is_burstable_single_node<'a>(p: &Node<'a>) -> bool {
    let edition = text(p, "coordinatorServerEdition").unwrap_or("");
    let nodes = p.get("nodeCount").and_then(|n| n.value.as_i64()).unwrap_or(0);
    edition.to_ascii_lowercase().starts_with("burstable") && nodes == 0
}

fn uses_cmk<'a>(p: &Node<'a>) -> bool {
    p.get("dataEncryption")
        .and_then(|d| text(&d, "type"))
        .is_some_and(|t| t.eq_ignore_ascii_case("AzureKeyVault"))
}

fn current_cluster<'a>(s: &ScenarioView<'a>) -> Option<Node<'a>> {
    let doc = s.current.as_ref()?;
    crate::read::find(doc)
        .into_iter()
        .find(|f| f.kind == Kind::PostgresCluster)
        .map(|f| f.node)
}

/// The window, the findings and the not-restored list of one cluster.
pub fn evaluate<'a>(
    s: &ScenarioView<'a>,
    cluster: &Node<'a>,
    example: Option<&Node<'a>>,
    r: &mut Reader<'a>,
    request: &mut Vec<crate::diagnostics::Diagnostic>,
) -> (Option<RestoreWindow>, Vec<NotRestored>) {
    let p = props(cluster);
    let geo = r.boolean(&p, "enableGeoBackup");
    if let Some(g) = geo.known().filter(|g| g.value) {
        if uses_cmk(&p) {
            r.push(PG_GEO_CMK.at(&g.path, "`enableGeoBackup` is `true` and `dataEncryption.type` is `AzureKeyVault`", "choose one: geo-redundant backup, or customer-managed keys (`SystemManaged` encryption keeps geo-backup)"));
        }
        if is_burstable_single_node(&p) {
            r.push(PG_GEO_BURSTABLE.at(
                &g.path,
                "`enableGeoBackup` is `true` on a burstable single-node cluster",
                "set `enableGeoBackup` to `false`, or use a General Purpose or Memory Optimized coordinator",
            ));
        }
    }
    if let (Some(g), Some(cur)) = (geo.known(), current_cluster(s)) {
        let was = props(&cur)
            .get("enableGeoBackup")
            .and_then(|v| v.value.as_bool())
            .unwrap_or(false);
        if was != g.value {
            let help = if g.value {
                "geo-redundant backup can only be chosen when the cluster is created: restore the cluster into a new one with `enableGeoBackup: true`"
            } else {
                "geo-redundant backup can't be disabled once enabled: keep `enableGeoBackup: true`"
            };
            r.push(PG_GEO_CHANGE.at(
                &g.path,
                format!(
                    "`enableGeoBackup` changes from `{was}` to `{}` on an existing cluster",
                    g.value
                ),
                help,
            ));
        }
    }
    match r.boolean(&p, "enableHa").known() {
        Some(ha) if ha.value => {}
        other => {
            let path = other.map_or_else(|| p.path.clone(), |h| h.path.clone());
            r.push(PG_DATA_LOSS.at(
                &path,
                "high availability is off (`enableHa` is not `true`)",
                "enable `enableHa` to avoid losing up to 5 minutes of data if a node suffers a catastrophic event",
            ));
        }
    }
    // The restore's own findings (where it is created, its point in time) are the request's.
    let before = r.diags.len();
    restore_scope(cluster, &p, example, r);
    request.extend(r.diags.iter().skip(before).cloned());
    r.push(PG_NOT_RESTORABLE_DELETED.at(
        &cluster.path,
        "a deleted cluster can't be restored",
        "add a `CanNotDelete` management lock to the cluster's resource group or the cluster",
    ));
    let window = window(s, cluster, &p, r, request);
    let list = not_restored::checklist(Target::Postgres, Api::Postgresql, None, None);
    let list = not_restored::with_cluster_values(list, &p);
    (window, list)
}

/// `(subscription, resource group)` of a resource id, lower-cased for comparison.
fn sub_and_group(id: &str) -> Option<(String, String)> {
    let parts: Vec<&str> = id.split('/').filter(|x| !x.is_empty()).collect();
    match parts.as_slice() {
        [s, sub, g, rg, ..] if s.eq_ignore_ascii_case("subscriptions") && g.eq_ignore_ascii_case("resourceGroups") => {
            Some(((*sub).to_string(), (*rg).to_string()))
        }
        _ => None,
    }
}

/// Where the restored cluster is created: its `id`, else a REST example's `subscriptionId` and
/// `resourceGroupName` parameters.
fn target_scope<'a>(cluster: &Node<'a>, example: Option<&Node<'a>>) -> Option<((String, String), Node<'a>)> {
    if let Some(id) = cluster.get("id") {
        if let Some(t) = id.as_str().and_then(sub_and_group) {
            return Some((t, id));
        }
    }
    let params = example?.get("parameters")?;
    let sub = text(&params, "subscriptionId")?.to_string();
    let rg = params.get("resourceGroupName")?;
    Some(((sub, rg.as_str()?.to_string()), rg))
}

/// A restore (`sourceResourceId` given) creates the new cluster "in the same … subscription, and
/// resource group as the original" ([PGB]).
fn restore_scope<'a>(cluster: &Node<'a>, p: &Node<'a>, example: Option<&Node<'a>>, r: &mut Reader<'a>) {
    let Some(src) = p.get("sourceResourceId") else { return };
    let (Some((ssub, srg)), Some(((tsub, trg), node))) =
        (src.as_str().and_then(sub_and_group), target_scope(cluster, example))
    else {
        return;
    };
    if ssub.eq_ignore_ascii_case(&tsub) && srg.eq_ignore_ascii_case(&trg) {
        return;
    }
    r.push(PG_RESTORE_SCOPE.at(
        &node.path,
        format!(
            "the restored cluster is in resource group `{}` of subscription `{}`, but `sourceResourceId` is in `{}` of `{}`",
            clip(&trg),
            clip(&tsub),
            clip(&srg),
            clip(&ssub)
        ),
        format!("create the restored cluster in subscription `{ssub}`, resource group `{srg}`: a restore can't place it elsewhere"),
    ));
}

fn window<'a>(
    s: &ScenarioView<'a>,
    cluster: &Node<'a>,
    p: &Node<'a>,
    r: &mut Reader<'a>,
    request: &mut Vec<crate::diagnostics::Diagnostic>,
) -> Option<RestoreWindow> {
    let Some(now) = s.now else {
        super::window::now_missing(s, "restore window", r);
        return None;
    };
    let start = minus_secs(now, days(RETENTION_DAYS))?;
    let created = cluster
        .get("systemData")
        .and_then(|sd| r.timestamp(&sd, "createdAt").known().map(|c| (c.value, "creation")));
    let earliest_api = r
        .timestamp(p, "earliestRestoreTime")
        .known()
        .map(|c| (c.value, "earliest-restore-time"));
    let e = later(later((start, "retention"), created), earliest_api);
    if let Some(pit) = r.timestamp(p, "pointInTimeUTC").known() {
        if pit.value < start || pit.value > now {
            r.push(PG_OUTSIDE.at(
                &pit.path,
                format!(
                    "`pointInTimeUTC` is `{}`, outside the last {RETENTION_DAYS} days (`{}` to `{}`)",
                    fmt(pit.value),
                    fmt(start),
                    fmt(now)
                ),
                format!("use an instant from `{}` to `{}`", fmt(start), fmt(now)),
            ));
            request.extend(r.diags.last().cloned());
        }
    }
    r.push(PG_FAILOVER.at(&cluster.path, format!("the cluster can be restored to any point from `{}` to `{}`", fmt(e.0), fmt(now)), "to restore to a point earlier than the latest failover (high availability, maintenance and scaling use failovers), open a support request"));
    let geo = p
        .get("enableGeoBackup")
        .and_then(|g| g.value.as_bool())
        .unwrap_or(false);
    let region = text(cluster, "location").map(str::to_string);
    let b = |bound: &str, reason: &str, at| Basis {
        bound: bound.to_string(),
        reason: reason.to_string(),
        at: fmt(at),
        source: sources::PGB.to_string(),
    };
    let mut basis = vec![b("earliest", e.1, e.0), b("latest", "now", now)];
    if geo {
        basis.push(b("latest", "geo-backup-remote-region-allowed", now));
    }
    Some(RestoreWindow {
        earliest: fmt(e.0),
        latest: fmt(now),
        tier: "PostgreSQL35Days".to_string(),
        region,
        basis,
        regions: Vec::new(),
        restore_points: Vec::new(),
        restore_point_count: None,
        anchor: None,
        anchor_basis: None,
        restorable_until: None,
        before_incident: None,
    })
}
