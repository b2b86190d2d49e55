//! The JSON-in/JSON-out API: the only boundary the CLI and the bindings use.
//!
//! Each operation comes in two forms: typed (`serde_json::Value` in, a serde type out) and
//! text (`&str` in, JSON text out), in the manner of cedar's FFI module.
//!
//! ```
//! use cosmos_backup::api;
//! let doc = serde_json::json!({"properties": {"backupPolicy": {"type": "Periodic",
//!     "periodicModeProperties": {"backupIntervalInMinutes": 30, "backupRetentionIntervalInHours": 8}}}});
//! let eval = api::evaluate(&doc).unwrap();
//! let d = &eval.results[0].diagnostics[0];
//! assert_eq!(d.code, "periodic.interval-below-minimum");
//! assert_eq!(d.path.as_str(), "/properties/backupPolicy/periodicModeProperties/backupIntervalInMinutes");
//! ```

mod contract;
mod dispatch;
mod evaluate;
#[cfg(any(feature = "ts", feature = "schema"))]
pub mod inputs;
mod operations;
/// The scenario model lives below the engines ([`crate::scenario`]); re-exported for callers of the boundary.
pub use crate::scenario;
#[cfg(feature = "schema")]
pub mod schema;
pub mod sources;
#[cfg(feature = "ts")]
pub mod ts;

pub use contract::*;
use dispatch::to_text;
pub use dispatch::{call, call_json, call_text, run_json, run_value};
pub use evaluate::{Options, evaluate, evaluate_with};
pub use operations::{InputKind, OPERATION_TABLE, OPERATIONS, OperationInfo};

use crate::diagnostics::{Diagnostic, Summary};
use crate::input;
use crate::node::Node;
use crate::pointer::Pointer;
use serde::Serialize;
use serde_json::Value;

/// The largest JSON text the text API accepts (bytes). Larger inputs get `input.limit-exceeded`.
pub use crate::limits::MAX_INPUT_BYTES;

/// Parses JSON text, turning syntax errors into a located diagnostic.
pub fn parse_json(text: &str) -> Result<Value, ApiError> {
    parse_text(text).map(|(v, _)| v)
}

/// Parses JSON text like [`parse_json`], and also returns the findings only the text shows:
/// duplicate keys (`input.duplicate-key`), which a parsed value has already lost.
pub fn parse_text(text: &str) -> Result<(Value, Vec<Diagnostic>), ApiError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(ApiError::from_diagnostic(input::TOO_LARGE.at(
            &Pointer::root(),
            format!(
                "the input is {} bytes, above the limit of {MAX_INPUT_BYTES}",
                text.len()
            ),
            "split the input into smaller documents (for fleets, several calls)",
        )));
    }
    match serde_json::from_str(text) {
        Ok(v) => Ok((v, crate::limits::duplicate_keys(text))),
        // ARM and `az` accept comments and trailing commas; blanking them keeps every position.
        Err(e) => match crate::formats::jsonc::blank(text) {
            Some(clean) => match serde_json::from_str(&clean) {
                Ok(v) => Ok((v, crate::limits::duplicate_keys(&clean))),
                Err(e) => Err(ApiError::from_diagnostic(syntax_error(&clean, &e))),
            },
            None => Err(ApiError::from_diagnostic(syntax_error(text, &e))),
        },
    }
}

/// The run of bytes matching `part` that contains byte `offset` (or ends just before it).
fn token_around(text: &str, offset: usize, part: impl Fn(u8) -> bool) -> &str {
    let bytes = text.as_bytes();
    let mut start = offset.min(bytes.len());
    if !bytes.get(start).copied().is_some_and(&part) {
        start = start.saturating_sub(1);
    }
    while start > 0 && bytes.get(start.saturating_sub(1)).copied().is_some_and(&part) {
        start = start.saturating_sub(1);
    }
    let mut end = start;
    while bytes.get(end).copied().is_some_and(&part) {
        end = end.saturating_add(1);
    }
    text.get(start..end).unwrap_or("")
}

