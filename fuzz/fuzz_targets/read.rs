//! Document readers: any bytes through the text API's `read` must give JSON, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let out = cosmos_backup::api::call_json("read", text);
        assert!(serde_json::from_str::<serde_json::Value>(&out).is_ok(), "read answered non-JSON");
    }
});
