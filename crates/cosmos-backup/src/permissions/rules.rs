//! The permission rules: every diagnostic code this module reports, with its source.

use super::roles::ROLES_GENERAL;
use crate::diagnostics::{Rule, Severity::*};
use crate::sources::{ENGINE, OBR, PBR, PERM, PMI, ROLES};

/// The principal lacks a documented action at the scope it is needed.
pub const MISSING_ACTION: Rule = Rule {
    code: "permissions.missing-action",
    severity: Error,
    summary: "the principal lacks an action the operation needs, at the scope it is needed",
    source: PERM,
};
/// Restorable-account actions assigned at a resource group do not apply.
pub const RG_SCOPE: Rule = Rule {
    code: "permissions.resource-group-scope-not-supported",
    severity: Error,
    summary: "restore actions assigned at a resource group do not reach restorable accounts: assign them at the restorable account or the subscription",
    source: PERM,
};
/// Changing backup storage redundancy needs the role at subscription scope.
pub const SUBSCRIPTION_SCOPE: Rule = Rule {
    code: "permissions.subscription-scope-required",
    severity: Error,
    summary: "configuring periodic backup storage redundancy needs Cosmos DB Operator assigned at the subscription",
    source: PMI,
};
/// A `notActions` entry removes an action the role's `actions` would grant.
pub const EXCLUDED: Rule = Rule {
    code: "permissions.excluded-by-not-actions",
    severity: Warning,
    summary: "a `notActions` entry removes an action the operation needs",
    source: ROLES,
};
/// An assignment names a role the engine cannot find.
pub const UNKNOWN_ROLE: Rule = Rule {
    code: "permissions.unknown-role",
    severity: Error,
    summary: "a role assignment names a role that is neither built in nor in `roleDefinitions`",
    source: ROLES,
};
/// A custom role is assigned outside its `assignableScopes`.
pub const NOT_ASSIGNABLE: Rule = Rule {
    code: "permissions.scope-not-assignable",
    severity: Error,
    summary: "a custom role is assigned at a scope outside its `assignableScopes`; Azure refuses such an assignment",
    source: ROLES_GENERAL,
};
/// A scope is not an Azure scope.
pub const INVALID_SCOPE: Rule = Rule {
    code: "permissions.invalid-scope",
    severity: Error,
    summary: "a scope is not `/`, a management group, a subscription, or a path below one",
    source: PERM,
};
/// A role assignment lacks its principal, role or scope.
pub const INVALID_ASSIGNMENT: Rule = Rule {
    code: "permissions.invalid-assignment",
    severity: Error,
    summary: "a role assignment needs a principal, a role and a scope",
    source: ENGINE,
};
/// A question is malformed.
pub const INVALID_QUESTION: Rule = Rule {
    code: "permissions.invalid-question",
    severity: Error,
    summary: "a permission question has an unknown `ask` or lacks a field it needs",
    source: ENGINE,
};
/// A restore source is not a restorable-account id.
pub const SOURCE_NOT_RESTORABLE: Rule = Rule {
    code: "permissions.source-not-restorable-account",
    severity: Error,
    summary: "a restore source must be a restorable account id `/subscriptions/{sub}/providers/Microsoft.DocumentDB/locations/{loc}/restorableDatabaseAccounts/{id}`",
    source: PERM,
};
/// The principal has no role assignment at all.
pub const NO_ASSIGNMENTS: Rule = Rule {
    code: "permissions.no-assignments",
    severity: Warning,
    summary: "the question's principal has no role assignment in `roleAssignments`",
    source: ENGINE,
};
/// A management group whose members are unknown.
pub const MG_UNKNOWN: Rule = Rule {
    code: "permissions.management-group-unknown",
    severity: Warning,
    summary: "an assignment is at a management group whose subscriptions are not given; it is assumed to reach none",
    source: ENGINE,
};
/// Retention changes allowed through CosmosBackupOperator only.
pub const RETENTION_VIA_BACKUP_OPERATOR: Rule = Rule {
    code: "permissions.retention-via-backup-operator",
    severity: Info,
    summary: "the principal may change periodic retention through the CosmosBackupOperator role; an ARM, CLI or template update of `backupPolicy` needs `databaseAccounts/write`",
    source: PBR,
};
/// An assignment grants more than restore needs.
pub const MORE_THAN_NEEDED: Rule = Rule {
    code: "permissions.grants-more-than-restore-needs",
    severity: Info,
    summary: "an assignment that grants restore actions also grants actions a restore does not need",
    source: PERM,
};
/// Restore actions granted above the documented maximum scope.
pub const BROADER_THAN_DOCUMENTED: Rule = Rule {
    code: "permissions.scope-broader-than-documented",
    severity: Info,
    summary: "restore actions are granted above the subscription, the documented maximum scope",
    source: PERM,
};

/// A restore question whose target resource group is in another subscription than the source.
pub const CROSS_SUBSCRIPTION: Rule = Rule {
    code: "permissions.cross-subscription-restore",
    severity: Error,
    summary: "a continuous-backup restore stays in the source's subscription: no role assignment allows a target in another subscription",
    source: OBR,
};

/// Every permission rule, for the catalogue.
pub const RULES: &[Rule] = &[
    MISSING_ACTION,
    RG_SCOPE,
    SUBSCRIPTION_SCOPE,
    EXCLUDED,
    UNKNOWN_ROLE,
    NOT_ASSIGNABLE,
    INVALID_SCOPE,
    INVALID_ASSIGNMENT,
    INVALID_QUESTION,
    SOURCE_NOT_RESTORABLE,
    NO_ASSIGNMENTS,
    MG_UNKNOWN,
    RETENTION_VIA_BACKUP_OPERATOR,
    MORE_THAN_NEEDED,
    BROADER_THAN_DOCUMENTED,
    CROSS_SUBSCRIPTION,
];
