//! The restore's ARM bodies (`createMode: Restore` with `restoreParameters`, on the account or
//! on each deleted database/container), each checked by the engine's `checkRestoreRequest`
//! before the plan offers it, and the continuous and PostgreSQL plans built around them.
//! [SPEC], [CBRM], [IARM], [RACB], [IAI], [PGR]

use super::az::Az;
use super::input::{Target, When};
use super::powershell::Ps;
use super::rules::*;
use super::{Ctx, PlanStep, PlanTarget, RestorePlan, placeholder};
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::Api;
use crate::pointer::Pointer;
use crate::sources;
use chrono::{DateTime, Utc};
use serde_json::{Value, json};

/// The ARM api-version of the account bodies (the newest stable one, domain.md §3).
pub const API_VERSION: &str = "2025-10-15";
/// The api-version of the PostgreSQL cluster body (the one azure-cli's `cosmosdb postgres
/// cluster create` uses).
pub const PG_API_VERSION: &str = "2022-11-08";

/// Sets `key` on an object (a no-op on any other value).
fn set(v: &mut Value, key: &str, value: Value) {
    if let Some(m) = v.as_object_mut() {
        m.insert(key.to_string(), value);
    }
}

/// The az command each verify step polls: the target's `provisioningState`, as plain text.
pub fn provisioning_state(command: &str, target: &PlanTarget) -> String {
    Az::new(command)
        .arg("--resource-group", &target.resource_group)
        .arg("--name", &target.account_name)
        .arg("--query", "provisioningState")
        .arg("--output", "tsv")
        .line()
}

/// A step with the common fields.
pub fn step(id: &str, phase: &str, title: impl Into<String>, why: impl Into<String>, source: &str) -> PlanStep {
    PlanStep {
        id: id.to_string(),
        phase: phase.to_string(),
        title: title.into(),
        why: why.into(),
        source: source.to_string(),
        closes: None,
        az: None,
        powershell: None,
        verify: None,
        manual: None,
    }
}

/// The instant to restore to, and how it was chosen. `None` (with a finding) when the window is
/// unknown.
pub fn continuous_time(ctx: &Ctx<'_>, d: &mut Vec<Diagnostic>) -> Option<(DateTime<Utc>, &'static str)> {
    let latest = ctx
        .result
        .restore_window
        .as_ref()
        .and_then(|w| crate::time::parse(&w.latest))
        .map(|p| p.at);
    match ctx.when {
        When::At(t) => Some((t, "given")),
        When::Before(t) => {
            let Some(latest) = latest else {
                d.push(NO_WINDOW.at(&ctx.result.path, "the source's restore window is unknown", "give `now` and the source's backup policy (or its restorable account) so the latest restorable instant is known"));
                return None;
            };
            let before = crate::restore::events::second_before(t)?;
            if before > latest {
                d.push(CLAMPED.at(&Pointer::root().key("plan").key("incidentTime"), format!("the incident `{}` is after the latest restorable instant `{}`", crate::time::format(t), crate::time::format(latest)), "the plan restores to the latest restorable instant; for a live account check the latest restorable timestamp first (`az cosmosdb sql retrieve-latest-backup-time`)"));
                Some((latest, "latest-restorable"))
            } else {
                Some((before, "second-before-incident"))
            }
        }
    }
}

/// The scenario with `request` as its `restoreRequest`.
pub fn with_request(scenario: &Value, request: Value) -> Value {
    let mut s = scenario.clone();
    if let Some(m) = s.as_object_mut() {
        m.insert("restoreRequest".to_string(), request);
    }
    s
}

/// Runs the engine's `checkRestoreRequest` on the scenario with `request`; the findings are
/// returned, and `plan.rejected` is added when any is an error.
pub fn check(scenario: &Value, request: Value) -> (bool, Vec<Diagnostic>) {
    let s = with_request(scenario, request);
    match crate::evaluation::restore::check_restore_request(&s) {
        Ok(a) => {
            let mut diags = a.diagnostics;
            if !a.valid {
                let codes: Vec<String> = diags
                    .iter()
                    .filter(|d| d.severity == Severity::Error)
                    .map(|d| format!("`{}`", d.code))
                    .collect();
                diags.insert(0, REJECTED.at(&Pointer::root().key("plan"), format!("the engine rejects this restore: {}", codes.join(", ")), "fix what the findings below name (the time, the target or what to restore); the plan offers no command for a restore the engine rejects"));
            }
            (a.valid, diags)
        }
        Err(e) => (false, e.diagnostics),
    }
}

