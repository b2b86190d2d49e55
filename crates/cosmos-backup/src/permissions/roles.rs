//! Role definitions: the built-in roles restore questions involve, embedded as data with their
//! source, and custom roles read from the user's `roleDefinitions` in any shape
//! (`az role definition list`, ARM `properties.{…}`, PowerShell `Get-AzRoleDefinition`, or the
//! `az role definition create` input the documentation shows).
//!
//! ```
//! use cosmos_backup::permissions::roles::builtin;
//! assert_eq!(builtin("cosmos db operator").unwrap().id, "230815da-be43-4aae-9cb4-875f7bd000aa");
//! assert_eq!(builtin("5432c526-bc82-444a-b7ba-57c5b0b5b34f").unwrap().name, "CosmosRestoreOperator");
//! assert_eq!(builtin("/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7").unwrap().name, "Reader");
//! ```

use super::actions::{Grant, Permission};
use crate::node::Node;
use crate::pointer::Pointer;
use crate::sources::ROLES;
use serde::Serialize;

/// Azure's general built-in roles (Owner, Contributor, Reader).
pub const ROLES_GENERAL: &str = "[ROLES-AZ] Microsoft Learn, role-based-access-control/built-in-roles/privileged.md (Owner, Contributor) and general.md (Reader)";

/// A built-in role, as data.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BuiltIn {
    /// Role definition id (GUID).
    pub id: &'static str,
    /// `roleName`.
    pub name: &'static str,
    /// Other names people use for it.
    pub aliases: &'static [&'static str],
    /// `permissions[0].actions`.
    pub actions: &'static [&'static str],
    /// `permissions[0].notActions`.
    pub not_actions: &'static [&'static str],
    /// Where the definition comes from.
    pub source: &'static str,
    /// Breadth, narrowest first: suggestions pick the lowest rank that grants what is missing.
    pub rank: u8,
}

