//! Checks shared by the fuzz targets: whatever the input, every operation answers JSON, answers
//! the same twice, and answers the same through the value API as through the text API.
use cosmos_backup::api;
use serde_json::Value;

/// Runs each operation on `text` through the text and value APIs and returns the text answers
/// parsed. Panics (a fuzz finding) when an answer is not JSON, differs between two runs, or
/// differs between the text and value APIs on a document without text-only findings.
pub fn check_ops(ops: &[&str], text: &str) -> Vec<Value> {
    let value = serde_json::from_str::<Value>(text).ok();
    let text_only = api::parse_text(text).map(|(_, d)| !d.is_empty()).unwrap_or(true);
    ops.iter()
        .map(|op| {
            let first = api::call_json(op, text);
            let answer: Value = serde_json::from_str(&first).expect("answer is not JSON");
            assert_eq!(first, api::call_json(op, text), "{op} is not deterministic");
            if let (Some(v), false) = (&value, text_only) {
                assert_eq!(api::call(op, v), answer, "{op}: value and text APIs differ");
            }
            answer
        })
        .collect()
}

/// A scenario text with `part` (any text) as the value of `key`, appended to a valid frame, so
/// the fuzzer spends its time inside one field instead of breaking the document around it.
/// `frame` is a JSON object text without its closing brace.
pub fn splice(frame: &str, key: &str, part: &str) -> String {
    format!("{frame}, \"{key}\": {part}}}")
}

/// Every money string in an answer (`amount`, `unitPrice`, `monthlyTotal`, …): each must be a
/// plain decimal (digits, optional sign and point), never a float form such as `1e3` or `NaN`.
pub fn assert_money_is_decimal(v: &Value) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if let (true, Value::String(s)) = (is_money_key(k), x) {
                    let digits = s.strip_prefix('-').unwrap_or(s);
                    assert!(
                        !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit() || c == '.'),
                        "{k} = {s:?} is not a decimal string"
                    );
                }
                assert_money_is_decimal(x);
            }
        }
        Value::Array(a) => a.iter().for_each(assert_money_is_decimal),
        _ => {}
    }
}

fn is_money_key(k: &str) -> bool {
    matches!(k, "amount" | "unitPrice" | "monthlyTotal" | "perRestore" | "total")
}
