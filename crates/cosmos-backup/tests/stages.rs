//! The operations share one pipeline of stages: the same account gets the same name from every
//! operation, and each operation runs only the stages it answers with.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a failure should stop the test"
)]

use cosmos_backup::api;
use serde_json::{Value, json};

fn fixture(name: &str) -> Value {
    let path = format!("{}/../../tests/fixtures/azure/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

/// `(evaluate's names, price's names)` of the accounts of a scenario.
fn names(scenario: &Value) -> (Vec<String>, Vec<String>) {
    let eval: Vec<String> = api::evaluate(scenario)
        .unwrap()
        .results
        .into_iter()
        .map(|r| r.name)
        .collect();
    let price = api::call("price", scenario);
    let priced: Vec<String> = price["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap().to_string())
        .collect();
    (eval, priced)
}

#[test]
fn evaluate_and_price_name_a_terraform_account_the_same() {
    // The name is an expression not evaluated offline: the resource address names the account.
    let text = "variable \"prefix\" {}\n\nresource \"azurerm_cosmosdb_account\" \"orders\" {\n  name = \"${var.prefix}-orders\"\n  location = \"westus\"\n  resource_group_name = \"rg\"\n  offer_type = \"Standard\"\n  consistency_policy { consistency_level = \"Session\" }\n  geo_location {\n    location = \"westus\"\n    failover_priority = 0\n  }\n  backup {\n    type = \"Periodic\"\n    interval_in_minutes = 240\n    retention_in_hours = 8\n  }\n}\n";
    let scenario = json!({
        "now": "2026-11-21T00:00:00Z",
        "account": {"format": "terraform", "file": "main.tf", "text": text},
        "usage": {"dataSizeGb": 100}
    });
    let (eval, price) = names(&scenario);
    assert_eq!(eval, vec!["azurerm_cosmosdb_account.orders".to_string()]);
    assert_eq!(price, eval);
}

#[test]
fn evaluate_and_price_name_a_rest_example_account_the_same() {
    // The request body has no `name`: the example's `accountName` parameter names it.
    let scenario = json!({
        "now": "2026-11-21T00:00:00Z",
        "account": fixture("specs-2022-05-15_CosmosDBRestoreDatabaseAccountCreateUpdate.json"),
        "usage": {"dataSizeGb": 100}
    });
    let (eval, price) = names(&scenario);
    assert!(eval.iter().any(|n| n == "ddb1 (request)"), "{eval:?}");
    assert_eq!(price, eval);
}

/// A scenario that every stage has something to say about.
fn busy_scenario() -> Value {
    json!({
        "now": "2026-11-21T00:00:00Z",
        "ruleSet": "legacy2017",
        "account": {
            "type": "Microsoft.DocumentDB/databaseAccounts", "name": "orders", "location": "West US",
            "properties": {"locations": [{"locationName": "West US", "failoverPriority": 0}],
                "backupPolicy": {"type": "Periodic", "periodicModeProperties": {
                    "backupIntervalInMinutes": 30, "backupRetentionIntervalInHours": 8}}}
        },
        "usage": {"dataSizeGb": 100, "restoresPerMonth": 1},
        "roleAssignments": [],
        "questions": [{"principalId": "p1", "question": "canRestore"}]
    })
}

fn codes(diags: &[cosmos_backup::diagnostics::Diagnostic]) -> Vec<&str> {
    diags.iter().map(|d| d.code.as_str()).collect()
}

#[test]
fn validate_runs_only_the_policy_stage() {
    let s = busy_scenario();
    let eval = api::evaluate(&s).unwrap();
    let all: Vec<_> = api::all_diagnostics(&eval).into_iter().cloned().collect();
    // The other stages have findings here, so leaving them out can be seen.
    let stage = |p: &str| all.iter().any(|d| d.code.starts_with(p));
    assert!(
        stage("pricing.") && stage("restore.") && stage("permissions."),
        "{:?}",
        codes(&all)
    );
    let v = api::validate(&s).unwrap();
    let got = codes(&v.diagnostics);
    assert!(got.contains(&"periodic.interval-below-minimum"), "{got:?}");
    assert!(
        got.iter()
            .all(|c| !(c.starts_with("pricing.") || c.starts_with("restore.") || c.starts_with("permissions."))),
        "{got:?}"
    );
    // What it does report is exactly evaluate's, in evaluate's order.
    let expected: Vec<&str> = codes(&all)
        .into_iter()
        .filter(|c| !(c.starts_with("pricing.") || c.starts_with("restore.") || c.starts_with("permissions.")))
        .collect();
    assert_eq!(got, expected);
    assert!(!v.valid);
}

#[test]
fn restore_operations_run_no_pricing_or_permissions() {
    let s = busy_scenario();
    let w = api::restore_window(&s).unwrap();
    assert!(w.results[0].restore_window.is_some());
    let got = codes(&w.diagnostics);
    assert!(got.iter().any(|c| c.starts_with("restore.")), "{got:?}");
    assert!(
        got.iter()
            .all(|c| !c.starts_with("pricing.") && !c.starts_with("permissions.")),
        "{got:?}"
    );
    // The policy's own findings belong to `evaluate` and `validate`, not to the window.
    assert!(!got.contains(&"periodic.interval-below-minimum"), "{got:?}");
}
