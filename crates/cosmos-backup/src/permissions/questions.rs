//! The questions: can this principal restore restorable account X into resource group Y, see
//! the restore pane, change periodic retention or redundancy, migrate to continuous backup?
//!
//! Each answer lists the documented actions that are missing, the assignments that grant the
//! others, and the narrowest built-in role and scope that would grant what is missing.

use super::inputs::{Assignment, Inputs};
use super::roles::{BUILT_INS, Role};
use super::rules::*;
use super::scope::{Scope, ScopeKind};
use crate::diagnostics::Diagnostic;
use crate::node::Node;
use crate::pointer::Pointer;
use crate::suggest::closest;
use crate::values::clip;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A documented action and the concrete operations it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Action {
    /// The action string as the documentation writes it.
    pub name: &'static str,
    /// The concrete operations a role must grant for the action to count as held.
    pub probes: &'static [&'static str],
}

const fn single(name: &'static str, probes: &'static [&'static str]) -> Action {
    Action { name, probes }
}

/// `…/restorableDatabaseAccounts/restore/action`: perform the restore [PERM].
pub const RESTORE: Action = single(
    "Microsoft.DocumentDB/locations/restorableDatabaseAccounts/restore/action",
    &["Microsoft.DocumentDB/locations/restorableDatabaseAccounts/restore/action"],
);
/// `…/restorableDatabaseAccounts/read`: list restorable accounts [PERM].
pub const LIST: Action = single(
    "Microsoft.DocumentDB/locations/restorableDatabaseAccounts/read",
    &["Microsoft.DocumentDB/locations/restorableDatabaseAccounts/read"],
);
/// `…/restorableDatabaseAccounts/*/read`: read restorable databases, containers and event feeds
/// [PERM]; stands for every restorable sub-resource of the REST API [SPEC-R].
pub const SUB_READ: Action = single(
    "Microsoft.DocumentDB/locations/restorableDatabaseAccounts/*/read",
    &[
        "Microsoft.DocumentDB/locations/restorableDatabaseAccounts/restorableSqlDatabases/read",
        "Microsoft.DocumentDB/locations/restorableDatabaseAccounts/restorableSqlContainers/read",
        "Microsoft.DocumentDB/locations/restorableDatabaseAccounts/restorableSqlResources/read",
        "Microsoft.DocumentDB/locations/restorableDatabaseAccounts/restorableMongodbDatabases/read",
        "Microsoft.DocumentDB/locations/restorableDatabaseAccounts/restorableMongodbCollections/read",
        "Microsoft.DocumentDB/locations/restorableDatabaseAccounts/restorableMongodbResources/read",
        "Microsoft.DocumentDB/locations/restorableDatabaseAccounts/restorableGremlinDatabases/read",
        "Microsoft.DocumentDB/locations/restorableDatabaseAccounts/restorableGremlinGraphs/read",
        "Microsoft.DocumentDB/locations/restorableDatabaseAccounts/restorableGremlinResources/read",
        "Microsoft.DocumentDB/locations/restorableDatabaseAccounts/restorableTables/read",
        "Microsoft.DocumentDB/locations/restorableDatabaseAccounts/restorableTableResources/read",
    ],
);
/// `databaseAccounts/write`: create the restored account, or change an account [PERM], [MIG].
pub const WRITE: Action = single(
    "Microsoft.DocumentDB/databaseAccounts/write",
    &["Microsoft.DocumentDB/databaseAccounts/write"],
);
/// Validate the ARM deployment that creates the restored account [PERM].
pub const DEPLOY_VALIDATE: Action = single(
    "Microsoft.Resources/deployments/validate/action",
    &["Microsoft.Resources/deployments/validate/action"],
);
/// Write the ARM deployment that creates the restored account [PERM].
pub const DEPLOY_WRITE: Action = single(
    "Microsoft.Resources/deployments/write",
    &["Microsoft.Resources/deployments/write"],
);
/// `databaseAccounts/backup/action` (CosmosBackupOperator): change periodic retention [PBR].
pub const BACKUP: Action = single(
    "Microsoft.DocumentDB/databaseAccounts/backup/action",
    &["Microsoft.DocumentDB/databaseAccounts/backup/action"],
);

/// The six documented restore actions (the `RestorableAction` sample role) [PERM].
pub const RESTORE_ACTIONS: &[Action] = &[DEPLOY_VALIDATE, WRITE, DEPLOY_WRITE, RESTORE, LIST, SUB_READ];
/// The three actions needed on the source restorable account.
pub const SOURCE_ACTIONS: &[Action] = &[RESTORE, LIST, SUB_READ];
/// The three actions needed on the target resource group.
pub const TARGET_ACTIONS: &[Action] = &[WRITE, DEPLOY_VALIDATE, DEPLOY_WRITE];

/// The questions, by canonical name.
pub const ASKS: &[&str] = &[
    "restore",
    "restorePane",
    "changeRetention",
    "changeRedundancy",
    "migrateToContinuous",
];

fn canonical(ask: &str) -> Option<&'static str> {
    let a: String = ask
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .flat_map(|c| c.to_lowercase())
        .collect();
    Some(match a.as_str() {
        "restore" | "canrestore" | "pitr" => "restore",
        "restorepane" | "seerestorepane" | "pane" | "portal" => "restorePane",
        "changeretention" | "retention" | "periodicretention" => "changeRetention",
        "changeredundancy" | "redundancy" | "storageredundancy" => "changeRedundancy",
        "migratetocontinuous" | "migrate" | "migration" => "migrateToContinuous",
        _ => return None,
    })
}

