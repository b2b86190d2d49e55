//! Azure RBAC scopes and their inheritance: management group ⊃ subscription ⊃ resource group
//! ⊃ resource.
//!
//! A restorable account lives directly under its subscription
//! (`/subscriptions/{sub}/providers/Microsoft.DocumentDB/locations/{loc}/restorableDatabaseAccounts/{id}`),
//! not in a resource group, so a resource-group assignment never reaches it [PERM].
//! Region names may be written with spaces (`West US` and `westus` are the same location).
//!
//! ```
//! use cosmos_backup::permissions::scope::{Hierarchy, ScopeKind, Scope};
//! let sub = Scope::parse("/subscriptions/S1").unwrap();
//! let rg = Scope::parse("/subscriptions/s1/resourceGroups/rg").unwrap();
//! let src = Scope::parse("/subscriptions/s1/providers/Microsoft.DocumentDB/locations/West US/restorableDatabaseAccounts/abc").unwrap();
//! assert_eq!(src.kind, ScopeKind::RestorableAccount);
//! let h = Hierarchy::default();
//! assert!(sub.contains(&src, &h));
//! assert!(!rg.contains(&src, &h));
//! assert!(sub.contains(&rg, &h));
//! ```

use crate::model::region_key;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What a scope addresses.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
// The TypeScript name must differ from `read::Kind`; a container rename leaves the JSON unchanged.
#[cfg_attr(feature = "ts", serde(rename = "ScopeKind"))]
pub enum ScopeKind {
    /// `/`: the whole tenant.
    Root,
    /// `/providers/Microsoft.Management/managementGroups/{mg}`.
    ManagementGroup,
    /// `/subscriptions/{sub}`.
    Subscription,
    /// `/subscriptions/{sub}/resourceGroups/{rg}`.
    ResourceGroup,
    /// A restorable database account (under the subscription, in no resource group).
    RestorableAccount,
    /// Any other resource (or provider path).
    Resource,
}

impl ScopeKind {
    /// How a person calls it.
    pub fn label(self) -> &'static str {
        match self {
            ScopeKind::Root => "root",
            ScopeKind::ManagementGroup => "management group",
            ScopeKind::Subscription => "subscription",
            ScopeKind::ResourceGroup => "resource group",
            ScopeKind::RestorableAccount => "restorable account",
            ScopeKind::Resource => "resource",
        }
    }
}

/// A parsed scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    /// The scope as the user wrote it (trimmed, without a trailing `/`).
    pub text: String,
    /// What it addresses.
    pub kind: ScopeKind,
    /// Lower-case segments, locations normalised (`West US` → `westus`).
    segments: Vec<String>,
}

impl Scope {
    /// Parses a scope; the error says what is wrong.
    pub fn parse(text: &str) -> Result<Scope, String> {
        let t = text.trim();
        if !t.starts_with('/') {
            return Err("a scope starts with `/` (for example `/subscriptions/{id}`)".to_string());
        }
        let t = if t.len() > 1 { t.trim_end_matches('/') } else { t };
        if t == "/" || t.is_empty() {
            return Ok(Scope {
                text: "/".into(),
                kind: ScopeKind::Root,
                segments: Vec::new(),
            });
        }
        let raw: Vec<&str> = t.split('/').skip(1).collect();
        if raw.iter().any(|s| s.trim().is_empty()) {
            return Err("the scope has an empty segment (`//`)".into());
        }
        let mut segments = Vec::with_capacity(raw.len());
        let mut after_locations = false;
        for s in &raw {
            let lower = s.trim().to_ascii_lowercase();
            segments.push(if after_locations { region_key(s) } else { lower.clone() });
            after_locations = lower == "locations";
        }
        let seg = |i: usize| segments.get(i).map(String::as_str);
        let kind = match (seg(0), segments.len()) {
            (Some("providers"), 4) if seg(1) == Some("microsoft.management") && seg(2) == Some("managementgroups") => {
                ScopeKind::ManagementGroup
            }
            (Some("subscriptions"), 1) => return Err("`subscriptions` needs a subscription id".into()),
            (Some("subscriptions"), 2) => ScopeKind::Subscription,
            (Some("subscriptions"), _) if seg(2) == Some("resourcegroups") => match segments.len() {
                3 => return Err("`resourceGroups` needs a resource group name".into()),
                4 => ScopeKind::ResourceGroup,
                _ => ScopeKind::Resource,
            },
            (Some("subscriptions"), 8)
                if seg(2) == Some("providers")
                    && seg(3) == Some("microsoft.documentdb")
                    && seg(4) == Some("locations")
                    && seg(6) == Some("restorabledatabaseaccounts") =>
            {
                ScopeKind::RestorableAccount
            }
            (Some("subscriptions"), _) if seg(2) == Some("providers") => ScopeKind::Resource,
            (Some("providers"), _) => ScopeKind::Resource,
            _ => {
                return Err(
                    "a scope is `/`, `/providers/Microsoft.Management/managementGroups/{name}`, `/subscriptions/{id}`, or a path below it".into(),
                );
            }
        };
        Ok(Scope {
            text: t.to_string(),
            kind,
            segments,
        })
    }

