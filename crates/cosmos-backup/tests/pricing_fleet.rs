//! `priceFleet` on thousands of accounts: exact totals, and fast (the default sheet is built once).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "test code: a failure should stop the test"
)]

use cosmos_backup::api;
use serde_json::{Value, json};

fn scenario(i: usize) -> Value {
    let policy = if i % 2 == 0 {
        json!({"type": "Continuous", "continuousModeProperties": {"tier": "Continuous30Days"}})
    } else {
        json!({"type": "Periodic", "periodicModeProperties": {"backupIntervalInMinutes": 1440, "backupRetentionIntervalInHours": 240, "backupStorageRedundancy": "Local"}})
    };
    json!({
        "now": "2026-11-21T00:00:00Z",
        "account": {"type": "Microsoft.DocumentDB/databaseAccounts", "name": format!("acct-{i}"),
            "properties": {"locations": [{"locationName": "East US 2", "failoverPriority": 0}, {"locationName": "West US 2", "failoverPriority": 1}],
                           "backupPolicy": policy}},
        "usage": {"dataSizeGb": 100}
    })
}

#[test]
fn five_thousand_accounts_price_exactly_and_fast() {
    let n = 5000;
    let fleet = json!({"scenarios": (0..n).map(scenario).collect::<Vec<_>>()});
    let start = std::time::Instant::now();
    let out = api::call("priceFleet", &fleet);
    let elapsed = start.elapsed();
    assert_eq!(out["accounts"].as_array().unwrap().len(), n);
    // Continuous: 100 GB × 0.20 × 2 regions = 40.00; periodic Local: 8 × 100 × 0.10 = 80.00.
    assert_eq!(out["accounts"][0]["monthlyTotal"], "40.00");
    assert_eq!(out["accounts"][1]["monthlyTotal"], "80.00");
    assert_eq!(out["totals"][0]["monthlyTotal"], "300000.00");
    assert_eq!(out["totals"][0]["accounts"], 5000);
    eprintln!("priceFleet: {n} accounts in {elapsed:?}");
    // Generous for an unoptimised build on a shared 2-core machine; release is far faster.
    assert!(elapsed.as_secs() < 20, "{n} accounts took {elapsed:?}");
}