const RESTORE_OPERATOR: BuiltIn = BuiltIn {
    id: "5432c526-bc82-444a-b7ba-57c5b0b5b34f",
    name: "CosmosRestoreOperator",
    aliases: &[],
    actions: &[
        "Microsoft.DocumentDB/locations/restorableDatabaseAccounts/restore/action",
        "Microsoft.DocumentDB/locations/restorableDatabaseAccounts/*/read",
        "Microsoft.DocumentDB/locations/restorableDatabaseAccounts/read",
    ],
    not_actions: &[],
    source: ROLES,
    rank: 1,
};
const BACKUP_OPERATOR: BuiltIn = BuiltIn {
    id: "db7b14f2-5adf-42da-9f96-f2ee17bab5cb",
    name: "CosmosBackupOperator",
    aliases: &["CosmosdbBackupOperator"],
    actions: &[
        "Microsoft.DocumentDB/databaseAccounts/backup/action",
        "Microsoft.DocumentDB/databaseAccounts/restore/action",
    ],
    not_actions: &[],
    source: ROLES,
    rank: 2,
};
const DB_OPERATOR: BuiltIn = BuiltIn {
    id: "230815da-be43-4aae-9cb4-875f7bd000aa",
    name: "Cosmos DB Operator",
    aliases: &["CosmosDBOperator", "Azure Cosmos DB Operator"],
    actions: &[
        "Microsoft.DocumentDb/databaseAccounts/*",
        "Microsoft.Insights/alertRules/*",
        "Microsoft.Authorization/*/read",
        "Microsoft.ResourceHealth/availabilityStatuses/read",
        "Microsoft.Resources/deployments/*",
        "Microsoft.Resources/subscriptions/resourceGroups/read",
        "Microsoft.Support/*",
        "Microsoft.Network/virtualNetworks/subnets/joinViaServiceEndpoint/action",
    ],
    not_actions: &[
        "Microsoft.DocumentDB/databaseAccounts/dataTransferJobs/*",
        "Microsoft.DocumentDB/databaseAccounts/readonlyKeys/*",
        "Microsoft.DocumentDB/databaseAccounts/regenerateKey/*",
        "Microsoft.DocumentDB/databaseAccounts/listKeys/*",
        "Microsoft.DocumentDB/databaseAccounts/listConnectionStrings/*",
        "Microsoft.DocumentDB/databaseAccounts/sqlRoleDefinitions/write",
        "Microsoft.DocumentDB/databaseAccounts/sqlRoleDefinitions/delete",
        "Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments/write",
        "Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments/delete",
        "Microsoft.DocumentDB/databaseAccounts/mongodbRoleDefinitions/write",
        "Microsoft.DocumentDB/databaseAccounts/mongodbRoleDefinitions/delete",
        "Microsoft.DocumentDB/databaseAccounts/mongodbUserDefinitions/write",
        "Microsoft.DocumentDB/databaseAccounts/mongodbUserDefinitions/delete",
    ],
    source: ROLES,
    rank: 3,
};
const READER: BuiltIn = BuiltIn {
    id: "acdd72a7-3385-48ef-bd42-f606fba81ae7",
    name: "Reader",
    aliases: &[],
    actions: &["*/read"],
    not_actions: &[],
    source: ROLES_GENERAL,
    rank: 4,
};
const CONTRIBUTOR: BuiltIn = BuiltIn {
    id: "b24988ac-6180-42a0-ab88-20f7382dd24c",
    name: "Contributor",
    aliases: &[],
    actions: &["*"],
    not_actions: &[
        "Microsoft.Authorization/*/Delete",
        "Microsoft.Authorization/*/Write",
        "Microsoft.Authorization/elevateAccess/Action",
        "Microsoft.Blueprint/blueprintAssignments/write",
        "Microsoft.Blueprint/blueprintAssignments/delete",
        "Microsoft.Compute/galleries/share/action",
        "Microsoft.Purview/consents/write",
        "Microsoft.Purview/consents/delete",
        "Microsoft.Resources/deploymentStacks/manageDenySetting/action",
        "Microsoft.Subscription/cancel/action",
        "Microsoft.Subscription/enable/action",
    ],
    source: ROLES_GENERAL,
    rank: 5,
};
const OWNER: BuiltIn = BuiltIn {
    id: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
    name: "Owner",
    aliases: &[],
    actions: &["*"],
    not_actions: &[],
    source: ROLES_GENERAL,
    rank: 6,
};

/// The built-in roles the engine knows, narrowest first.
pub const BUILT_INS: &[BuiltIn] = &[
    RESTORE_OPERATOR,
    BACKUP_OPERATOR,
    DB_OPERATOR,
    READER,
    CONTRIBUTOR,
    OWNER,
];

fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The id at the end of a role definition id (`/…/roleDefinitions/{guid}` → `guid`), lower case.
pub fn id_tail(reference: &str) -> String {
    let t = reference.trim().trim_end_matches('/');
    t.rsplit('/').next().unwrap_or(t).to_ascii_lowercase()
}

/// A built-in role by name (any case and spacing), alias, GUID or full role definition id.
pub fn builtin(reference: &str) -> Option<&'static BuiltIn> {
    let id = id_tail(reference);
    let name = squash(reference);
    BUILT_INS
        .iter()
        .find(|b| b.id == id || squash(b.name) == name || b.aliases.iter().any(|a| squash(a) == name))
}

/// A role definition in use: a built-in or a custom role from the user's document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// Role definition id (GUID, lower case); empty when the custom role gives none.
    pub id: String,
    /// Role name.
    pub name: String,
    /// Permission blocks.
    pub permissions: Vec<Permission>,
    /// Assignable scopes, as written.
    pub assignable_scopes: Vec<String>,
    /// Built-in (true) or custom.
    pub builtin: bool,
    /// Where the definition is: a citation for built-ins.
    pub source: String,
    /// For custom roles: the definition in the user's document.
    pub path: Option<Pointer>,
    /// For custom roles: the `notActions` lists, by permission block, as located in the document.
    pub not_action_paths: Vec<Option<Pointer>>,
}