fn kind_of(api: Api) -> &'static str {
    if api == Api::MongoDb {
        "MongoDB"
    } else {
        "GlobalDocumentDB"
    }
}

fn capabilities(api: Api) -> Option<Value> {
    match api {
        Api::Gremlin => Some(json!([{"name": "EnableGremlin"}])),
        Api::Table => Some(json!([{"name": "EnableTable"}])),
        _ => None,
    }
}

/// The new account's body.
pub fn account_body(ctx: &Ctx<'_>, name: &str, location: &str, ts: &str) -> Value {
    let src = ctx.src;
    let mut rp = json!({
        "restoreMode": "PointInTime",
        "restoreSource": src.restore_source(),
        "restoreTimestampInUtc": ts,
        "restoreWithTtlDisabled": true,
    });
    let pick = &ctx.read.pick;
    if !pick.databases.is_empty() {
        let (key, child) = if src.api == Api::Gremlin {
            ("gremlinDatabasesToRestore", "graphNames")
        } else {
            ("databasesToRestore", "collectionNames")
        };
        let list: Vec<Value> = pick
            .databases
            .iter()
            .map(|db| {
                let mut o = json!({"databaseName": db.name});
                if !db.children.is_empty() {
                    set(&mut o, child, json!(db.children));
                }
                o
            })
            .collect();
        set(&mut rp, key, Value::Array(list));
    }
    if !pick.tables.is_empty() {
        set(&mut rp, "tablesToRestore", json!(pick.tables));
    }
    let mut props = json!({
        "databaseAccountOfferType": "Standard",
        "locations": [{"locationName": location, "failoverPriority": 0}],
        "createMode": "Restore",
        "backupPolicy": {"type": "Continuous", "continuousModeProperties": {"tier": src.tier.clone().unwrap_or_else(|| "Continuous30Days".to_string())}},
        "restoreParameters": rp,
    });
    if let Some(c) = capabilities(src.api) {
        set(&mut props, "capabilities", c);
    }
    // [CBRM]: only a request that says `Disabled` restores without public access.
    if src
        .props
        .get("publicNetworkAccess")
        .and_then(Value::as_str)
        .is_some_and(|v| v.eq_ignore_ascii_case("Disabled"))
    {
        set(&mut props, "publicNetworkAccess", json!("Disabled"));
    }
    // The sources disagree on whether consistency is kept ([CBI]); the request says it.
    if let Some(c) = src.props.get("consistencyPolicy").filter(|c| c.is_object()) {
        set(&mut props, "consistencyPolicy", c.clone());
    }
    json!({
        "type": "Microsoft.DocumentDB/databaseAccounts",
        "apiVersion": API_VERSION,
        "name": name,
        "location": location,
        "kind": kind_of(src.api),
        "properties": props,
    })
}

/// One in-account resource to restore.
#[derive(Debug, Clone)]
pub struct Child {
    /// The database.
    pub database: String,
    /// The container, collection or graph (none: the database itself, or a table).
    pub child: Option<String>,
}

fn child_type(api: Api, container: bool) -> Option<&'static str> {
    Some(match (api, container) {
        (Api::Sql, false) => "Microsoft.DocumentDB/databaseAccounts/sqlDatabases",
        (Api::Sql, true) => "Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers",
        (Api::MongoDb, false) => "Microsoft.DocumentDB/databaseAccounts/mongodbDatabases",
        (Api::MongoDb, true) => "Microsoft.DocumentDB/databaseAccounts/mongodbDatabases/collections",
        (Api::Gremlin, false) => "Microsoft.DocumentDB/databaseAccounts/gremlinDatabases",
        (Api::Gremlin, true) => "Microsoft.DocumentDB/databaseAccounts/gremlinDatabases/graphs",
        (Api::Table, _) => "Microsoft.DocumentDB/databaseAccounts/tables",
        _ => return None,
    })
}

