//! Rust benches of the engine (divan): `cargo bench -p cosmos-backup-bench` (or `bash benches/run`).
//!
//! - `parse` vs `evaluate_text` (parse + evaluate + serialise the answer: what every binding pays)
//!   vs `evaluate_value` (an already parsed `Value`) on the four typical documents;
//! - `operation`: `api::call_text` for every operation, on the largest vector of `tests/vectors` naming it;
//! - `scaling_*`: fleets of 1 → 100 000 accounts and event feeds of 10 → 30 000 events, with an item
//!   counter, so divan prints the throughput at each size (per-item time = 1 / throughput).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs,
    reason = "benchmark harness"
)]

use cosmos_backup::api;
use cosmos_backup_bench as inputs;
use divan::counter::{BytesCount, ItemsCount};
use divan::{Bencher, black_box};
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::OnceLock;

fn main() {
    divan::main();
}

const DOCS: &[&str] = &["small-periodic", "get-body", "template-50", "restore-events-300"];

/// The typical documents as JSON text, by name.
fn texts() -> &'static BTreeMap<&'static str, String> {
    static T: OnceLock<BTreeMap<&'static str, String>> = OnceLock::new();
    T.get_or_init(|| {
        inputs::documents()
            .into_iter()
            .map(|(file, doc)| (file.trim_end_matches(".json"), serde_json::to_string(&doc).unwrap()))
            .collect()
    })
}

#[divan::bench(args = DOCS)]
fn parse(b: Bencher, doc: &str) {
    let text = &texts()[doc];
    b.counter(BytesCount::of_str(text))
        .bench(|| serde_json::from_str::<Value>(black_box(text)).unwrap());
}

#[divan::bench(args = DOCS)]
fn evaluate_text(b: Bencher, doc: &str) {
    let text = &texts()[doc];
    b.counter(BytesCount::of_str(text))
        .bench(|| api::call_json("evaluate", black_box(text)));
}

#[divan::bench(args = DOCS)]
fn evaluate_value(b: Bencher, doc: &str) {
    let value: Value = serde_json::from_str(&texts()[doc]).unwrap();
    b.bench(|| api::evaluate(black_box(&value)).unwrap());
}

/// Serialising the evaluation alone (what `evaluate_text` adds to parse + `evaluate_value`).
#[divan::bench(args = DOCS)]
fn answer_to_text(b: Bencher, doc: &str) {
    let value: Value = serde_json::from_str(&texts()[doc]).unwrap();
    let eval = api::evaluate(&value).unwrap();
    b.bench(|| serde_json::to_string(black_box(&eval)).unwrap());
}

/// `validate` on text: the keystroke operation (findings only, no windows, costs or checklist text).
#[divan::bench(args = DOCS)]
fn validate_text(b: Bencher, doc: &str) {
    let text = &texts()[doc];
    b.bench(|| api::call_json("validate", black_box(text)));
}

/// The largest vector input of each operation (among those that are not refused).
fn vector_inputs() -> &'static BTreeMap<String, Value> {
    static V: OnceLock<BTreeMap<String, Value>> = OnceLock::new();
    V.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors");
        let mut files = Vec::new();
        let mut stack = vec![root];
        while let Some(dir) = stack.pop() {
            for e in std::fs::read_dir(&dir).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "json") {
                    files.push(p);
                }
            }
        }
        files.sort();
        let mut out = BTreeMap::new();
        for f in files {
            let Ok(v) = serde_json::from_str::<Value>(&std::fs::read_to_string(&f).unwrap()) else {
                continue;
            };
            let (Some(op), Some(input)) = (v["operation"].as_str(), v.get("scenario")) else {
                continue;
            };
            let ok = !api::call(op, input)
                .as_object()
                .is_some_and(|o| o.contains_key("error"));
            let longer = out
                .get(op)
                .is_none_or(|v: &Value| v.to_string().len() < input.to_string().len());
            if ok && longer {
                out.insert(op.to_string(), input.clone());
            }
        }
        out
    })
}

#[divan::bench(args = api::OPERATIONS)]
fn operation(b: Bencher, op: &str) {
    let input = vector_inputs().get(op).cloned().unwrap_or(Value::Null);
    b.bench(|| api::call_text(black_box(op), black_box(&input)));
}

const FLEET: &[usize] = &[1, 10, 100, 1_000, 10_000, 100_000];

/// Accounts per template: up to the 10 000 a document may hold (`limits::MAX_ACCOUNTS`; beyond it
/// the rest are reported, not evaluated, so a larger template would time the limit).
const TEMPLATE: &[usize] = &[1, 10, 100, 1_000, 10_000];

/// `evaluate` of an ARM template with N accounts (policy, restore and pricing of each), answered
/// as text (what every binding pays).
#[divan::bench(args = TEMPLATE, sample_count = 5)]
fn scaling_evaluate_template(b: Bencher, n: usize) {
    let doc = inputs::template(n);
    b.counter(ItemsCount::new(n))
        .bench(|| api::call_text("evaluate", black_box(&doc)));
}

/// `priceFleet` of N one-account scenarios, one row per account, answered as text.
#[divan::bench(args = FLEET, sample_count = 5)]
fn scaling_price_fleet(b: Bencher, n: usize) {
    let doc = inputs::fleet(n);
    b.counter(ItemsCount::new(n))
        .bench(|| api::call_text("priceFleet", black_box(&doc)));
}

/// `priceFleet` of N one-account scenarios with `"rows": false`, answered as text: the engine's
/// own pricing cost per scenario, without building or serialising the rows.
#[divan::bench(args = FLEET, sample_count = 5)]
fn scaling_price_fleet_totals(b: Bencher, n: usize) {
    let mut doc = inputs::fleet(n);
    doc["rows"] = Value::Bool(false);
    b.counter(ItemsCount::new(n))
        .bench(|| api::call_text("priceFleet", black_box(&doc)));
}

const EVENTS: &[usize] = &[10, 100, 1_000, 10_000, 30_000];

/// `evaluate` of a continuous account with N restorable events and a restore request (text answer).
#[divan::bench(args = EVENTS, sample_count = 5)]
fn scaling_events(b: Bencher, n: usize) {
    let doc = inputs::restore_with_events(n);
    b.counter(ItemsCount::new(n))
        .bench(|| api::call_text("evaluate", black_box(&doc)));
}
