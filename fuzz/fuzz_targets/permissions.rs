//! Permission checks on any scenario text (role definitions, assignments, questions, scope tree):
//! JSON answers, deterministic, text and value APIs agreeing.
#![no_main]
use libfuzzer_sys::fuzz_target;

const OPS: &[&str] = &["checkPermissions", "leastPrivilegeReport"];

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        cosmos_backup_fuzz::check_ops(OPS, text);
    }
});
