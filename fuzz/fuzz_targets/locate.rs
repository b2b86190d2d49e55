//! `locate` (JSON Pointer -> line and column in JSON text): never a panic, through the typed
//! function and through `call`. Input: the pointer, a newline, then the text.
#![no_main]
use cosmos_backup::api;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(all) = std::str::from_utf8(data) else { return };
    let (pointer, text) = all.split_once('\n').unwrap_or(("", all));
    let typed = api::locate(text, pointer);
    let input = serde_json::json!({"text": text, "pointer": pointer});
    let by_call = api::call("locate", &input);
    assert_eq!(serde_json::to_value(typed).unwrap(), by_call);
});