/// Which side of the operation an action is needed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Source,
    Target,
    Account,
    Subscription,
}

#[derive(Debug, Clone)]
struct Need {
    action: Action,
    scope: Scope,
    side: Side,
}

/// An assignment that grants some of what a question needs.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GrantedBy {
    /// The role's name.
    pub role: String,
    /// The role definition id (GUID), empty for a custom role given without one.
    pub role_definition_id: String,
    /// The assignment's scope.
    pub scope: String,
    /// The assignment in the user's document.
    pub path: Pointer,
    /// The documented actions it grants here.
    pub actions: Vec<String>,
}

/// The narrowest built-in role and scope that would grant what is missing.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Suggestion {
    /// Built-in role name.
    pub role: String,
    /// Its role definition id.
    pub role_definition_id: String,
    /// Where to assign it.
    pub scope: String,
    /// The missing actions it grants.
    pub actions: Vec<String>,
}

/// The answer to one question.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Answer {
    /// The question as given.
    #[cfg_attr(feature = "ts", tsify(type = "Json"))]
    pub question: Value,
    /// Where the question is in the input.
    pub path: Pointer,
    /// The canonical question (`restore`, `restorePane`, `changeRetention`, `changeRedundancy`, `migrateToContinuous`).
    pub ask: String,
    /// The principal asked about.
    pub principal_id: String,
    /// True when the principal holds every action needed, at a scope that applies.
    pub allowed: bool,
    /// Documented actions the principal lacks.
    pub missing: Vec<String>,
    /// The assignments that grant the actions held.
    pub granted_by: Vec<GrantedBy>,
    /// The narrowest built-in role and scope for the first group of missing actions.
    pub suggestion: Option<Suggestion>,
    /// One suggestion per scope where actions are missing (a restore may need two).
    pub suggestions: Vec<Suggestion>,
    /// Findings: why not, and what to do.
    pub diagnostics: Vec<Diagnostic>,
}

struct Outcome {
    granted: bool,
    by: Vec<usize>,
    excluded: Option<(usize, (usize, usize), &'static str)>,
}

fn check(principal: &str, need: &Need, inputs: &Inputs) -> Outcome {
    let mine: Vec<(usize, &Assignment)> = inputs
        .assignments
        .iter()
        .enumerate()
        .filter(|(_, a)| a.is_for(principal) && a.scope.contains(&need.scope, &inputs.hierarchy))
        .collect();
    let mut out = Outcome {
        granted: true,
        by: Vec::new(),
        excluded: None,
    };
    for probe in need.action.probes {
        let granters: Vec<usize> = mine
            .iter()
            .filter(|(_, a)| a.role.grant(probe).0)
            .map(|(i, _)| *i)
            .collect();
        if granters.is_empty() {
            out.granted = false;
            if out.excluded.is_none() {
                out.excluded = mine
                    .iter()
                    .find_map(|(i, a)| a.role.grant(probe).1.map(|x| (*i, x, *probe)));
            }
        }
        out.by.extend(granters);
    }
    out.by.sort_unstable();
    out.by.dedup();
    out
}

fn field<'a>(q: &Node<'a>, keys: &[&str]) -> Option<(String, Node<'a>)> {
    keys.iter().find_map(|k| {
        let n = q.get(k)?;
        Some((n.as_str()?.trim().to_string(), n))
    })
}