/// The in-account resources, databases first (a container's database must exist first, [IAI]).
pub fn children(ctx: &Ctx<'_>) -> Vec<Child> {
    let mut out = Vec::new();
    for db in &ctx.read.pick.databases {
        if db.children.is_empty() {
            out.push(Child {
                database: db.name.clone(),
                child: None,
            });
        }
    }
    for db in &ctx.read.pick.databases {
        for c in &db.children {
            out.push(Child {
                database: db.name.clone(),
                child: Some(c.clone()),
            });
        }
    }
    for t in &ctx.read.pick.tables {
        out.push(Child {
            database: t.clone(),
            child: None,
        });
    }
    out
}

/// One in-account body.
pub fn child_body(ctx: &Ctx<'_>, c: &Child, ts: &str) -> Option<Value> {
    let ty = child_type(ctx.src.api, c.child.is_some())?;
    let name = match &c.child {
        Some(x) => format!("{}/{}/{x}", ctx.src.name, c.database),
        None => format!("{}/{}", ctx.src.name, c.database),
    };
    let id = c.child.clone().unwrap_or_else(|| c.database.clone());
    Some(json!({
        "type": ty,
        "apiVersion": API_VERSION,
        "name": name,
        "properties": {"resource": {
            "id": id,
            "createMode": "Restore",
            "restoreParameters": {
                "restoreSource": ctx.src.restore_source(),
                "restoreTimestampInUtc": ts,
                "restoreWithTtlDisabled": true,
            }
        }}
    }))
}

fn new_target(ctx: &Ctx<'_>, d: &mut Vec<Diagnostic>) -> PlanTarget {
    let Target::New {
        name,
        resource_group,
        location,
    } = &ctx.target
    else {
        return PlanTarget {
            account_name: ctx.src.name.clone(),
            resource_group: ctx.src.group(),
            location: None,
            in_account: true,
        };
    };
    let location = match location {
        Some(l) => l.clone(),
        None => {
            let w = ctx.src.write_region().unwrap_or_else(|| placeholder("TARGET_REGION"));
            d.push(LOCATION_DEFAULT.at(
                &Pointer::root().key("plan").key("target"),
                format!("no `plan.target.location`: the restore goes to the source's write region `{w}`"),
                "set `location` to restore into another region the source had at that time ([CBI] scenario 2)",
            ));
            w
        }
    };
    PlanTarget {
        account_name: name.clone(),
        resource_group: resource_group.clone().unwrap_or_else(|| placeholder("RESOURCE_GROUP")),
        location: Some(location),
        in_account: false,
    }
}

/// A plan with the time and the findings, before its steps.
fn base(ctx: &Ctx<'_>, d: Vec<Diagnostic>) -> RestorePlan {
    let mut p = RestorePlan::refused("", d);
    p.source_account = Some(ctx.src.name.clone());
    p
}

/// The continuous plan: into a new account, or in-account.
pub fn continuous_plan(ctx: &Ctx<'_>, mut d: Vec<Diagnostic>) -> RestorePlan {
    let Some((at, basis)) = continuous_time(ctx, &mut d) else {
        return base(ctx, d);
    };
    let ts = crate::time::format(at);
    let target = new_target(ctx, &mut d);
    let bodies: Vec<Value> = if target.in_account {
        children(ctx).iter().filter_map(|c| child_body(ctx, c, &ts)).collect()
    } else {
        vec![account_body(
            ctx,
            &target.account_name,
            target.location.as_deref().unwrap_or(""),
            &ts,
        )]
    };
    let request = if target.in_account {
        Value::Array(bodies.clone())
    } else {
        bodies.first().cloned().unwrap_or(Value::Null)
    };
    let (valid, found) = check(ctx.scenario, request.clone());
    d.extend(found);
    let mut p = base(ctx, d);
    p.restore_timestamp = Some(ts.clone());
    p.timestamp_basis = Some(basis.to_string());
    p.target = Some(target.clone());
    if !valid || bodies.is_empty() {
        return p;
    }
    let not_restored = crate::evaluation::restore::not_restored(&with_request(ctx.scenario, request))
        .ok()
        .and_then(|a| a.into_iter().next())
        .map(|a| a.not_restored)
        .unwrap_or_default();
    p.bicep = Some(super::bicep::file(&bodies));
    p.arm = bodies;
    p.accepted = true;
    p.steps = if target.in_account {
        in_account_steps(ctx, &target, &ts)
    } else {
        new_account_steps(ctx, &target, &ts, &mut p)
    };
    p.steps.extend(super::reapply::steps(ctx, &target, &not_restored, &ts));
    p.not_restored = not_restored;
    p
}

