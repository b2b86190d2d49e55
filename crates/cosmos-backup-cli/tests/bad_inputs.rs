//! The bad-input catalogue (tests/vectors/bad/) through the `cosmos-backup` binary: every hostile
//! document gets a JSON answer and an exit code of 0 (findings) or 2 (unusable input), never a
//! crash, and misuse carries the catalogue's error code.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code"
)]

use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

#[test]
fn every_bad_input_gets_an_answer_from_the_cli() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/bad");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(
        files.len() >= 60,
        "expected the bad-input catalogue, found {}",
        files.len()
    );
    for f in files {
        let case: Value = serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        let op = case.get("operation").and_then(Value::as_str).unwrap_or("evaluate");
        let text = match (case.get("scenarioText"), case.get("scenario")) {
            (Some(Value::String(t)), _) => t.clone(),
            (_, Some(s)) => s.to_string(),
            _ => panic!("{}: no input", f.display()),
        };
        let mut child = Command::new(env!("CARGO_BIN_EXE_cosmos-backup"))
            .args(["call", op, "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        let code = out.status.code();
        assert!(
            matches!(code, Some(0 | 2)),
            "{}: exit {code:?}, stderr {}",
            f.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        let answer: Value =
            serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{}: not JSON: {e}", f.display()));
        if let Some(want) = case["expect"].get("error").and_then(|e| e.get("code")) {
            assert_eq!(code, Some(2), "{}", f.display());
            assert_eq!(&answer["error"]["code"], want, "{}", f.display());
        }
    }
}
