//! Declarations of the API's inputs, for the TypeScript declarations (feature `ts`) and the JSON
//! Schemas (feature `schema`).
//!
//! Inputs are read through [`crate::scenario::ScenarioView`] from any shape, so they have no serde
//! type of their own; these declaration-only structs give editors and validators the scenario's
//! keys ([`crate::scenario::FIELDS`]; a test in bindings/wasm keeps the two equal) and the
//! `locate` input.

use serde::Serialize;

/// A scenario: the document plus the facts an answer depends on (`now` is always an input).
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Scenario {
    /// A label for the scenario.
    #[cfg_attr(feature = "ts", tsify(optional))]
    name: Option<String>,
    /// The instant the question is asked at (RFC 3339).
    #[cfg_attr(feature = "ts", tsify(optional))]
    now: Option<String>,
    /// The account document, in any shape, or a source text.
    #[cfg_attr(feature = "ts", tsify(optional, type = "Source | AzureDocument"))]
    #[cfg_attr(feature = "schema", schemars(with = "Option<SourceOrDocument>"))]
    account: Option<()>,
    /// The account as it is now, when `account` is a proposed change.
    #[cfg_attr(feature = "ts", tsify(optional, type = "Source | AzureDocument"))]
    #[cfg_attr(feature = "schema", schemars(with = "Option<SourceOrDocument>"))]
    current: Option<()>,
    /// A restorable database account.
    #[cfg_attr(feature = "ts", tsify(optional, type = "AzureDocument"))]
    #[cfg_attr(feature = "schema", schemars(with = "Option<AzureDocument>"))]
    restorable_account: Option<()>,
    /// Measured usage (data sizes, regions) for pricing.
    #[cfg_attr(feature = "ts", tsify(optional))]
    usage: Option<Usage>,
    /// A restore request to check.
    #[cfg_attr(feature = "ts", tsify(optional, type = "AzureDocument"))]
    #[cfg_attr(feature = "schema", schemars(with = "Option<AzureDocument>"))]
    restore_request: Option<()>,
    /// Restorable events (database and container feeds).
    #[cfg_attr(feature = "ts", tsify(optional, type = "AzureDocument"))]
    #[cfg_attr(feature = "schema", schemars(with = "Option<AzureDocument>"))]
    events: Option<()>,
    /// Location metadata.
    #[cfg_attr(feature = "ts", tsify(optional, type = "AzureDocument"))]
    #[cfg_attr(feature = "schema", schemars(with = "Option<AzureDocument>"))]
    locations: Option<()>,
    /// A price sheet that overrides the built-in prices.
    #[cfg_attr(feature = "ts", tsify(optional, type = "AzureDocument"))]
    #[cfg_attr(feature = "schema", schemars(with = "Option<AzureDocument>"))]
    price_sheet: Option<()>,
    /// Prices (alias of `priceSheet`).
    #[cfg_attr(feature = "ts", tsify(optional, type = "AzureDocument"))]
    #[cfg_attr(feature = "schema", schemars(with = "Option<AzureDocument>"))]
    prices: Option<()>,
    /// When an incident happened (RFC 3339).
    #[cfg_attr(feature = "ts", tsify(optional))]
    incident_time: Option<String>,
    /// When the last periodic snapshot was taken (RFC 3339); pins the restore-point schedule.
    #[cfg_attr(feature = "ts", tsify(optional))]
    last_backup_time: Option<String>,
    /// The rule set to apply.
    #[cfg_attr(feature = "ts", tsify(optional, type = "Json"))]
    #[cfg_attr(feature = "schema", schemars(with = "Option<serde_json::Value>"))]
    rule_set: Option<()>,
    /// Role assignments of the caller.
    #[cfg_attr(feature = "ts", tsify(optional, type = "AzureDocument"))]
    #[cfg_attr(feature = "schema", schemars(with = "Option<AzureDocument>"))]
    role_assignments: Option<()>,
    /// Role definitions.
    #[cfg_attr(feature = "ts", tsify(optional, type = "AzureDocument"))]
    #[cfg_attr(feature = "schema", schemars(with = "Option<AzureDocument>"))]
    role_definitions: Option<()>,
    /// Questions to answer.
    #[cfg_attr(feature = "ts", tsify(optional, type = "Json"))]
    #[cfg_attr(feature = "schema", schemars(with = "Option<serde_json::Value>"))]
    questions: Option<()>,
    /// `retrieveContinuousBackupInformation` output.
    #[cfg_attr(feature = "ts", tsify(optional, type = "AzureDocument"))]
    #[cfg_attr(feature = "schema", schemars(with = "Option<AzureDocument>"))]
    backup_information: Option<()>,
    /// Management-group tree for permission checks: `{"mg": ["<subscription id>", "<child mg>"]}`.
    #[cfg_attr(feature = "ts", tsify(optional, type = "{ [group: string]: string[] }"))]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<std::collections::BTreeMap<String, Vec<String>>>")
    )]
    management_groups: Option<()>,
    /// Restorable-account ids the least-privilege report covers.
    #[cfg_attr(feature = "ts", tsify(optional, type = "string[]"))]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Vec<String>>"))]
    sources: Option<()>,
    /// Evaluation options.
    #[cfg_attr(feature = "ts", tsify(optional, type = "{ [key: string]: Json }"))]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<serde_json::Map<String, serde_json::Value>>")
    )]
    options: Option<()>,
}