/// Answers every question in `questions` (a list or one object).
pub fn answer_all(questions: &Node<'_>, inputs: &Inputs, default_source: Option<&str>) -> Vec<Answer> {
    super::inputs::entries(questions)
        .iter()
        .map(|q| answer(q, inputs, default_source))
        .collect()
}

/// Answers one question.
pub fn answer(q: &Node<'_>, inputs: &Inputs, default_source: Option<&str>) -> Answer {
    let mut a = Answer {
        question: q.value.clone(),
        path: q.path.clone(),
        ask: String::new(),
        principal_id: String::new(),
        allowed: false,
        missing: Vec::new(),
        granted_by: Vec::new(),
        suggestion: None,
        suggestions: Vec::new(),
        diagnostics: Vec::new(),
    };
    let ask = match field(q, &["ask"]) {
        Some((s, n)) => match canonical(&s) {
            Some(c) => c,
            None => {
                let help = match closest(&s, ASKS) {
                    Some(c) => format!("did you mean `{c}`?"),
                    None => format!(
                        "use one of {}",
                        ASKS.iter().map(|x| format!("`{x}`")).collect::<Vec<_>>().join(", ")
                    ),
                };
                a.diagnostics
                    .push(INVALID_QUESTION.at(&n.path, format!("`ask` is `{}`", clip(&s)), help));
                return a;
            }
        },
        None => {
            a.diagnostics.push(INVALID_QUESTION.at(
                &q.path,
                "the question has no `ask`",
                format!("add `\"ask\"`: one of {}", ASKS.join(", ")),
            ));
            return a;
        }
    };
    a.ask = ask.to_string();
    let Some((principal, pnode)) = field(q, &["principalId", "principal", "objectId"]) else {
        a.diagnostics.push(INVALID_QUESTION.at(
            &q.path,
            format!("the `{ask}` question has no `principalId`"),
            "add the principal's object id (or user principal name) as `principalId`",
        ));
        return a;
    };
    a.principal_id = principal.clone();
    let Some(alternatives) = needs(ask, q, default_source, &mut a.diagnostics) else {
        return a;
    };
    if !inputs.assignments.iter().any(|x| x.is_for(&principal)) {
        let names: Vec<&str> = inputs.assignments.iter().map(|x| x.principal.as_str()).collect();
        let help = match closest(&principal, &names) {
            Some(c) => format!("did you mean `{c}`? otherwise add the principal's role assignments"),
            None => {
                "check the principal id, or add its role assignments (`az role assignment list --assignee <id> --all`)"
                    .to_string()
            }
        };
        a.diagnostics.push(NO_ASSIGNMENTS.at(
            &pnode.path,
            format!("principal `{}` has no role assignment", clip(&principal)),
            help,
        ));
    }
    // The first alternative that is fully granted; otherwise the one missing the fewest actions.
    let outcomes: Vec<Vec<Outcome>> = alternatives
        .iter()
        .map(|alt| alt.iter().map(|n| check(&principal, n, inputs)).collect())
        .collect();
    let missing_count = |o: &Vec<Outcome>| o.iter().filter(|x| !x.granted).count();
    let Some(best) = (0..outcomes.len()).min_by_key(|i| outcomes.get(*i).map_or(usize::MAX, missing_count)) else {
        return a;
    };
    let (Some(alt), Some(outs)) = (alternatives.get(best), outcomes.get(best)) else {
        return a;
    };
    // Roles can't make a cross-subscription restore possible.
    let impossible = a.diagnostics.iter().any(|d| d.code == CROSS_SUBSCRIPTION.code);
    a.allowed = missing_count(outs) == 0 && !impossible;
    a.granted_by = granted_by(alt, outs, inputs);
    if a.allowed && ask == "changeRetention" && alt.first().is_some_and(|n| n.action == BACKUP) {
        let alt_write = alternatives
            .get(1)
            .zip(outcomes.get(1))
            .is_some_and(|(_, o)| missing_count(o) == 0);
        if !alt_write {
            a.diagnostics.push(RETENTION_VIA_BACKUP_OPERATOR.at(&q.path, format!("`{}` holds `databaseAccounts/backup/action` but not `databaseAccounts/write` on the account", clip(&principal)), "change retention in the portal as a CosmosBackupOperator; an `az cosmosdb update`, ARM or Bicep change of `backupPolicy` needs `Microsoft.DocumentDB/databaseAccounts/write` (e.g. Cosmos DB Operator on the account)"));
        }
    }
    explain(&principal, alt, outs, inputs, &mut a);
    a
}

