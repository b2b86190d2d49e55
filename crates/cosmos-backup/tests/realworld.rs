//! The real-world corpus (`tests/realworld/`): for each public document, the accounts it deploys,
//! their policies, their errors and what stays unresolved, as `expectations.json` says (written by
//! reading each document, never from the engine's output).
//!
//! The documents are not committed (see `tests/realworld/README.md`): they are read from
//! `COSMOS_BACKUP_REALWORLD` or `tests/realworld/documents/` when present.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "test code: a failure should stop the test"
)]

use cosmos_backup::api;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/realworld")
}

fn manifest() -> Vec<Value> {
    let text = std::fs::read_to_string(root().join("expectations.json")).unwrap();
    serde_json::from_str::<Value>(&text)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn documents() -> Option<PathBuf> {
    let dir = std::env::var_os("COSMOS_BACKUP_REALWORLD")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("documents"));
    dir.is_dir().then_some(dir)
}

/// Every document of the manifest has its provenance row, and every row its expectation.
#[test]
fn every_document_has_provenance_and_an_expectation() {
    let sources = std::fs::read_to_string(root().join("SOURCES.md")).unwrap();
    let entries = manifest();
    assert!(
        entries.len() >= 40,
        "the corpus has {} documents, fewer than 40",
        entries.len()
    );
    for e in &entries {
        let file = e["file"].as_str().unwrap();
        assert!(
            sources.contains(&format!("`{file}`")),
            "{file} has no row in SOURCES.md"
        );
        assert!(e["accounts"].is_array(), "{file}: `accounts` must be a list");
    }
}

/// Local Bicep modules a file declares (`module x './m.bicep' = …`), read relative to the file.
fn bicep_modules(dir: &Path, file: &str, text: &str) -> Value {
    let base = Path::new(file).parent().unwrap_or(Path::new(""));
    let mut out = serde_json::Map::new();
    for line in text.lines() {
        let l = line.trim_start();
        let Some(rest) = l.strip_prefix("module ") else {
            continue;
        };
        let Some(start) = rest.find('\'') else { continue };
        let Some(len) = rest[start + 1..].find('\'') else {
            continue;
        };
        let path = &rest[start + 1..start + 1 + len];
        if path.contains(':') {
            continue; // a registry module (`br/public:…`): not in the tree
        }
        if let Ok(t) = std::fs::read_to_string(dir.join(base).join(path)) {
            out.insert(path.to_string(), Value::String(t));
        }
    }
    Value::Object(out)
}

fn source(dir: &Path, entry: &Value) -> Value {
    let file = entry["file"].as_str().unwrap();
    let format = entry["format"].as_str().unwrap_or("json");
    let text = std::fs::read_to_string(dir.join(file)).unwrap();
    let mut s = json!({"format": format, "file": file, "text": text});
    if format == "bicep" {
        s["modules"] = bicep_modules(dir, file, s["text"].as_str().unwrap());
    }
    match entry["template"].as_str() {
        Some(t) => {
            let ttext = std::fs::read_to_string(dir.join(t)).unwrap();
            let tformat = if t.ends_with(".bicep") {
                "bicep"
            } else if t.ends_with(".tf") {
                "terraform"
            } else {
                "jsonc"
            };
            json!({"format": tformat, "file": t, "text": ttext, "parameters": s})
        }
        None => s,
    }
}