/// The input of `restorePlan`: a scenario (the source, `events`, `usage`, `roleAssignments`)
/// and its `plan` ([`crate::evaluation::plan::input`]).
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RestorePlanInput {
    #[serde(flatten)]
    scenario: Scenario,
    /// What to restore, to when, and where.
    plan: PlanInput,
}

/// `restorePlan`'s `plan`: when (`timestamp`, or `incidentTime` for the latest point before
/// it; exactly one), what, and where.
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct PlanInput {
    /// The instant to restore to (RFC 3339).
    #[cfg_attr(feature = "ts", tsify(optional))]
    timestamp: Option<String>,
    /// When the data was lost (RFC 3339): the plan restores to the latest point before it.
    #[cfg_attr(feature = "ts", tsify(optional))]
    incident_time: Option<String>,
    /// The whole account (the default), or named databases and tables.
    #[cfg_attr(feature = "ts", tsify(optional))]
    restore: Option<PlanRestore>,
    /// A new account, or `{"inAccount": true}`.
    target: PlanTargetInput,
    /// Whose permissions to check against the scenario's `roleAssignments`.
    #[cfg_attr(feature = "ts", tsify(optional))]
    principal_id: Option<String>,
}

/// What to restore.
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum PlanRestore {
    /// `"account"`: the whole account.
    Whole(WholeAccount),
    /// Named databases (with their containers, collections or graphs) and tables.
    Named(PlanPick),
}

/// The whole account.
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum WholeAccount {
    /// `"account"`.
    #[serde(rename = "account")]
    Account,
}

/// Named databases and tables.
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PlanPick {
    /// Databases (NoSQL, MongoDB, Gremlin): a name (the whole database) or `{name, containers}`.
    #[cfg_attr(feature = "ts", tsify(optional))]
    databases: Option<Vec<PlanDatabase>>,
    /// Tables (API for Table).
    #[cfg_attr(feature = "ts", tsify(optional))]
    tables: Option<Vec<String>>,
}

/// A database to restore.
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum PlanDatabase {
    /// The whole database, by name.
    Name(String),
    /// The database and some of its containers, collections or graphs (none: all of them).
    Named(PlanDatabaseNamed),
}

/// A database with the children to restore.
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PlanDatabaseNamed {
    /// The database name.
    name: String,
    /// NoSQL containers.
    #[cfg_attr(feature = "ts", tsify(optional))]
    containers: Option<Vec<String>>,
    /// MongoDB collections.
    #[cfg_attr(feature = "ts", tsify(optional))]
    collections: Option<Vec<String>>,
    /// Gremlin graphs.
    #[cfg_attr(feature = "ts", tsify(optional))]
    graphs: Option<Vec<String>>,
}

/// Where the restore goes.
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum PlanTargetInput {
    /// A new account (or cluster).
    New(NewAccountTarget),
    /// Deleted databases or containers back into the source account.
    InAccount(InAccountTarget),
}

/// A new account (or cluster).
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct NewAccountTarget {
    /// Its name.
    account_name: String,
    /// Its resource group (a placeholder in the commands when left out).
    #[cfg_attr(feature = "ts", tsify(optional))]
    resource_group: Option<String>,
    /// Its region (the source's write region when left out).
    #[cfg_attr(feature = "ts", tsify(optional))]
    location: Option<String>,
}

/// An in-account restore.
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct InAccountTarget {
    /// `true`.
    in_account: bool,
}

