//! Readers: find every Cosmos DB account (and every other known Azure object) in any
//! document shape real users have.
//!
//! Shapes: an ARM resource (GET body or template resource), an ARM deployment template
//! (every `Microsoft.DocumentDB/databaseAccounts` in `resources`, nested resources and nested
//! deployments included), a REST spec example (`parameters` / `responses`), `az` CLI output
//! (properties flattened to the top level), PowerShell output and PascalCase exported
//! resources, and arrays of any of these (`az cosmosdb list`, PSRule exports).

use crate::node::Node;
use crate::values::{Scope, Terraform};
use serde::{Deserialize, Serialize};

/// The shape an account was written in.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Shape {
    /// An ARM resource body (GET response, PUT/PATCH body).
    ArmResource,
    /// A resource inside an ARM deployment template.
    ArmTemplate,
    /// A request or response inside a REST API spec example.
    RestSpecExample,
    /// `az cosmosdb show` / `list` output: properties at the top level.
    AzCli,
    /// PowerShell output or an exported resource: PascalCase envelope.
    PowerShell,
    /// A Terraform plan (`terraform show -json`): an `azurerm_cosmosdb_account` (`backup` block).
    TerraformAzurerm,
    /// A Terraform plan: an `azapi_resource` of type `Microsoft.DocumentDB/databaseAccounts@…` (ARM body).
    TerraformAzapi,
}

/// Other Azure objects the engine recognises.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Kind {
    /// A `Microsoft.DocumentDB/databaseAccounts` resource.
    Account,
    /// A restorable database account (`…/locations/{loc}/restorableDatabaseAccounts/{id}`).
    RestorableAccount,
    /// An event-feed entry of a restorable database, container, graph, collection or table.
    RestorableEvent,
    /// A restorable-resources listing entry (`databaseName` + `collectionNames`, a table name…).
    RestorableResource,
    /// `retrieveContinuousBackupInformation` output.
    BackupInformation,
    /// Location metadata (`Microsoft.DocumentDB/locations`).
    LocationMetadata,
    /// An Azure role definition.
    RoleDefinition,
    /// A role assignment.
    RoleAssignment,
    /// A database/container/collection/graph/table resource, e.g. an in-account restore request.
    ChildResource,
    /// An Azure Cosmos DB for PostgreSQL cluster.
    PostgresCluster,
}

/// One object found in a document.
#[derive(Debug, Clone)]
pub struct Found<'a> {
    /// What it is.
    pub kind: Kind,
    /// The object (for accounts: the resource envelope).
    pub node: Node<'a>,
    /// The shape it was written in.
    pub shape: Shape,
    /// Template scope (for resolving parameters), when it came from a template.
    pub scope: Scope<'a>,
    /// A label such as `request` or `response 200`, for REST examples.
    pub label: Option<String>,
    /// For a template resource with a `copy` loop: which copy, or the loop that did not evaluate.
    pub copy: Option<Copy<'a>>,
    /// For a template resource: a `condition` that did not evaluate (the resource is read anyway).
    pub condition: Option<Node<'a>>,
}

/// One copy of a template resource's `copy` loop.
#[derive(Debug, Clone)]
pub enum Copy<'a> {
    /// Copy `index` of `count`, with its name when the name evaluates.
    Index {
        /// `copyIndex()`.
        index: usize,
        /// The loop's `count`.
        count: usize,
        /// The evaluated name of this copy.
        name: Option<String>,
    },
    /// The loop's `count` (or the whole `copy`) did not evaluate: the resource is read once, as
    /// the definition every copy shares.
    Unresolved(Node<'a>),
}

/// ARM's limit on the copies of one loop.
pub const MAX_COPIES: usize = 800;

const ACCOUNT_TYPE: &str = "Microsoft.DocumentDB/databaseAccounts";
/// Nesting below which the reader stops looking (documents are already depth-limited by the parser).
const MAX_DEPTH: usize = 24;

/// Finds every known object in a document.
pub fn find<'a>(root: &Node<'a>) -> Vec<Found<'a>> {
    let mut out = Vec::new();
    walk(root, Shape::ArmResource, &Scope::default(), None, 0, &mut out);
    out
}

