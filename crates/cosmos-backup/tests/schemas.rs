//! The checked-in JSON Schemas (`schemas/cosmos-backup.schema.json`) are the ones the Rust types
//! generate. (The Python tests validate every vector's answer against them.)
//! `UPDATE_SCHEMAS=1 cargo test --workspace --test schemas` rewrites the file.
#![cfg(feature = "schema")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "test code")]

use cosmos_backup::api;
use serde_json::Value;
use std::path::PathBuf;

fn checked_in() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../schemas/cosmos-backup.schema.json")
}

#[test]
fn the_checked_in_schemas_are_current() {
    let generated = serde_json::to_string_pretty(&api::schema::bundle()).unwrap() + "\n";
    let path = checked_in();
    if std::env::var_os("UPDATE_SCHEMAS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &generated).unwrap();
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == generated,
        "schemas/cosmos-backup.schema.json is stale: run `UPDATE_SCHEMAS=1 cargo test --workspace --test schemas` and commit it"
    );
}

#[test]
fn every_operation_has_an_input_and_an_output_schema() {
    let bundle = api::schema::bundle();
    let ops = bundle["operations"].as_object().unwrap();
    let names: Vec<&str> = ops.keys().map(String::as_str).collect();
    assert_eq!(names, api::OPERATIONS);
    let defs = bundle["$defs"].as_object().unwrap();
    for (name, op) in ops {
        for part in ["input", "output"] {
            for r in refs(&op[part]) {
                let def = r.strip_prefix("#/$defs/").unwrap();
                assert!(defs.contains_key(def), "{name}.{part}: {r} is not in $defs");
            }
        }
    }
    // A few fields the surfaces rely on, by name: a stale or wrong derive shows here.
    let evaluation = &defs["Evaluation"]["properties"];
    for field in ["schemaVersion", "results", "diagnostics", "summary", "permissions"] {
        assert!(evaluation.get(field).is_some(), "Evaluation.{field}");
    }
    assert_eq!(defs["Price"]["properties"]["unitPrice"]["type"], "string");
    assert_eq!(defs["Sheet"]["properties"]["prices"]["type"], "array");
}

fn refs(v: &Value) -> Vec<String> {
    match v {
        Value::Object(m) => m
            .iter()
            .flat_map(|(k, v)| match (k.as_str(), v) {
                ("$ref", Value::String(s)) => vec![s.clone()],
                _ => refs(v),
            })
            .collect(),
        Value::Array(a) => a.iter().flat_map(refs).collect(),
        _ => Vec::new(),
    }
}