fn permissions_step(ctx: &Ctx<'_>, target: &PlanTarget, p: &mut RestorePlan) -> PlanStep {
    let mut s = step(
        "permissions",
        "before",
        "Check that the restoring principal may restore",
        "a restore needs `Microsoft.DocumentDB/locations/restorableDatabaseAccounts/restore/action` (and `…/read`, `…/*/read`) on the restorable account or its subscription (never a resource group), plus `Microsoft.DocumentDB/databaseAccounts/write` and `Microsoft.Resources/deployments/write` and `…/validate/action` on the target resource group; the built-in roles CosmosRestoreOperator and Cosmos DB Operator together grant them",
        sources::PERM,
    );
    s.manual = Some("assign CosmosRestoreOperator at the restorable account (or subscription) and Cosmos DB Operator on the target resource group, if the principal has neither".to_string());
    if let (Some(principal), Some(ra), Some(sub)) = (
        &ctx.read.principal_id,
        ctx.scenario.get("roleAssignments"),
        &ctx.src.subscription,
    ) {
        let mut q = json!({
            "roleAssignments": ra,
            "questions": [{"ask": "restore", "principalId": principal, "source": ctx.src.restore_source(),
                "targetResourceGroup": format!("/subscriptions/{sub}/resourceGroups/{}", target.resource_group)}],
        });
        for k in ["roleDefinitions", "managementGroups"] {
            if let Some(v) = ctx.scenario.get(k) {
                set(&mut q, k, v.clone());
            }
        }
        if q.is_object() {
            let check = crate::permissions::check(&crate::node::Node::root(&q));
            let allowed = check.answers.first().map(|a| a.allowed);
            s.verify = Some(match allowed {
                Some(true) => format!("the given role assignments let `{principal}` restore"),
                Some(false) => {
                    format!("the given role assignments do NOT let `{principal}` restore: see `permissions`")
                }
                None => "the permission question could not be answered: see `permissions`".to_string(),
            });
            p.permissions = Some(check);
        }
    }
    s
}

