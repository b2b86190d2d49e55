//! Re-creating the source account's Azure RBAC role assignments on the restored account, from
//! the scenario's `roleAssignments` (the shapes `az role assignment list`, ARM and PowerShell
//! print, as `checkPermissions` reads them). An assignment is the source account's when its
//! scope is the account or a resource under it; assignments at a resource group, subscription or
//! management group belong to that scope, not to the account, and are left alone. [CBI] ("role-based access
//! control assignments are not restored"); az: `role assignment create` (azure-cli
//! role/_params.py), PowerShell: `New-AzRoleAssignment` (Az.Resources).

use super::az::Az;
use super::placeholder;
use super::powershell::Ps;
use super::source::Source;
use serde_json::Value;

/// The role an assignment grants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// A role definition id (the GUID, the last segment of `roleDefinitionId`).
    Id(String),
    /// A role name (`roleDefinitionName`).
    Name(String),
}

/// One Azure RBAC role assignment on the source account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    /// The principal's object id.
    pub principal_id: String,
    /// `principalType` when the source gives one az accepts (User, Group, ServicePrincipal,
    /// ForeignGroup).
    pub principal_type: Option<String>,
    /// The role.
    pub role: Role,
    /// The part of the scope below the account (`""` for the account itself).
    pub below: String,
}

fn text(v: &Value, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| {
        v.get(*k)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    })
}

fn entries(v: &Value) -> Vec<&Value> {
    match v {
        Value::Array(a) => a.iter().collect(),
        Value::Object(m) => match m.get("value") {
            Some(Value::Array(a)) => a.iter().collect(),
            _ => vec![v],
        },
        _ => Vec::new(),
    }
}

/// 8-4-4-4-12 hexadecimal digits.
fn is_guid(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == 5
        && parts
            .iter()
            .zip([8usize, 4, 4, 4, 12])
            .all(|(p, n)| p.len() == n && p.chars().all(|c| c.is_ascii_hexdigit()))
}

fn role_of(body: &Value) -> Option<Role> {
    let id = text(body, &["roleDefinitionId"]);
    let guid = id
        .as_deref()
        .and_then(|i| i.rsplit('/').next())
        .filter(|g| is_guid(g))
        .map(str::to_string);
    match (guid, text(body, &["roleDefinitionName", "roleName", "role"]), id) {
        (Some(g), _, _) => Some(Role::Id(g)),
        (None, Some(n), _) => Some(Role::Name(n)),
        (None, None, Some(raw)) => Some(Role::Name(raw)),
        _ => None,
    }
}

/// The scope below the source account, when `scope` is the account or under it.
fn below_account(scope: &str, src: &Source) -> Option<String> {
    let lower = scope.to_ascii_lowercase();
    if let Some(id) = &src.id {
        let id = id.trim_end_matches('/').to_ascii_lowercase();
        let rest = lower.strip_prefix(&id)?;
        return (rest.is_empty() || rest.starts_with('/')).then(|| scope.get(id.len()..).unwrap_or("").to_string());
    }
    if let Some(sub) = &src.subscription {
        if !lower.starts_with(&format!("/subscriptions/{}/", sub.to_ascii_lowercase())) {
            return None;
        }
    }
    let needle = format!(
        "/providers/microsoft.documentdb/databaseaccounts/{}",
        src.name.to_ascii_lowercase()
    );
    let at = lower.find(&needle)?.saturating_add(needle.len());
    let rest = lower.get(at..)?;
    (rest.is_empty() || rest.starts_with('/')).then(|| scope.get(at..).unwrap_or("").to_string())
}

/// The scenario's role assignments whose scope is the source account (or a resource in it), in
/// document order.
pub fn on_source(scenario: &Value, src: &Source) -> Vec<Assignment> {
    let Some(list) = scenario.get("roleAssignments") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for entry in entries(list) {
        let body = entry
            .get("properties")
            .filter(|p| p.get("principalId").is_some() || p.get("roleDefinitionId").is_some())
            .unwrap_or(entry);
        let scope = text(body, &["scope"]).or_else(|| {
            let id = text(entry, &["id"])?;
            let at = id
                .to_ascii_lowercase()
                .find("/providers/microsoft.authorization/roleassignments/")?;
            id.get(..at).map(str::to_string)
        });
        let (Some(principal_id), Some(scope), Some(role)) =
            (text(body, &["principalId", "objectId"]), scope, role_of(body))
        else {
            continue;
        };
        let Some(below) = below_account(&scope, src) else {
            continue;
        };
        let principal_type = text(body, &["principalType", "objectType"])
            .filter(|t| ["User", "Group", "ServicePrincipal", "ForeignGroup"].contains(&t.as_str()));
        out.push(Assignment {
            principal_id,
            principal_type,
            role,
            below,
        });
    }
    out
}

/// The az and PowerShell commands re-creating `a` at `account_id` (the restored account).
pub fn commands(a: &Assignment, account_id: &str) -> (String, String) {
    let scope = format!("{account_id}{}", a.below);
    let role = match &a.role {
        Role::Id(g) | Role::Name(g) => g.as_str(),
    };
    let az = Az::new("role assignment create")
        .arg("--assignee-object-id", &a.principal_id)
        .arg(
            "--assignee-principal-type",
            &a.principal_type
                .clone()
                .unwrap_or_else(|| placeholder("PRINCIPAL_TYPE")),
        )
        .arg("--role", role)
        .arg("--scope", &scope)
        .line();
    let ps = Ps::new("New-AzRoleAssignment").arg("-ObjectId", &a.principal_id);
    let ps = match &a.role {
        Role::Id(g) => ps.arg("-RoleDefinitionId", g),
        Role::Name(n) => ps.arg("-RoleDefinitionName", n),
    };
    let ps = ps.arg("-Scope", &scope).opt("-ObjectType", a.principal_type.as_deref());
    (az, ps.line())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guids_are_recognised() {
        assert!(is_guid("5bd9cd88-fe45-4216-938b-f97437e15450"));
        assert!(!is_guid("5bd9cd88-fe45-4216-938b-f97437e1545"));
        assert!(!is_guid("Cosmos DB Operator"));
    }
}
