//! TypeScript declarations of the API's inputs (feature `ts`, used by the WebAssembly package).
//!
//! The outputs get theirs from `#[derive(tsify::Tsify)]` on each contract type. Inputs are read
//! through [`super::scenario::ScenarioView`] from any shape, so they have no serde type; these
//! declaration-only structs give editors the scenario's keys ([`super::scenario::FIELDS`]; a
//! test in bindings/wasm keeps the two equal) and the `locate` input.

use serde::Serialize;
use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen(typescript_custom_section)]
const JSON_TYPES: &str = r#"
/** Any JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** An Azure document in any shape the readers know: an ARM resource or template, a REST spec
 * example, `az` CLI or PowerShell output, an array of them or a `{"value": [...]}` list. */
export type AzureDocument = { [key: string]: Json } | Json[];
/** A text in any format the engine reads, given in place of a document (`account`, `current`,
 * the whole input): its findings carry a `location` in that text. */
export interface Source {
  /** The format; when left out, `file`'s extension selects it. */
  format?: "json" | "jsonc" | "bicep" | "bicepparam" | "terraform" | "tfvars";
  /** The file's text. */
  text: string;
  /** The file name, shown in each finding's `location`. */
  file?: string;
  /** The parameters file(s) of a template (`.json`, `.bicepparam`, `.tfvars`). */
  parameters?: Source | Source[];
  /** Texts of local Bicep modules, by the path the `module` declaration writes. */
  modules?: { [path: string]: string };
}
/** What `evaluate`, `validate` and `read` take: a scenario, a bare Azure document, or a source. */
export type Input = Scenario | Source | AzureDocument;
/** What `restorePlan` restores: the whole account, or named databases (with their containers,
 * collections or graphs; none named = the whole database) and tables. */
export type PlanRestore =
  | "account"
  | {
      databases?: (string | { name: string; containers?: string[]; collections?: string[]; graphs?: string[] })[];
      tables?: string[];
    };
/** `restorePlan`'s `plan`: when (`timestamp`, or `incidentTime` for the latest point before it),
 * what, and where (a new account, or in-account). */
export interface PlanInput {
  timestamp?: string;
  incidentTime?: string;
  restore?: PlanRestore;
  target: { accountName: string; resourceGroup?: string; location?: string } | { inAccount: true };
  /** Whose permissions to check against the scenario's `roleAssignments`. */
  principalId?: string;
}
/** What `restorePlan` takes: a scenario (the source, `events`, `usage`, `roleAssignments`) and its `plan`. */
export type RestorePlanInput = Scenario & { plan: PlanInput };
"#;

/// A scenario: the document plus the facts an answer depends on (`now` is always an input).
#[derive(Serialize, tsify::Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Scenario {
    /// A label for the scenario.
    #[tsify(optional)]
    name: Option<String>,
    /// The instant the question is asked at (RFC 3339).
    #[tsify(optional)]
    now: Option<String>,
    /// The account document, in any shape, or a source text.
    #[tsify(optional, type = "Source | AzureDocument")]
    account: Option<()>,
    /// The account as it is now, when `account` is a proposed change.
    #[tsify(optional, type = "Source | AzureDocument")]
    current: Option<()>,
    /// A restorable database account.
    #[tsify(optional, type = "AzureDocument")]
    restorable_account: Option<()>,
    /// Measured usage (data sizes, regions) for pricing.
    #[tsify(optional, type = "AzureDocument")]
    usage: Option<()>,
    /// A restore request to check.
    #[tsify(optional, type = "AzureDocument")]
    restore_request: Option<()>,
    /// Restorable events (database and container feeds).
    #[tsify(optional, type = "AzureDocument")]
    events: Option<()>,
    /// Location metadata.
    #[tsify(optional, type = "AzureDocument")]
    locations: Option<()>,
    /// A price sheet that overrides the built-in prices.
    #[tsify(optional, type = "AzureDocument")]
    price_sheet: Option<()>,
    /// Prices (alias of `priceSheet`).
    #[tsify(optional, type = "AzureDocument")]
    prices: Option<()>,
    /// When an incident happened (RFC 3339).
    #[tsify(optional)]
    incident_time: Option<String>,
    /// When the last periodic snapshot was taken (RFC 3339); pins the restore-point schedule.
    #[tsify(optional)]
    last_backup_time: Option<String>,
    /// The rule set to apply.
    #[tsify(optional, type = "Json")]
    rule_set: Option<()>,
    /// Role assignments of the caller.
    #[tsify(optional, type = "AzureDocument")]
    role_assignments: Option<()>,
    /// Role definitions.
    #[tsify(optional, type = "AzureDocument")]
    role_definitions: Option<()>,
    /// Questions to answer.
    #[tsify(optional, type = "Json")]
    questions: Option<()>,
    /// `retrieveContinuousBackupInformation` output.
    #[tsify(optional, type = "AzureDocument")]
    backup_information: Option<()>,
    /// Management-group tree for permission checks: `{"mg": ["<subscription id>", "<child mg>"]}`.
    #[tsify(optional, type = "{ [group: string]: string[] }")]
    management_groups: Option<()>,
    /// Restorable-account ids the least-privilege report covers.
    #[tsify(optional, type = "string[]")]
    sources: Option<()>,
    /// Evaluation options.
    #[tsify(optional, type = "{ [key: string]: Json }")]
    options: Option<()>,
}

/// The input of `locate`: JSON text and a JSON Pointer into it.
#[derive(Serialize, tsify::Tsify)]
pub struct LocateInput {
    /// The JSON text.
    text: String,
    /// An RFC 6901 pointer, e.g. a diagnostic's `path`.
    pointer: String,
}
