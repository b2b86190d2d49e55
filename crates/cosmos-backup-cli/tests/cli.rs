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
    // interval below 60, `geo`, 1 440 snapshots kept (the list capped at 1 000), the tier, Cassandra
    assert_eq!(results.len(), 5);
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

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("cosmos-backup-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

const TEMPLATE: &str = r#"{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "interval": { "type": "int", "defaultValue": 240 }
  },
  "resources": [
    {
      "type": "Microsoft.DocumentDB/databaseAccounts",
      "apiVersion": "2025-10-15",
      "name": "with-params",
      "location": "westus",
      "properties": {
        "backupPolicy": {
          "type": "Periodic",
          "periodicModeProperties": {
            "backupIntervalInMinutes": "[parameters('interval')]",
            "backupRetentionIntervalInHours": 8
          }
        }
      }
    }
  ]
}
"#;

const PARAMETERS: &str = r#"{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "interval": {
      "value": 30
    }
  }
}
"#;

#[test]
fn parameters_file_value_wins_and_the_finding_is_located_in_it() {
    let d = scratch("params");
    let (t, p) = (d.join("main.json"), d.join("main.parameters.json"));
    std::fs::write(&t, TEMPLATE).unwrap();
    std::fs::write(&p, PARAMETERS).unwrap();
    let (t, p) = (t.to_str().unwrap(), p.to_str().unwrap());
    let o = run(&["evaluate", t, "--parameters", p, "--format", "json", "--now", NOW]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let d = &v["results"][0]["diagnostics"][0];
    assert_eq!(d["code"], "periodic.interval-below-minimum");
    assert_eq!(d["path"], "/$parameters/parameters/interval/value");
    // `"value": 30` is on line 6 of the parameters file, the value at column 16.
    assert_eq!(d["location"]["file"], p);
    assert_eq!(d["location"]["line"], 6);
    assert_eq!(d["location"]["column"], 16);
    let human = run(&["evaluate", t, "--parameters", p, "--now", NOW]);
    assert!(
        stdout(&human).starts_with(&format!("{p}:6:16: error[periodic.interval-below-minimum]")),
        "{}",
        stdout(&human)
    );
    // Without the parameters file the default (240) applies: no error.
    let alone = run(&["evaluate", t, "--now", NOW]);
    assert_eq!(alone.status.code(), Some(0), "{}", stdout(&alone));
    // The parameters file alone is recognised, never read as an account with the default policy.
    let params_only = run(&["evaluate", p, "--format", "json", "--now", NOW]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&params_only)).unwrap();
    assert_eq!(v["diagnostics"][0]["code"], "document.parameters-file");
    assert_eq!(v["results"].as_array().unwrap().len(), 0);
    // `--parameters` applies to one template.
    let two = run(&["evaluate", t, t, "--parameters", p, "--now", NOW]);
    assert_eq!(two.status.code(), Some(2));
}

#[test]
fn directory_runs_report_what_they_read_and_skipped() {
    let d = scratch("dir");
    std::fs::write(d.join("main.json"), TEMPLATE).unwrap();
    std::fs::write(d.join("README.md"), "# docs\n").unwrap();
    std::fs::write(d.join("notes.txt"), "x\n").unwrap();
    let dir = d.to_str().unwrap();
    let o = run(&["evaluate", dir, "--format", "json", "--now", NOW]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("read 1 file(s), skipped 2"), "{err}");
    assert!(err.contains("README.md"), "{err}");
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["files"].as_array().unwrap().len(), 1);
    assert_eq!(v["skipped"].as_array().unwrap().len(), 2);

    // Nothing readable: exit 2, never "0 file(s): 0 error(s)".
    let empty = scratch("dir-empty");
    std::fs::write(empty.join("README.md"), "# docs\n").unwrap();
    let o = run(&["evaluate", empty.to_str().unwrap(), "--now", NOW]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!stdout(&o).contains("0 file(s)"), "{}", stdout(&o));
    assert!(String::from_utf8_lossy(&o.stderr).contains("bicep build"));

    // Bicep and Terraform files are read by extension; one that cannot be read is never exit 0.
    let other = scratch("dir-other");
    std::fs::write(other.join("main.bicep"), "}}} not bicep {{{\n").unwrap();
    std::fs::write(other.join("main.tf"), "}}} not terraform {{{\n").unwrap();
    let o = run(&["evaluate", other.to_str().unwrap(), "--now", NOW]);
    assert_ne!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(String::from_utf8_lossy(&o.stderr).contains("read 2 file(s)"));
}

