//! Host-side guards (run by `cargo test --workspace`): the binding exports every operation of the
//! core, and the `Scenario` TypeScript declaration lists every scenario field.
#![cfg(not(target_family = "wasm"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failure should stop the test"
)]

use cosmos_backup::api;

fn source(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn every_core_operation_has_an_export() {
    let lib = source("src/lib.rs");
    let block = lib
        .split("operations! {")
        .nth(1)
        .expect("the operations! list")
        .split('}')
        .next()
        .unwrap();
    let exported: Vec<&str> = block
        .lines()
        .filter_map(|l| l.trim().split_once(":").map(|(name, _)| name.trim()))
        .filter(|n| !n.is_empty())
        .collect();
    assert_eq!(
        exported,
        api::OPERATIONS,
        "add one line per operation to `operations!` in bindings/wasm/src/lib.rs, in OPERATIONS order"
    );
}

#[test]
fn scenario_declaration_lists_every_field() {
    let ts = source("../../crates/cosmos-backup/src/api/ts.rs");
    let block = ts
        .split("pub struct Scenario {")
        .nth(1)
        .unwrap()
        .split("\n}")
        .next()
        .unwrap();
    let fields: Vec<String> = block
        .lines()
        .filter_map(|l| {
            l.trim()
                .strip_suffix(": Option<()>,")
                .or_else(|| l.trim().strip_suffix(": Option<String>,"))
        })
        .map(|snake| {
            let mut out = String::new();
            let mut up = false;
            for c in snake.chars() {
                if c == '_' {
                    up = true;
                } else if up {
                    out.extend(c.to_uppercase());
                    up = false;
                } else {
                    out.push(c);
                }
            }
            out
        })
        .collect();
    assert_eq!(
        fields,
        api::scenario::FIELDS,
        "keep `Scenario` in api/ts.rs equal to scenario::FIELDS"
    );
}
