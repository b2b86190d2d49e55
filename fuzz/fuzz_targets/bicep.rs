//! The Bicep reader on any text: never a panic; a refusal is `input.bicep-syntax` with a
//! location; a conversion is deterministic and evaluates to a JSON answer.
#![no_main]
use cosmos_backup::{api, formats::bicep};
use libfuzzer_sys::fuzz_target;
use serde_json::json;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let modules = vec![("m.bicep".to_string(), text.to_string())];
    match bicep::convert(text, Some("main.bicep"), &modules) {
        Err(d) => {
            assert_eq!(d.code, bicep::SYNTAX.code);
            assert!(d.location.is_some(), "a syntax refusal without a location");
        }
        Ok(c) => {
            let again = bicep::convert(text, Some("main.bicep"), &modules).expect("second conversion refused");
            assert_eq!(c.value, again.value, "conversion is not deterministic");
            let answer = api::call("evaluate", &json!({"account": {"format": "bicep", "text": text}}));
            assert!(answer.is_object());
        }
    }
    let _ = bicep::convert_params(text, None);
});