impl Role {
    /// A built-in role.
    pub fn from_builtin(b: &BuiltIn) -> Role {
        Role {
            id: b.id.to_string(),
            name: b.name.to_string(),
            permissions: vec![Permission {
                actions: b.actions.iter().map(|s| s.to_string()).collect(),
                not_actions: b.not_actions.iter().map(|s| s.to_string()).collect(),
            }],
            assignable_scopes: vec!["/".into()],
            builtin: true,
            source: b.source.to_string(),
            path: None,
            not_action_paths: vec![None],
        }
    }

    /// Whether the role grants `action`, and if not, whether a `notActions` entry removed it.
    /// Returns `(granted, excluded_by)` where `excluded_by` is `(block, notActions index)`.
    pub fn grant(&self, action: &str) -> (bool, Option<(usize, usize)>) {
        let mut excluded = None;
        for (i, p) in self.permissions.iter().enumerate() {
            match p.grant(action) {
                Grant::Granted(_) => return (true, None),
                Grant::Excluded(_, n) => excluded = excluded.or(Some((i, n))),
                Grant::No => {}
            }
        }
        (false, excluded)
    }

    /// The `notActions` pattern at `(block, index)`.
    pub fn not_action(&self, at: (usize, usize)) -> Option<&str> {
        self.permissions.get(at.0)?.not_actions.get(at.1).map(String::as_str)
    }

    /// Every `actions` pattern of the role.
    pub fn action_patterns(&self) -> impl Iterator<Item = &str> {
        self.permissions
            .iter()
            .flat_map(|p| p.actions.iter().map(String::as_str))
    }
}

fn strings(node: Option<Node<'_>>) -> Vec<String> {
    match node {
        Some(n) if n.value.is_array() => n
            .items()
            .iter()
            .filter_map(|i| i.as_str().map(|s| s.trim().to_string()))
            .collect(),
        Some(n) => n.as_str().map(|s| vec![s.trim().to_string()]).unwrap_or_default(),
        None => Vec::new(),
    }
}

fn looks_like_guid(s: &str) -> bool {
    s.len() == 36 && s.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
}

/// Reads one custom role definition in any of its shapes; `None` when it has no name or id.
pub fn read_definition(node: &Node<'_>) -> Option<Role> {
    let body = node
        .get("properties")
        .filter(|p| p.has("permissions") || p.has("roleName"))
        .unwrap_or_else(|| node.clone());
    let text = |n: &Node<'_>, k: &str| n.get(k).and_then(|v| v.as_str().map(str::to_string));
    let raw_name = text(node, "name");
    let name = text(&body, "roleName").or_else(|| raw_name.clone().filter(|n| !looks_like_guid(n)))?;
    let id = text(node, "id")
        .map(|i| id_tail(&i))
        .filter(|i| looks_like_guid(i))
        .or_else(|| raw_name.filter(|n| looks_like_guid(n)).map(|n| n.to_ascii_lowercase()))
        .unwrap_or_default();
    let mut permissions = Vec::new();
    let mut not_action_paths = Vec::new();
    match body.get("permissions") {
        Some(list) => {
            let items = if list.value.is_array() {
                list.items()
            } else {
                vec![list]
            };
            for p in items {
                let not = p.get("notActions");
                not_action_paths.push(not.as_ref().map(|n| n.path.clone()));
                permissions.push(Permission {
                    actions: strings(p.get("actions")),
                    not_actions: strings(not),
                });
            }
        }
        None => {
            // PowerShell `Get-AzRoleDefinition` and the `az role definition create` input: top-level lists.
            let not = body.get("notActions");
            not_action_paths.push(not.as_ref().map(|n| n.path.clone()));
            permissions.push(Permission {
                actions: strings(body.get("actions")),
                not_actions: strings(not),
            });
        }
    }
    Some(Role {
        id,
        name,
        permissions,
        assignable_scopes: strings(body.get("assignableScopes")),
        builtin: false,
        source: "the role definition in `roleDefinitions`".into(),
        path: Some(node.path.clone()),
        not_action_paths,
    })
}

