//! Properties (proptest) of the core: no panics on any JSON, determinism, JSON round trips, the
//! retention rule exactly, and an effective policy that keeps every value the user gave.
//! `PROPTEST_CASES=N` sets the number of cases (default 256 per property); see RELIABILITY.md.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "test code: a failure should stop the test"
)]

use cosmos_backup::api::{self, Evaluation};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

/// Keys the readers look for, in several casings, plus noise: random JSON reaches deep code.
const KEYS: &[&str] = &[
    "type",
    "Type",
    "name",
    "properties",
    "Properties",
    "backupPolicy",
    "BackupPolicy",
    "periodicModeProperties",
    "backupIntervalInMinutes",
    "backupRetentionIntervalInHours",
    "backupStorageRedundancy",
    "continuousModeProperties",
    "tier",
    "migrationState",
    "status",
    "startTime",
    "locations",
    "locationName",
    "failoverPriority",
    "kind",
    "capabilities",
    "enableAnalyticalStorage",
    "enableMultipleWriteLocations",
    "resources",
    "parameters",
    "defaultValue",
    "variables",
    "$schema",
    "responses",
    "value",
    "now",
    "account",
    "current",
    "events",
    "restorableAccount",
    "incidentTime",
    "resource_changes",
    "change",
    "after",
    "backup",
    "body",
    "template",
    "x",
    "",
];
const STRINGS: &[&str] = &[
    "Microsoft.DocumentDB/databaseAccounts",
    "Microsoft.DocumentDB/locations",
    "Periodic",
    "Continuous",
    "periodic",
    "Geo",
    "Local",
    "Zone",
    "zone",
    "Continuous7Days",
    "Continuous30Days",
    "InProgress",
    "Failed",
    "Completed",
    "2026-11-21T00:00:00Z",
    "6/24/2020 4:01:48 AM",
    "2020-08-08T01:04:52.070190+00:00",
    "[parameters('x')]",
    "[variables('v')]",
    "West US",
    "GlobalDocumentDB",
    "MongoDB",
    "EnableCassandra",
    "true",
    "NaN",
    "",
    "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
    "azurerm_cosmosdb_account",
    "Microsoft.DocumentDB/databaseAccounts@2025-10-15",
];

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        prop_oneof![
            Just(0i64),
            Just(60),
            Just(240),
            Just(1440),
            Just(8),
            Just(720),
            Just(i64::from(i32::MAX) + 1),
            Just(i64::MIN),
            any::<i64>()
        ]
        .prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        proptest::sample::select(STRINGS).prop_map(|s| json!(s)),
        ".{0,12}".prop_map(Value::String),
    ]
}

