//! Small helpers shared by the restore modules: property views and checked time arithmetic.

use crate::node::Node;
use crate::time;
use chrono::{DateTime, TimeDelta, Utc};

/// `properties` when the object has it, else the object itself (CLI and PowerShell flatten it).
pub fn props<'a>(node: &Node<'a>) -> Node<'a> {
    node.get("properties")
        .filter(|p| p.value.is_object())
        .unwrap_or_else(|| node.clone())
}

/// `at + seconds`, or `None` when out of range.
pub fn plus_secs(at: DateTime<Utc>, secs: i64) -> Option<DateTime<Utc>> {
    at.checked_add_signed(TimeDelta::try_seconds(secs)?)
}

/// `at − seconds`, or `None` when out of range.
pub fn minus_secs(at: DateTime<Utc>, secs: i64) -> Option<DateTime<Utc>> {
    at.checked_sub_signed(TimeDelta::try_seconds(secs)?)
}

/// Seconds in `days` days.
pub fn days(days: i64) -> i64 {
    days.saturating_mul(86_400)
}

/// RFC 3339 UTC text.
pub fn fmt(at: DateTime<Utc>) -> String {
    time::format(at)
}

/// The later of two optional bounds, keeping its reason.
pub fn later<'r>(a: (DateTime<Utc>, &'r str), b: Option<(DateTime<Utc>, &'r str)>) -> (DateTime<Utc>, &'r str) {
    match b {
        Some(b) if b.0 > a.0 => b,
        _ => a,
    }
}

/// The earlier of two optional bounds, keeping its reason.
pub fn earlier<'r>(a: (DateTime<Utc>, &'r str), b: Option<(DateTime<Utc>, &'r str)>) -> (DateTime<Utc>, &'r str) {
    match b {
        Some(b) if b.0 < a.0 => b,
        _ => a,
    }
}

/// A string field, when it is a string.
pub fn text<'a>(node: &Node<'a>, key: &str) -> Option<&'a str> {
    node.get(key).and_then(|n| n.as_str())
}