/// Finds a role by id, GUID or name: the user's custom roles first, then the built-ins.
pub fn resolve(reference: &str, custom: &[Role]) -> Option<Role> {
    let id = id_tail(reference);
    let name = squash(reference);
    custom
        .iter()
        .find(|r| (!r.id.is_empty() && r.id == id) || squash(&r.name) == name)
        .cloned()
        .or_else(|| builtin(reference).map(Role::from_builtin))
}

/// Every role name the engine could resolve (for "did you mean").
pub fn known_names(custom: &[Role]) -> Vec<String> {
    custom
        .iter()
        .map(|r| r.name.clone())
        .chain(BUILT_INS.iter().map(|b| b.name.to_string()))
        .collect()
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "test code"
)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> serde_json::Value {
        let p = format!("{}/../../tests/fixtures/azure/{name}", env!("CARGO_MANIFEST_DIR"));
        serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
    }

    /// The embedded data equals the documented JSON, byte for byte in every action.
    #[test]
    fn builtins_match_the_documented_json() {
        for (file, name) in [
            (
                "azuredocs_built-in-roles-databases_CosmosRestoreOperator.json",
                "CosmosRestoreOperator",
            ),
            (
                "azuredocs_built-in-roles-databases_CosmosBackupOperator.json",
                "CosmosBackupOperator",
            ),
            (
                "azuredocs_built-in-roles-databases_CosmosDBOperator.json",
                "Cosmos DB Operator",
            ),
        ] {
            let v = fixture(file);
            let doc = read_definition(&Node::root(&v)).unwrap();
            let b = builtin(name).unwrap();
            assert_eq!(doc.name, b.name);
            assert_eq!(doc.id, b.id);
            assert_eq!(doc.permissions, Role::from_builtin(b).permissions, "{name}");
        }
    }

    #[test]
    fn the_documented_custom_role_reads() {
        let v = fixture("docs_continuous-backup-restore-permissions_RestorableAction-custom-role.json");
        let r = read_definition(&Node::root(&v)).unwrap();
        assert_eq!(r.name, "RestorableAction");
        assert_eq!(r.id, "");
        assert_eq!(r.permissions[0].actions.len(), 6);
        assert_eq!(
            r.assignable_scopes,
            vec!["/subscriptions/bbbb1b1b-cc2c-dd3d-ee4e-ffffff5f5f5f"]
        );
        assert!(
            r.grant("Microsoft.DocumentDB/locations/restorableDatabaseAccounts/restorableSqlDatabases/read")
                .0
        );
    }

    #[test]
    fn not_actions_exclude() {
        let op = Role::from_builtin(builtin("Cosmos DB Operator").unwrap());
        assert!(op.grant("Microsoft.DocumentDB/databaseAccounts/write").0);
        let (granted, excluded) = op.grant("Microsoft.DocumentDB/databaseAccounts/listKeys/action");
        assert!(!granted);
        assert_eq!(
            op.not_action(excluded.unwrap()),
            Some("Microsoft.DocumentDB/databaseAccounts/listKeys/*")
        );
        assert!(
            !op.grant("Microsoft.DocumentDB/locations/restorableDatabaseAccounts/restore/action")
                .0
        );
        let c = Role::from_builtin(builtin("Contributor").unwrap());
        assert!(!c.grant("Microsoft.Authorization/roleAssignments/write").0);
        assert!(
            c.grant("Microsoft.DocumentDB/locations/restorableDatabaseAccounts/restore/action")
                .0
        );
    }
}
