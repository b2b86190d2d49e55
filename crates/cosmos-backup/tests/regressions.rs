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