    /// The subscription id (lower case), when the scope is in one.
    pub fn subscription(&self) -> Option<&str> {
        match self.segments.first().map(String::as_str) {
            Some("subscriptions") => self.segments.get(1).map(String::as_str),
            _ => None,
        }
    }

    /// The management group name (lower case), for a management-group scope.
    pub fn management_group(&self) -> Option<&str> {
        (self.kind == ScopeKind::ManagementGroup)
            .then(|| self.segments.get(3).map(String::as_str))
            .flatten()
    }

    /// The scope of this scope's subscription (`/subscriptions/{id}`), as the user spelled it.
    pub fn subscription_scope(&self) -> Option<Scope> {
        let id = self.text.split('/').nth(2)?;
        Scope::parse(&format!("/subscriptions/{id}")).ok()
    }

    /// The resource-group scope this scope is in, when it is in one.
    pub fn resource_group_scope(&self) -> Option<Scope> {
        if !matches!(self.kind, ScopeKind::ResourceGroup | ScopeKind::Resource)
            || self.segments.get(2).map(String::as_str) != Some("resourcegroups")
        {
            return None;
        }
        let parts: Vec<&str> = self.text.split('/').take(5).collect();
        Scope::parse(&parts.join("/")).ok()
    }

    /// A child scope: this scope followed by `rest` (e.g. `providers/Microsoft.DocumentDB/databaseAccounts/x`).
    pub fn join(&self, rest: &str) -> Option<Scope> {
        Scope::parse(&format!(
            "{}/{}",
            self.text.trim_end_matches('/'),
            rest.trim_start_matches('/')
        ))
        .ok()
    }

    /// True when an assignment at `self` applies at `other` (scope inheritance).
    pub fn contains(&self, other: &Scope, h: &Hierarchy) -> bool {
        match self.kind {
            ScopeKind::Root => true,
            ScopeKind::ManagementGroup => {
                let Some(mg) = self.management_group() else {
                    return false;
                };
                if let Some(child) = other.management_group() {
                    return h.under(mg, child);
                }
                other.subscription().is_some_and(|s| h.under(mg, s))
            }
            _ => {
                other.segments.len() >= self.segments.len()
                    && !matches!(other.kind, ScopeKind::Root | ScopeKind::ManagementGroup)
                    && self.segments.iter().zip(&other.segments).all(|(a, b)| a == b)
            }
        }
    }

    /// How many levels below the root (for "narrowest first").
    pub fn depth(&self) -> usize {
        self.segments.len()
    }
}

/// The management-group tree, as far as the caller gave it: group name → children (subscription
/// ids or group names). Offline, the engine cannot know it otherwise.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hierarchy {
    children: BTreeMap<String, Vec<String>>,
}

