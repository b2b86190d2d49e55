//! The `after` steps: one per item of the not-restored checklist, re-applying the source's own
//! values to the restored account (az and PowerShell), each naming the item it closes. Items no
//! command can re-apply (stored procedures, keys, the analytical store) say what to do by hand.
//! domain.md §2.5, §2.7, §6.

use super::arm::step;
use super::az::Az;
use super::powershell::Ps;
use super::{Ctx, PlanStep, PlanTarget, placeholder};
use super::{endpoints, rbac};
use crate::model::Api;
use crate::restore::NotRestored;
use crate::sources;
use serde_json::Value;

fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| {
                    x.as_str()
                        .map(str::to_string)
                        .or_else(|| x.get("ipAddressOrRange").and_then(Value::as_str).map(str::to_string))
                })
                .collect()
        })
        .unwrap_or_default()
}

fn show(t: &PlanTarget, query: &str) -> String {
    Az::new("cosmosdb show")
        .arg("--resource-group", &t.resource_group)
        .arg("--name", &t.account_name)
        .arg("--query", query)
        .line()
}

fn update(t: &PlanTarget) -> Az {
    Az::new("cosmosdb update")
        .arg("--resource-group", &t.resource_group)
        .arg("--name", &t.account_name)
}

fn ps_update(t: &PlanTarget) -> Ps {
    Ps::new("Update-AzCosmosDBAccount")
        .arg("-ResourceGroupName", &t.resource_group)
        .arg("-Name", &t.account_name)
}

fn ip_rules(item: &NotRestored, t: &PlanTarget, s: &mut PlanStep) {
    let rules = item.current.as_ref().map(strs).unwrap_or_default();
    match &item.current {
        Some(_) if !rules.is_empty() => {
            s.az = Some(update(t).arg("--ip-range-filter", &rules.join(",")).line());
            s.powershell = Some(ps_update(t).list("-IpRule", &rules).line());
            s.verify = Some(format!("`{}` lists {} rule(s)", show(t, "ipRules"), rules.len()));
        }
        Some(_) => s.manual = Some("the source has no IP rules: nothing to re-apply".to_string()),
        None => s.manual = Some("the source document has no `ipRules`: read them from the source (`az cosmosdb show … --query ipRules`) and re-apply them with `az cosmosdb update --ip-range-filter`".to_string()),
    }
}

