//! The `plan` object of a `restorePlan` input, read with a precise finding for every missing,
//! mistyped or contradictory field.
//!
//! ```json
//! "plan": {
//!   "timestamp": "2026-11-20T09:15:29Z",        // or "incidentTime": "…" (restore to the latest point before it)
//!   "restore": "account",                        // or {"databases": [{"name": "db1", "containers": ["c1"]}],
//!                                                //     "graphs"…: "gremlinDatabases": [{"name": "g", "graphs": ["x"]}],
//!                                                //     "tables": ["t1"]}
//!   "target": {"accountName": "orders-restored", "resourceGroup": "rg", "location": "West US"}
//!                                                // or {"inAccount": true}
//!   "principalId": "…"                           // optional: whose permissions to check
//! }
//! ```
//! `collections` is accepted for `containers` (MongoDB) and `graphs` inside `databases` for
//! Gremlin. A database without `containers` means the whole database.

use super::rules::*;
use crate::diagnostics::Diagnostic;
use crate::pointer::Pointer;
use chrono::{DateTime, Utc};
use serde_json::Value;

/// A database to restore, with the containers (collections, graphs) named in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatabasePick {
    /// The database name.
    pub name: String,
    /// The containers, collections or graphs; empty for the whole database.
    pub children: Vec<String>,
}

/// What to restore.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Pick {
    /// Databases (NoSQL, MongoDB, Gremlin), each with its children.
    pub databases: Vec<DatabasePick>,
    /// Tables (API for Table).
    pub tables: Vec<String>,
}

impl Pick {
    /// True when nothing is named: the whole account.
    pub fn whole(&self) -> bool {
        self.databases.is_empty() && self.tables.is_empty()
    }
}

/// Where the restore goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A new account (or cluster).
    New {
        /// Its name.
        name: String,
        /// Its resource group, when given.
        resource_group: Option<String>,
        /// Its region, when given.
        location: Option<String>,
    },
    /// Deleted resources back into the source account.
    InAccount,
}

/// When to restore to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// This instant.
    At(DateTime<Utc>),
    /// The latest restorable instant before this one.
    Before(DateTime<Utc>),
}

/// The plan's input, as far as it could be read.
#[derive(Debug, Clone, Default)]
pub struct PlanInput {
    /// When, if readable.
    pub when: Option<When>,
    /// What.
    pub pick: Pick,
    /// Where, if readable.
    pub target: Option<Target>,
    /// Whose permissions to check.
    pub principal_id: Option<String>,
}

const FIELDS: &[&str] = &["timestamp", "incidentTime", "restore", "target", "principalId"];

fn path(keys: &[&str]) -> Pointer {
    keys.iter().fold(Pointer::root().key("plan"), |p, k| p.key(k))
}

fn type_name(v: &Value) -> &'static str {
    crate::node::type_name(v)
}

fn time(plan: &serde_json::Map<String, Value>, key: &str, d: &mut Vec<Diagnostic>) -> Option<DateTime<Utc>> {
    let v = plan.get(key)?;
    match v.as_str().and_then(crate::time::parse) {
        Some(p) => Some(p.at),
        None => {
            let shown = v.as_str().map_or_else(|| type_name(v).to_string(), crate::values::clip);
            d.push(PLAN_FIELD.at(
                &path(&[key]),
                format!("`plan.{key}` is `{shown}`, not a timestamp"),
                "write an RFC 3339 UTC instant, e.g. `2026-11-20T09:15:29Z`",
            ));
            None
        }
    }
}

fn strings(v: &Value, at: &Pointer, what: &str, d: &mut Vec<Diagnostic>) -> Vec<String> {
    let Some(items) = v.as_array() else {
        d.push(PLAN_FIELD.at(
            at,
            format!("`{what}` is {}, not a list of names", type_name(v)),
            "give a list of names, e.g. `[\"orders\"]`",
        ));
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match item.as_str().filter(|s| !s.is_empty()) {
            Some(s) => out.push(s.to_string()),
            None => d.push(PLAN_FIELD.at(
                &at.index(i),
                format!("`{what}` item {i} is not a non-empty name"),
                "write each name as a string",
            )),
        }
    }
    out
}

fn databases(v: &Value, at: &Pointer, d: &mut Vec<Diagnostic>) -> Vec<DatabasePick> {
    let Some(items) = v.as_array() else {
        d.push(PLAN_FIELD.at(
            at,
            format!("the databases are {}, not a list", type_name(v)),
            "give `[{\"name\": \"db1\", \"containers\": [\"c1\"]}]`",
        ));
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let here = at.index(i);
        if let Some(name) = item.as_str() {
            out.push(DatabasePick {
                name: name.to_string(),
                children: Vec::new(),
            });
            continue;
        }
        let Some(name) = item.get("name").and_then(Value::as_str).filter(|s| !s.is_empty()) else {
            d.push(PLAN_FIELD.at(
                &here,
                format!("database {i} has no `name`"),
                "give `{\"name\": \"db1\"}` (add `containers` to restore only some)",
            ));
            continue;
        };
        let mut children = Vec::new();
        for key in ["containers", "collections", "graphs"] {
            if let Some(c) = item.get(key) {
                children.extend(strings(c, &here.key(key), key, d));
            }
        }
        out.push(DatabasePick {
            name: name.to_string(),
            children,
        });
    }
    out
}