fn syntax_error(text: &str, e: &serde_json::Error) -> Diagnostic {
    let mut d = syntax_diagnostic(text, e);
    d.location = Some(crate::diagnostics::Location {
        file: None,
        line: e.line(),
        column: e.column(),
    });
    d
}

fn syntax_diagnostic(text: &str, e: &serde_json::Error) -> Diagnostic {
    let (line, column) = (e.line(), e.column());
    let offset = crate::limits::offset_of(text, line, column);
    let message = e.to_string();
    if message.contains("recursion limit") {
        return crate::limits::too_deep(&crate::limits::path_at(text, offset));
    }
    if message.contains("number out of range") {
        let path = crate::limits::path_at(text, offset);
        let field = path.tokens().pop().unwrap_or_default();
        let number = token_around(text, offset, |b| {
            b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E')
        });
        return input::OUT_OF_RANGE.at(&path, format!("`{}` is `{}`, too large for a 64-bit float (line {line}, column {column})", crate::values::clip(&field), crate::values::clip(number)), "use a number in the range the field allows (counts and hours fit in 32 bits); the whole input was refused because it cannot be read");
    }
    let word = token_around(text, offset, |b| b.is_ascii_alphabetic() || matches!(b, b'-' | b'+'));
    if ["nan", "infinity", "-infinity", "+infinity", "inf", "-inf", "+inf"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
    {
        return input::JSON_SYNTAX.at(
            &crate::limits::path_at(text, offset),
            format!("`{word}` at line {line}, column {column} is not a JSON number"),
            "JSON has no NaN or Infinity: write a finite number, or leave the field out",
        );
    }
    if text.starts_with('\u{feff}') {
        return input::JSON_SYNTAX.at(
            &Pointer::root(),
            "the text starts with a byte-order mark (U+FEFF)",
            "save the file as UTF-8 without a BOM (PowerShell: `Out-File -Encoding utf8NoBOM`)",
        );
    }
    let what = match e.classify() {
        serde_json::error::Category::Eof => "the JSON ends early",
        _ => "the input is not valid JSON",
    };
    input::JSON_SYNTAX.at(&Pointer::root(), format!("{what} at line {line}, column {column}"), "fix the JSON at that position (an editor with JSON highlighting helps); numbers must be finite and fit in a 64-bit float")
}

/// Misuse by a host value that has no JSON form (a cycle, a `BigInt`, a function, nesting too
/// deep for the host's serialiser): the bindings report it like unparseable text.
pub fn not_json(detail: &str) -> ApiError {
    ApiError::from_diagnostic(input::JSON_SYNTAX.at(
        &Pointer::root(),
        format!("the input has no JSON form: {}", crate::values::clip(detail)),
        "pass plain data: objects, arrays, strings, finite numbers, booleans and null (no cycles, `BigInt`s or functions)",
    ))
}

/// Checks that a value can be a document (an object or an array of objects).
fn document(value: &Value) -> Result<(), ApiError> {
    match value {
        Value::Object(_) | Value::Array(_) => Ok(()),
        other => Err(ApiError::from_diagnostic(input::NOT_A_DOCUMENT.at(
            &Pointer::root(),
            format!("the input is {}, not a JSON object", crate::node::type_name(other)),
            "pass an account document, an ARM template, or a scenario object `{\"now\": …, \"account\": …}`",
        ))),
    }
}

/// `validate`: every finding and a yes/no, for per-keystroke checks in a form.
pub fn validate(value: &Value) -> Result<Validation, ApiError> {
    evaluate(value).map(validation)
}

fn validation(eval: Evaluation) -> Validation {
    let mut diagnostics = eval.diagnostics;
    for r in eval.results {
        diagnostics.extend(r.diagnostics);
    }
    let summary = Summary::of(&diagnostics);
    Validation {
        valid: summary.errors == 0,
        summary,
        diagnostics,
    }
}

/// `read`: every object the readers find in a document, and its shape. A source object (Bicep,
/// Terraform, JSON text) is converted first; paths are then into the converted document.
pub fn read(value: &Value) -> Result<Vec<FoundObject>, ApiError> {
    if let Some(expanded) = sources::expand(value)? {
        return read(&expanded.value);
    }
    document(value)?;
    // Template expressions evaluated first: names from parameters, copies, conditions.
    let prepared = crate::template::prepare(value);
    let root = Node::root(prepared.as_ref().map_or(value, |p| &p.value));
    Ok(crate::read::find(&root)
        .into_iter()
        .map(|f| FoundObject {
            kind: f.kind,
            shape: f.shape,
            name: f
                .node
                .get_any(&["name", "accountName", "roleName"])
                .and_then(|n| n.as_str().map(str::to_string)),
            path: f.node.path,
        })
        .collect())
}

/// `rules`: the public catalogue of every diagnostic code.
pub fn rules() -> Vec<RuleInfo> {
    crate::catalogue()
        .iter()
        .map(|r| RuleInfo {
            code: r.code.to_string(),
            severity: r.severity,
            summary: r.summary.to_string(),
            source: r.source.to_string(),
        })
        .collect()
}

/// `checkPermissions`: answers restore-permission questions over role assignments.
///
/// Input: `{"roleAssignments": […], "roleDefinitions"?: […], "questions": […], "managementGroups"?: {…},
/// "restorableAccount"?: {…}}`. See [`crate::permissions`].
pub fn check_permissions(value: &Value) -> Result<crate::permissions::PermissionCheck, ApiError> {
    document(value)?;
    Ok(crate::permissions::check(&Node::root(value)))
}

/// `leastPrivilegeReport`: who can restore which sources, and which assignments grant more than restore needs.
///
/// Input: `{"roleAssignments": […], "roleDefinitions"?: […], "sources"?: ["<restorable account id>"],
/// "managementGroups"?: {…}}`.
pub fn least_privilege_report(value: &Value) -> Result<crate::permissions::LeastPrivilegeReport, ApiError> {
    document(value)?;
    Ok(crate::permissions::least_privilege(&Node::root(value)))
}

/// Text form of [`check_permissions`].
pub fn check_permissions_json(text: &str) -> String {
    to_text(parse_json(text).and_then(|v| check_permissions(&v)))
}

/// Text form of [`least_privilege_report`].
pub fn least_privilege_report_json(text: &str) -> String {
    to_text(parse_json(text).and_then(|v| least_privilege_report(&v)))
}

/// `locate` as an operation: `{"text": "<json>", "pointer": "/a/b"}` in.
fn locate_input(input: &Value) -> Option<crate::locate::Position> {
    let text = input.get("text").and_then(Value::as_str).unwrap_or("");
    let pointer = input.get("pointer").and_then(Value::as_str).unwrap_or("");
    locate(text, pointer)
}

/// Document-level findings from the text (duplicate keys) added in front of a validation's own.
fn with_validation_findings(mut v: Validation, mut findings: Vec<Diagnostic>) -> Validation {
    if !findings.is_empty() {
        v.summary.add(Summary::of(&findings));
        v.valid = v.summary.errors == 0;
        findings.append(&mut v.diagnostics);
        v.diagnostics = findings;
    }
    v
}

/// `locate`: line and column of a JSON Pointer in JSON text.
pub fn locate(text: &str, pointer: &str) -> Option<crate::locate::Position> {
    crate::locate::position(text, &Pointer::parse(pointer)?)
}

pub use crate::restore::operations::{
    EventAnswer, NotRestoredAnswer, RequestAnswer, WindowAnswer, WindowsAnswer, check_restore_request,
    latest_restorable_before_event, not_restored, restore_points, restore_window,
};

/// `price`: one scenario (with `usage`, optional `priceSheet`) → the cost of each account and
/// Cosmos DB for PostgreSQL cluster in it.
///
/// ```
/// let s = serde_json::json!({"account": {"type": "Microsoft.DocumentDB/databaseAccounts",
///     "location": "westus", "properties": {"backupPolicy": {"type": "Periodic",
///     "periodicModeProperties": {"backupIntervalInMinutes": 1440, "backupRetentionIntervalInHours": 240}}}},
///     "usage": {"dataSizeGb": 1000}});
/// let p = cosmos_backup::api::price(&s).unwrap();
/// assert_eq!(p.results[0].cost.as_ref().unwrap().monthly_total, "960.00");
/// ```
pub fn price(value: &Value) -> Result<crate::pricing::fleet::Pricing, ApiError> {
    document(value)?;
    Ok(crate::pricing::fleet::price(value))
}

/// `project`: monthly cost over N months with growth, restores and added regions
/// (see [`crate::pricing::plan`]).
pub fn project(value: &Value) -> Result<crate::pricing::plan::Projection, ApiError> {
    document(value)?;
    Ok(crate::pricing::plan::project(value))
}

/// `whatIf`: the account priced under several policies, with the restore window each buys and
/// the cheapest one meeting `requiredWindowDays` (see [`crate::pricing::plan`]).
pub fn what_if(value: &Value) -> Result<crate::pricing::plan::WhatIf, ApiError> {
    document(value)?;
    Ok(crate::pricing::plan::what_if(value))
}

/// `priceFleet`: many scenarios in one call → one row per account and totals per currency.
pub fn price_fleet(value: &Value) -> Result<crate::pricing::fleet::Fleet, ApiError> {
    document(value)?;
    Ok(crate::pricing::fleet::price_fleet(value))
}

/// `priceSheet`: the default price sheet, every price with its meter, unit, date and source.
pub fn price_sheet() -> &'static crate::pricing::sheet::Sheet {
    crate::pricing::sheet::default_sheet()
}