/// A scenario's `usage`, what pricing reads (`pricing::read_usage`).
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Usage {
    /// GB of data in the account.
    #[cfg_attr(feature = "ts", tsify(type = "DecimalInput"))]
    #[cfg_attr(feature = "schema", schemars(with = "DecimalInput"))]
    data_size_gb: (),
    /// Restores a month (default 0).
    #[cfg_attr(feature = "ts", tsify(optional, type = "DecimalInput"))]
    #[cfg_attr(feature = "schema", schemars(with = "Option<DecimalInput>"))]
    restores_per_month: Option<()>,
    /// GB restored each time (default: `dataSizeGb`).
    #[cfg_attr(feature = "ts", tsify(optional, type = "DecimalInput"))]
    #[cfg_attr(feature = "schema", schemars(with = "Option<DecimalInput>"))]
    restore_size_gb: Option<()>,
    /// The region restored into (default: the write region).
    #[cfg_attr(feature = "ts", tsify(optional))]
    restore_region: Option<String>,
    /// Cosmos DB for PostgreSQL: GB of backup (default: `dataSizeGb`).
    #[cfg_attr(feature = "ts", tsify(optional, type = "DecimalInput"))]
    #[cfg_attr(feature = "schema", schemars(with = "Option<DecimalInput>"))]
    backup_size_gb: Option<()>,
}

/// The input of `project` (`pricing::plan::project`): monthly cost over months.
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ProjectInput {
    /// The scenario, with `usage`; its first account is projected.
    scenario: Scenario,
    /// How many months (1 to 600, default 12).
    #[cfg_attr(feature = "ts", tsify(optional))]
    months: Option<u32>,
    /// How the data grows each month.
    #[cfg_attr(feature = "ts", tsify(optional))]
    growth: Option<Growth>,
    /// Restores a month, in place of the scenario's.
    #[cfg_attr(feature = "ts", tsify(optional, type = "DecimalInput"))]
    #[cfg_attr(feature = "schema", schemars(with = "Option<DecimalInput>"))]
    restores_per_month: Option<()>,
    /// Regions added from a month on.
    #[cfg_attr(feature = "ts", tsify(optional))]
    regions_added: Option<Vec<RegionAdded>>,
}

/// Data growth in a projection.
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum Growth {
    /// `gbPerMonth` added each month.
    Linear {
        /// GB added each month.
        #[cfg_attr(feature = "ts", tsify(type = "DecimalInput"))]
        #[cfg_attr(feature = "schema", schemars(with = "DecimalInput"))]
        gb_per_month: (),
    },
    /// Multiplied by `1 + percentPerMonth/100` each month.
    Compound {
        /// Percent added each month.
        #[cfg_attr(feature = "ts", tsify(type = "DecimalInput"))]
        #[cfg_attr(feature = "schema", schemars(with = "DecimalInput"))]
        percent_per_month: (),
    },
}

/// A region that joins the account from a month on.
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RegionAdded {
    /// The first month it is billed (1 or more).
    month: u32,
    /// The region (`westeurope`, `West Europe`).
    region: String,
}

/// The input of `whatIf` (`pricing::plan::what_if`): one account priced under several policies.
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct WhatIfInput {
    /// The scenario, with `usage`; its first account is priced.
    scenario: Scenario,
    /// The restore window the cheapest option must reach, in days.
    #[cfg_attr(feature = "ts", tsify(optional, type = "DecimalInput"))]
    #[cfg_attr(feature = "schema", schemars(with = "Option<DecimalInput>"))]
    required_window_days: Option<()>,
    /// The policies to compare (default: twelve periodic choices and both continuous tiers).
    #[cfg_attr(
        feature = "ts",
        tsify(optional, type = "(BackupPolicy | { backupPolicy: BackupPolicy })[]")
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Vec<PolicyChoice>>"))]
    options: Option<()>,
}

/// A `backupPolicy` as an account writes it.
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct BackupPolicy {
    /// `Periodic` or `Continuous`.
    #[serde(rename = "type")]
    policy_type: crate::policy::types::PolicyType,
    /// Continuous: the tier (default `Continuous30Days`).
    #[cfg_attr(feature = "ts", tsify(optional))]
    continuous_mode_properties: Option<ContinuousModeProperties>,
    /// Periodic: interval, retention and redundancy (service defaults for what is left out).
    #[cfg_attr(feature = "ts", tsify(optional))]
    periodic_mode_properties: Option<PeriodicModeProperties>,
}

/// `continuousModeProperties`.
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ContinuousModeProperties {
    /// The tier.
    #[cfg_attr(feature = "ts", tsify(optional))]
    tier: Option<crate::policy::types::Tier>,
}

