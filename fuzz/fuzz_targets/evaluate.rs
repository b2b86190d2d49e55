//! `evaluate` and `validate` on any text: never a panic; the answer is JSON; evaluating twice gives
//! the same answer; and for valid JSON the value API agrees with the text API up to the findings
//! only text can show (duplicate keys).
#![no_main]
use cosmos_backup::api;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let first = api::call_json("evaluate", text);
    let answer: Value = serde_json::from_str(&first).expect("evaluate answered non-JSON");
    assert_eq!(first, api::call_json("evaluate", text), "evaluate is not deterministic");
    let _ = api::call_json("validate", text);
    if let Ok(v) = serde_json::from_str::<Value>(text) {
        let by_value = api::call("evaluate", &v);
        if api::parse_text(text).map(|(_, d)| d.is_empty()).unwrap_or(false) {
            assert_eq!(by_value, answer, "value and text APIs differ");
        }
    }
});