/// Document-level findings from the text (duplicate keys) added in front of an evaluation's own.
fn with_findings(mut eval: Evaluation, mut findings: Vec<Diagnostic>) -> Evaluation {
    if !findings.is_empty() {
        eval.summary.add(Summary::of(&findings));
        findings.append(&mut eval.diagnostics);
        eval.diagnostics = findings;
    }
    eval
}

/// [`evaluate`] on JSON text, with the findings only the text shows (duplicate keys).
pub fn evaluate_text(text: &str) -> Result<Evaluation, ApiError> {
    evaluate_text_with(text, &Options::default())
}

/// [`evaluate_text`] with caller-side [`Options`] (the CLI's `--now`).
pub fn evaluate_text_with(text: &str, options: &Options) -> Result<Evaluation, ApiError> {
    let (v, findings) = parse_text(text)?;
    evaluate_with(&v, options).map(|e| with_findings(e, findings))
}

/// Text form of [`evaluate`]: JSON in, JSON out (`{"error": …}` on misuse).
pub fn evaluate_json(text: &str) -> String {
    to_text(evaluate_text(text))
}

/// Text form of [`validate`].
pub fn validate_json(text: &str) -> String {
    to_text(parse_text(text).and_then(|(v, findings)| validate(&v).map(|x| with_validation_findings(x, findings))))
}

/// Text form of [`read`].
pub fn read_json(text: &str) -> String {
    to_text(parse_json(text).and_then(|v| read(&v)))
}

/// Text form of [`rules`].
pub fn rules_json() -> String {
    to_text::<Vec<RuleInfo>>(Ok(rules()))
}

/// All findings of an evaluation, document-level first.
pub fn all_diagnostics(eval: &Evaluation) -> Vec<&Diagnostic> {
    eval.diagnostics
        .iter()
        .chain(eval.results.iter().flat_map(|r| r.diagnostics.iter()))
        .collect()
}