fn new_account_steps(ctx: &Ctx<'_>, target: &PlanTarget, ts: &str, p: &mut RestorePlan) -> Vec<PlanStep> {
    let src = ctx.src;
    let location = target.location.clone().unwrap_or_default();
    let mut steps = vec![permissions_step(ctx, target, p)];
    if src.restorable_id.is_none() {
        let mut s = step(
            "find-restorable-account",
            "before",
            "Find the source's restorable account",
            "the ARM body needs the restorable account's id (`restoreSource`); the az and PowerShell restore look it up by the source account's name",
            sources::RACB,
        );
        s.az = Some(
            Az::new("cosmosdb restorable-database-account list")
                .arg("--account-name", &src.name)
                .line(),
        );
        s.powershell = Some(Ps::new("Get-AzCosmosDBRestorableDatabaseAccount").line());
        s.verify = Some("take the entry whose `accountName` is the source and whose `restorableLocations` hold the target region at the restore time; its `id` replaces the placeholders in `restoreSource`".to_string());
        steps.push(s);
    }
    if let Some(c) = &ctx.result.cost {
        let mut s = step(
            "cost",
            "before",
            format!("This restore costs {} {}", c.per_restore, c.currency),
            "every restore is charged once, by the data restored, in both continuous tiers",
            sources::CBI,
        );
        s.manual = Some(format!(
            "one restore of the given `usage`: {} {} (the price sheet's restore meter)",
            c.per_restore, c.currency
        ));
        steps.push(s);
    }
    let mut az = Az::new("cosmosdb restore")
        .arg("--resource-group", &target.resource_group)
        .arg("--account-name", &src.name)
        .arg("--target-database-account-name", &target.account_name)
        .arg("--restore-timestamp", ts)
        .arg("--location", &location);
    let mut pre = Vec::new();
    let mut ps = Ps::new("Restore-AzCosmosDBAccount")
        .arg("-TargetResourceGroupName", &target.resource_group)
        .arg("-TargetDatabaseAccountName", &target.account_name)
        .arg("-SourceDatabaseAccountName", &src.name)
        .arg("-RestoreTimestampInUtc", ts)
        .arg("-Location", &location);
    let pick = &ctx.read.pick;
    if !pick.databases.is_empty() {
        let gremlin = src.api == Api::Gremlin;
        let (flag, word, cmdlet, child, var, param) = if gremlin {
            (
                "--gremlin-databases-to-restore",
                "graphs",
                "New-AzCosmosDBGremlinDatabaseToRestore",
                "-GraphNames",
                "$gremlinDatabases",
                "-GremlinDatabasesToRestore",
            )
        } else {
            (
                "--databases-to-restore",
                "collections",
                "New-AzCosmosDBDatabaseToRestore",
                "-CollectionName",
                "$databases",
                "-DatabasesToRestore",
            )
        };
        let mut items = Vec::new();
        for db in &pick.databases {
            let mut words = vec![format!("name={}", db.name)];
            if let Some((first, rest)) = db.children.split_first() {
                words.push(format!("{word}={first}"));
                words.extend(rest.iter().cloned());
            }
            az = az.many(flag, &words);
            let mut n = Ps::new(cmdlet).arg("-DatabaseName", &db.name);
            if !db.children.is_empty() {
                n = n.list(child, &db.children);
            }
            items.push(format!("    ({})", n.line()));
        }
        pre.push(format!("{var} = @(\n{}\n)", items.join(",\n")));
        ps = ps.raw(param, var);
    }
    if !pick.tables.is_empty() {
        az = az.many("--tables-to-restore", &pick.tables);
        pre.push(format!(
            "$tables = {}",
            Ps::new("New-AzCosmosDBTableToRestore")
                .list("-TableNames", &pick.tables)
                .line()
        ));
        ps = ps.raw("-TablesToRestore", "$tables");
    }
    az = az.arg("--disable-ttl", "true");
    ps = ps.raw("-DisableTtl", "$true");
    if ctx
        .src
        .props
        .get("publicNetworkAccess")
        .and_then(Value::as_str)
        .is_some_and(|v| v.eq_ignore_ascii_case("Disabled"))
    {
        az = az.arg("--public-network-access", "DISABLED");
        ps = ps.arg("-PublicNetworkAccess", "Disabled");
    }
    pre.push(ps.line());
    let mut s = step(
        "restore",
        "restore",
        format!(
            "Restore `{}` at {ts} into the new account `{}` in {location}",
            src.name, target.account_name
        ),
        "a continuous account is restored into a new account; TTL is disabled so restored items are not deleted on arrival (re-enable it afterwards), and public network access is kept disabled when the source had it so",
        sources::RACB,
    );
    s.az = Some(az.line());
    s.powershell = Some(pre.join("\n"));
    s.verify = Some("the command returns once the restore is accepted; the ARM and Bicep bodies in this plan do the same restore through a deployment".to_string());
    steps.push(s);
    let mut v = step(
        "verify-provisioning",
        "verify",
        format!("Wait until `{}` is provisioned", target.account_name),
        "the restore runs for a while (1 TB typically takes 30 to 90 minutes); the account is usable once `provisioningState` is `Succeeded`",
        sources::CBFAQ,
    );
    v.az = Some(provisioning_state("cosmosdb show", target));
    v.powershell = Some(format!(
        "({}).ProvisioningState",
        Ps::new("Get-AzCosmosDBAccount")
            .arg("-ResourceGroupName", &target.resource_group)
            .arg("-Name", &target.account_name)
            .line()
    ));
    v.verify = Some("repeat until it prints `Succeeded`; `Failed` means the restore did not complete (don't modify IAM policies or delete the source while it runs)".to_string());
    steps.push(v);
    steps
}

