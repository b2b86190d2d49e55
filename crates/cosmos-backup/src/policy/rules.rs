//! The backup-policy rule catalogue. Each rule names its source (domain.md §1, §2, §7, §8).

use crate::diagnostics::{Rule, Severity::*};
use crate::sources::*;

/// No `backupPolicy`: the service default applies.
pub const DEFAULTED: Rule = Rule {
    code: "policy.defaulted",
    severity: Info,
    summary: "no backupPolicy: the service applies Periodic, every 240 min, kept 8 h, Geo-redundant",
    source: PMI,
};
/// `backupPolicy` both at the top level and in `properties`.
pub const POLICY_TWICE: Rule = Rule {
    code: "policy.backup-policy-twice",
    severity: Warning,
    summary: "`backupPolicy` is written both beside `properties` and inside it; Azure reads the one in `properties`, the other is ignored",
    source: SPEC,
};
/// A policy value was left out and defaulted.
pub const VALUE_DEFAULTED: Rule = Rule {
    code: "policy.value-defaulted",
    severity: Info,
    summary: "a policy value was left out and the service default applies",
    source: PMI,
};
/// `backupPolicy` without `type`.
pub const TYPE_MISSING: Rule = Rule {
    code: "policy.type-missing",
    severity: Error,
    summary: "backupPolicy.type is required (Periodic or Continuous)",
    source: SPEC,
};
/// `backupPolicy.type` unknown.
pub const TYPE_UNKNOWN: Rule = Rule {
    code: "policy.type-unknown",
    severity: Error,
    summary: "backupPolicy.type must be Periodic or Continuous",
    source: SPEC,
};
/// Interval below 60 minutes.
pub const INTERVAL_BELOW_MIN: Rule = Rule {
    code: "periodic.interval-below-minimum",
    severity: Error,
    summary: "backupIntervalInMinutes can't be less than 60 (1 hour)",
    source: PMI,
};
/// Interval above 1440 minutes.
pub const INTERVAL_ABOVE_MAX: Rule = Rule {
    code: "periodic.interval-above-maximum",
    severity: Error,
    summary: "backupIntervalInMinutes can't be greater than 1440 (24 hours)",
    source: PMI,
};
/// Retention below twice the interval.
pub const RETENTION_BELOW_TWICE_INTERVAL: Rule = Rule {
    code: "periodic.retention-below-twice-interval",
    severity: Error,
    summary: "backupRetentionIntervalInHours can't be less than two times the backup interval",
    source: PMI,
};
/// Retention above 720 hours.
pub const RETENTION_ABOVE_MAX: Rule = Rule {
    code: "periodic.retention-above-maximum",
    severity: Error,
    summary: "backupRetentionIntervalInHours can't be greater than 720 (30 days)",
    source: PMI,
};
/// Retention allowed by the documentation but below Terraform's 8 h minimum.
pub const RETENTION_BELOW_TERRAFORM_MIN: Rule = Rule {
    code: "periodic.retention-below-terraform-minimum",
    severity: Info,
    summary: "retention below 8 h is valid per the documentation but Terraform azurerm rejects it",
    source: PMI,
};
/// Retention is not a whole multiple of the interval.
pub const RETENTION_NOT_MULTIPLE: Rule = Rule {
    code: "periodic.retention-not-multiple-of-interval",
    severity: Info,
    summary: "retention is not a whole multiple of the interval, so the number of retained copies alternates",
    source: PBR,
};
/// Unknown redundancy value.
pub const REDUNDANCY_UNKNOWN: Rule = Rule {
    code: "periodic.redundancy-unknown",
    severity: Error,
    summary: "backupStorageRedundancy must be Geo, Local or Zone",
    source: SPEC,
};
/// Redundancy not offered in one of the account's regions.
pub const REDUNDANCY_UNSUPPORTED: Rule = Rule {
    code: "periodic.redundancy-unsupported-in-region",
    severity: Error,
    summary: "the backup storage redundancy must be supported in every region of the account",
    source: PUSR,
};
/// Geo default not offered in a region: the service falls back.
pub const REDUNDANCY_DEFAULT_FALLBACK: Rule = Rule {
    code: "periodic.redundancy-default-fallback",
    severity: Warning,
    summary: "the default Geo redundancy is not offered in a region; the service falls back to the highest available option",
    source: PBSR,
};
/// A region has no location metadata to check redundancy against.
pub const REDUNDANCY_REGION_UNKNOWN: Rule = Rule {
    code: "periodic.redundancy-region-unchecked",
    severity: Info,
    summary: "location metadata was given but not for this region, so its redundancy options were not checked",
    source: PUSR,
};
/// Periodic properties under a Continuous policy.
pub const PERIODIC_PROPERTIES_WITH_CONTINUOUS: Rule = Rule {
    code: "continuous.periodic-properties",
    severity: Error,
    summary: "periodicModeProperties can only be set when the type is Periodic",
    source: TF,
};
/// Continuous tier under a Periodic policy.
pub const TIER_WITH_PERIODIC: Rule = Rule {
    code: "periodic.tier-not-allowed",
    severity: Error,
    summary: "continuousModeProperties.tier can only be set when the type is Continuous",
    source: TF,
};
/// Unknown tier value.
pub const TIER_UNKNOWN: Rule = Rule {
    code: "continuous.tier-unknown",
    severity: Error,
    summary: "tier must be Continuous7Days, Continuous30Days or (preview) Continuous35Days",
    source: SPEC,
};
/// The 7-day tier: one older page still calls it preview.
pub const TIER_7_PREVIEW_NOTE: Rule = Rule {
    code: "continuous.tier-7-days-status",
    severity: Info,
    summary: "one 2024 page calls Continuous7Days preview; newer pages treat it as generally available",
    source: CBI,
};
/// The 35-day tier is preview-only.
pub const TIER_35_PREVIEW: Rule = Rule {
    code: "continuous.tier-35-days-preview",
    severity: Info,
    summary: "Continuous35Days (35-day restore window) is defined only by the preview api-version 2026-04-01-preview and has no public price",
    source: SPEC_P26,
};
/// The 35-day tier with an api-version that predates it.
pub const TIER_35_API_VERSION_OLD: Rule = Rule {
    code: "continuous.tier-35-days-api-version",
    severity: Warning,
    summary: "Continuous35Days with an api-version older than 2026-04-01-preview, which doesn't define the tier",
    source: SPEC_P26,
};
/// Continuous backup is not supported for Cassandra.
pub const CASSANDRA: Rule = Rule {
    code: "continuous.cassandra-unsupported",
    severity: Error,
    summary: "continuous backup is not supported for API for Cassandra accounts",
    source: CBI,
};
/// Multi-region writes with continuous backup: sources disagree.
pub const MULTI_REGION_WRITES: Rule = Rule {
    code: "continuous.multi-region-writes",
    severity: Warning,
    summary: "multi-region-write accounts with continuous backup: older documents forbid it, the 2025 documents allow it",
    source: CBI,
};
/// Analytical store is never backed up.
pub const ANALYTICAL_STORE: Rule = Rule {
    code: "policy.analytical-store-not-backed-up",
    severity: Warning,
    summary: "the analytical store (Synapse Link) is not included in backups or restores",
    source: PBR,
};
/// Continuous + Synapse Link: sources disagree.
pub const CONTINUOUS_SYNAPSE: Rule = Rule {
    code: "continuous.synapse-link",
    severity: Warning,
    summary: "Synapse Link with continuous backup: a 2024 FAQ says they can't coexist, the 2025 FAQ says it is generally available",
    source: CBFAQ,
};
/// MongoDB unique indexes on continuous accounts.
pub const MONGO_UNIQUE_INDEX: Rule = Rule {
    code: "continuous.mongo-unique-index",
    severity: Info,
    summary: "on continuous-backup MongoDB accounts unique indexes can only be created with the collection",
    source: CBI,
};
/// A unique index added to an existing MongoDB collection on a continuous account.
pub const MONGO_UNIQUE_INDEX_EXISTING: Rule = Rule {
    code: "continuous.mongo-unique-index-existing-collection",
    severity: Error,
    summary: "continuous-backup MongoDB accounts can't add a unique index to an existing collection, nor change one during migration",
    source: CBI,
};
/// Customer-managed keys need a managed identity as the default identity.
pub const CMK_IDENTITY: Rule = Rule {
    code: "continuous.customer-managed-key-identity",
    severity: Warning,
    summary: "with customer-managed keys, continuous backup and restore need a managed identity as the default identity",
    source: MIG,
};
/// Continuous → Periodic is impossible.
pub const CONTINUOUS_TO_PERIODIC: Rule = Rule {
    code: "policy.continuous-to-periodic",
    severity: Error,
    summary: "an account in continuous mode can't be switched back to periodic mode",
    source: MIG,
};
/// Periodic → Continuous is a one-way migration.
pub const MIGRATION_ONE_WAY: Rule = Rule {
    code: "migration.one-way",
    severity: Info,
    summary: "periodic → continuous is a one-way migration; restores are possible only from its completion",
    source: MIG,
};
/// A backup-policy change must be sent alone.
pub const CHANGE_NOT_ALONE: Rule = Rule {
    code: "policy.change-not-alone",
    severity: Error,
    summary: "a backup mode or tier change can't be sent together with other property changes",
    source: MIG,
};
/// Migration in progress.
pub const MIGRATION_IN_PROGRESS: Rule = Rule {
    code: "migration.in-progress",
    severity: Warning,
    summary: "a periodic → continuous migration is in progress: account-level changes are blocked and no restore point lies inside it",
    source: MIG_2024,
};
/// Migration failed.
pub const MIGRATION_FAILED: Rule = Rule {
    code: "migration.failed",
    severity: Warning,
    summary: "the last periodic → continuous migration failed; it does not block changes and can be retried",
    source: MIG_2024,
};
/// Changing a policy while migration is in progress.
pub const CHANGE_DURING_MIGRATION: Rule = Rule {
    code: "migration.change-blocked",
    severity: Error,
    summary: "the backup policy can't be changed while a migration is in progress",
    source: MIG_2024,
};
/// Adding or removing a region while migration is in progress.
pub const REGION_CHANGE_DURING_MIGRATION: Rule = Rule {
    code: "migration.region-change-blocked",
    severity: Error,
    summary: "a region can't be added or removed, nor the write region failed over, while a periodic → continuous migration is in progress",
    source: MIG_2024,
};
/// Tier 30 → 7 days loses history.
pub const TIER_DOWNGRADE: Rule = Rule {
    code: "continuous.tier-downgrade",
    severity: Warning,
    summary: "switching to a shorter continuous tier (e.g. Continuous30Days → Continuous7Days) immediately loses restore points older than the new window",
    source: MIG,
};
/// Tier 7 → 30 days accrues slowly.
pub const TIER_UPGRADE: Rule = Rule {
    code: "continuous.tier-upgrade",
    severity: Info,
    summary: "after switching to a longer continuous tier (e.g. Continuous7Days → Continuous30Days) only the old window is restorable until new backups accumulate",
    source: MIG,
};
/// Redundancy change loses old backups.
pub const REDUNDANCY_CHANGE: Rule = Rule {
    code: "periodic.redundancy-change",
    severity: Warning,
    summary: "changing backup storage redundancy loses access to older backups immediately and takes up to 2 × the interval",
    source: PMI,
};