fn arb_json() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(6, 64, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec(
                (
                    prop_oneof![4 => proptest::sample::select(KEYS).prop_map(str::to_string), 1 => ".{0,6}"],
                    inner
                ),
                0..6
            )
            .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// An account-shaped document with random content where the policy lives, so most cases reach
/// the policy rules rather than stopping at "unknown shape".
fn arb_scenario() -> impl Strategy<Value = Value> {
    (arb_json(), arb_json(), arb_json(), any::<bool>()).prop_map(|(policy, extra, now, wrap)| {
        let account = json!({"type": "Microsoft.DocumentDB/databaseAccounts", "name": "p",
            "properties": {"backupPolicy": policy, "locations": extra}});
        if wrap {
            json!({"now": now, "account": account, "current": account})
        } else {
            account
        }
    })
}

fn round_trip(v: &Value) -> Value {
    serde_json::from_str(&serde_json::to_string(v).unwrap()).unwrap()
}

fn codes_at(eval: &Evaluation) -> Vec<(String, String)> {
    api::all_diagnostics(eval)
        .iter()
        .map(|d| (d.code.clone(), d.path.to_string()))
        .collect()
}

proptest! {
    /// No JSON value makes any operation panic, through the value API or the text API.
    #[test]
    fn no_json_panics(v in prop_oneof![arb_json(), arb_scenario()]) {
        for op in api::OPERATIONS {
            let _ = api::call(op, &v);
        }
        let text = v.to_string();
        for op in ["evaluate", "validate", "read"] {
            let out: Value = serde_json::from_str(&api::call_json(op, &text)).unwrap();
            prop_assert_eq!(&out, &api::call(op, &v), "text and value paths differ for {}", op);
        }
        let _ = api::locate(&text, "/account/properties/backupPolicy");
        let _ = api::locate(&text, "/0/x/~1");
    }

    /// Evaluation is deterministic, and identical after a JSON round trip of the input and of
    /// the output.
    #[test]
    fn evaluation_is_deterministic_and_round_trips(v in arb_scenario()) {
        let a = api::evaluate(&v);
        let b = api::evaluate(&round_trip(&v));
        prop_assert_eq!(&a, &b);
        if let Ok(eval) = a {
            let text = serde_json::to_string(&eval).unwrap();
            let back: Evaluation = serde_json::from_str(&text).unwrap();
            prop_assert_eq!(&back, &eval);
            prop_assert_eq!(serde_json::to_string(&back).unwrap(), text);
        }
    }

    /// Any text (not only JSON) through the text API gives a JSON answer.
    #[test]
    fn any_text_answers_json(text in ".{0,64}") {
        for op in ["evaluate", "validate", "read"] {
            let out: Value = serde_json::from_str(&api::call_json(op, &text)).unwrap();
            prop_assert!(out.is_object() || out.is_array());
        }
    }

    /// The periodic interval and retention rules, exactly: which codes appear is a function of the
    /// two numbers alone, as the documentation states it.
    #[test]
    fn retention_rule_is_exact(interval in -100i64..2000, retention in -10i64..900) {
        let doc = json!({"type": "Microsoft.DocumentDB/databaseAccounts", "name": "p", "properties": {
            "backupPolicy": {"type": "Periodic", "periodicModeProperties": {
                "backupIntervalInMinutes": interval, "backupRetentionIntervalInHours": retention,
                "backupStorageRedundancy": "Geo"}}}});
        let eval = api::evaluate(&doc).unwrap();
        let codes: Vec<String> = codes_at(&eval).into_iter().map(|(c, _)| c).collect();
        let has = |c: &str| codes.iter().any(|x| x == c);
        let below_twice = interval > 0 && retention * 60 < 2 * interval;
        prop_assert_eq!(has("periodic.interval-below-minimum"), interval < 60);
        prop_assert_eq!(has("periodic.interval-above-maximum"), interval > 1440);
        prop_assert_eq!(has("periodic.retention-above-maximum"), retention > 720);
        prop_assert_eq!(has("periodic.retention-below-twice-interval"), below_twice);
        prop_assert_eq!(
            has("periodic.retention-below-terraform-minimum"),
            interval > 0 && !below_twice && retention > 0 && retention < 8
        );
        prop_assert_eq!(
            has("periodic.retention-not-multiple-of-interval"),
            interval > 0 && !below_twice && (retention * 60) % interval != 0
        );
        let errors = usize::from(interval < 60) + usize::from(interval > 1440)
            + usize::from(retention > 720) + usize::from(below_twice);
        prop_assert_eq!(eval.summary.errors, errors, "{:?}", codes);
    }

    /// The effective policy keeps every value the user gave (even invalid ones) and fills only
    /// the absent ones, naming each in `defaulted`.
    #[test]
    fn effective_policy_keeps_every_given_value(
        interval in proptest::option::of(any::<i32>()),
        retention in proptest::option::of(any::<i32>()),
        redundancy in proptest::option::of(proptest::sample::select(&["Geo", "Local", "Zone"][..])),
        tier in proptest::option::of(proptest::sample::select(&["Continuous7Days", "Continuous30Days"][..])),
        continuous in any::<bool>(),
    ) {
        let mut props = Map::new();
        let mut given = Vec::new();
        let mut policy = Map::new();
        if continuous {
            policy.insert("type".into(), json!("Continuous"));
            if let Some(t) = tier {
                policy.insert("continuousModeProperties".into(), json!({"tier": t}));
                given.push(("tier", json!(t)));
            }
        } else {
            policy.insert("type".into(), json!("Periodic"));
            for (k, v) in [
                ("backupIntervalInMinutes", interval.map(|i| json!(i))),
                ("backupRetentionIntervalInHours", retention.map(|i| json!(i))),
                ("backupStorageRedundancy", redundancy.map(|r| json!(r))),
            ] {
                if let Some(v) = v {
                    props.insert(k.to_string(), v.clone());
                    given.push((k, v));
                }
            }
            policy.insert("periodicModeProperties".into(), Value::Object(props));
        }
        let doc = json!({"type": "Microsoft.DocumentDB/databaseAccounts", "name": "p",
            "properties": {"backupPolicy": policy}});
        let out = api::call("evaluate", &doc);
        let eff = &out["results"][0]["effectivePolicy"];
        for (k, v) in &given {
            prop_assert_eq!(&eff[*k], v, "{} lost", k);
            prop_assert!(!eff["defaulted"].as_array().unwrap().contains(&json!(k)));
        }
        let fields: &[&str] = if continuous { &["tier"] } else {
            &["backupIntervalInMinutes", "backupRetentionIntervalInHours", "backupStorageRedundancy"]
        };
        for f in fields {
            let was_given = given.iter().any(|(k, _)| k == f);
            let defaulted = eff["defaulted"].as_array().unwrap().contains(&json!(f));
            prop_assert_eq!(defaulted, !was_given, "{} defaulted = {}", f, defaulted);
            prop_assert!(!eff[*f].is_null(), "{} missing", f);
        }
    }
}