fn granted_by(alt: &[Need], outs: &[Outcome], inputs: &Inputs) -> Vec<GrantedBy> {
    let mut list: Vec<GrantedBy> = Vec::new();
    for (need, out) in alt.iter().zip(outs) {
        for i in &out.by {
            let Some(x) = inputs.assignments.get(*i) else { continue };
            match list.iter_mut().find(|g| g.path == x.path) {
                Some(g) if !g.actions.iter().any(|n| n == need.action.name) => {
                    g.actions.push(need.action.name.to_string())
                }
                Some(_) => {}
                None => list.push(GrantedBy {
                    role: x.role.name.clone(),
                    role_definition_id: x.role.id.clone(),
                    scope: x.scope.text.clone(),
                    path: x.path.clone(),
                    actions: vec![need.action.name.to_string()],
                }),
            }
        }
    }
    list
}

fn parse_scope(text: &str, node: &Node<'_>, what: &str, diags: &mut Vec<Diagnostic>) -> Option<Scope> {
    match Scope::parse(text) {
        Ok(s) => Some(s),
        Err(why) => {
            diags.push(INVALID_SCOPE.at(&node.path, format!("`{what}` is `{}`", clip(text)), why));
            None
        }
    }
}

const RESTORABLE_FORM: &str =
    "/subscriptions/{sub}/providers/Microsoft.DocumentDB/locations/{location}/restorableDatabaseAccounts/{instanceId}";

