//! The `cosmos-backup` command end to end: exit codes, formats, locations.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code"
)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const NOW: &str = "2026-11-21T00:00:00Z";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cosmos-backup"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

fn run_stdin(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cosmos-backup"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn interval_30_is_an_error_at_backup_interval_in_json() {
    let doc = r#"{"type":"Microsoft.DocumentDB/databaseAccounts","name":"a","properties":{"backupPolicy":{"type":"Periodic","periodicModeProperties":{"backupIntervalInMinutes":30,"backupRetentionIntervalInHours":8,"backupStorageRedundancy":"Geo"}}}}"#;
    let o = run_stdin(&["evaluate", "-", "--format", "json", "--now", NOW], doc);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["schemaVersion"], "1.0");
    let d = &v["results"][0]["diagnostics"][0];
    assert_eq!(d["code"], "periodic.interval-below-minimum");
    assert_eq!(d["severity"], "error");
    assert!(d["path"].as_str().unwrap().ends_with("backupIntervalInMinutes"), "{d}");
}

#[test]
fn human_output_gives_file_line_column_message_and_help() {
    let o = run(&["evaluate", "examples/template-with-mistakes.json", "--now", NOW]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains("examples/template-with-mistakes.json:6:56: error[periodic.interval-below-minimum]"),
        "{out}"
    );
    assert!(
        out.contains("examples/template-with-mistakes.json:37:87: error[continuous.tier-unknown]"),
        "{out}"
    );
    assert!(out.contains("= help: did you mean `Continuous7Days`?"), "{out}");
    assert!(out.contains("1 file(s): 3 error(s), 1 warning(s)"), "{out}");
}

#[test]
fn a_valid_account_exits_zero() {
    let o = run(&["evaluate", "examples/orders-account.json", "--now", NOW]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("0 error(s), 0 warning(s)"));
}

#[test]
fn sarif_is_2_1_0_with_regions() {
    let o = run(&[
        "evaluate",
        "examples/template-with-mistakes.json",
        "--format",
        "sarif",
        "--now",
        NOW,
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let results = v["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 4);
    let first = &results[0];
    assert_eq!(first["ruleId"], "periodic.interval-below-minimum");
    assert_eq!(first["level"], "error");
    assert_eq!(first["locations"][0]["physicalLocation"]["region"]["startLine"], 6);
    assert_eq!(first["locations"][0]["physicalLocation"]["region"]["startColumn"], 56);
    let rule_ids: Vec<&str> = v["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(rule_ids.contains(&"periodic.interval-below-minimum"));
}

#[test]
fn unreadable_input_exits_two() {
    let o = run_stdin(&["evaluate", "-", "--now", NOW], "{\"account\": ");
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).contains("error[input.json-syntax]"), "{}", stdout(&o));
    let missing = run(&["evaluate", "no-such-file.json", "--now", NOW]);
    assert_eq!(missing.status.code(), Some(2));
    let bad_now = run(&["evaluate", "examples/orders-account.json", "--now", "soon"]);
    assert_eq!(bad_now.status.code(), Some(2));
}

#[test]
fn several_files_and_directories() {
    let o = run(&["evaluate", "examples", "--format", "json", "--now", NOW]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let files = v["files"].as_array().unwrap();
    let count = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "json"))
        .count();
    assert_eq!(files.len(), count);
    assert!(
        files
            .iter()
            .any(|f| f["file"].as_str().unwrap().ends_with("orders-account.json"))
    );
}

#[test]
fn rules_lists_every_code() {
    let o = run(&["rules", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let codes: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes.len(), cosmos_backup::api::rules().len());
    assert!(codes.contains(&"periodic.retention-below-twice-interval"));
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .all(|r| !r["source"].as_str().unwrap().is_empty())
    );
}

#[test]
fn call_runs_any_operation() {
    let o = run_stdin(
        &["call", "validate", "-"],
        r#"{"properties":{"backupPolicy":{"type":"Periodic","periodicModeProperties":{"backupIntervalInMinutes":2000}}}}"#,
    );
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["valid"], false);
    let listed = stdout(&run(&["call", "--list"]));
    for op in cosmos_backup::api::OPERATIONS {
        assert!(listed.lines().any(|l| l == *op), "{op} missing from call --list");
    }
    let unknown = run_stdin(&["call", "evalute", "-"], "{}");
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn read_lists_objects() {
    let o = run(&[
        "read",
        "tests/fixtures/azure/specs-2025-10-15_CosmosDBRestorableDatabaseAccountList.json",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("RestorableAccount"), "{}", stdout(&o));
}

/// Every `cosmos-backup …` line in the README's `sh` blocks runs and reads its input (exit 0 or 1).
#[test]
fn readme_commands_run() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let mut in_sh = false;
    let mut ran = 0;
    for line in readme.lines() {
        if line.starts_with("```") {
            in_sh = line.trim() == "```sh";
            continue;
        }
        let Some(args) = line.strip_prefix("cosmos-backup ").filter(|_| in_sh) else {
            continue;
        };
        let args: Vec<&str> = args.split_whitespace().collect();
        let o = run(&args);
        assert!(
            matches!(o.status.code(), Some(0 | 1)),
            "README command `{line}` failed: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        ran += 1;
    }
    assert!(ran >= 5, "expected the README's CLI examples, ran {ran}");
}