fn walk<'a>(
    node: &Node<'a>,
    shape: Shape,
    scope: &Scope<'a>,
    label: Option<&str>,
    depth: usize,
    out: &mut Vec<Found<'a>>,
) {
    if depth > MAX_DEPTH {
        return;
    }
    let next = depth.saturating_add(1);
    if node.value.is_array() {
        for item in node.items() {
            walk(&item, shape, scope, label, next, out);
        }
        return;
    }
    if !node.value.is_object() {
        return;
    }
    if let (Some(params), Some(responses)) = (node.get("parameters"), node.get("responses")) {
        return rest_example(node, &params, &responses, next, out);
    }
    if is_template(node) {
        return template(node, next, out);
    }
    if is_parameters_file(node) {
        // Values for a template's parameters, not resources: read only with their template.
        return;
    }
    if let Some(list) = node.get("value").filter(|v| v.value.is_array()) {
        return walk(&list, shape, scope, label, next, out);
    }
    if let Some(changes) = node.get("resource_changes").filter(|v| v.value.is_array()) {
        let hcl =
            node.get(crate::formats::hcl::ORIGIN_KEY).and_then(|o| o.as_str()) == Some(crate::formats::hcl::ORIGIN);
        let origin = if hcl { Terraform::Hcl } else { Terraform::Plan };
        return terraform_plan(&changes, origin, out);
    }
    let push = |kind, shape, out: &mut Vec<Found<'a>>| {
        out.push(Found {
            kind,
            node: node.clone(),
            shape,
            scope: scope.clone(),
            label: label.map(str::to_string),
            copy: None,
            condition: None,
        });
    };
    if let Some(kind) = classify(node) {
        let shape = if kind == Kind::Account {
            account_shape(node, shape)
        } else {
            shape
        };
        push(kind, shape, out);
    } else if type_of(node).is_some_and(|t| t.contains('/')) {
        // A typed Azure resource of another kind (a Mongo vCore cluster, an Azure SQL
        // database): its properties are not an account's, whatever fields they hold.
    } else {
        // An unknown wrapper (a test harness's `mock`, a tool's envelope): look inside it.
        for (_, member) in node.members() {
            if member.value.is_object() || member.value.is_array() {
                walk(&member, shape, scope, label, next, out);
            }
        }
    }
}

/// `terraform show -json` output: accounts planned by azurerm or azapi, read from `change.after`.
fn terraform_plan<'a>(changes: &Node<'a>, origin: Terraform, out: &mut Vec<Found<'a>>) {
    for rc in changes.items() {
        let ty = rc.get("type").and_then(|t| t.as_str()).unwrap_or("");
        let address = rc.get("address").and_then(|a| a.as_str()).map(str::to_string);
        let Some(after) = rc.at(&["change", "after"]) else {
            continue;
        };
        let scope = Scope {
            unknown: rc.at(&["change", "after_unknown"]),
            terraform: Some(origin),
            ..Scope::default()
        };
        let found = |node, shape| Found {
            kind: Kind::Account,
            node,
            shape,
            scope: scope.clone(),
            label: address.clone(),
            copy: None,
            condition: None,
        };
        if ty == "azurerm_cosmosdb_account" {
            out.push(found(after, Shape::TerraformAzurerm));
        } else if ty == "azapi_resource" {
            let arm_type = after.get("type").and_then(|t| t.as_str()).unwrap_or("");
            let is_account = arm_type
                .split('@')
                .next()
                .is_some_and(|t| t.eq_ignore_ascii_case(ACCOUNT_TYPE));
            if let (true, Some(body)) = (is_account, after.get("body")) {
                out.push(found(body, Shape::TerraformAzapi));
            }
        }
    }
}