/// The needs of a question, as alternatives (any one fully granted suffices).
fn needs(ask: &str, q: &Node<'_>, default_source: Option<&str>, diags: &mut Vec<Diagnostic>) -> Option<Vec<Vec<Need>>> {
    let need = |action, scope: &Scope, side| Need {
        action,
        scope: scope.clone(),
        side,
    };
    match ask {
        "restore" | "restorePane" => {
            let source = match field(q, &["source", "restoreSource", "restorableAccount"]) {
                Some((s, n)) => Some((s, n.path.clone())),
                None => default_source.map(|s| (s.to_string(), q.path.clone())),
            };
            let subscription = field(q, &["subscription", "subscriptionId"]);
            let scope = match (&source, ask, subscription) {
                (Some((s, path)), _, _) => {
                    let parsed = Scope::parse(s);
                    match parsed {
                        Ok(sc) if sc.kind == ScopeKind::RestorableAccount => sc,
                        other => {
                            let why = match other {
                                Err(e) => e,
                                Ok(sc) if sc.text.to_ascii_lowercase().contains("/databaseaccounts/") => format!(
                                    "this is the live account's id; use the restorable account's id `{RESTORABLE_FORM}` (`az cosmosdb restorable-database-account list --account-name <name>` prints it)"
                                ),
                                Ok(sc) => format!(
                                    "this is a {} scope; use the restorable account's id `{RESTORABLE_FORM}`",
                                    sc.kind.label()
                                ),
                            };
                            diags.push(SOURCE_NOT_RESTORABLE.at(path, format!("`source` is `{}`", clip(s)), why));
                            return None;
                        }
                    }
                }
                (None, "restorePane", Some((s, n))) => {
                    let text = if s.starts_with('/') {
                        s
                    } else {
                        format!("/subscriptions/{s}")
                    };
                    parse_scope(&text, &n, "subscription", diags)?
                }
                _ => {
                    let extra = if ask == "restorePane" {
                        " (or `subscription`)"
                    } else {
                        ""
                    };
                    diags.push(INVALID_QUESTION.at(
                        &q.path,
                        format!("the `{ask}` question has no `source`{extra}"),
                        format!("add `\"source\": \"{RESTORABLE_FORM}\"`"),
                    ));
                    return None;
                }
            };
            if ask == "restorePane" {
                return Some(vec![vec![
                    need(LIST, &scope, Side::Source),
                    need(SUB_READ, &scope, Side::Source),
                ]]);
            }
            let Some((t, tn)) = field(q, &["targetResourceGroup", "resourceGroup", "target"]) else {
                diags.push(INVALID_QUESTION.at(&q.path, "the `restore` question has no `targetResourceGroup`", "add `\"targetResourceGroup\": \"/subscriptions/{sub}/resourceGroups/{name}\"`: where the restored account is created"));
                return None;
            };
            let target = parse_scope(&t, &tn, "targetResourceGroup", diags)?;
            if target.kind != ScopeKind::ResourceGroup {
                diags.push(INVALID_QUESTION.at(&tn.path, format!("`targetResourceGroup` is a {} scope, `{}`", target.kind.label(), clip(&t)), "give the resource group the restored account is created in: `/subscriptions/{sub}/resourceGroups/{name}`"));
                return None;
            }
            if let (Some(ss), Some(ts)) = (scope.subscription(), target.subscription()) {
                if ss != ts {
                    diags.push(CROSS_SUBSCRIPTION.at(&tn.path, format!("`targetResourceGroup` is in subscription `{ts}` but the source restorable account is in `{ss}`"), format!("pick a target resource group in subscription `{ss}`: a restore can't cross subscriptions, whatever the roles")));
                }
            }
            let mut v: Vec<Need> = SOURCE_ACTIONS.iter().map(|x| need(*x, &scope, Side::Source)).collect();
            v.extend(TARGET_ACTIONS.iter().map(|x| need(*x, &target, Side::Target)));
            Some(vec![v])
        }
        _ => {
            let Some((t, n)) = field(q, &["account", "accountId", "resourceId"]) else {
                diags.push(INVALID_QUESTION.at(&q.path, format!("the `{ask}` question has no `account`"), "add `\"account\": \"/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.DocumentDB/databaseAccounts/{name}\"`"));
                return None;
            };
            let account = parse_scope(&t, &n, "account", diags)?;
            if !t
                .to_ascii_lowercase()
                .contains("/providers/microsoft.documentdb/databaseaccounts/")
            {
                diags.push(INVALID_QUESTION.at(&n.path, format!("`account` is a {} scope, `{}`", account.kind.label(), clip(&t)), "give the account's resource id: `/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.DocumentDB/databaseAccounts/{name}`"));
                return None;
            }
            Some(match ask {
                "changeRetention" => vec![
                    vec![need(BACKUP, &account, Side::Account)],
                    vec![need(WRITE, &account, Side::Account)],
                ],
                "changeRedundancy" => vec![vec![need(WRITE, &account.subscription_scope()?, Side::Subscription)]],
                _ => vec![vec![need(WRITE, &account, Side::Account)]],
            })
        }
    }
}

/// The first built-in role (narrowest first) that grants every probe.
fn narrowest(probes: &[&str]) -> Option<Role> {
    BUILT_INS
        .iter()
        .map(Role::from_builtin)
        .find(|r| probes.iter().all(|p| r.grant(p).0))
}

