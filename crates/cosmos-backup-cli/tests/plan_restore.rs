//! `cosmos-backup plan-restore` end to end on every restore-plan vector: the JSON is the API's
//! answer, and the `sh` script, run with a stand-in `az` that records its arguments, hands az
//! exactly the words of each planned command (so the script's quoting is what bash reads).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code"
)]

use cosmos_backup::evaluation::plan::quote::split_bash;
use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
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

fn vectors() -> Vec<(PathBuf, Value)> {
    let mut v: Vec<(PathBuf, Value)> = std::fs::read_dir(root().join("tests/vectors/restore-plan"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            let case: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            (p, case)
        })
        .collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v
}

#[test]
fn json_is_the_api_answer_and_the_exit_code_says_whether_a_restore_is_offered() {
    for (p, case) in vectors() {
        let o = run_stdin(
            &["plan-restore", "-", "--format", "json"],
            &case["scenario"].to_string(),
        );
        let mut got: Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        // The CLI reads the file as text, so its findings also carry line and column.
        for d in got["diagnostics"].as_array_mut().unwrap() {
            assert!(
                d.as_object_mut().unwrap().remove("location").is_some(),
                "{}: {d}",
                p.display()
            );
        }
        assert_eq!(
            got,
            cosmos_backup::api::call("restorePlan", &case["scenario"]),
            "{}",
            p.display()
        );
        let want = if got["accepted"] == Value::Bool(true) { 0 } else { 1 };
        assert_eq!(o.status.code(), Some(want), "{}", p.display());
    }
}

#[test]
fn the_sh_script_hands_az_exactly_the_planned_words() {
    let dir = std::env::temp_dir().join(format!("plan-restore-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let log = dir.join("az.log");
    // A stand-in `az`: one line per call, its arguments separated by a unit separator.
    let fake = dir.join("az");
    std::fs::write(
        &fake,
        format!(
            "#!/usr/bin/env bash\n(IFS=$'\\x1f'; printf '%s\\n' \"$*\") >> '{}'\n",
            log.display()
        ),
    )
    .unwrap();
    Command::new("chmod").arg("+x").arg(&fake).status().unwrap();
    let mut scripts = 0;
    for (p, case) in vectors() {
        let plan = cosmos_backup::api::call("restorePlan", &case["scenario"]);
        let o = run_stdin(&["plan-restore", "-", "--format", "sh"], &case["scenario"].to_string());
        let script = String::from_utf8(o.stdout).unwrap();
        let _ = std::fs::remove_file(&log);
        let path = format!("{}:{}", dir.display(), std::env::var("PATH").unwrap_or_default());
        let mut child = Command::new("bash")
            .arg("-c")
            .arg(&script)
            .env("PATH", path)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // A refused plan's script exits before reading: a closed pipe is fine.
        let _ = child.stdin.take().unwrap().write_all("\n".repeat(100).as_bytes());
        let out = child.wait_with_output().unwrap();
        let accepted = plan["accepted"] == Value::Bool(true);
        assert_eq!(
            out.status.success(),
            accepted,
            "{}: {}\n{script}",
            p.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        let want: Vec<Vec<String>> = plan["steps"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|s| s["az"].as_str())
            .flat_map(|a| {
                a.lines()
                    .map(|l| split_bash(l).unwrap().into_iter().skip(1).collect())
                    .collect::<Vec<_>>()
            })
            .collect();
        let got: Vec<Vec<String>> = std::fs::read_to_string(&log)
            .unwrap_or_default()
            .lines()
            .map(|l| l.split('\u{1f}').map(str::to_string).collect())
            .collect();
        assert_eq!(got, want, "{}", p.display());
        if accepted {
            scripts += 1;
        }
    }
    assert!(scripts >= 8, "only {scripts} scripts ran");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn human_and_ps1_name_every_step() {
    let (_, case) = vectors()
        .into_iter()
        .find(|(p, _)| p.ends_with("region-copy.json"))
        .unwrap();
    let plan = cosmos_backup::api::call("restorePlan", &case["scenario"]);
    let human = String::from_utf8(run_stdin(&["plan-restore", "-"], &case["scenario"].to_string()).stdout).unwrap();
    let ps1 =
        String::from_utf8(run_stdin(&["plan-restore", "-", "--format", "ps1"], &case["scenario"].to_string()).stdout)
            .unwrap();
    assert!(ps1.starts_with("$ErrorActionPreference = 'Stop'\n"), "{ps1}");
    for s in plan["steps"].as_array().unwrap() {
        assert!(human.contains(s["title"].as_str().unwrap()), "{s}");
        if let Some(cmd) = s["powershell"].as_str() {
            assert!(ps1.contains(cmd), "{cmd}");
        }
    }
}

#[test]
fn an_unreadable_file_is_exit_2() {
    let o = run_stdin(&["plan-restore", "-"], "{not json");
    assert_eq!(o.status.code(), Some(2));
}
