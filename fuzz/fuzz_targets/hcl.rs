//! Any text as a Terraform source (and as its `.tfvars`): never a panic, the answer is JSON, and
//! evaluating twice gives the same answer.
#![no_main]
use cosmos_backup::api;
use libfuzzer_sys::fuzz_target;
use serde_json::json;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (tf, vars) = text.split_once("\n---\n").unwrap_or((text, ""));
    let source = json!({"format": "terraform", "file": "main.tf", "text": tf,
        "parameters": [{"format": "tfvars", "file": "t.tfvars", "text": vars}]});
    let input = json!({"now": "2026-11-21T00:00:00Z", "account": source});
    let first = api::call("evaluate", &input);
    assert_eq!(first, api::call("evaluate", &input), "evaluate is not deterministic");
    let _ = api::call("evaluate", &json!({"account": {"format": "tfvars", "text": text}}));
});
