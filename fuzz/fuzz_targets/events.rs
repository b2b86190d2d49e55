//! Event-feed analysis. Input: the resource name, a newline, then any text used as the `events`
//! value of a continuous account. Besides the shared checks, every restore timestamp offered lies
//! strictly before the event it answers.
#![no_main]
use cosmos_backup::time;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

const FRAME: &str = r#"{"now": "2026-11-21T12:00:00Z", "operation": "Delete",
 "account": {"type": "Microsoft.DocumentDB/databaseAccounts", "name": "shop", "location": "West US",
  "properties": {"locations": [{"locationName": "West US", "failoverPriority": 0}],
   "backupPolicy": {"type": "Continuous", "continuousModeProperties": {"tier": "Continuous30Days"}}}}"#;

fuzz_target!(|data: &[u8]| {
    let Ok(all) = std::str::from_utf8(data) else { return };
    let (resource, events) = all.split_once('\n').unwrap_or(("c1", all));
    let frame = format!("{FRAME}, \"resource\": {}", Value::from(resource));
    let text = cosmos_backup_fuzz::splice(&frame, "events", events);
    let answers = cosmos_backup_fuzz::check_ops(&["latestRestorableBeforeEvent", "evaluate"], &text);
    if let Some(list) = answers.first().and_then(|a| a.get("events")).and_then(Value::as_array) {
        list.iter().for_each(restore_before_event);
    }
});

fn restore_before_event(e: &Value) {
    let at = |k: &str| e.get(k).and_then(Value::as_str).and_then(time::parse).map(|p| p.at);
    if let (Some(restore), Some(event)) = (at("restoreTimestamp"), at("eventTimestamp")) {
        assert!(restore < event, "restore point {restore} is not before the event {event}");
    }
}
