//! Properties (proptest) of the core: no panics on any JSON, determinism, JSON round trips, the
//! retention rule exactly, an effective policy that keeps every value the user gave; and over
//! generated scenarios: restore windows inside creation, deletion, `now` and the tier, accepted
//! restore timestamps inside the region's window, costs never negative and monotone, 7-day
//! storage free, and determinism with every scenario part.
//! `PROPTEST_CASES=N` sets the number of cases (default 256 per property); see RELIABILITY.md.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "test code: a failure should stop the test"
)]

use chrono::{DateTime, TimeDelta, Utc};
use cosmos_backup::api::{self, Evaluation};
use cosmos_backup::diagnostics::{Diagnostic, Severity};
use cosmos_backup::pricing::LineKind;
use cosmos_backup::restore::RestoreWindow;
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{Map, Value, json};
use std::str::FromStr;

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

// ---------------------------------------------------------------------------------------------
// Scenario properties (issue 9): restore windows, restore requests, costs. Generated scenarios
// go through the public API only; instants are seconds relative to `now`.
// ---------------------------------------------------------------------------------------------

const DAY: i64 = 86_400;
/// `now` is this instant plus 0 to ~1 year.
const BASE: &str = "2026-01-01T00:00:00Z";
/// Regions: the first five are in the default price sheet, `Norway East` is not.
const REGIONS: &[&str] = &[
    "West US",
    "East US 2",
    "Central US",
    "Australia East",
    "Brazil South",
    "Norway East",
];

fn base() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(BASE).unwrap().with_timezone(&Utc)
}

