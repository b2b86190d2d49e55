//! Runs every case in tests/vectors/ through the API (see tests/vectors/README.md).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "test code: a failure should stop the test"
)]

use cosmos_backup::api;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors")
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "json") {
            out.push(p);
        }
    }
}

/// All vector files, sorted.
pub fn vector_files() -> Vec<PathBuf> {
    let mut v = Vec::new();
    collect(&vectors_dir(), &mut v);
    v.sort();
    v
}

/// The partial-match rules of tests/vectors/README.md. Returns the first mismatch.
fn matches(expected: &Value, actual: Option<&Value>, path: &str) -> Result<(), String> {
    match expected {
        Value::Null => match actual {
            None | Some(Value::Null) => Ok(()),
            Some(a) => Err(format!("{path}: expected null, got {a}")),
        },
        Value::Object(m) if m.len() == 1 && m.keys().next().is_some_and(|k| k.starts_with('$')) => {
            special(m, actual, path)
        }
        Value::Object(m) => {
            let Some(Value::Object(a)) = actual else {
                return Err(format!("{path}: expected an object, got {actual:?}"));
            };
            for (k, v) in m {
                matches(v, a.get(k), &format!("{path}/{k}"))?;
            }
            Ok(())
        }
        Value::Array(items) => {
            let Some(Value::Array(a)) = actual else {
                return Err(format!("{path}: expected an array, got {actual:?}"));
            };
            let mut used = vec![false; a.len()];
            for (i, e) in items.iter().enumerate() {
                let hit = a
                    .iter()
                    .enumerate()
                    .find(|(j, x)| !used[*j] && matches(e, Some(x), path).is_ok());
                match hit {
                    Some((j, _)) => used[j] = true,
                    None => {
                        return Err(format!(
                            "{path}: no element matches expected[{i}] = {e}\nactual: {}",
                            Value::Array(a.clone())
                        ));
                    }
                }
            }
            Ok(())
        }
        Value::Number(n) => match actual {
            Some(Value::Number(a)) if a.as_f64() == n.as_f64() => Ok(()),
            other => Err(format!("{path}: expected {n}, got {other:?}")),
        },
        scalar => match actual {
            Some(a) if a == scalar => Ok(()),
            other => Err(format!("{path}: expected {scalar}, got {other:?}")),
        },
    }
}

fn special(m: &serde_json::Map<String, Value>, actual: Option<&Value>, path: &str) -> Result<(), String> {
    let (k, v) = m.iter().next().unwrap();
    match (k.as_str(), actual) {
        ("$exact", Some(Value::Array(a))) => {
            let e = v.as_array().unwrap();
            if e.len() != a.len() {
                return Err(format!(
                    "{path}: expected exactly {} elements, got {}: {}",
                    e.len(),
                    a.len(),
                    Value::Array(a.clone())
                ));
            }
            e.iter()
                .zip(a)
                .enumerate()
                .try_for_each(|(i, (x, y))| matches(x, Some(y), &format!("{path}/{i}")))
        }
        ("$none", Some(Value::Array(a))) => {
            for e in v.as_array().unwrap() {
                if let Some(x) = a.iter().find(|x| matches(e, Some(x), path).is_ok()) {
                    return Err(format!("{path}: expected no element like {e}, found {x}"));
                }
            }
            Ok(())
        }
        ("$none", None) => Ok(()),
        ("$len", Some(Value::Array(a))) if v.as_u64() == Some(a.len() as u64) => Ok(()),
        ("$len", Some(Value::String(s))) if v.as_u64() == Some(s.chars().count() as u64) => Ok(()),
        _ => Err(format!("{path}: {k} {v} does not match {actual:?}")),
    }
}

fn run(case: &Value) -> Value {
    let op = case.get("operation").and_then(Value::as_str).unwrap_or("evaluate");
    match (case.get("scenario"), case.get("scenarioText").and_then(Value::as_str)) {
        (_, Some(text)) => serde_json::from_str(&api::call_json(op, text)).unwrap(),
        (Some(s), None) => api::call(op, s),
        (None, None) => panic!("a vector needs `scenario` or `scenarioText`"),
    }
}

#[test]
fn every_vector_passes() {
    let files = vector_files();
    assert!(files.len() >= 40, "expected at least 40 vectors, found {}", files.len());
    let mut failures = Vec::new();
    for f in &files {
        let case: Value = serde_json::from_str(&std::fs::read_to_string(f).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let actual = run(&case);
        if let Err(e) = matches(&case["expect"], Some(&actual), "") {
            failures.push(format!("{} ({}): {e}", f.display(), case["name"]));
        }
        // The text path must give the same answer as the value path (pydantic-core style).
        if let Some(s) = case.get("scenario") {
            let op = case.get("operation").and_then(Value::as_str).unwrap_or("evaluate");
            let via_text: Value = serde_json::from_str(&api::call_json(op, &s.to_string())).unwrap();
            assert_eq!(via_text, actual, "{}: text and value paths differ", f.display());
            // Text answers are serialised straight from the typed result: byte for byte the value answer's text.
            assert_eq!(
                api::call_text(op, s),
                actual.to_string(),
                "{}: call_text differs",
                f.display()
            );
            match api::run_value(op, s) {
                Ok(t) => assert_eq!(t, actual.to_string(), "{}: run_value differs", f.display()),
                Err(e) => assert_eq!(serde_json::json!({ "error": e }), actual, "{}", f.display()),
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} vectors failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n\n")
    );
}

#[test]
fn every_catalogue_code_has_a_vector() {
    let mut all = String::new();
    for f in vector_files() {
        all.push_str(&std::fs::read_to_string(f).unwrap());
    }
    let missing: Vec<String> = api::rules()
        .into_iter()
        .map(|r| r.code)
        .filter(|c| !all.contains(&format!("\"{c}\"")))
        .collect();
    assert!(missing.is_empty(), "codes without a vector: {missing:?}");
}

#[test]
fn catalogue_codes_are_unique_and_slugs() {
    let rules = api::rules();
    let mut codes: Vec<&str> = rules.iter().map(|r| r.code.as_str()).collect();
    codes.sort_unstable();
    let n = codes.len();
    codes.dedup();
    assert_eq!(n, codes.len(), "duplicate codes");
    for c in codes {
        assert!(
            c.chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-' || ch == '.'),
            "{c} is not a slug"
        );
        assert!(c.contains('.'), "{c} has no domain prefix");
    }
}

#[test]
fn matcher_rejects_what_it_should() {
    let actual = serde_json::json!({"a": [1, 2, 3], "b": "x"});
    assert!(matches(&serde_json::json!({"a": [3, 1]}), Some(&actual), "").is_ok());
    assert!(matches(&serde_json::json!({"a": [4]}), Some(&actual), "").is_err());
    assert!(matches(&serde_json::json!({"a": {"$exact": [1, 2]}}), Some(&actual), "").is_err());
    assert!(matches(&serde_json::json!({"a": {"$none": [2]}}), Some(&actual), "").is_err());
    assert!(matches(&serde_json::json!({"a": {"$len": 3}, "c": null}), Some(&actual), "").is_ok());
    assert!(matches(&serde_json::json!({"b": "y"}), Some(&actual), "").is_err());
}
