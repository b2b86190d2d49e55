//! Every crash or hang the fuzzers found, as a test (inputs in tests/regressions/, byte for byte
//! as libFuzzer saved them). See RELIABILITY.md "Findings".
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "test code: a failure should stop the test"
)]

use cosmos_backup::{api, time};
use std::time::{Duration, Instant};

fn input(name: &str) -> String {
    let path = format!("{}/tests/regressions/{name}", env!("CARGO_MANIFEST_DIR"));
    String::from_utf8(std::fs::read(path).unwrap()).unwrap()
}

/// Fuzz finding 1 (target `timestamp`): `-11-08-08T02:04:52.0701200` parsed as year −11, which
/// `time::format` writes as `-0011-…`, not RFC 3339 and not readable back.
#[test]
fn timestamp_with_negative_year_is_invalid() {
    let text = input("timestamp-negative-year.bin");
    assert_eq!(text, "-11-08-08T02:04:52.0701200");
    assert!(time::parse(&text).is_none());
    assert!(time::parse("+12345-01-01T00:00:00Z").is_none());
    let p = time::parse("0000-01-01T00:00:00Z").unwrap();
    assert_eq!(time::parse(&time::format(p.at)).unwrap().at, p.at);
    let p = time::parse("12/31/9999 11:59 PM").unwrap();
    assert_eq!(time::format(p.at), "9999-12-31T23:59:00Z");
}

/// Fuzz finding 2 (target `locate`): an array holding a stray `}` made the pointer scanner loop
/// forever.
#[test]
fn locate_stops_on_a_stray_close_brace() {
    let all = input("locate-timeout-array-close-brace.bin");
    let (pointer, text) = all.split_once('\n').unwrap();
    let t = Instant::now();
    let _ = api::locate(text, pointer);
    assert!(t.elapsed() < Duration::from_secs(5));
    assert_eq!(api::locate("[}", "/1"), None);
    assert_eq!(api::locate("{\"a\": [1, }]}", "/a/2"), None);
    assert_eq!(api::locate("[1, 2]", "/1").map(|p| p.column), Some(5));
}

/// A restore request against a source whose window is known to be empty: found by the property
/// `accepted_restore_timestamps_lie_inside_the_region_window` (tests/properties.rs).
fn request_from(restorable_props: serde_json::Value, now: &str, at: &str) -> serde_json::Value {
    let id = "/subscriptions/s/providers/Microsoft.DocumentDB/locations/West US/restorableDatabaseAccounts/inst";
    serde_json::json!({"now": now,
        "restorableAccount": {"id": id, "name": "inst", "location": "West US",
            "type": "Microsoft.DocumentDB/locations/restorableDatabaseAccounts", "properties": restorable_props},
        "account": {"type": "Microsoft.DocumentDB/databaseAccounts", "name": "restored", "location": "West US",
            "properties": {"locations": [{"locationName": "West US"}], "createMode": "Restore",
                "restoreParameters": {"restoreMode": "PointInTime", "restoreSource": id,
                    "restoreTimestampInUtc": at, "restoreWithTtlDisabled": true}}}})
}

fn request_codes(v: &serde_json::Value) -> (bool, Vec<(String, String)>) {
    let a = api::check_restore_request(v).unwrap();
    let codes = a
        .diagnostics
        .iter()
        .map(|d| (d.code.clone(), d.path.to_string()))
        .collect();
    (a.valid, codes)
}

/// Property finding 1: a source deleted more than 30 days ago (or with an empty window) has no
/// restore window, yet `checkRestoreRequest` answered `valid: true` with only the info
/// `restore-request.window-unknown` ("add `now` and `restorableAccount`", which were there).
/// It now refuses the timestamp with `restore-request.timestamp-outside-window`.
#[test]
fn request_against_a_source_without_window_is_refused() {
    let path = "/account/properties/restoreParameters/restoreTimestampInUtc".to_string();
    let outside = ("restore-request.timestamp-outside-window".to_string(), path);
    // Deleted 30 days and 1 second before `now`: expired.
    let expired = request_from(
        serde_json::json!({"accountName": "src", "apiType": "Sql", "deletionTime": "2025-12-01T00:00:00Z",
            "restorableLocations": [{"locationName": "West US"}]}),
        "2025-12-31T00:00:01Z",
        "2025-11-30T00:00:00Z",
    );
    let (valid, codes) = request_codes(&expired);
    assert!(!valid, "{codes:?}");
    assert_eq!(codes, vec![outside.clone()]);
    let eval = api::evaluate(&expired).unwrap();
    assert!(eval.results[0].restore_window.is_none());
    assert!(
        eval.results[0]
            .diagnostics
            .iter()
            .any(|d| d.code == "restore.deleted-account-expired")
    );
    // Created after `now` minus the backup lag: empty window.
    let empty = request_from(
        serde_json::json!({"accountName": "src", "apiType": "Sql", "creationTime": "2025-12-30T23:59:00Z",
            "restorableLocations": [{"locationName": "West US"}]}),
        "2025-12-31T00:00:00Z",
        "2025-12-30T23:59:30Z",
    );
    let (valid, codes) = request_codes(&empty);
    assert!(!valid, "{codes:?}");
    assert_eq!(codes, vec![outside]);
    // Without `restorableAccount` the window is unknown, not empty: still an info.
    let mut unknown = empty.clone();
    unknown.as_object_mut().unwrap().remove("restorableAccount");
    let (valid, codes) = request_codes(&unknown);
    assert!(valid, "{codes:?}");
    assert!(codes.iter().any(|(c, _)| c == "restore-request.window-unknown"));
}