/// `periodicModeProperties`.
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct PeriodicModeProperties {
    /// Minutes between snapshots.
    #[cfg_attr(feature = "ts", tsify(optional))]
    backup_interval_in_minutes: Option<u32>,
    /// Hours each snapshot is kept.
    #[cfg_attr(feature = "ts", tsify(optional))]
    backup_retention_interval_in_hours: Option<u32>,
    /// Where the snapshots are stored.
    #[cfg_attr(feature = "ts", tsify(optional))]
    backup_storage_redundancy: Option<crate::policy::types::Redundancy>,
}

/// A `whatIf` option: a backup policy, bare or as `{"backupPolicy": …}`.
#[cfg(feature = "schema")]
pub struct PolicyChoice;

#[cfg(feature = "schema")]
impl schemars::JsonSchema for PolicyChoice {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PolicyChoice".into()
    }

    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let policy = g.subschema_for::<BackupPolicy>();
        schemars::json_schema!({"anyOf": [policy, {
            "type": "object",
            "properties": {"backupPolicy": policy},
            "required": ["backupPolicy"]
        }]})
    }
}

/// The input of `priceFleet` (`pricing::fleet::price_fleet`); a bare array of scenarios also does.
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FleetInput {
    /// The scenarios, one or more accounts each.
    scenarios: Vec<Scenario>,
    /// A price sheet for every scenario.
    #[cfg_attr(feature = "ts", tsify(optional, type = "AzureDocument"))]
    #[cfg_attr(feature = "schema", schemars(with = "Option<AzureDocument>"))]
    price_sheet: Option<()>,
    /// Prices (alias of `priceSheet`).
    #[cfg_attr(feature = "ts", tsify(optional, type = "AzureDocument"))]
    #[cfg_attr(feature = "schema", schemars(with = "Option<AzureDocument>"))]
    prices: Option<()>,
    /// `false`: totals only, no row per account.
    #[cfg_attr(feature = "ts", tsify(optional, type = "boolean | null"))]
    #[cfg_attr(feature = "schema", schemars(with = "Option<bool>"))]
    rows: Option<()>,
}

/// A decimal given as a JSON number or a decimal string (`1000`, `"1000.5"`).
#[cfg(feature = "schema")]
pub struct DecimalInput;

#[cfg(feature = "schema")]
impl schemars::JsonSchema for DecimalInput {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DecimalInput".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A decimal: a JSON number or a decimal string such as `\"1000.5\"`.",
            "type": ["number", "string"]
        })
    }
}

/// The input of `locate`: JSON text and a JSON Pointer into it.
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LocateInput {
    /// The JSON text.
    text: String,
    /// An RFC 6901 pointer, e.g. a diagnostic's `path`.
    pointer: String,
}

/// An Azure document in any shape the readers know (an object, or an array of them).
#[cfg(feature = "schema")]
pub struct AzureDocument;

#[cfg(feature = "schema")]
impl schemars::JsonSchema for AzureDocument {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "AzureDocument".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An Azure document in any shape the readers know: an ARM resource or template, a REST spec example, `az` CLI or PowerShell output, an array of them or a `{\"value\": [...]}` list.",
            "type": ["object", "array"]
        })
    }
}

/// A text in any format the engine reads, given in place of a document.
#[derive(Serialize)]
#[cfg(feature = "schema")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Source {
    /// The format; when left out, `file`'s extension selects it.
    #[schemars(with = "Option<SourceFormat>")]
    format: Option<()>,
    /// The file's text.
    text: String,
    /// The file name, shown in each finding's `location`.
    file: Option<String>,
    /// The parameters file(s) of a template (`.json`, `.bicepparam`, `.tfvars`).
    #[schemars(with = "Option<serde_json::Value>")]
    parameters: Option<()>,
    /// Texts of local Bicep modules, by the path the `module` declaration writes.
    modules: Option<std::collections::BTreeMap<String, String>>,
}

/// The name of a text format (`formats::FORMATS`).
#[derive(Serialize)]
#[cfg(feature = "schema")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    /// JSON.
    Json,
    /// JSON with comments and trailing commas.
    Jsonc,
    /// Bicep.
    Bicep,
    /// A `.bicepparam` file.
    Bicepparam,
    /// Terraform HCL.
    Terraform,
    /// A `.tfvars` file.
    Tfvars,
}

/// A source text or an Azure document.
#[cfg(feature = "schema")]
pub struct SourceOrDocument;

#[cfg(feature = "schema")]
impl schemars::JsonSchema for SourceOrDocument {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "SourceOrDocument".into()
    }

    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({"anyOf": [g.subschema_for::<Source>(), g.subschema_for::<AzureDocument>()]})
    }
}
