//! Reading `roleAssignments`, `roleDefinitions` and `managementGroups` in the shapes
//! `az role assignment list`, ARM (`properties.{…}`) and PowerShell print.

use super::roles::{self, Role};
use super::rules::*;
use super::scope::{Hierarchy, Scope, ScopeKind};
use crate::diagnostics::Diagnostic;
use crate::node::Node;
use crate::pointer::Pointer;
use crate::suggest::closest;
use crate::values::clip;

/// One usable role assignment.
#[derive(Debug, Clone)]
pub struct Assignment {
    /// The principal's object id (or, failing that, its name).
    pub principal: String,
    /// Every name the principal goes by in the assignment (id, UPN, display name), lower case.
    pub names: Vec<String>,
    /// The resolved role.
    pub role: Role,
    /// Where it applies.
    pub scope: Scope,
    /// The assignment in the user's document.
    pub path: Pointer,
    /// The assignment's scope field (or the assignment when the scope came from its id).
    pub scope_path: Pointer,
}

impl Assignment {
    /// True when the assignment is for `principal` (id or name, any case).
    pub fn is_for(&self, principal: &str) -> bool {
        let p = principal.trim();
        self.names.iter().any(|n| n.eq_ignore_ascii_case(p))
    }
}

/// Everything read from a permissions input.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    /// Custom roles.
    pub roles: Vec<Role>,
    /// Usable assignments.
    pub assignments: Vec<Assignment>,
    /// The management-group tree, as given.
    pub hierarchy: Hierarchy,
    /// Findings about the inputs themselves.
    pub diagnostics: Vec<Diagnostic>,
}

/// The entries of a list (`[…]`, `{"value": […]}`, or one object).
pub fn entries<'a>(node: &Node<'a>) -> Vec<Node<'a>> {
    if node.value.is_array() {
        return node.items();
    }
    match node.get("value").filter(|v| v.value.is_array()) {
        Some(v) => v.items(),
        None if node.value.is_object() => vec![node.clone()],
        None => Vec::new(),
    }
}

fn text<'a>(n: &Node<'a>, keys: &[&str]) -> Option<(String, Pointer)> {
    keys.iter().find_map(|k| {
        let v = n.get(k)?;
        let s = v.as_str()?.trim();
        (!s.is_empty()).then(|| (s.to_string(), v.path.clone()))
    })
}

/// Reads the inputs; findings go to [`Inputs::diagnostics`].
pub fn read(assignments: Option<&Node<'_>>, definitions: Option<&Node<'_>>, groups: Option<&Node<'_>>) -> Inputs {
    let mut out = Inputs::default();
    if let Some(d) = definitions {
        out.roles = entries(d).iter().filter_map(roles::read_definition).collect();
    }
    if let Some(g) = groups {
        for (name, children) in g.members() {
            for c in entries(&children).iter().chain(std::iter::once(&children)) {
                if let Some(s) = c.as_str() {
                    out.hierarchy.add(name, s);
                }
            }
        }
    }
    if let Some(a) = assignments {
        for entry in entries(a) {
            if let Some(x) = assignment(&entry, &out.roles, &out.hierarchy, &mut out.diagnostics) {
                out.assignments.push(x);
            }
        }
    }
    out
}

