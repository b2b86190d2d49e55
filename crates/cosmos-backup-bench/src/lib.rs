//! Inputs for the benchmarks of every surface, generated in code (no large committed files).
//!
//! The Rust benches (`benches/engine.rs`) call these functions; `bench-inputs DIR` writes the same
//! documents as JSON files for the browser, Python and CLI benches (`benches/run`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "benchmark tooling, not the engine: a broken input should stop the run loudly"
)]

use serde_json::{Value, json};

/// `now` of every scenario.
pub const NOW: &str = "2026-11-21T12:00:00Z";

const REGIONS: &[&str] = &[
    "West US",
    "East US 2",
    "North Europe",
    "West Europe",
    "Southeast Asia",
    "Central US",
];

/// One account: even `i` periodic (interval, retention and redundancy vary), odd `i` continuous.
pub fn account(i: usize) -> Value {
    let redundancy = ["Geo", "Zone", "Local"][i % 3];
    let tier = ["Continuous7Days", "Continuous30Days"][(i / 2) % 2];
    let policy = if i % 2 == 0 {
        json!({"type": "Periodic", "periodicModeProperties": {
            "backupIntervalInMinutes": 60 + (i % 4) * 60,
            "backupRetentionIntervalInHours": 8 + (i % 5) * 8,
            "backupStorageRedundancy": redundancy}})
    } else {
        json!({"type": "Continuous", "continuousModeProperties": {"tier": tier}})
    };
    let regions = 1 + i % 2;
    let locations: Vec<Value> = (0..regions)
        .map(|k| json!({"locationName": REGIONS[(i + k) % REGIONS.len()], "failoverPriority": k}))
        .collect();
    json!({
        "type": "Microsoft.DocumentDB/databaseAccounts",
        "apiVersion": "2024-11-15",
        "name": format!("account-{i}"),
        "location": REGIONS[i % REGIONS.len()],
        "kind": "GlobalDocumentDB",
        "properties": {"databaseAccountOfferType": "Standard", "locations": locations, "backupPolicy": policy}
    })
}

/// A scenario around `account`.
pub fn scenario(account: Value) -> Value {
    json!({"now": NOW, "account": account})
}

/// The usage block of account `i` (for pricing).
pub fn usage(i: usize) -> Value {
    json!({"dataSizeGb": 100 + (i % 37) * 25})
}

/// A small periodic account: the keystroke-sized document of an editor.
pub fn small_periodic() -> Value {
    scenario(json!({
        "type": "Microsoft.DocumentDB/databaseAccounts", "name": "orders", "location": "West US",
        "properties": {"backupPolicy": {"type": "Periodic", "periodicModeProperties": {
            "backupIntervalInMinutes": 30, "backupRetentionIntervalInHours": 8, "backupStorageRedundancy": "Geo"}}}
    }))
}

/// The REST spec's `DatabaseAccountGet` example (the largest account body in the fixtures).
pub fn get_body_text() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/azure/specs-2025-10-15_CosmosDBDatabaseAccountGet.json"
    );
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The GET body as a scenario.
pub fn get_body() -> Value {
    scenario(serde_json::from_str(&get_body_text()).unwrap())
}

/// An ARM template with `n` accounts, with usage (so pricing runs too).
pub fn template(n: usize) -> Value {
    let resources: Vec<Value> = (0..n).map(account).collect();
    json!({
        "now": NOW,
        "usage": {"dataSizeGb": 500},
        "account": {
            "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
            "contentVersion": "1.0.0.0",
            "resources": resources
        }
    })
}

/// A continuous account with a restorable-database event feed of `n` events (create / delete /
/// recreate of `n / 3` databases) and an in-account restore request of three databases.
pub fn restore_with_events(n: usize) -> Value {
    let src = "/subscriptions/aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e/providers/Microsoft.DocumentDB/locations/West US/restorableDatabaseAccounts/d9b26648-2f53-4541-b3d8-3044f4f9810d";
    let events: Vec<Value> = (0..n)
        .map(|k| {
            let db = k / 3;
            let op = ["Create", "Delete", "Create"][k % 3];
            let day = 1 + (k % 18);
            let minute = k % 60;
            json!({
                "id": format!("/subscriptions/s/providers/Microsoft.DocumentDB/locations/westus/restorableDatabaseAccounts/x/restorableSqlDatabases/e{k}"),
                "type": "Microsoft.DocumentDB/locations/restorableDatabaseAccounts/restorableSqlDatabases",
                "name": format!("e{k}"),
                "properties": {"resource": {
                    "_rid": format!("r{k}"),
                    "eventTimestamp": format!("2026-11-{day:02}T10:{minute:02}:00Z"),
                    "ownerId": format!("db{db}"),
                    "ownerResourceId": format!("odb{db}"),
                    "operationType": op,
                    "canUndelete": "true"
                }}
            })
        })
        .collect();
    let request: Vec<Value> = (0..3)
        .map(|d| {
            json!({
                "type": "Microsoft.DocumentDB/databaseAccounts/sqlDatabases",
                "name": format!("shop/db{d}"),
                "properties": {"resource": {"id": format!("db{d}"), "createMode": "Restore",
                    "restoreParameters": {"restoreSource": src, "restoreTimestampInUtc": "2026-11-20T09:15:29Z",
                        "restoreWithTtlDisabled": true}}}
            })
        })
        .collect();
    json!({
        "now": NOW,
        "account": {
            "type": "Microsoft.DocumentDB/databaseAccounts", "name": "shop", "location": "West US",
            "properties": {"locations": [{"locationName": "West US", "failoverPriority": 0}],
                "backupPolicy": {"type": "Continuous", "continuousModeProperties": {"tier": "Continuous30Days"}}}
        },
        "events": {"value": events},
        "restoreRequest": request
    })
}

/// `priceFleet` input: `n` one-account scenarios with usage.
pub fn fleet(n: usize) -> Value {
    let scenarios: Vec<Value> = (0..n)
        .map(|i| json!({"now": NOW, "account": account(i), "usage": usage(i)}))
        .collect();
    json!({"scenarios": scenarios})
}

/// The documents the cross-surface benches share, by file name.
pub fn documents() -> Vec<(&'static str, Value)> {
    vec![
        ("small-periodic.json", small_periodic()),
        ("get-body.json", get_body()),
        ("template-50.json", template(50)),
        ("restore-events-300.json", restore_with_events(300)),
    ]
}