fn explain(principal: &str, alt: &[Need], outs: &[Outcome], inputs: &Inputs, a: &mut Answer) {
    let mut reported: Vec<Pointer> = Vec::new();
    for (need, out) in alt.iter().zip(outs) {
        if out.granted {
            continue;
        }
        a.missing.push(need.action.name.to_string());
        let group = a.suggestions.iter_mut().find(|s| s.scope == need.scope.text);
        match group {
            Some(g) => g.actions.push(need.action.name.to_string()),
            None => a.suggestions.push(Suggestion {
                role: String::new(),
                role_definition_id: String::new(),
                scope: need.scope.text.clone(),
                actions: vec![need.action.name.to_string()],
            }),
        }
        if let Some((i, at, probe)) = out.excluded {
            if let Some(x) = inputs.assignments.get(i) {
                let not = x.role.not_action(at).unwrap_or("");
                let path = x
                    .role
                    .not_action_paths
                    .get(at.0)
                    .cloned()
                    .flatten()
                    .map(|p| p.index(at.1))
                    .unwrap_or_else(|| x.path.clone());
                a.diagnostics.push(EXCLUDED.at(
                    &path,
                    format!("`notActions` entry `{not}` of `{}` removes `{probe}`", x.role.name),
                    format!(
                        "remove `{not}` from the role's `notActions`, or add a role that grants `{}`",
                        need.action.name
                    ),
                ));
            }
        }
        match need.side {
            Side::Source => {
                for x in inputs
                    .assignments
                    .iter()
                    .filter(|x| x.is_for(principal) && x.scope.resource_group_scope().is_some())
                {
                    if reported.contains(&x.scope_path) || !need.action.probes.iter().any(|p| x.role.grant(p).0) {
                        continue;
                    }
                    reported.push(x.scope_path.clone());
                    let sub = need.scope.subscription_scope().map(|s| s.text).unwrap_or_default();
                    a.diagnostics.push(RG_SCOPE.at(
                        &x.scope_path,
                        format!("`{}` grants restore actions at the {} `{}`, which does not reach the restorable account", x.role.name, x.scope.kind.label(), x.scope.text),
                        format!("assign `{}` at the subscription `{sub}` or at the restorable account `{}`: restorable accounts sit under the subscription, not in a resource group, and the documentation says resource-group scope is not supported", x.role.name, need.scope.text),
                    ));
                }
            }
            Side::Subscription => {
                for x in inputs.assignments.iter().filter(|x| {
                    x.is_for(principal)
                        && x.scope.subscription() == need.scope.subscription()
                        && !x.scope.contains(&need.scope, &inputs.hierarchy)
                }) {
                    if reported.contains(&x.scope_path) || !need.action.probes.iter().any(|p| x.role.grant(p).0) {
                        continue;
                    }
                    reported.push(x.scope_path.clone());
                    a.diagnostics.push(SUBSCRIPTION_SCOPE.at(
                        &x.scope_path,
                        format!(
                            "`{}` grants `{}` at `{}`, below the subscription",
                            x.role.name, need.action.name, x.scope.text
                        ),
                        format!(
                            "assign `Cosmos DB Operator` at the subscription `{}` to change backup storage redundancy",
                            need.scope.text
                        ),
                    ));
                }
            }
            Side::Target | Side::Account => {}
        }
    }
    for s in &mut a.suggestions {
        let probes: Vec<&str> = alt
            .iter()
            .filter(|n| n.scope.text == s.scope && s.actions.iter().any(|x| x == n.action.name))
            .flat_map(|n| n.action.probes.iter().copied())
            .collect();
        if let Some(r) = narrowest(&probes) {
            s.role = r.name;
            s.role_definition_id = r.id;
        }
    }
    for need in alt.iter().zip(outs).filter(|(_, o)| !o.granted).map(|(n, _)| n) {
        let Some(s) = a.suggestions.iter().find(|s| s.scope == need.scope.text) else {
            continue;
        };
        let mut help = format!("assign `{}` at `{}`", s.role, s.scope);
        match need.side {
            Side::Source => {
                if let Some(sub) = need
                    .scope
                    .subscription_scope()
                    .filter(|_| need.scope.kind == ScopeKind::RestorableAccount)
                {
                    help.push_str(&format!(" (the restorable account) or at its subscription `{}`; resource-group scope does not reach restorable accounts", sub.text));
                }
            }
            Side::Target => {
                help.push_str(" (the resource group the restored account is created in) or at its subscription")
            }
            Side::Subscription => help.push_str(" (redundancy needs the subscription scope)"),
            Side::Account => {}
        }
        a.diagnostics.push(MISSING_ACTION.at(
            &a.path,
            format!(
                "`{}` lacks `{}` at `{}`",
                clip(principal),
                need.action.name,
                need.scope.text
            ),
            help,
        ));
    }
    // Errors first, then warnings, then infos.
    a.diagnostics.sort_by_key(|d| d.severity);
    a.suggestion = a.suggestions.first().cloned();
}