/// The REST example: requests under `parameters`, bodies under `responses.<code>.body`.
fn rest_example<'a>(root: &Node<'a>, params: &Node<'a>, responses: &Node<'a>, depth: usize, out: &mut Vec<Found<'a>>) {
    let scope = Scope {
        example: Some(root.clone()),
        ..Scope::default()
    };
    for (_, p) in params.members() {
        if p.value.is_object() {
            walk(&p, Shape::RestSpecExample, &scope, Some("request"), depth, out);
        }
    }
    for (code, r) in responses.members() {
        if let Some(body) = r.get("body") {
            walk(
                &body,
                Shape::RestSpecExample,
                &scope,
                Some(&format!("response {code}")),
                depth,
                out,
            );
        }
    }
}

/// True when an object is an ARM deployment parameters file: `$schema` ending in
/// `deploymentParameters.json#`, or `contentVersion` with `parameters` (`{x: {value}}`) and no
/// `resources`.
pub fn is_parameters_file(node: &Node<'_>) -> bool {
    let schema = node
        .get("$schema")
        .and_then(|s| s.as_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if node.has("resources") || schema.contains("deploymenttemplate") {
        return false;
    }
    if schema.trim_end_matches('#').ends_with("deploymentparameters.json") {
        return true;
    }
    let Some(params) = node.get("parameters").filter(|p| p.value.is_object()) else {
        return false;
    };
    node.has("contentVersion")
        && params
            .members()
            .iter()
            .all(|(_, p)| p.has("value") || p.has("reference"))
}

/// True when an object is an ARM deployment template.
pub(crate) fn is_template(node: &Node<'_>) -> bool {
    let schema = node.get("$schema").and_then(|s| s.as_str()).unwrap_or("");
    node.get("resources")
        .is_some_and(|r| r.value.is_array() || r.value.is_object())
        && (schema.contains("deploymentTemplate")
            || node.has("contentVersion")
            || schema.is_empty() && !node.has("properties"))
}

/// Every resource of a template, nested resources and nested deployments included.
fn template<'a>(root: &Node<'a>, depth: usize, out: &mut Vec<Found<'a>>) {
    let scope = Scope {
        template: Some(root.clone()),
        ..Scope::default()
    };
    if let Some(resources) = root.get("resources") {
        // languageVersion 2.0 templates key resources by symbolic name.
        let list: Vec<Node<'a>> = if resources.value.is_object() {
            resources.members().into_iter().map(|(_, n)| n).collect()
        } else {
            resources.items()
        };
        for r in list {
            template_resource(&r, &scope, depth, out);
        }
    }
}

fn template_resource<'a>(r: &Node<'a>, scope: &Scope<'a>, depth: usize, out: &mut Vec<Found<'a>>) {
    if depth > MAX_DEPTH {
        return;
    }
    // `existing: true` declares a reference to a resource deployed elsewhere: nothing is deployed.
    if r.get("existing").is_some_and(|e| e.value.as_bool() == Some(true)) {
        return;
    }
    let condition = r.get("condition");
    if condition.as_ref().is_some_and(|c| c.value.as_bool() == Some(false)) {
        return;
    }
    let condition = condition.filter(|c| c.value.as_bool().is_none());
    let ty = r.get("type").and_then(|t| t.as_str()).unwrap_or("");
    let no_copies = r.at(&["copy", "count"]).is_some_and(|c| c.value.as_u64() == Some(0));
    if ty.eq_ignore_ascii_case("Microsoft.Resources/deployments") {
        // A deployment loop of zero copies deploys nothing (AVM's child-resource modules).
        if let (false, Some(inner)) = (no_copies, r.at(&["properties", "template"])) {
            template(&inner, depth.saturating_add(1), out);
        }
    } else if let Some(kind) = classify(r) {
        let found = |copy| Found {
            kind,
            node: r.clone(),
            shape: Shape::ArmTemplate,
            scope: scope.clone(),
            label: None,
            copy,
            condition: condition.clone(),
        };
        match r.get("copy") {
            None => out.push(found(None)),
            Some(copy) => match copy.get("count").and_then(|c| c.value.as_u64()) {
                Some(n) if n <= MAX_COPIES as u64 => {
                    let count = usize::try_from(n).unwrap_or(0);
                    let name = r.get("name").and_then(|n| n.as_str());
                    for index in 0..count {
                        let name = name.and_then(|n| crate::template::copy_name(scope.template.as_ref(), n, index));
                        out.push(found(Some(Copy::Index { index, count, name })));
                    }
                }
                _ => out.push(found(Some(Copy::Unresolved(copy)))),
            },
        }
    }
    if let Some(children) = r.get("resources") {
        for c in children.items() {
            template_resource(&c, scope, depth.saturating_add(1), out);
        }
    }
}

