//! Timestamp parsing: never a panic, and whatever parses formats to RFC 3339 UTC that parses back
//! to the same instant in the canonical form.
#![no_main]
use cosmos_backup::time;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Some(p) = time::parse(text) {
        let iso = time::format(p.at);
        let again = time::parse(&iso).expect("formatted timestamp does not parse");
        assert_eq!(again.at, p.at, "{text:?} -> {iso}");
        assert_eq!(again.form, time::Form::Rfc3339Utc, "{iso}");
    }
});
