//! The operations table: every operation of the engine, once.
//!
//! [`for_each_operation!`](crate::for_each_operation) hands the table to a macro of the caller's,
//! which builds what that surface needs from it: the dispatcher, [`OPERATIONS`] and
//! [`OPERATION_TABLE`] here, one export per operation in bindings/wasm, one native function per
//! operation in bindings/python. The schema generator (`schema` feature) writes it to
//! the `operations` of `schemas/cosmos-backup.schema.json`, from which the Python functions
//! and `.pyi` are generated (`scripts/gen-python.py`). Adding an
//! operation is one entry below.

use super::dispatch::Emit;
use super::*;

/// Calls `$callback! { … }` with the whole operations table. Each entry is
///
/// ```text
/// /// One line saying what the operation answers.
/// jsName / rust_and_python_name (input: "TypeScript input type") -> RustOutputType as "TypeScript output type" = run;
/// ```
///
/// `input` is `document` (the operation needs one) or `optional` (it may be left out);
/// `run` is a closure `(&Value, Vec<Diagnostic>) -> Result<RustOutputType, ApiError>`, the second
/// argument being the findings only the input text shows (duplicate keys).
///
/// ```
/// macro_rules! names {
///     ($($(#[doc = $doc:literal])* $name:ident / $snake:ident ($kind:ident: $ts_in:literal) -> $out:ty as $ts_out:literal = $run:expr;)*) => {
///         &[$(stringify!($name)),*]
///     };
/// }
/// let names: &[&str] = cosmos_backup::for_each_operation!(names);
/// assert_eq!(names, cosmos_backup::api::OPERATIONS);
/// ```
#[macro_export]
macro_rules! for_each_operation {
    ($callback:ident) => {
        $callback! {
            /// Every finding, the effective policy, restore window, what a restore does not bring back and the cost of each account in a scenario.
            evaluate / evaluate (document: "Input | string") -> $crate::api::Evaluation as "Evaluation"
                = |v, f| $crate::api::evaluate(v).map(|e| $crate::api::with_findings(e, f));
            /// Every finding and a yes/no, for per-keystroke checks in a form.
            validate / validate (document: "Input | string") -> $crate::api::Validation as "Validation"
                = |v, f| $crate::api::validate(v).map(|x| x.prepend(f));
            /// Every object the readers find in a document, and its shape.
            read / read (document: "Input | string") -> ::std::vec::Vec<$crate::api::FoundObject> as "FoundObject[]"
                = |v, _| $crate::api::read(v);
            /// The catalogue of every diagnostic code.
            rules / rules (optional: "Json | string") -> ::std::vec::Vec<$crate::api::RuleInfo> as "RuleInfo[]"
                = |_, _| ::std::result::Result::Ok($crate::api::rules());
            /// Line and column of a JSON Pointer in JSON text.
            locate / locate (document: "LocateInput | string") -> ::std::option::Option<$crate::locate::Position> as "Position | null"
                = |v, _| ::std::result::Result::Ok($crate::api::locate_input(v));
            /// The restore window of every account, restorable account and cluster in a scenario.
            restoreWindow / restore_window (document: "Input | string") -> $crate::api::WindowsAnswer as "WindowsAnswer"
                = |v, _| $crate::api::restore_window(v);
            /// The periodic restore points (snapshots) of every account in a scenario.
            restorePoints / restore_points (document: "Input | string") -> $crate::api::WindowsAnswer as "WindowsAnswer"
                = |v, _| $crate::api::restore_points(v);
            /// Whether a restore request would be accepted, with every finding.
            checkRestoreRequest / check_restore_request (document: "Input | string") -> $crate::api::RequestAnswer as "RequestAnswer"
                = |v, _| $crate::api::check_restore_request(v);
            /// What a restore of each account would not bring back.
            notRestored / not_restored (document: "Input | string") -> ::std::vec::Vec<$crate::api::NotRestoredAnswer> as "NotRestoredAnswer[]"
                = |v, _| $crate::api::not_restored(v);
            /// The latest restore point before a delete or replace in the scenario's events.
            latestRestorableBeforeEvent / latest_restorable_before_event (document: "Input | string") -> $crate::api::EventAnswer as "EventAnswer"
                = |v, _| $crate::api::latest_restorable_before_event(v);
            /// A restore plan: the commands that carry out a restore the engine accepts, with what to verify and re-apply.
            restorePlan / restore_plan (document: "RestorePlanInput | string") -> $crate::api::RestorePlan as "RestorePlan"
                = |v, _| $crate::api::restore_plan(v);
            /// Answers restore-permission questions over role assignments.
            checkPermissions / check_permissions (document: "Input | string") -> $crate::permissions::PermissionCheck as "PermissionCheck"
                = |v, _| $crate::api::check_permissions(v);
            /// Who can restore which sources, and which assignments grant more than restore needs.
            leastPrivilegeReport / least_privilege_report (document: "Input | string") -> $crate::permissions::LeastPrivilegeReport as "LeastPrivilegeReport"
                = |v, _| $crate::api::least_privilege_report(v);
            /// The backup and restore cost of each account and cluster in a scenario with usage.
            price / price (document: "Input | string") -> $crate::evaluation::pricing::Pricing as "Pricing"
                = |v, _| $crate::api::price(v);
            /// Monthly cost over months, with growth, restores and added regions.
            project / project (document: "ProjectInput | string") -> $crate::pricing::plan::Projection as "Projection"
                = |v, _| $crate::api::project(v);
            /// The account priced under several policies, and the cheapest one meeting a window.
            whatIf / what_if (document: "WhatIfInput | string") -> $crate::pricing::plan::WhatIf as "WhatIf"
                = |v, _| $crate::api::what_if(v);
            /// Many scenarios in one call: one row per account and totals per currency.
            priceFleet / price_fleet (document: "FleetInput | Scenario[] | string") -> $crate::evaluation::pricing::Fleet as "Fleet"
                = |v, _| $crate::api::price_fleet(v);
            /// The built-in price sheet: every price with its meter, unit, date and source.
            priceSheet / price_sheet (optional: "Json | string") -> &'static $crate::pricing::sheet::Sheet as "Sheet"
                = |_, _| ::std::result::Result::Ok($crate::api::price_sheet());
        }
    };
}