fn instant(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn rfc(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// An instant relative to `now`: mostly in the last 50 days, sometimes just around the 7-day and
/// 30-day marks or the backup lag, sometimes (a little) after `now`.
fn rel() -> impl Strategy<Value = i64> {
    prop_oneof![
        4 => -(50 * DAY)..(2 * DAY),
        1 => (proptest::sample::select(&[-7 * DAY, -30 * DAY, -100, 0, -37 * DAY][..]), -3i64..=3)
            .prop_map(|(m, j)| m + j),
    ]
}

/// A source account: `now`, and its creation, deletion, oldest restorable time and regions
/// (name, creation, deletion), all relative to `now`.
#[derive(Debug, Clone)]
struct Source {
    now: DateTime<Utc>,
    creation: Option<i64>,
    deletion: Option<i64>,
    oldest: Option<i64>,
    regions: Vec<(&'static str, Option<i64>, Option<i64>)>,
}

impl Source {
    fn at(&self, rel: i64) -> DateTime<Utc> {
        self.now + TimeDelta::seconds(rel)
    }

    /// The `RestorableDatabaseAccountGetResult` of the source.
    fn restorable(&self) -> Value {
        let mut p = Map::new();
        p.insert("accountName".into(), json!("src"));
        p.insert("apiType".into(), json!("Sql"));
        for (k, v) in [
            ("creationTime", self.creation),
            ("deletionTime", self.deletion),
            ("oldestRestorableTime", self.oldest),
        ] {
            if let Some(v) = v {
                p.insert(k.into(), json!(rfc(self.at(v))));
            }
        }
        let locs: Vec<Value> = self
            .regions
            .iter()
            .map(|(name, c, d)| {
                let mut l = Map::new();
                l.insert("locationName".into(), json!(name));
                if let Some(c) = c {
                    l.insert("creationTime".into(), json!(rfc(self.at(*c))));
                }
                if let Some(d) = d {
                    l.insert("deletionTime".into(), json!(rfc(self.at(*d))));
                }
                Value::Object(l)
            })
            .collect();
        p.insert("restorableLocations".into(), Value::Array(locs));
        json!({"id": source_id(self.regions[0].0), "name": "inst", "location": self.regions[0].0,
            "type": "Microsoft.DocumentDB/locations/restorableDatabaseAccounts", "properties": p})
    }
}

fn source_id(region: &str) -> String {
    format!("/subscriptions/s/providers/Microsoft.DocumentDB/locations/{region}/restorableDatabaseAccounts/inst")
}

fn arb_source() -> impl Strategy<Value = Source> {
    let regions = proptest::sample::subsequence(&REGIONS[..5], 1..=3).prop_flat_map(|names| {
        let n = names.len();
        (
            Just(names),
            proptest::collection::vec((proptest::option::of(rel()), proptest::option::of(rel())), n),
        )
            .prop_map(|(names, spans)| {
                names
                    .into_iter()
                    .zip(spans)
                    .map(|(n, (c, d))| (n, c, d))
                    .collect::<Vec<_>>()
            })
    });
    (
        0..(365 * DAY),
        proptest::option::of(rel()),
        proptest::option::weighted(0.4, rel()),
        proptest::option::weighted(0.2, rel()),
        regions,
    )
        .prop_map(|(now, creation, deletion, oldest, regions)| Source {
            now: base() + TimeDelta::seconds(now),
            creation,
            deletion,
            oldest,
            regions,
        })
}

/// A live account (`locations` from the source's regions) with a backup policy.
fn live_account(src: &Source, policy: &Value, created: Option<i64>) -> Value {
    let locs: Vec<Value> = src
        .regions
        .iter()
        .enumerate()
        .map(|(i, (n, _, _))| json!({"locationName": n, "failoverPriority": i}))
        .collect();
    let mut a = json!({"type": "Microsoft.DocumentDB/databaseAccounts", "name": "live",
        "location": src.regions[0].0, "properties": {"locations": locs, "backupPolicy": policy}});
    if let Some(c) = created {
        a["systemData"] = json!({"createdAt": rfc(src.at(c))});
    }
    a
}

/// How the window is asked for.
#[derive(Debug, Clone)]
enum WindowKind {
    /// A live continuous account (tier given or not), optionally created at `systemData.createdAt`.
    Live {
        tier: Option<&'static str>,
        created: Option<i64>,
    },
    /// A live continuous account and its `restorableAccount`.
    LiveWithRestorable { tier: Option<&'static str> },
    /// The restorable account itself as the document (deleted accounts are listed this way).
    Restorable,
    /// A live periodic account.
    Periodic {
        interval: i64,
        retention: i64,
        created: Option<i64>,
    },
}

fn arb_tier() -> impl Strategy<Value = Option<&'static str>> {
    proptest::option::of(proptest::sample::select(&["Continuous7Days", "Continuous30Days"][..]))
}

fn arb_window_kind() -> impl Strategy<Value = WindowKind> {
    prop_oneof![
        (arb_tier(), proptest::option::of(rel())).prop_map(|(tier, created)| WindowKind::Live { tier, created }),
        arb_tier().prop_map(|tier| WindowKind::LiveWithRestorable { tier }),
        Just(WindowKind::Restorable),
        (
            prop_oneof![Just(60i64), Just(240), Just(1440), 1i64..2000],
            prop_oneof![Just(8i64), Just(720), 1i64..900],
            proptest::option::of(-(40 * DAY)..DAY),
        )
            .prop_map(|(interval, retention, created)| WindowKind::Periodic {
                interval,
                retention,
                created
            }),
    ]
}

fn continuous_policy(tier: Option<&str>) -> Value {
    match tier {
        Some(t) => json!({"type": "Continuous", "continuousModeProperties": {"tier": t}}),
        None => json!({"type": "Continuous"}),
    }
}

/// The scenario of a window case.
fn window_scenario(src: &Source, kind: &WindowKind) -> Value {
    let now = rfc(src.now);
    match kind {
        WindowKind::Live { tier, created } => {
            json!({"now": now, "account": live_account(src, &continuous_policy(*tier), *created)})
        }
        WindowKind::LiveWithRestorable { tier } => json!({"now": now,
            "account": live_account(src, &continuous_policy(*tier), None), "restorableAccount": src.restorable()}),
        WindowKind::Restorable => json!({"now": now, "account": src.restorable()}),
        WindowKind::Periodic {
            interval,
            retention,
            created,
        } => {
            let policy = json!({"type": "Periodic", "periodicModeProperties": {"backupIntervalInMinutes": interval,
                "backupRetentionIntervalInHours": retention, "backupStorageRedundancy": "Geo"}});
            json!({"now": now, "account": live_account(src, &policy, *created)})
        }
    }
}

/// An instant the scenario states, if it does.
type Told = Option<DateTime<Utc>>;

/// What the engine must respect for a case: the creation, deletion and oldest restorable time
/// it was told about.
fn told(src: &Source, kind: &WindowKind) -> (Told, Told, Told) {
    match kind {
        WindowKind::Live { created, .. } | WindowKind::Periodic { created, .. } => {
            (created.map(|c| src.at(c)), None, None)
        }
        WindowKind::LiveWithRestorable { .. } | WindowKind::Restorable => (
            src.creation.map(|c| src.at(c)),
            src.deletion.map(|d| src.at(d)),
            src.oldest.map(|o| src.at(o)),
        ),
    }
}

fn has_code(diags: &[Diagnostic], code: &str) -> bool {
    diags.iter().any(|d| d.code == code)
}

/// The length of a tier's window.
fn tier_length(w: &RestoreWindow, kind: &WindowKind) -> TimeDelta {
    match (w.tier.as_str(), kind) {
        ("Continuous7Days", _) => TimeDelta::days(7),
        ("Continuous30Days", _) => TimeDelta::days(30),
        ("Periodic", WindowKind::Periodic { retention, .. }) => TimeDelta::hours(*retention),
        (t, k) => panic!("unexpected tier {t} for {k:?}"),
    }
}

// --- pricing scenarios --------------------------------------------------------------------------

/// A priced account: policy, regions (write region first), usage and an optional user sheet.
#[derive(Debug, Clone)]
struct Bill {
    /// `Some((interval, retention, redundancy))` for periodic, else continuous with a tier.
    periodic: Option<(i64, i64, &'static str)>,
    tier: Option<&'static str>,
    regions: Vec<&'static str>,
    /// GB of data, in hundredths.
    data: u64,
    restores: u32,
    /// GB per restore, in hundredths.
    restore_size: Option<u64>,
    /// User prices: (region, meter, unit price in thousandths, may be negative).
    sheet: Vec<(&'static str, &'static str, i64)>,
}

fn hundredths(n: u64) -> String {
    format!("{}.{:02}", n / 100, n % 100)
}

impl Bill {
    fn scenario(&self) -> Value {
        let policy = match self.periodic {
            Some((i, r, red)) => json!({"type": "Periodic", "periodicModeProperties": {"backupIntervalInMinutes": i,
                "backupRetentionIntervalInHours": r, "backupStorageRedundancy": red}}),
            None => continuous_policy(self.tier),
        };
        let locs: Vec<Value> = self
            .regions
            .iter()
            .enumerate()
            .map(|(i, n)| json!({"locationName": n, "failoverPriority": i}))
            .collect();
        let mut usage = json!({"dataSizeGb": hundredths(self.data), "restoresPerMonth": self.restores});
        if let Some(s) = self.restore_size {
            usage["restoreSizeGb"] = json!(hundredths(s));
        }
        let mut v = json!({"now": "2026-11-21T00:00:00Z",
            "account": {"type": "Microsoft.DocumentDB/databaseAccounts", "name": "bill",
                "properties": {"locations": locs, "backupPolicy": policy}},
            "usage": usage});
        if !self.sheet.is_empty() {
            let prices: Vec<Value> = self
                .sheet
                .iter()
                .map(|(r, m, p)| json!({"region": r, "meter": m, "unitPrice": Decimal::new(*p, 3).to_string()}))
                .collect();
            v["priceSheet"] = Value::Array(prices);
        }
        v
    }
}

const METERS: &[&str] = &[
    "continuous30Days",
    "continuous7Days",
    "restore",
    "periodicGeo",
    "periodicLocal",
    "periodicZone",
    "periodicLegacy",
];

fn arb_sheet() -> impl Strategy<Value = Vec<(&'static str, &'static str, i64)>> {
    proptest::collection::vec(
        (
            proptest::sample::select(REGIONS),
            proptest::sample::select(METERS),
            -500i64..1000,
        ),
        0..3,
    )
}

fn arb_bill() -> impl Strategy<Value = Bill> {
    let periodic = proptest::option::of((
        prop_oneof![Just(60i64), Just(240), Just(1440), 1i64..1500],
        prop_oneof![Just(8i64), Just(240), Just(720), 1i64..800],
        proptest::sample::select(&["Geo", "Local", "Zone"][..]),
    ));
    (
        periodic,
        arb_tier(),
        proptest::sample::subsequence(REGIONS, 1..=4).prop_shuffle(),
        prop_oneof![Just(0u64), 0u64..100_000_000_000],
        0u32..12,
        proptest::option::of(0u64..10_000_000_000),
        arb_sheet(),
    )
        .prop_map(|(periodic, tier, regions, data, restores, restore_size, sheet)| Bill {
            periodic,
            tier,
            regions,
            data,
            restores,
            restore_size,
            sheet,
        })
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// (monthlyTotal, perRestore) of the single account, `None` when it has no cost.
fn cost_of(v: &Value) -> Option<(Decimal, Decimal)> {
    let p = api::price(v).unwrap();
    assert_eq!(p.results.len(), 1, "{p:?}");
    p.results[0]
        .cost
        .as_ref()
        .map(|c| (dec(&c.monthly_total), dec(&c.per_restore)))
}

/// Both bills priced, and the second costs at least as much on both figures.
fn assert_not_cheaper(a: &Bill, b: &Bill) -> Result<(), TestCaseError> {
    let (ca, cb) = (cost_of(&a.scenario()), cost_of(&b.scenario()));
    prop_assert_eq!(ca.is_some(), cb.is_some(), "{:?} vs {:?}", ca, cb);
    if let (Some((ma, ra)), Some((mb, rb))) = (ca, cb) {
        prop_assert!(mb >= ma, "monthly {} -> {}", ma, mb);
        prop_assert!(rb >= ra, "perRestore {} -> {}", ra, rb);
    }
    Ok(())
}

/// A typed answer round-trips through JSON text, and equals the answer of `call` on the
/// round-tripped input (a second, independent run).
fn same_answer_again<T>(op: &str, answer: &T, input: &Value) -> Result<(), TestCaseError>
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let text = serde_json::to_string(answer).unwrap();
    let back: T = serde_json::from_str(&text).unwrap();
    prop_assert_eq!(&back, answer, "{} answer changed through JSON", op);
    prop_assert_eq!(serde_json::to_string(&back).unwrap(), text);
    let again = api::call(op, input);
    prop_assert!(again.get("error").is_none(), "{} failed: {}", op, again);
    prop_assert_eq!(
        serde_json::to_value(answer).unwrap(),
        again,
        "{} differs on a second run",
        op
    );
    Ok(())
}

// --- restore requests and event feeds -----------------------------------------------------------

/// An account-level restore request from `src` in `region` at `now + at`.
fn request_scenario(src: &Source, region: &str, at: i64) -> Value {
    json!({"now": rfc(src.now), "restorableAccount": src.restorable(),
        "account": {"type": "Microsoft.DocumentDB/databaseAccounts", "name": "restored", "location": region,
            "properties": {"locations": [{"locationName": region}], "databaseAccountOfferType": "Standard",
                "createMode": "Restore", "restoreParameters": {"restoreMode": "PointInTime",
                    "restoreSource": source_id(region), "restoreTimestampInUtc": rfc(src.at(at)),
                    "restoreWithTtlDisabled": true}}}})
}

/// A restorable-database event feed: (database, operation, when relative to `now`).
fn events_feed(src: &Source, events: &[(&str, &str, i64)]) -> Value {
    let value: Vec<Value> = events
        .iter()
        .enumerate()
        .map(|(i, (db, op, at))| {
            json!({"name": format!("e{i}"),
            "type": "Microsoft.DocumentDB/locations/restorableDatabaseAccounts/restorableSqlDatabases",
            "properties": {"resource": {"_rid": format!("r{i}"), "eventTimestamp": rfc(src.at(*at)),
                "ownerId": db, "ownerResourceId": format!("o{db}"), "operationType": op}}})
        })
        .collect();
    json!({"value": value})
}

fn arb_events() -> impl Strategy<Value = Vec<(&'static str, &'static str, i64)>> {
    proptest::collection::vec(
        (
            proptest::sample::select(&["db1", "db2"][..]),
            proptest::sample::select(&["Create", "Delete", "Replace", "SystemOperation"][..]),
            rel(),
        ),
        0..5,
    )
}

/// A scenario using every part at once: a window case plus `restorableAccount`, `events`,
/// `usage`, `priceSheet` and sometimes a `restoreRequest`.
fn arb_rich_scenario() -> impl Strategy<Value = Value> {
    (
        arb_source(),
        arb_window_kind(),
        arb_bill(),
        arb_events(),
        proptest::option::of(rel()),
    )
        .prop_map(|(src, kind, bill, events, request_at)| {
            let mut v = window_scenario(&src, &kind);
            let b = bill.scenario();
            v["usage"] = b["usage"].clone();
            if let Some(s) = b.get("priceSheet") {
                v["priceSheet"] = s.clone();
            }
            v["restorableAccount"] = src.restorable();
            v["events"] = events_feed(&src, &events);
            if let Some(at) = request_at {
                v["restoreRequest"] = request_scenario(&src, src.regions[0].0, at)["account"].clone();
            }
            v
        })
}

proptest! {
    /// Every window returned lies inside what the scenario allows: from the account's creation
    /// (and `oldestRestorableTime`) to `now` and the deletion, no longer than the tier's retention
    /// (7 or 30 days, or the periodic retention hours); a deleted account has one only within
    /// 30 days of its deletion; every per-region window lies inside the account's window and the
    /// region's own lifetime. A continuous window is missing only when the engine says why.
    #[test]
    fn windows_stay_within_creation_now_deletion_and_tier(src in arb_source(), kind in arb_window_kind()) {
        let v = window_scenario(&src, &kind);
        let answer = api::restore_window(&v).unwrap();
        prop_assert_eq!(answer.results.len(), 1);
        let (creation, deletion, oldest) = told(&src, &kind);
        let Some(w) = &answer.results[0].restore_window else {
            if !matches!(kind, WindowKind::Periodic { .. }) {
                prop_assert!(
                    has_code(&answer.diagnostics, "restore.window-empty")
                        || has_code(&answer.diagnostics, "restore.deleted-account-expired"),
                    "no window and no reason: {:?}", answer.diagnostics
                );
            }
            return Ok(());
        };
        let (e, l) = (instant(&w.earliest), instant(&w.latest));
        prop_assert!(e <= l, "{} > {}", w.earliest, w.latest);
        prop_assert!(l <= src.now, "latest {} after now", w.latest);
        prop_assert!(l - e <= tier_length(w, &kind), "{} to {} exceeds {}", w.earliest, w.latest, w.tier);
        if let Some(c) = creation { prop_assert!(e >= c, "earliest {} before creation {}", w.earliest, rfc(c)); }
        if let Some(o) = oldest { prop_assert!(e >= o, "earliest {} before oldest {}", w.earliest, rfc(o)); }
        if let Some(d) = deletion {
            prop_assert!(l <= d, "latest {} after deletion {}", w.latest, rfc(d));
            prop_assert!(src.now <= d + TimeDelta::days(30), "deleted more than 30 days ago");
        }
        match &kind {
            WindowKind::Live { tier: Some(t), .. } | WindowKind::LiveWithRestorable { tier: Some(t) } => {
                prop_assert_eq!(&w.tier, t);
            }
            WindowKind::Periodic { interval, .. } => {
                prop_assert_eq!(w.tier.as_str(), "Periodic");
                let points: Vec<DateTime<Utc>> = w.restore_points.iter().map(|p| instant(p)).collect();
                prop_assert_eq!(points.first(), Some(&l));
                // The window spans every kept snapshot; the list stops at 1 000 (issue #15).
                let count = w.restore_point_count.unwrap();
                prop_assert_eq!(points.len() as i64, count.min(1_000));
                prop_assert_eq!(l - TimeDelta::minutes(*interval * (count - 1)), e);
                if count <= 1_000 {
                    prop_assert_eq!(points.last(), Some(&e));
                }
                for pair in points.windows(2) {
                    prop_assert_eq!(pair[0] - pair[1], TimeDelta::minutes(*interval));
                }
            }
            _ => {}
        }
        for rw in &w.regions {
            let name = rw.region.as_deref().unwrap();
            let (_, rc, rd) = src.regions.iter().find(|(n, _, _)| *n == name).unwrap();
            let (re, rl) = (instant(&rw.earliest), instant(&rw.latest));
            prop_assert!(e <= re && re <= rl && rl <= l, "{}: {} to {} not inside {} to {}", name, rw.earliest, rw.latest, w.earliest, w.latest);
            if let Some(c) = rc { prop_assert!(re >= src.at(*c), "{} starts before its creation", name); }
            if let Some(d) = rd { prop_assert!(rl <= src.at(*d), "{} ends after its deletion", name); }
        }
    }

    /// A restore timestamp `checkRestoreRequest` accepts lies inside the window `restoreWindow`
    /// gives for the source region; one outside the source's window is refused with
    /// `restore-request.timestamp-outside-window`, and one inside it but outside the region's
    /// own window with `restore-request.region-absent`.
    #[test]
    fn accepted_restore_timestamps_lie_inside_the_region_window(
        src in arb_source(),
        region in proptest::sample::select(REGIONS),
        at in rel(),
    ) {
        let v = request_scenario(&src, region, at);
        let t = src.at(at);
        let check = api::check_restore_request(&v).unwrap();
        let windows = api::restore_window(&v).unwrap();
        let w = windows.results.iter().find_map(|r| r.restore_window.as_ref());
        let errors: Vec<&str> = check.diagnostics.iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.code.as_str()).collect();
        if check.valid {
            let w = w.expect("accepted without a source window");
            let rw = w.regions.iter().find(|r| r.region.as_deref() == Some(region));
            let rw = rw.unwrap_or_else(|| panic!("accepted but `{region}` has no window: {w:?}"));
            prop_assert!(instant(&rw.earliest) <= t && t <= instant(&rw.latest),
                "accepted {} outside {} to {}", rfc(t), rw.earliest, rw.latest);
        }
        match w {
            Some(w) if t < instant(&w.earliest) || t > instant(&w.latest) => {
                prop_assert!(errors.contains(&"restore-request.timestamp-outside-window"), "{:?}", check);
            }
            Some(w) => {
                let in_region = w.regions.iter().any(|r| r.region.as_deref() == Some(region)
                    && instant(&r.earliest) <= t && t <= instant(&r.latest));
                prop_assert_eq!(check.valid, in_region, "{:?}", check);
                if !in_region {
                    prop_assert!(errors.contains(&"restore-request.region-absent"), "{:?}", check);
                }
            }
            None => prop_assert!(!check.valid, "no source window, yet accepted: {:?}", check),
        }
    }

    /// No amount is ever negative: every line, the monthly total and the cost of one restore,
    /// whatever the policy, regions, sizes and user prices (negative prices are refused).
    #[test]
    fn costs_are_never_negative(bill in arb_bill()) {
        let p = api::price(&bill.scenario()).unwrap();
        for r in &p.results {
            let Some(c) = &r.cost else { continue };
            prop_assert!(dec(&c.monthly_total) >= Decimal::ZERO, "{}", c.monthly_total);
            prop_assert!(dec(&c.per_restore) >= Decimal::ZERO, "{}", c.per_restore);
            for l in &c.lines {
                prop_assert!(dec(&l.amount) >= Decimal::ZERO, "{:?}", l);
                prop_assert!(dec(&l.quantity) >= Decimal::ZERO, "{:?}", l);
                prop_assert!(dec(&l.unit_price) >= Decimal::ZERO, "{:?}", l);
            }
        }
    }

    /// More data never costs less.
    #[test]
    fn cost_grows_with_data_size(bill in arb_bill(), more in 0u64..1_000_000_000) {
        let bigger = Bill { data: bill.data + more, ..bill.clone() };
        assert_not_cheaper(&bill, &bigger)?;
    }

    /// Adding a region (as the lowest failover priority) never costs less.
    #[test]
    fn cost_grows_with_regions(bill in arb_bill(), pick in any::<proptest::sample::Index>()) {
        let others: Vec<&'static str> = REGIONS.iter().copied().filter(|r| !bill.regions.contains(r)).collect();
        let mut bigger = bill.clone();
        bigger.regions.push(*pick.get(&others));
        assert_not_cheaper(&bill, &bigger)?;
    }

    /// More periodic copies (longer retention, or a shorter interval) never cost less.
    #[test]
    fn cost_grows_with_periodic_copies(bill in arb_bill(), more_hours in 0i64..200, less_minutes in 0i64..1400) {
        let (interval, retention, red) = bill.periodic.unwrap_or((240, 8, "Geo"));
        let bill = Bill { periodic: Some((interval, retention, red)), ..bill };
        let longer = Bill { periodic: Some((interval, retention + more_hours, red)), ..bill.clone() };
        assert_not_cheaper(&bill, &longer)?;
        let shorter = (interval - less_minutes).max(1);
        let denser = Bill { periodic: Some((shorter, retention, red)), ..bill.clone() };
        assert_not_cheaper(&bill, &denser)?;
    }

    /// More restores a month never cost less.
    #[test]
    fn cost_grows_with_restores(bill in arb_bill(), more in 0u32..20) {
        let bigger = Bill { restores: bill.restores + more, ..bill.clone() };
        assert_not_cheaper(&bill, &bigger)?;
    }

    /// Continuous 7-day backup storage is never charged, even when a user sheet prices the 7-day
    /// meter (that entry is warned about and ignored): any size, any regions; restores may be.
    #[test]
    fn continuous_7_day_storage_is_free(bill in arb_bill()) {
        let bill = Bill { periodic: None, tier: Some("Continuous7Days"), ..bill };
        let p = api::price(&bill.scenario()).unwrap();
        let c = p.results[0].cost.as_ref().unwrap();
        let mut restores = Decimal::ZERO;
        for l in &c.lines {
            match l.kind {
                LineKind::Restore => restores += dec(&l.amount),
                kind => prop_assert!(dec(&l.amount).is_zero(), "{:?} charged: {:?}", kind, l),
            }
        }
        prop_assert_eq!(dec(&c.monthly_total), restores);
    }

    /// Over scenarios using every part (`restorableAccount`, `events`, `usage`, `priceSheet`,
    /// `restoreRequest`), each operation gives the same answer on a second run, on the JSON round
    /// trip of its input, and its typed answer survives a JSON round trip of the output.
    #[test]
    fn rich_scenarios_are_deterministic_and_round_trip(v in arb_rich_scenario()) {
        let back = round_trip(&v);
        prop_assert_eq!(&back, &v);
        same_answer_again("evaluate", &api::evaluate(&v).unwrap(), &back)?;
        same_answer_again("price", &api::price(&v).unwrap(), &back)?;
        same_answer_again("restoreWindow", &api::restore_window(&v).unwrap(), &back)?;
        same_answer_again("checkRestoreRequest", &api::check_restore_request(&v).unwrap(), &back)?;
    }
}

/// Expression-like text: function names, literals, brackets and separators in any order, so the
/// template evaluator meets valid, nested, unbalanced and hostile expressions alike.
fn arb_expression() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("parameters('p')"),
        Just("variables('v')"),
        Just("if("),
        Just("union("),
        Just("shallowMerge(createArray("),
        Just("createObject('type', "),
        Just("createArray("),
        Just("equals("),
        Just("not("),
        Just("empty("),
        Just("concat("),
        Just("coalesce("),
        Just("tryGet("),
        Just("format('{0}', "),
        Just("map(createArray(1, 2), lambda('x', lambdaVariables('x')))"),
        Just("copyIndex("),
        Just("reference('kv')"),
        Just("'Continuous'"),
        Just("'it''s'"),
        Just("true"),
        Just("false()"),
        Just("null()"),
        Just("1"),
        Just("-2"),
        Just(", "),
        Just(")"),
        Just("]"),
        Just("["),
        Just(".type"),
        Just("'"),
    ];
    prop::collection::vec(token, 0..40).prop_map(|t| format!("[{}]", t.concat()))
}

proptest! {
    /// No template expression makes evaluation panic, and an expression is never silently
    /// replaced by the service default: the policy's type is the literal one or unresolved.
    #[test]
    fn no_template_expression_panics(policy in arb_expression(), p in arb_expression(), v in arb_expression()) {
        let doc = json!({
            "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
            "contentVersion": "1.0.0.0",
            "parameters": {"p": {"type": "object", "defaultValue": p}},
            "variables": {"v": v, "copy": [{"name": "l", "count": "[parameters('p')]", "input": "[variables('v')]"}]},
            "resources": [{"type": "Microsoft.DocumentDB/databaseAccounts", "name": "[variables('v')]",
                "copy": {"name": "c", "count": "[length(variables('v'))]"},
                "condition": "[parameters('p')]",
                "properties": {"backupPolicy": policy}}]
        });
        let eval = api::evaluate(&doc).unwrap();
        // ARM drops a property that evaluates to `null`: only then may the default apply.
        let evaluated_null = cosmos_backup::template::prepare(&doc)
            .and_then(|p| p.value.pointer("/resources/0/properties/backupPolicy").cloned())
            .is_some_and(|v| v.is_null());
        for r in &eval.results {
            let defaulted_all = r.effective_policy.as_ref().is_some_and(|e| e.defaulted.iter().any(|d| d == "type"));
            prop_assert!(!defaulted_all || evaluated_null, "an expression-valued backupPolicy was defaulted: {:?}", r.effective_policy);
        }
        let _ = api::call_json("read", &doc.to_string());
    }
}