fn type_of<'a>(node: &Node<'a>) -> Option<&'a str> {
    node.get_any(&["type", "resourceType"]).and_then(|t| t.as_str())
}

/// What a single object is, if the engine knows it.
pub fn classify(node: &Node<'_>) -> Option<Kind> {
    let ty = type_of(node).unwrap_or("").to_ascii_lowercase();
    let props = node.get("properties");
    if ty == ACCOUNT_TYPE.to_ascii_lowercase() {
        return Some(Kind::Account);
    }
    if ty.ends_with("/restorabledatabaseaccounts")
        || node.has("restorableLocations")
        || props.as_ref().is_some_and(|p| p.has("restorableLocations"))
    {
        return Some(Kind::RestorableAccount);
    }
    if ty.starts_with("microsoft.documentdb/locations/restorabledatabaseaccounts/") || is_event(node) {
        return Some(if is_event(node) {
            Kind::RestorableEvent
        } else {
            Kind::RestorableResource
        });
    }
    if ty.starts_with("microsoft.dbforpostgresql/servergroupsv2") {
        return Some(Kind::PostgresCluster);
    }
    if ty == "microsoft.documentdb/locations" || props.as_ref().is_some_and(|p| p.has("backupStorageRedundancies")) {
        return Some(Kind::LocationMetadata);
    }
    if node.has("continuousBackupInformation") {
        return Some(Kind::BackupInformation);
    }
    if node.has("permissions") && (node.has("roleName") || node.has("assignableScopes"))
        || props
            .as_ref()
            .is_some_and(|p| p.has("permissions") && p.has("roleName"))
    {
        return Some(Kind::RoleDefinition);
    }
    if node.has("roleDefinitionId") || props.as_ref().is_some_and(|p| p.has("roleDefinitionId")) {
        return Some(Kind::RoleAssignment);
    }
    if ty.starts_with("microsoft.documentdb/databaseaccounts/")
        || props.as_ref().is_some_and(|p| {
            p.get("resource")
                .is_some_and(|r| r.has("createMode") || r.has("restoreParameters"))
        })
    {
        return Some(Kind::ChildResource);
    }
    // Marker fields decide only for objects that say nothing of their type: a typed resource of
    // another service (an Azure SQL database with `createMode: Restore`) is not an account.
    if type_of(node).is_none_or(str::is_empty) && looks_like_account(node) {
        return Some(Kind::Account);
    }
    None
}

fn is_event(node: &Node<'_>) -> bool {
    node.at(&["properties", "resource", "operationType"]).is_some()
        || node.at(&["resource", "operationType"]).is_some()
        || node.has("operationType") && node.has("eventTimestamp")
}

/// An account without a `type`: a PUT/PATCH body or flattened CLI output.
fn looks_like_account(node: &Node<'_>) -> bool {
    const MARKERS: [&str; 6] = [
        "backupPolicy",
        "databaseAccountOfferType",
        "documentEndpoint",
        "enableMultipleWriteLocations",
        "consistencyPolicy",
        "createMode",
    ];
    let in_props = node.get("properties").is_some_and(|p| MARKERS.iter().any(|m| p.has(m)));
    in_props || MARKERS.iter().any(|m| node.has(m))
}

fn account_shape(node: &Node<'_>, outer: Shape) -> Shape {
    if outer != Shape::ArmResource {
        return outer;
    }
    let pascal = node
        .value
        .as_object()
        .is_some_and(|m| m.contains_key("Properties") || m.contains_key("BackupPolicy") || m.contains_key("Name"));
    if pascal {
        Shape::PowerShell
    } else if node.get("properties").is_none() {
        Shape::AzCli
    } else {
        Shape::ArmResource
    }
}
