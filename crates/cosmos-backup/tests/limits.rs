//! Resource limits (README "Inputs"): large inputs are answered with `input.limit-exceeded`,
//! quickly, never with a crash. The huge cases live here rather than in tests/vectors/ to keep
//! the repository small.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "test code: a failure should stop the test"
)]

use cosmos_backup::{api, limits};
use serde_json::{Value, json};
use std::time::{Duration, Instant};

fn account(locations: Value) -> Value {
    json!({"type": "Microsoft.DocumentDB/databaseAccounts", "name": "big", "location": "West US",
        "properties": {"locations": locations, "backupPolicy": {"type": "Periodic",
            "periodicModeProperties": {"backupIntervalInMinutes": 240, "backupRetentionIntervalInHours": 8,
                "backupStorageRedundancy": "Geo"}}}})
}

fn codes(v: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut add = |ds: &Value| {
        for d in ds.as_array().into_iter().flatten() {
            out.push((
                d["code"].as_str().unwrap().to_string(),
                d["path"].as_str().unwrap().to_string(),
            ));
        }
    };
    add(&v["diagnostics"]);
    for r in v["results"].as_array().into_iter().flatten() {
        add(&r["diagnostics"]);
    }
    add(&v["error"]["diagnostics"]);
    out
}

/// Generous bound for a debug build on a busy shared 2-core machine; quadratic work would take minutes.
const SLOW: Duration = Duration::from_secs(60);

#[test]
fn one_hundred_thousand_regions() {
    let regions: Vec<Value> = (0..100_000)
        .map(|i| json!({"locationName": format!("Region {i}"), "failoverPriority": i}))
        .collect();
    let locations: Vec<Value> = (0..200)
        .map(|i| {
            json!({"name": format!("Region {i}"), "type": "Microsoft.DocumentDB/locations",
            "properties": {"backupStorageRedundancies": ["Geo", "Local"]}})
        })
        .collect();
    let scenario = json!({"now": "2026-11-21T00:00:00Z", "account": account(Value::Array(regions)),
        "locations": locations});
    let text = scenario.to_string();
    let t = Instant::now();
    let out: Value = serde_json::from_str(&api::call_json("evaluate", &text)).unwrap();
    let took = t.elapsed();
    assert!(took < SLOW, "took {took:?}");
    assert!(codes(&out).contains(&("input.limit-exceeded".into(), "/account/properties/locations".into())));
    assert_eq!(out["summary"]["errors"], 1, "{}", out["summary"]);
}

#[test]
fn too_many_accounts_are_reported_and_the_first_evaluated() {
    let n = limits::MAX_ACCOUNTS + 5;
    let doc = Value::Array((0..n).map(|_| account(json!(["West US"]))).collect());
    let out = api::call("evaluate", &doc);
    assert_eq!(out["results"].as_array().unwrap().len(), limits::MAX_ACCOUNTS);
    assert!(codes(&out).contains(&("input.limit-exceeded".into(), String::new())));
}

#[test]
fn too_many_events_are_reported() {
    let events = Value::Array(vec![Value::Null; limits::MAX_EVENTS + 1]);
    let s = json!({"now": "2026-11-21T00:00:00Z", "account": account(json!([])), "events": events});
    let out = api::call("evaluate", &s);
    assert!(codes(&out).contains(&("input.limit-exceeded".into(), "/events".into())));
}

#[test]
fn too_large_text_is_refused_before_parsing() {
    let text = " ".repeat(limits::MAX_INPUT_BYTES + 1);
    let out: Value = serde_json::from_str(&api::call_json("evaluate", &text)).unwrap();
    assert_eq!(out["error"]["code"], "input.limit-exceeded");
}

#[test]
fn long_strings_are_reported_and_stay_fast() {
    // A 2 MiB enum value: above the string limit, and the did-you-mean must not be quadratic.
    let big = "C".repeat(2 * 1024 * 1024);
    let s = json!({"now": "2026-11-21T00:00:00Z", "account": {"type": "Microsoft.DocumentDB/databaseAccounts",
        "name": "x", "properties": {"backupPolicy": {"type": big}}}});
    let t = Instant::now();
    let out = api::call("evaluate", &s);
    assert!(t.elapsed() < SLOW, "took {:?}", t.elapsed());
    let c = codes(&out);
    assert!(c.contains(&(
        "input.limit-exceeded".into(),
        "/account/properties/backupPolicy/type".into()
    )));
    assert!(c.contains(&(
        "policy.type-unknown".into(),
        "/account/properties/backupPolicy/type".into()
    )));
}

#[test]
fn typed_values_deeper_than_the_limit_are_refused_like_text() {
    let mut deep = json!({"type": "Periodic"});
    for _ in 0..140 {
        deep = json!({ "a": deep });
    }
    let s = json!({"now": "2026-11-21T00:00:00Z", "account": {"properties": {"backupPolicy": deep}}});
    let by_value = api::call("evaluate", &s);
    let mut by_text: Value = serde_json::from_str(&api::call_json("evaluate", &s.to_string())).unwrap();
    assert_eq!(by_value["error"]["code"], "input.limit-exceeded");
    // Only the text knows where the nesting crosses the limit: its answer adds the line and column.
    let location = by_text["error"]["diagnostics"][0]
        .as_object_mut()
        .unwrap()
        .remove("location");
    assert_eq!(location.unwrap()["line"], 1);
    assert_eq!(by_value, by_text);
}

#[test]
fn every_limit_is_documented_in_the_readme() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md")).unwrap();
    for (name, text) in [
        ("MAX_INPUT_BYTES", "32 MiB"),
        ("MAX_DEPTH", "128 levels"),
        ("MAX_STRING_BYTES", "1 MiB"),
        ("MAX_SCENARIOS", "10 000 scenarios"),
        ("MAX_ACCOUNTS", "10 000 accounts"),
        ("MAX_REGIONS", "1 000 regions"),
        ("MAX_EVENTS", "1 000 000 events"),
    ] {
        assert!(readme.contains(text), "README does not document {name} as `{text}`");
    }
}