#[test]
fn an_unsupported_extension_names_the_supported_ones() {
    let d = scratch("ext");
    let f = d.join("account.yaml");
    std::fs::write(&f, "name: x\n").unwrap();
    let o = run(&["evaluate", f.to_str().unwrap(), "--now", NOW]);
    assert_eq!(o.status.code(), Some(2));
    let out = stdout(&o);
    assert!(out.contains("input.format-unsupported"), "{out}");
    assert!(out.contains(".bicep") && out.contains("terraform show -json"), "{out}");
}

#[test]
fn a_json_syntax_error_is_located_at_its_line_and_column() {
    let d = scratch("syntax");
    let f = d.join("broken.json");
    std::fs::write(&f, "{\n  \"a\": 1,\n  \"b\": [1, 2,, 3]\n}\n").unwrap();
    let f = f.to_str().unwrap();
    let o = run(&["evaluate", f, "--now", NOW]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stdout(&o).starts_with(&format!("{f}:3:14: error[input.json-syntax]")),
        "{}",
        stdout(&o)
    );
    let s = run(&["evaluate", f, "--format", "sarif", "--now", NOW]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&s)).unwrap();
    let region = &v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 3);
    assert_eq!(region["startColumn"], 14);
}

/// `cosmos-backup … | head`: a closed pipe ends the run quietly, never with a panic (exit 101).
#[test]
fn a_closed_pipe_ends_quietly() {
    let commands: &[&[&str]] = &[
        &["evaluate", "examples", "--now", NOW],
        &["evaluate", "examples", "--format", "json", "--now", NOW],
        &["evaluate", "examples", "--format", "sarif", "--now", NOW],
        &[
            "evaluate",
            "examples/orders-account.json",
            "--format",
            "json",
            "--now",
            NOW,
        ],
        &["rules"],
        &["rules", "--format", "json"],
        &["call", "--list"],
        &["call", "rules", "examples/orders-account.json"],
        &["read", "examples/orders-account.json"],
    ];
    for args in commands {
        let mut child = Command::new(env!("CARGO_BIN_EXE_cosmos-backup"))
            .args(*args)
            .current_dir(root())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Close the reading end before the command writes: its first write meets EPIPE.
        drop(child.stdout.take());
        let o = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(matches!(o.status.code(), Some(0..=2)), "{args:?}: {:?} {err}", o.status);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

/// A Bicep file's local modules are read from disk and followed (`module … './cosmos.bicep'`):
/// the finding inside the module names the parent file's `module` line.
#[test]
fn bicep_local_modules_are_followed() {
    let d = scratch("bicep-modules");
    std::fs::create_dir_all(d.join("modules")).unwrap();
    std::fs::write(
        d.join("main.bicep"),
        "module cosmos './modules/cosmos.bicep' = {\n  name: 'cosmos'\n  params: {\n    interval: 30\n  }\n}\n",
    )
    .unwrap();
    std::fs::write(
        d.join("modules/cosmos.bicep"),
        "param interval int\nresource a 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {\n  name: 'orders'\n  properties: {\n    backupPolicy: {\n      type: 'Periodic'\n      periodicModeProperties: {\n        backupIntervalInMinutes: interval\n        backupRetentionIntervalInHours: 8\n      }\n    }\n  }\n}\n",
    )
    .unwrap();
    let main = d.join("main.bicep");
    let o = run(&["evaluate", main.to_str().unwrap(), "--format", "json", "--now", NOW]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let r = &v["results"][0];
    assert_eq!(r["name"], "orders");
    let d0 = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["code"] == "periodic.interval-below-minimum")
        .unwrap();
    assert_eq!(d0["location"]["line"], 1, "{d0}");
}

/// `read` takes every format `evaluate` takes.
#[test]
fn read_lists_objects_of_a_terraform_file() {
    let d = scratch("read-tf");
    let tf = d.join("main.tf");
    std::fs::write(
        &tf,
        "resource \"azurerm_cosmosdb_account\" \"orders\" {\n  name = \"orders\"\n  backup {\n    type = \"Continuous\"\n  }\n}\n",
    )
    .unwrap();
    let o = run(&["read", tf.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let out = stdout(&o);
    assert!(out.contains("TerraformAzurerm") && out.contains("orders"), "{out}");
}