impl Hierarchy {
    /// Adds `child` (a subscription id, a `/subscriptions/{id}` scope, a group name or a group scope) under `group`.
    pub fn add(&mut self, group: &str, child: &str) {
        let key = |s: &str| {
            let s = s.trim().trim_end_matches('/');
            s.rsplit('/').next().unwrap_or(s).to_ascii_lowercase()
        };
        self.children.entry(key(group)).or_default().push(key(child));
    }

    /// True when the tree is known for `group`.
    pub fn knows(&self, group: &str) -> bool {
        self.children.contains_key(&group.to_ascii_lowercase())
    }

    /// True when `item` (subscription id or group name) is `group` or below it.
    pub fn under(&self, group: &str, item: &str) -> bool {
        let mut stack = vec![group.to_ascii_lowercase()];
        // Visited groups: a cycle in the user's tree ends the walk instead of looping.
        let mut seen = std::collections::BTreeSet::new();
        while let Some(g) = stack.pop() {
            if g == item {
                return true;
            }
            if !seen.insert(g.clone()) {
                continue;
            }
            if let Some(c) = self.children.get(&g) {
                stack.extend(c.iter().filter(|x| !seen.contains(*x)).cloned());
            }
        }
        false
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "test code")]
mod tests {
    use super::*;

    fn s(t: &str) -> Scope {
        Scope::parse(t).unwrap()
    }

    #[test]
    fn kinds() {
        assert_eq!(s("/").kind, ScopeKind::Root);
        assert_eq!(
            s("/providers/Microsoft.Management/managementGroups/mg").kind,
            ScopeKind::ManagementGroup
        );
        assert_eq!(s("/subscriptions/x/").kind, ScopeKind::Subscription);
        assert_eq!(s("/subscriptions/x/resourcegroups/rg").kind, ScopeKind::ResourceGroup);
        assert_eq!(
            s("/subscriptions/x/resourceGroups/rg/providers/Microsoft.DocumentDB/databaseAccounts/a").kind,
            ScopeKind::Resource
        );
        assert!(Scope::parse("subscriptions/x").is_err());
        assert!(Scope::parse("/subscriptions").is_err());
        assert!(Scope::parse("/subscriptions/x//rg").is_err());
        assert!(Scope::parse("/foo/bar").is_err());
    }

    #[test]
    fn inheritance() {
        let h = Hierarchy::default();
        let acct = s("/subscriptions/X/resourceGroups/RG/providers/Microsoft.DocumentDB/databaseAccounts/a");
        assert!(s("/subscriptions/x/resourcegroups/rg").contains(&acct, &h));
        assert!(s("/subscriptions/x").contains(&acct, &h));
        assert!(!s("/subscriptions/y").contains(&acct, &h));
        assert!(!s("/subscriptions/x/resourceGroups/rg2").contains(&acct, &h));
        assert!(!acct.contains(&s("/subscriptions/x/resourceGroups/rg"), &h));
        let west = s("/subscriptions/x/providers/Microsoft.DocumentDB/locations/westus/restorableDatabaseAccounts/id");
        assert!(
            s("/subscriptions/x/providers/Microsoft.DocumentDB/locations/West US/restorableDatabaseAccounts/ID")
                .contains(&west, &h)
        );
    }

    #[test]
    fn management_groups() {
        let mut h = Hierarchy::default();
        h.add("root-mg", "child-mg");
        h.add(
            "/providers/Microsoft.Management/managementGroups/child-mg",
            "/subscriptions/X",
        );
        let mg = s("/providers/Microsoft.Management/managementGroups/Root-MG");
        assert!(mg.contains(&s("/subscriptions/x/resourceGroups/rg"), &h));
        assert!(mg.contains(&s("/providers/Microsoft.Management/managementGroups/child-mg"), &h));
        assert!(!mg.contains(&s("/subscriptions/y"), &h));
        assert!(!s("/subscriptions/x").contains(&mg, &h));
        assert!(s("/").contains(&mg, &h));
    }
}