fn vnet_rules(item: &NotRestored, t: &PlanTarget, s: &mut PlanStep) {
    let cur = item.current.clone().unwrap_or(Value::Null);
    let rules: Vec<(String, bool)> = cur
        .get("virtualNetworkRules")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|r| {
                    Some((
                        r.get("id")?.as_str()?.to_string(),
                        r.get("ignoreMissingVNetServiceEndpoint")
                            .and_then(Value::as_bool)
                            .unwrap_or(false),
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    let enabled = cur
        .get("isVirtualNetworkFilterEnabled")
        .and_then(Value::as_bool)
        .unwrap_or(!rules.is_empty());
    if !enabled && rules.is_empty() {
        s.manual = Some(if item.current.is_some() {
            "the source has no virtual network rules: nothing to re-apply".to_string()
        } else {
            "the source document has no `virtualNetworkRules`: read them from the source and re-apply them with `az cosmosdb network-rule add`".to_string()
        });
        return;
    }
    let mut az = vec![update(t).arg("--enable-virtual-network", "true").line()];
    let mut objs = Vec::new();
    for (id, ignore) in &rules {
        let mut a = Az::new("cosmosdb network-rule add")
            .arg("--resource-group", &t.resource_group)
            .arg("--name", &t.account_name)
            .arg("--subnet", id);
        let mut o = Ps::new("New-AzCosmosDBVirtualNetworkRule").arg("-Id", id);
        if *ignore {
            a = a.arg("--ignore-missing-endpoint", "true");
            o = o.raw("-IgnoreMissingVNetServiceEndpoint", "$true");
        }
        az.push(a.line());
        objs.push(format!("    ({})", o.line()));
    }
    s.az = Some(az.join("\n"));
    let mut ps = String::new();
    if !objs.is_empty() {
        ps.push_str(&format!("$rules = @(\n{}\n)\n", objs.join(",\n")));
        ps.push_str(
            &ps_update(t)
                .raw("-EnableVirtualNetwork", "$true")
                .raw("-VirtualNetworkRuleObject", "$rules")
                .line(),
        );
    } else {
        ps.push_str(&ps_update(t).raw("-EnableVirtualNetwork", "$true").line());
    }
    s.powershell = Some(ps);
    s.verify = Some(format!(
        "`{}` lists {} rule(s)",
        show(t, "virtualNetworkRules"),
        rules.len()
    ));
}

/// The restored account's resource id (placeholders for what the documents don't give).
fn account_id(ctx: &Ctx<'_>, t: &PlanTarget) -> String {
    let sub = ctx
        .src
        .subscription
        .clone()
        .unwrap_or_else(|| placeholder("SUBSCRIPTION_ID"));
    format!(
        "/subscriptions/{sub}/resourceGroups/{}/providers/Microsoft.DocumentDB/databaseAccounts/{}",
        t.resource_group, t.account_name
    )
}

fn private_endpoints(ctx: &Ctx<'_>, item: &NotRestored, t: &PlanTarget, s: &mut PlanStep) {
    let Some(current) = &item.current else {
        s.manual = Some("the source document has no `privateEndpointConnections`: check the source's private endpoints and create them again for the restored account".to_string());
        return;
    };
    let found = endpoints::read(current);
    if found.is_empty() {
        s.manual = Some("the source has no private endpoint connections: nothing to re-apply".to_string());
        return;
    }
    let id = account_id(ctx, t);
    let mut az = Vec::new();
    let mut ps = Vec::new();
    for (i, e) in found.iter().enumerate() {
        let (a, p) = endpoints::commands(e, i.saturating_add(1), found.len(), &t.account_name, &id);
        az.push(a);
        ps.push(p);
    }
    s.az = Some(az.join("\n"));
    s.powershell = Some(ps.join("\n"));
    s.verify = Some(format!(
        "`{}` lists {} connection(s), each `Approved` (a connection to an account in another subscription or tenant waits for its owner to approve it); then point the private DNS zone records at the new endpoints",
        show(
            t,
            "privateEndpointConnections[].properties.privateLinkServiceConnectionState.status"
        ),
        found.len()
    ));
}

fn public_access(item: &NotRestored, t: &PlanTarget, s: &mut PlanStep) {
    let v = item.current.as_ref().and_then(Value::as_str);
    match v {
        Some(x) if x.eq_ignore_ascii_case("Disabled") => {
            s.manual = Some("closed by the restore itself: the request sets public network access `Disabled`".to_string());
            s.verify = Some(format!("`{}` prints `Disabled`", show(t, "publicNetworkAccess")));
        }
        Some(x) => {
            s.az = Some(update(t).arg("--public-network-access", &x.to_ascii_uppercase()).line());
            s.powershell = Some(ps_update(t).arg("-PublicNetworkAccess", x).line());
        }
        None => s.manual = Some("the source document doesn't say; the restored account has public network access `Enabled`: set `--public-network-access` if the source had it otherwise".to_string()),
    }
}

fn locations(ctx: &Ctx<'_>, t: &PlanTarget, s: &mut PlanStep) {
    let target_region = t.location.clone().unwrap_or_default();
    let norm = |x: &str| crate::model::region_key(x);
    let mut regions = vec![(target_region.clone(), None)];
    for r in &ctx.src.regions {
        if norm(&r.name) != norm(&target_region) {
            regions.push((r.name.clone(), r.zone_redundant));
        }
    }
    if regions.len() < 2 {
        s.manual = Some(if ctx.src.regions.is_empty() {
            "the source document lists no regions: add the source's other regions to the restored account".to_string()
        } else {
            "the source has no other region: nothing to add".to_string()
        });
        return;
    }
    let mut az = update(t);
    let mut objs = Vec::new();
    for (i, (name, zr)) in regions.iter().enumerate() {
        let z = if zr.unwrap_or(false) { "True" } else { "False" };
        az = az.many(
            "--locations",
            &[
                format!("regionName={name}"),
                format!("failoverPriority={i}"),
                format!("isZoneRedundant={z}"),
            ],
        );
        objs.push(format!(
            "    ({})",
            Ps::new("New-AzCosmosDBLocationObject")
                .arg("-LocationName", name)
                .arg("-FailoverPriority", &i.to_string())
                .raw("-IsZoneRedundant", if zr.unwrap_or(false) { "$true" } else { "$false" })
                .line()
        ));
    }
    s.az = Some(az.line());
    s.powershell = Some(format!(
        "$locations = @(\n{}\n)\n{}",
        objs.join(",\n"),
        Ps::new("Update-AzCosmosDBAccountRegion")
            .arg("-ResourceGroupName", &t.resource_group)
            .arg("-Name", &t.account_name)
            .raw("-LocationObject", "$locations")
            .line()
    ));
    s.verify = Some(format!(
        "`{}` lists {} region(s); adding a region takes a while per region",
        show(t, "locations[].locationName"),
        regions.len()
    ));
}

fn consistency(item: &NotRestored, t: &PlanTarget, s: &mut PlanStep) {
    let Some(level) = item
        .current
        .as_ref()
        .and_then(|c| c.get("defaultConsistencyLevel"))
        .and_then(Value::as_str)
    else {
        s.manual = Some("the source document has no `consistencyPolicy`: check the restored account's consistency against the source's".to_string());
        return;
    };
    let cur = item.current.clone().unwrap_or(Value::Null);
    let mut az = update(t).arg("--default-consistency-level", level);
    let mut ps = ps_update(t).arg("-DefaultConsistencyLevel", level);
    if level.eq_ignore_ascii_case("BoundedStaleness") {
        if let Some(n) = cur.get("maxStalenessPrefix").and_then(Value::as_i64) {
            az = az.arg("--max-staleness-prefix", &n.to_string());
            ps = ps.arg("-MaxStalenessPrefix", &n.to_string());
        }
        if let Some(n) = cur.get("maxIntervalInSeconds").and_then(Value::as_i64) {
            az = az.arg("--max-interval", &n.to_string());
            ps = ps.arg("-MaxStalenessIntervalInSeconds", &n.to_string());
        }
    }
    s.az = Some(az.line());
    s.powershell = Some(ps.line());
    s.verify = Some(format!(
        "`{}` prints `{level}`",
        show(t, "consistencyPolicy.defaultConsistencyLevel")
    ));
}

fn role_assignments(ctx: &Ctx<'_>, t: &PlanTarget, s: &mut PlanStep) {
    let rbac = rbac::on_source(ctx.scenario, ctx.src);
    let id = account_id(ctx, t);
    let mut az = Vec::new();
    let mut ps = Vec::new();
    for a in &rbac {
        let (x, y) = rbac::commands(a, &id);
        az.push(x);
        ps.push(y);
    }
    if ctx.src.api == Api::Sql {
        az.push(
            Az::new("cosmosdb sql role assignment create")
                .arg("--resource-group", &t.resource_group)
                .arg("--account-name", &t.account_name)
                .arg("--role-definition-id", &placeholder("ROLE_DEFINITION_ID"))
                .arg("--principal-id", &placeholder("PRINCIPAL_ID"))
                .arg("--scope", "/")
                .line(),
        );
        ps.push(
            Ps::new("New-AzCosmosDBSqlRoleAssignment")
                .arg("-ResourceGroupName", &t.resource_group)
                .arg("-AccountName", &t.account_name)
                .arg("-RoleDefinitionId", &placeholder("ROLE_DEFINITION_ID"))
                .arg("-Scope", "/")
                .arg("-PrincipalId", &placeholder("PRINCIPAL_ID"))
                .line(),
        );
    }
    if !az.is_empty() {
        s.az = Some(az.join("\n"));
        s.powershell = Some(ps.join("\n"));
    }
    let source_id = ctx.src.id.clone().unwrap_or_else(|| placeholder("SOURCE_ACCOUNT_ID"));
    let rbac_text = if rbac.is_empty() {
        format!(
            "the scenario's `roleAssignments` hold no assignment on the source account: re-create each of its role assignments on the new account's id (`az role assignment list --scope {source_id}` lists them)"
        )
    } else {
        format!(
            "Azure RBAC: the first {} command(s) re-create the scenario's role assignments on the source account, on the new account's id (assignments at a resource group or above are left alone: they belong to that scope, not to the account, so a new account in another resource group does not get them)",
            rbac.len()
        )
    };
    s.manual = Some(if ctx.src.api == Api::Sql {
        format!(
            "{rbac_text}. Data-plane role assignments: one command per assignment of the source (`az cosmosdb sql role assignment list` on the source lists them)"
        )
    } else {
        rbac_text
    });
}

fn ttl(ctx: &Ctx<'_>, t: &PlanTarget) -> Option<PlanStep> {
    let mut s = step(
        "reapply-ttl",
        "after",
        "Re-enable TTL on the restored containers once the data is checked",
        "the plan's restore request sets `restoreWithTtlDisabled: true` because a restored TTL can delete restored items at once; once the items are safe, set each container's TTL back",
        sources::CBI,
    );
    s.closes = Some("defaultTtl".to_string());
    if ctx.src.api != Api::Sql {
        s.manual = Some(
            "set each restored container's TTL back to the source's value (the account document doesn't hold it)"
                .to_string(),
        );
        return Some(s);
    }
    let mut pairs = Vec::new();
    for db in &ctx.read.pick.databases {
        if db.children.is_empty() {
            pairs.push((db.name.clone(), placeholder("CONTAINER")));
        }
        pairs.extend(db.children.iter().map(|c| (db.name.clone(), c.clone())));
    }
    if pairs.is_empty() {
        pairs.push((placeholder("DATABASE"), placeholder("CONTAINER")));
    }
    let mut az = Vec::new();
    let mut ps = Vec::new();
    for (db, c) in &pairs {
        az.push(
            Az::new("cosmosdb sql container update")
                .arg("--resource-group", &t.resource_group)
                .arg("--account-name", &t.account_name)
                .arg("--database-name", db)
                .arg("--name", c)
                .arg("--ttl", &placeholder("DEFAULT_TTL_SECONDS"))
                .line(),
        );
        ps.push(
            Ps::new("Update-AzCosmosDBSqlContainer")
                .arg("-ResourceGroupName", &t.resource_group)
                .arg("-AccountName", &t.account_name)
                .arg("-DatabaseName", db)
                .arg("-Name", c)
                .arg("-TtlInSeconds", &placeholder("DEFAULT_TTL_SECONDS"))
                .line(),
        );
    }
    s.az = Some(az.join("\n"));
    s.powershell = Some(ps.join("\n"));
    s.verify = Some("the TTL is the source container's (the account document doesn't hold it: take it from the source container's `defaultTtl`)".to_string());
    Some(s)
}

/// The `after` steps for a checklist, on the restored account `t`.
pub fn steps(ctx: &Ctx<'_>, t: &PlanTarget, items: &[NotRestored], _ts: &str) -> Vec<PlanStep> {
    let mut out = Vec::new();
    for item in items {
        let mut s = step(
            &format!("reapply-{}", item.setting),
            "after",
            format!("After the restore: `{}`", item.setting),
            item.reason.clone(),
            &item.source,
        );
        s.closes = Some(item.setting.clone());
        match item.setting.as_str() {
            "ipRules" => ip_rules(item, t, &mut s),
            "virtualNetworkRules" => vnet_rules(item, t, &mut s),
            "privateEndpointConnections" => private_endpoints(ctx, item, t, &mut s),
            "publicNetworkAccess" => public_access(item, t, &mut s),
            "locations" => locations(ctx, t, &mut s),
            "consistencyPolicy" => consistency(item, t, &mut s),
            "roleAssignments" => role_assignments(ctx, t, &mut s),
            "indexing" => {
                s.verify = Some(
                    "the container's `IndexTransformationProgress` reaches 100 before index-heavy queries are trusted"
                        .to_string(),
                )
            }
            "throughput" => s.manual = Some(
                "compare each database's and container's throughput with the source's and set it back where it differs"
                    .to_string(),
            ),
            _ => s.manual = Some(item.reason.clone()),
        }
        out.push(s);
    }
    let ttl_disabled = !ctx.src.periodic && !ctx.src.postgres;
    if ttl_disabled && !items.iter().any(|i| i.setting == "defaultTtl") {
        out.extend(ttl(ctx, t));
    }
    out
}
