//! Policy value types and the effective policy.

use serde::{Deserialize, Serialize};

/// `backupPolicy.type`.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PolicyType {
    /// Periodic snapshots, restored through a support request.
    Periodic,
    /// Continuous backup with self-service point-in-time restore.
    Continuous,
}

/// `periodicModeProperties.backupStorageRedundancy`.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Redundancy {
    /// Geo-redundant: copied asynchronously to the paired region.
    Geo,
    /// Locally redundant: three copies in one physical location.
    Local,
    /// Zone-redundant: three availability zones in the primary region.
    Zone,
}

impl Redundancy {
    /// The canonical spelling.
    pub fn name(self) -> &'static str {
        match self {
            Redundancy::Geo => "Geo",
            Redundancy::Local => "Local",
            Redundancy::Zone => "Zone",
        }
    }
}

/// `continuousModeProperties.tier`.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tier {
    /// Seven days of point-in-time restore; backup storage is free.
    Continuous7Days,
    /// Thirty days of point-in-time restore; backup storage is billed.
    Continuous30Days,
    /// Thirty-five days of point-in-time restore: preview, api-version 2026-04-01-preview
    /// ([SPEC-P26] `ContinuousTier`); no public price.
    Continuous35Days,
}

impl Tier {
    /// Retention in days.
    pub fn days(self) -> i64 {
        match self {
            Tier::Continuous7Days => 7,
            Tier::Continuous30Days => 30,
            Tier::Continuous35Days => 35,
        }
    }

    /// The canonical spelling.
    pub fn name(self) -> &'static str {
        match self {
            Tier::Continuous7Days => "Continuous7Days",
            Tier::Continuous30Days => "Continuous30Days",
            Tier::Continuous35Days => "Continuous35Days",
        }
    }
}

/// The allowed spellings, in documentation order.
pub const POLICY_TYPES: &[&str] = &["Periodic", "Continuous"];
/// The allowed redundancies.
pub const REDUNDANCIES: &[&str] = &["Geo", "Local", "Zone"];
/// The allowed tiers.
pub const TIERS: &[&str] = &["Continuous7Days", "Continuous30Days", "Continuous35Days"];
/// The allowed migration statuses.
pub const MIGRATION_STATUSES: &[&str] = &["Invalid", "InProgress", "Completed", "Failed"];

/// Parses a canonical spelling (as returned by the enum readers).
pub fn policy_type(s: &str) -> Option<PolicyType> {
    match s {
        "Periodic" => Some(PolicyType::Periodic),
        "Continuous" => Some(PolicyType::Continuous),
        _ => None,
    }
}

/// Parses a canonical redundancy spelling.
pub fn redundancy(s: &str) -> Option<Redundancy> {
    match s {
        "Geo" => Some(Redundancy::Geo),
        "Local" => Some(Redundancy::Local),
        "Zone" => Some(Redundancy::Zone),
        _ => None,
    }
}

/// Parses a canonical tier spelling.
pub fn tier(s: &str) -> Option<Tier> {
    match s {
        "Continuous7Days" => Some(Tier::Continuous7Days),
        "Continuous30Days" => Some(Tier::Continuous30Days),
        "Continuous35Days" => Some(Tier::Continuous35Days),
        _ => None,
    }
}

/// The policy that applies once service defaults fill what the document left out.
///
/// Values the user gave are kept as given, even invalid ones (the diagnostics say what is
/// wrong): nothing the user wrote is silently changed.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EffectivePolicy {
    /// Periodic or Continuous.
    #[serde(rename = "type")]
    pub policy_type: PolicyType,
    /// Periodic: minutes between backups.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup_interval_in_minutes: Option<i64>,
    /// Periodic: hours each backup is kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup_retention_interval_in_hours: Option<i64>,
    /// Periodic: storage redundancy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup_storage_redundancy: Option<Redundancy>,
    /// Continuous: tier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<Tier>,
    /// Continuous: retention in days (7, 30 or 35).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention_days: Option<i64>,
    /// `migrationState.status`, when the document has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub migration_status: Option<String>,
    /// Field names whose value is a service default, not the document's.
    pub defaulted: Vec<String>,
    /// Field names whose value could not be read (wrong type, unresolved template expression).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unresolved: Vec<String>,
}