fn assignment(node: &Node<'_>, custom: &[Role], h: &Hierarchy, diags: &mut Vec<Diagnostic>) -> Option<Assignment> {
    let body = node
        .get("properties")
        .filter(|p| p.has("principalId") || p.has("roleDefinitionId"))
        .unwrap_or_else(|| node.clone());
    let Some((principal, _)) = text(&body, &["principalId", "objectId", "principalName", "signInName"]) else {
        diags.push(INVALID_ASSIGNMENT.at(
            &node.path,
            "the role assignment has no `principalId`",
            "add the principal's object id as `principalId` (as `az role assignment list` prints it)",
        ));
        return None;
    };
    let mut names: Vec<String> = ["principalId", "objectId", "principalName", "signInName", "displayName"]
        .iter()
        .filter_map(|k| text(&body, &[k]).map(|(s, _)| s.to_ascii_lowercase()))
        .collect();
    names.dedup();
    let scope_field = text(&body, &["scope"]).or_else(|| {
        let (id, p) = text(node, &["id"])?;
        let lower = id.to_ascii_lowercase();
        let at = lower.find("/providers/microsoft.authorization/roleassignments/")?;
        let s = id.get(..at)?;
        Some((if s.is_empty() { "/".to_string() } else { s.to_string() }, p))
    });
    let Some((scope_text, scope_path)) = scope_field else {
        diags.push(INVALID_ASSIGNMENT.at(
            &node.path,
            format!("the role assignment of `{}` has no `scope`", clip(&principal)),
            "add `scope`, e.g. `/subscriptions/{id}` or `/subscriptions/{id}/resourceGroups/{name}`",
        ));
        return None;
    };
    let scope = match Scope::parse(&scope_text) {
        Ok(s) => s,
        Err(why) => {
            diags.push(INVALID_SCOPE.at(&scope_path, format!("`scope` is `{}`", clip(&scope_text)), why));
            return None;
        }
    };
    let refs: Vec<(String, Pointer)> = ["roleDefinitionId", "roleDefinitionName", "role", "roleName"]
        .iter()
        .filter_map(|k| text(&body, &[k]))
        .collect();
    let Some(first) = refs.first() else {
        diags.push(INVALID_ASSIGNMENT.at(
            &node.path,
            format!("the role assignment of `{}` names no role", clip(&principal)),
            "add `roleDefinitionId` or `roleDefinitionName`",
        ));
        return None;
    };
    let Some(role) = refs.iter().find_map(|(r, _)| roles::resolve(r, custom)) else {
        let known = roles::known_names(custom);
        let known_refs: Vec<&str> = known.iter().map(String::as_str).collect();
        let help = match closest(&first.0, &known_refs) {
            Some(s) => format!("did you mean `{s}`? otherwise add the custom role to `roleDefinitions`"),
            None => "add the custom role's definition to `roleDefinitions` (as `az role definition list --custom-role-only` prints it), or use a built-in: CosmosRestoreOperator, CosmosBackupOperator, Cosmos DB Operator, Owner, Contributor, Reader".to_string(),
        };
        diags.push(UNKNOWN_ROLE.at(&first.1, format!("role `{}` is not known", clip(&first.0)), help));
        return None;
    };
    if !role.builtin && !role.assignable_scopes.is_empty() {
        let inside = role
            .assignable_scopes
            .iter()
            .filter_map(|a| Scope::parse(a).ok())
            .any(|a| a.contains(&scope, h));
        if !inside {
            diags.push(NOT_ASSIGNABLE.at(
                &scope_path,
                format!("`{}` is assigned at `{}`, outside its `assignableScopes`", role.name, clip(&scope.text)),
                format!("Azure refuses this assignment, so it grants nothing: add `{}` to the role's `assignableScopes` (now {}) or assign at a scope inside them", scope.text, role.assignable_scopes.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ")),
            ));
            return None;
        }
    }
    if scope.kind == ScopeKind::ManagementGroup && !scope.management_group().is_some_and(|g| h.knows(g)) {
        diags.push(MG_UNKNOWN.at(
            &scope_path,
            format!("`{}` is assigned at the management group `{}`, whose subscriptions are not given", role.name, clip(&scope.text)),
            "add `\"managementGroups\": {\"<group name>\": [\"<subscription id>\", \"<child group name>\"]}` to the input; until then the assignment is assumed to reach no subscription",
        ));
    }
    Some(Assignment {
        principal,
        names,
        role,
        scope,
        path: node.path.clone(),
        scope_path,
    })
}
