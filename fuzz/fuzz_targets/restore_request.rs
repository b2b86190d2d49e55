//! Restore windows, restore points, restore-request checks and the not-restored list on any
//! scenario text: JSON answers, deterministic, text and value APIs agreeing.
#![no_main]
use libfuzzer_sys::fuzz_target;

const OPS: &[&str] = &["checkRestoreRequest", "restoreWindow", "restorePoints", "notRestored"];

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        cosmos_backup_fuzz::check_ops(OPS, text);
    }
});