/// Whether an operation needs an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum InputKind {
    /// It takes a document (or scenario, or source object).
    Document,
    /// Its input may be left out.
    Optional,
}

/// One row of the operations table, as data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OperationInfo {
    /// The operation's name (JSON, JavaScript, the CLI's `call`): `restoreWindow`.
    pub name: &'static str,
    /// The Rust and Python function name: `restore_window`.
    pub function: &'static str,
    /// Whether it needs an input.
    pub input: InputKind,
    /// The TypeScript type of its input.
    pub ts_input: &'static str,
    /// The TypeScript (and schema) type of its answer.
    pub ts_output: &'static str,
    /// What it answers, in one line.
    pub summary: &'static str,
}

macro_rules! core_table {
    ($($(#[doc = $doc:literal])* $name:ident / $snake:ident ($kind:ident: $ts_in:literal) -> $out:ty as $ts_out:literal = $run:expr;)*) => {
        /// The operations [`call`] dispatches, by name. Every binding exposes each of them.
        pub const OPERATIONS: &[&str] = &[$(stringify!($name)),*];

        /// The operations table as data (what the generators and the CLI's `operations` read).
        pub const OPERATION_TABLE: &[OperationInfo] = &[$(OperationInfo {
            name: stringify!($name),
            function: stringify!($snake),
            input: core_table!(@kind $kind),
            ts_input: $ts_in,
            ts_output: $ts_out,
            summary: concat!($($doc),*),
        }),*];

        /// Runs the operation `op`, handing its typed answer to `out`.
        pub(super) fn run<E: Emit>(op: &str, input: &Value, findings: Vec<Diagnostic>, out: E) -> E::Out {
            match op {
                $(stringify!($name) => {
                    let run: fn(&Value, Vec<Diagnostic>) -> Result<$out, ApiError> = $run;
                    out.emit(run(input, findings))
                })*
                other => out.emit::<()>(Err(unknown_operation(other))),
            }
        }
    };
    (@kind document) => { InputKind::Document };
    (@kind optional) => { InputKind::Optional };
}

crate::for_each_operation!(core_table);

/// The answer for an operation name nobody wrote (with the closest real one).
fn unknown_operation(op: &str) -> ApiError {
    let help = match crate::suggest::closest(op, OPERATIONS) {
        Some(s) => format!("did you mean `{s}`?"),
        None => format!("use one of {}", OPERATIONS.join(", ")),
    };
    ApiError::from_diagnostic(input::NOT_A_DOCUMENT.at(
        &Pointer::root(),
        format!("unknown operation `{}`", crate::values::clip(op)),
        help,
    ))
}