fn pick(plan: &serde_json::Map<String, Value>, d: &mut Vec<Diagnostic>) -> Pick {
    let Some(v) = plan.get("restore") else {
        return Pick::default();
    };
    let at = path(&["restore"]);
    match v {
        Value::String(s) if s.eq_ignore_ascii_case("account") => Pick::default(),
        Value::Object(m) => {
            let mut p = Pick::default();
            for (k, item) in m {
                match k.as_str() {
                    "databases" | "collections" | "gremlinDatabases" => {
                        p.databases.extend(databases(item, &at.key(k), d))
                    }
                    "tables" => p.tables.extend(strings(item, &at.key(k), "tables", d)),
                    "account" => {}
                    other => d.push(PLAN_UNKNOWN_FIELD.at(
                        &at.key(other),
                        format!("`plan.restore.{}` is not read", crate::values::clip(other)),
                        "use `databases` (with `containers`, `collections` or `graphs`) or `tables`",
                    )),
                }
            }
            p
        }
        other => {
            d.push(PLAN_FIELD.at(
                &at,
                format!("`plan.restore` is `{}`", crate::values::clip(&other.to_string())),
                "use `\"account\"` or `{\"databases\": […], \"tables\": […]}`",
            ));
            Pick::default()
        }
    }
}

fn target(plan: &serde_json::Map<String, Value>, d: &mut Vec<Diagnostic>) -> Option<Target> {
    let at = path(&["target"]);
    let Some(v) = plan.get("target") else {
        d.push(TARGET_MISSING.at(&Pointer::root().key("plan"), "`plan.target` is missing", "give `{\"accountName\": \"…\", \"resourceGroup\": \"…\", \"location\": \"…\"}` for a new account, or `{\"inAccount\": true}`"));
        return None;
    };
    let Some(m) = v.as_object() else {
        d.push(PLAN_FIELD.at(
            &at,
            format!("`plan.target` is {}, not an object", type_name(v)),
            "give `{\"accountName\": \"…\"}` or `{\"inAccount\": true}`",
        ));
        return None;
    };
    let text = |k: &str, d: &mut Vec<Diagnostic>| match m.get(k) {
        None => None,
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
        Some(other) => {
            d.push(PLAN_FIELD.at(
                &at.key(k),
                format!("`plan.target.{k}` is {}, not a non-empty string", type_name(other)),
                format!("write `{k}` as a string"),
            ));
            None
        }
    };
    let in_account = match m.get("inAccount") {
        None => false,
        Some(Value::Bool(b)) => *b,
        Some(other) => {
            d.push(PLAN_FIELD.at(
                &at.key("inAccount"),
                format!("`plan.target.inAccount` is {}, not a boolean", type_name(other)),
                "write `true` or `false`",
            ));
            false
        }
    };
    let name = text("accountName", d);
    let rg = text("resourceGroup", d);
    let location = text("location", d);
    for k in m
        .keys()
        .filter(|k| !["inAccount", "accountName", "resourceGroup", "location"].contains(&k.as_str()))
    {
        d.push(PLAN_UNKNOWN_FIELD.at(
            &at.key(k),
            format!("`plan.target.{}` is not read", crate::values::clip(k)),
            "use `accountName`, `resourceGroup`, `location` or `inAccount`",
        ));
    }
    if in_account {
        if name.is_some() || location.is_some() {
            let key = if name.is_some() { "accountName" } else { "location" };
            d.push(TARGET_BOTH.at(&at.key(key), format!("`plan.target` has `inAccount: true` and `{key}`"), "an in-account restore goes back into the source account: drop `accountName` and `location`, or drop `inAccount` for a new account"));
            return None;
        }
        return Some(Target::InAccount);
    }
    match name {
        Some(name) => Some(Target::New {
            name,
            resource_group: rg,
            location,
        }),
        None => {
            d.push(TARGET_NAME.at(
                &at,
                "`plan.target` has no `accountName`",
                "name the new account (3–50 lower-case letters, digits and hyphens), or set `inAccount: true`",
            ));
            None
        }
    }
}

/// Reads `plan` from the input; every problem is a finding in `d`.
pub fn read(input: &Value, d: &mut Vec<Diagnostic>) -> Option<PlanInput> {
    let Some(v) = input.get("plan") else {
        d.push(PLAN_MISSING.at(&Pointer::root(), "the input has no `plan`", "add `\"plan\": {\"timestamp\": \"…\", \"target\": {\"accountName\": \"…\"}}` next to the scenario's fields"));
        return None;
    };
    let Some(plan) = v.as_object() else {
        d.push(PLAN_FIELD.at(
            &Pointer::root().key("plan"),
            format!("`plan` is {}, not an object", type_name(v)),
            "give `{\"timestamp\": \"…\", \"target\": {…}}`",
        ));
        return None;
    };
    for k in plan.keys().filter(|k| !FIELDS.contains(&k.as_str())) {
        d.push(PLAN_UNKNOWN_FIELD.at(
            &path(&[k]),
            format!("`plan.{}` is not read", crate::values::clip(k)),
            format!("use {}", FIELDS.join(", ")),
        ));
    }
    let at = time(plan, "timestamp", d);
    let before = time(plan, "incidentTime", d);
    let when = match (plan.contains_key("timestamp"), plan.contains_key("incidentTime")) {
        (true, true) => {
            d.push(TIME_BOTH.at(&path(&["incidentTime"]), "`plan` has both `timestamp` and `incidentTime`", "keep `timestamp` to restore to that instant, or `incidentTime` to restore to the latest point before it"));
            None
        }
        (false, false) => {
            d.push(TIME_MISSING.at(&Pointer::root().key("plan"), "`plan` has neither `timestamp` nor `incidentTime`", "add `\"incidentTime\": \"…\"` (when the data was lost) or `\"timestamp\": \"…\"` (the instant to restore to)"));
            None
        }
        _ => at.map(When::At).or(before.map(When::Before)),
    };
    let pick = pick(plan, d);
    let target = target(plan, d);
    let principal_id = plan.get("principalId").and_then(Value::as_str).map(str::to_string);
    Some(PlanInput {
        when,
        pick,
        target,
        principal_id,
    })
}