fn in_account_steps(ctx: &Ctx<'_>, target: &PlanTarget, ts: &str) -> Vec<PlanStep> {
    let src = ctx.src;
    let rg = &target.resource_group;
    let mut steps = Vec::new();
    for (i, c) in children(ctx).iter().enumerate() {
        let (group, noun, pnoun) = match src.api {
            Api::MongoDb => (
                "mongodb",
                if c.child.is_some() { "collection" } else { "database" },
                if c.child.is_some() {
                    "MongoDBCollection"
                } else {
                    "MongoDBDatabase"
                },
            ),
            Api::Gremlin => (
                "gremlin",
                if c.child.is_some() { "graph" } else { "database" },
                if c.child.is_some() {
                    "GremlinGraph"
                } else {
                    "GremlinDatabase"
                },
            ),
            Api::Table => ("table", "", "Table"),
            _ => (
                "sql",
                if c.child.is_some() { "container" } else { "database" },
                if c.child.is_some() {
                    "SqlContainer"
                } else {
                    "SqlDatabase"
                },
            ),
        };
        let command = if noun.is_empty() {
            format!("cosmosdb {group} restore")
        } else {
            format!("cosmosdb {group} {noun} restore")
        };
        let mut az = Az::new(&command)
            .arg("--resource-group", rg)
            .arg("--account-name", &src.name);
        let mut ps = Ps::new(&format!("Restore-AzCosmosDB{pnoun}"))
            .arg("-ResourceGroupName", rg)
            .arg("-AccountName", &src.name);
        let shown = match &c.child {
            Some(x) => {
                az = az.arg("--database-name", &c.database).arg("--name", x);
                ps = ps.arg("-DatabaseName", &c.database).arg("-Name", x);
                format!("{}/{x}", c.database)
            }
            None if src.api == Api::Table => {
                az = az.arg("--table-name", &c.database);
                ps = ps.arg("-Name", &c.database);
                c.database.clone()
            }
            None => {
                az = az.arg("--name", &c.database);
                ps = ps.arg("-Name", &c.database);
                c.database.clone()
            }
        };
        az = az.arg("--restore-timestamp", ts);
        ps = ps.arg("-RestoreTimestampInUtc", ts);
        let mut s = step(
            &format!("restore-{}", i.saturating_add(1)),
            "restore",
            format!("Restore the deleted `{shown}` into `{}` at {ts}", src.name),
            "an in-account restore brings a deleted database or container back under its own name in every current region; databases go first, at most 3 restores run at once per account. The az command (azure-cli at the commit in the argument table) has no TTL flag: deploy this resource's ARM body (`restoreWithTtlDisabled: true`) instead when TTL could delete restored items",
            sources::IAI,
        );
        s.az = Some(az.line());
        s.powershell = Some(ps.line());
        if src.api == Api::Sql {
            let show = match &c.child {
                Some(x) => Az::new("cosmosdb sql container show")
                    .arg("--resource-group", rg)
                    .arg("--account-name", &src.name)
                    .arg("--database-name", &c.database)
                    .arg("--name", x),
                None => Az::new("cosmosdb sql database show")
                    .arg("--resource-group", rg)
                    .arg("--account-name", &src.name)
                    .arg("--name", &c.database),
            };
            s.verify = Some(format!("`{}` shows the resource again", show.line()));
        } else {
            s.verify = Some("the resource is listed in the account again".to_string());
        }
        steps.push(s);
    }
    steps
}

