//! The pricing issue's done-when, through the built command: `cosmos-backup evaluate --format json`
//! on 1000 GB, Continuous30Days, westus + eastus2 gives `400.00` a month and `150.00` per restore.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a failure should stop the test"
)]

use std::path::PathBuf;
use std::process::Command;

fn example(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name)
}

#[test]
fn evaluate_json_prices_seed_003_example() {
    let out = Command::new(env!("CARGO_BIN_EXE_cosmos-backup"))
        .args(["evaluate", "--format", "json", "--now", "2026-11-21T00:00:00Z"])
        .arg(example("pricing-continuous-30-days-two-regions.json"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let cost = &v["results"][0]["cost"];
    assert_eq!(cost["currency"], "USD");
    assert_eq!(cost["monthlyTotal"], "400.00");
    assert_eq!(cost["perRestore"], "150.00");
    let regions: Vec<&str> = cost["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["region"].as_str().unwrap())
        .collect();
    assert_eq!(regions, ["westus", "eastus2"]);
    for l in cost["lines"].as_array().unwrap() {
        assert_eq!(l["amount"], "200.00");
        assert_eq!(l["unitPrice"], "0.20");
        assert_eq!(l["currency"], "USD");
    }
}
