//! Reviewed snapshots of the evaluation of every fixture in tests/fixtures (at a fixed `now`).
//! Values are asserted elsewhere (vectors, unit tests); these catch unreviewed changes in whole outputs.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code"
)]

use cosmos_backup::api::{self, Options};
use std::path::PathBuf;

#[test]
fn every_fixture_evaluation_is_reviewed() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let now = cosmos_backup::time::parse("2026-11-21T00:00:00Z").unwrap().at;
    let mut files: Vec<PathBuf> = ["azure", "peers"]
        .iter()
        .flat_map(|s| std::fs::read_dir(dir.join(s)).unwrap().map(|e| e.unwrap().path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    for f in files {
        let v = api::parse_json(&std::fs::read_to_string(&f).unwrap()).unwrap();
        let eval = api::evaluate_with(&v, &Options { now: Some(now) }).unwrap();
        let name = f.file_stem().unwrap().to_string_lossy().to_string();
        insta::with_settings!({snapshot_suffix => name, prepend_module_to_snapshot => false}, {
            insta::assert_json_snapshot!("fixture", eval);
        });
    }
}
