//! # cosmos-backup
//!
//! Exact, offline answers to the questions people ask about Azure Cosmos DB backups: is this
//! backup policy valid, to which moments can I restore and from where, what will a restore not
//! bring back, and what will backup and restore cost.
//!
//! The crate is pure: no I/O, no clock (`now` is always an input), no `unsafe`, and no input
//! can make it panic (the workspace denies `unwrap`, `expect`, `panic!`, indexing and
//! unchecked arithmetic outside tests). Every surface — the `cosmos-backup` command, the
//! WebAssembly package and the Python module — goes through [`api`].
//!
//! ```
//! let doc = serde_json::json!({
//!     "type": "Microsoft.DocumentDB/databaseAccounts", "name": "orders",
//!     "properties": {"backupPolicy": {"type": "Continuous"}}
//! });
//! let eval = cosmos_backup::api::evaluate(&doc).unwrap();
//! let policy = eval.results[0].effective_policy.as_ref().unwrap();
//! assert_eq!(policy.tier, Some(cosmos_backup::policy::types::Tier::Continuous30Days));
//! assert_eq!(policy.defaulted, vec!["tier".to_string()]);
//! ```
//!
//! ## Diagnostics
//!
//! Every finding has the same shape ([`diagnostics::Diagnostic`]): a stable `code`, a
//! `severity`, a JSON Pointer `path` into the document the user gave, a one-line `message`,
//! a `help` that gives the fix, and a `source` that cites the rule. All findings are collected;
//! nothing stops at the first. [`catalogue`] lists every code.
//!
//! ## Message style guide
//!
//! - `message` is one lower-case line with no trailing period. It names the field and the
//!   user's value in backticks: "`backupIntervalInMinutes` is `30`, below the minimum of `60`".
//! - `help` says what to do, not what went wrong, with the allowed range or the closest valid
//!   value: "use a value from `60` to `1440` minutes (1 to 24 hours)", "did you mean `Continuous7Days`?".
//! - Never print Rust type names, `Debug` output or internal paths.
//! - Where sources disagree, say which one is followed and why: the newest Microsoft document
//!   wins ("Terraform requires at least 8 h; the Azure documentation allows 2 × the interval").
//! - UIs and tests key on `code` and `path`, never on the text.

#![forbid(unsafe_code)]

pub mod api;
pub mod contract;
pub mod diagnostics;
pub mod evaluation;
pub mod formats;
pub mod input;
pub mod limits;
pub mod locate;
pub mod model;
pub mod node;
pub mod permissions;
pub mod pointer;
pub mod policy;
pub mod pricing;
pub mod read;
pub mod refusal;
pub mod restore;
pub mod scenario;
pub mod sources;
pub mod suggest;
pub mod template;
pub mod time;
pub mod values;

use diagnostics::Rule;

/// Every rule the engine can report, grouped by domain. Every code is unique and every code
/// has at least one vector in `tests/vectors/`.
pub fn catalogue() -> Vec<&'static Rule> {
    [
        input::RULES,
        formats::hcl::RULES,
        formats::bicep::RULES,
        policy::RULES,
        policy::params::RULES,
        restore::RULES,
        evaluation::plan::RULES,
        pricing::RULES,
        permissions::RULES,
    ]
    .iter()
    .flat_map(|r| r.iter())
    .collect()
}

/// The README's Rust examples, compiled and run as doc tests so they cannot drift.
#[doc = include_str!("../../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