/// The PostgreSQL cluster plan: a new cluster restored from the source. [PGB], [PGR]
pub fn postgres_plan(ctx: &Ctx<'_>, mut d: Vec<Diagnostic>) -> RestorePlan {
    let Some((at, basis)) = continuous_time(ctx, &mut d) else {
        return base(ctx, d);
    };
    let ts = crate::time::format(at);
    let mut target = new_target(ctx, &mut d);
    // [PGR]: "The subscription and resource group fields aren't editable."
    if let (
        Target::New {
            resource_group: None, ..
        },
        Some(rg),
    ) = (&ctx.target, &ctx.src.resource_group)
    {
        target.resource_group = rg.clone();
    }
    let location = target.location.clone().unwrap_or_default();
    let src_id = ctx.src.id.clone().unwrap_or_else(|| placeholder("SOURCE_CLUSTER_ID"));
    let src_loc = ctx.src.location.clone().unwrap_or_else(|| placeholder("SOURCE_REGION"));
    let mut body = json!({
        "type": "Microsoft.DBforPostgreSQL/serverGroupsv2",
        "apiVersion": PG_API_VERSION,
        "name": target.account_name,
        "location": location,
        "properties": {"sourceResourceId": src_id, "sourceLocation": src_loc, "pointInTimeUTC": ts},
    });
    if let Some(sub) = &ctx.src.subscription {
        set(
            &mut body,
            "id",
            json!(format!(
                "/subscriptions/{sub}/resourceGroups/{}/providers/Microsoft.DBforPostgreSQL/serverGroupsv2/{}",
                target.resource_group, target.account_name
            )),
        );
    }
    let mut scenario = ctx.scenario.clone();
    if let Some(m) = scenario.as_object_mut() {
        m.insert("account".to_string(), body.clone());
    }
    let (valid, found) = match crate::evaluation::restore::check_restore_request(&scenario) {
        Ok(a) => {
            let mut f = a.diagnostics;
            if !a.valid {
                f.insert(
                    0,
                    REJECTED.at(
                        &Pointer::root().key("plan"),
                        "the engine rejects this cluster restore",
                        "fix what the findings below name",
                    ),
                );
            }
            (a.valid, f)
        }
        Err(e) => (false, e.diagnostics),
    };
    d.extend(found);
    let mut p = base(ctx, d);
    p.restore_timestamp = Some(ts.clone());
    p.timestamp_basis = Some(basis.to_string());
    p.target = Some(target.clone());
    if !valid {
        return p;
    }
    let mut s = step(
        "restore",
        "restore",
        format!(
            "Restore cluster `{}` at {ts} into the new cluster `{}`",
            ctx.src.name, target.account_name
        ),
        "a cluster is restored into a new cluster in the same subscription and resource group (in most cases within an hour); a deleted cluster can't be restored",
        sources::PGR,
    );
    s.az = Some(
        Az::new("cosmosdb postgres cluster create")
            .arg("--name", &target.account_name)
            .arg("--resource-group", &target.resource_group)
            .arg("--location", &location)
            .arg("--source-resource-id", &src_id)
            .arg("--source-location", &src_loc)
            .arg("--point-in-time-utc", &ts)
            .line(),
    );
    // Az.CosmosDBforPostgreSQL: the point-in-time restore is a cluster create with the
    // source's id and region and `-PointInTimeUtc`, as in the ARM body.
    s.powershell = Some(
        Ps::new("New-AzCosmosDbForPostgreSqlCluster")
            .arg("-Name", &target.account_name)
            .arg("-ResourceGroupName", &target.resource_group)
            .arg("-Location", &location)
            .arg("-SourceResourceId", &src_id)
            .arg("-SourceLocation", &src_loc)
            .arg("-PointInTimeUtc", &ts)
            .line(),
    );
    let mut v = step(
        "verify-provisioning",
        "verify",
        format!("Wait until `{}` is ready", target.account_name),
        "the restored cluster keeps nodes, vCores, storage, user roles and versions; check it before redirecting clients",
        sources::PGB,
    );
    v.az = Some(provisioning_state("cosmosdb postgres cluster show", &target));
    v.powershell = Some(format!(
        "({}).ProvisioningState",
        Ps::new("Get-AzCosmosDbForPostgreSqlCluster")
            .arg("-ResourceGroupName", &target.resource_group)
            .arg("-Name", &target.account_name)
            .line()
    ));
    v.verify = Some("repeat until it prints `Succeeded`".to_string());
    p.steps = vec![s, v];
    let nr = ctx.result.not_restored.clone();
    p.steps.extend(super::reapply::steps(ctx, &target, &nr, &ts));
    p.not_restored = nr;
    p.bicep = Some(super::bicep::file(std::slice::from_ref(&body)));
    p.arm = vec![body];
    p.accepted = true;
    p
}
