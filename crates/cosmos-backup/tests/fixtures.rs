//! Every JSON file in tests/fixtures is read without a false error, file by file.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "test code: a failure should stop the test"
)]

use cosmos_backup::api;
use cosmos_backup::diagnostics::Severity;
use std::path::PathBuf;

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

fn fixture_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for sub in ["azure", "peers"] {
        for e in std::fs::read_dir(fixtures_dir().join(sub)).expect("tests/fixtures is in the repository") {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "json") {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_fixture_reads_without_a_false_error() {
    let files = fixture_files();
    assert!(files.len() >= 50, "expected the 54 fixtures, found {}", files.len());
    let mut failures = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        let eval = api::parse_json(&text)
            .and_then(|v| api::evaluate(&v))
            .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let errors: Vec<_> = api::all_diagnostics(&eval)
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| format!("{} at {}", d.code, d.path))
            .collect();
        // Every fixture is a valid Azure document: any error is a false one.
        if !errors.is_empty() {
            failures.push(format!("{name}: {errors:?}"));
        }
    }
    assert!(failures.is_empty(), "false errors:\n{}", failures.join("\n"));
}

#[test]
fn every_fixture_is_recognised() {
    for f in fixture_files() {
        let text = std::fs::read_to_string(&f).unwrap();
        let v = api::parse_json(&text).unwrap();
        let found = api::read(&v).unwrap();
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let data_only = [
            "error-messages.json",
            "peer-rules.json",
            "azurerm_cosmosdb_account_backup_type.mock.json",
            "microsoft_documentdb_databaseAccounts_backupPolicy_type.mock.json",
        ];
        if data_only.contains(&name.as_str()) {
            continue;
        }
        assert!(!found.is_empty(), "{name}: nothing recognised");
    }
}