/// Every policy rule, for the catalogue.
pub const RULES: &[Rule] = &[
    DEFAULTED,
    POLICY_TWICE,
    VALUE_DEFAULTED,
    TYPE_MISSING,
    TYPE_UNKNOWN,
    INTERVAL_BELOW_MIN,
    INTERVAL_ABOVE_MAX,
    RETENTION_BELOW_TWICE_INTERVAL,
    RETENTION_ABOVE_MAX,
    RETENTION_BELOW_TERRAFORM_MIN,
    RETENTION_NOT_MULTIPLE,
    REDUNDANCY_UNKNOWN,
    REDUNDANCY_UNSUPPORTED,
    REDUNDANCY_DEFAULT_FALLBACK,
    REDUNDANCY_REGION_UNKNOWN,
    PERIODIC_PROPERTIES_WITH_CONTINUOUS,
    TIER_WITH_PERIODIC,
    TIER_UNKNOWN,
    TIER_7_PREVIEW_NOTE,
    TIER_35_PREVIEW,
    TIER_35_API_VERSION_OLD,
    CASSANDRA,
    MULTI_REGION_WRITES,
    ANALYTICAL_STORE,
    CONTINUOUS_SYNAPSE,
    MONGO_UNIQUE_INDEX,
    MONGO_UNIQUE_INDEX_EXISTING,
    CMK_IDENTITY,
    CONTINUOUS_TO_PERIODIC,
    MIGRATION_ONE_WAY,
    CHANGE_NOT_ALONE,
    MIGRATION_IN_PROGRESS,
    MIGRATION_FAILED,
    CHANGE_DURING_MIGRATION,
    REGION_CHANGE_DURING_MIGRATION,
    TIER_DOWNGRADE,
    TIER_UPGRADE,
    REDUNDANCY_CHANGE,
];