/// What one document's evaluation says against what its entry expects; empty when they agree.
fn compare(dir: &Path, entry: &Value) -> Vec<String> {
    let file = entry["file"].as_str().unwrap();
    let input = json!({"now": "2026-11-21T00:00:00Z", "account": source(dir, entry)});
    let eval = api::call("evaluate", &input);
    if let Some(e) = eval.get("error") {
        return vec![format!("{file}: refused: {} {}", e["code"], e["message"])];
    }
    let read = api::call("read", &input["account"]);
    let account_paths: Vec<String> = read
        .as_array()
        .map(|a| {
            a.iter()
                .filter(|o| o["kind"] == "account")
                .map(|o| format!("/account{}", o["path"].as_str().unwrap_or("")))
                .collect()
        })
        .unwrap_or_default();
    let results: Vec<&Value> = eval["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| account_paths.iter().any(|p| r["path"].as_str() == Some(p.as_str())))
        .collect();
    let expected = expected_accounts(dir, entry);
    let mut out = Vec::new();
    if results.len() != expected.len() {
        let names: Vec<&str> = results.iter().map(|r| r["name"].as_str().unwrap_or("?")).collect();
        out.push(format!(
            "{file}: {} account(s) found {names:?}, {} expected",
            results.len(),
            expected.len()
        ));
        return out;
    }
    for (r, want) in results.iter().zip(&expected) {
        let has_errors = want["errors"].as_array().is_some_and(|a| !a.is_empty());
        let mismatches = policy(file, r, &want["policy"], has_errors);
        // An entry may say what a reader that does not evaluate the expression must answer
        // (`policyIfNotEvaluated`): that answer is honest, if less than the evaluated one.
        let fallback = &want["policyIfNotEvaluated"];
        if !mismatches.is_empty() && fallback.is_string() && policy(file, r, fallback, has_errors).is_empty() {
            eprintln!(
                "realworld: {file}: policy left unresolved (the evaluated answer is {})",
                want["policy"]
            );
        } else {
            out.extend(mismatches);
        }
        out.extend(errors(file, r, want));
    }
    out
}

/// `has_errors`: the document is expected to break a rule, so the field that breaks it may be
/// `null` in the effective policy (an unusable value is never carried forward).
/// The accounts a document deploys: its own, and for Bicep those of the local modules it calls
/// (their texts are given to the reader, which follows them: `viaModules` in the manifest).
fn expected_accounts(dir: &Path, entry: &Value) -> Vec<Value> {
    let mut out = entry["accounts"].as_array().cloned().unwrap_or_default();
    if entry["format"] != "bicep" {
        return out;
    }
    let base = Path::new(entry["file"].as_str().unwrap())
        .parent()
        .unwrap_or(Path::new(""));
    for m in entry["viaModules"].as_array().into_iter().flatten() {
        let path = m["module"].as_str().unwrap_or("");
        if dir.join(base).join(path).is_file() {
            out.push(json!({"name": m["name"], "policy": m["policyIfModuleResolved"], "errors": m["errors"]}));
        }
    }
    out
}

fn policy(file: &str, r: &Value, want: &Value, has_errors: bool) -> Vec<String> {
    let got = &r["effectivePolicy"];
    let unresolved_found = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["code"] == "template.expression-unresolved");
    let name = r["name"].as_str().unwrap_or("?");
    match want {
        Value::String(s) if s == "unresolved" => {
            let marked = got.is_null() || got["unresolved"].as_array().is_some_and(|u| !u.is_empty());
            if marked && unresolved_found {
                vec![]
            } else {
                vec![format!("{file} `{name}`: policy should be unresolved, got {got}")]
            }
        }
        Value::String(s) if s == "default" => {
            let ok = got["type"] == "Periodic"
                && got["backupIntervalInMinutes"] == 240
                && got["backupRetentionIntervalInHours"] == 8
                && got["unresolved"].as_array().is_none_or(|u| u.is_empty());
            if ok {
                vec![]
            } else {
                vec![format!("{file} `{name}`: expected the service default, got {got}")]
            }
        }
        Value::Object(w) => {
            let mut out = Vec::new();
            for k in [
                "type",
                "tier",
                "backupIntervalInMinutes",
                "backupRetentionIntervalInHours",
                "backupStorageRedundancy",
            ] {
                if let Some(v) = w.get(k).filter(|v| !v.is_null()) {
                    let skipped = has_errors && got.get(k).is_none_or(Value::is_null);
                    if got.get(k) != Some(v) && !skipped {
                        out.push(format!(
                            "{file} `{name}`: `{k}` expected {v}, got {}",
                            got.get(k).unwrap_or(&Value::Null)
                        ));
                    }
                }
            }
            out
        }
        other => vec![format!("{file}: unreadable expectation {other}")],
    }
}

fn errors(file: &str, r: &Value, want: &Value) -> Vec<String> {
    let mut got: Vec<String> = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect();
    got.sort();
    got.dedup();
    let mut expected: Vec<String> = want["errors"]
        .as_array()
        .map(|a| a.iter().filter_map(|c| c.as_str().map(str::to_string)).collect())
        .unwrap_or_default();
    expected.sort();
    let name = r["name"].as_str().unwrap_or("?");
    let false_errors: Vec<&String> = got.iter().filter(|c| !expected.contains(c)).collect();
    let missed: Vec<&String> = expected.iter().filter(|c| !got.contains(c)).collect();
    let mut out = Vec::new();
    if !false_errors.is_empty() {
        out.push(format!("{file} `{name}`: false error(s) {false_errors:?}"));
    }
    if !missed.is_empty() {
        out.push(format!("{file} `{name}`: missed error(s) {missed:?}"));
    }
    out
}

/// Every document read as its entry says: no phantom account, no false error, no missed one, and
/// nothing defaulted behind an expression.
#[test]
fn every_document_gives_the_expected_accounts_and_policies() {
    let Some(dir) = documents() else {
        eprintln!("realworld: documents absent (set COSMOS_BACKUP_REALWORLD); manifest checked only");
        return;
    };
    let entries = manifest();
    let mut failures = Vec::new();
    let mut checked = 0;
    for e in &entries {
        if !dir.join(e["file"].as_str().unwrap()).is_file() {
            failures.push(format!("{}: document missing from {}", e["file"], dir.display()));
            continue;
        }
        checked += 1;
        failures.extend(compare(&dir, e));
    }
    eprintln!(
        "realworld: {checked} documents checked, {} mismatch(es)",
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} mismatch(es):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
