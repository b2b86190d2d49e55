//! Host-side guard (run by `cargo test --workspace`): the `Scenario` TypeScript declaration lists
//! every scenario field. (The exports are generated from the core's operations table.)
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
fn scenario_declaration_lists_every_field() {
    let ts = source("../../crates/cosmos-backup/src/api/inputs.rs");
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
            // A field line: `name: Option<…>,` (every scenario field is optional).
            let (name, ty) = l.trim().split_once(": ")?;
            (ty.starts_with("Option<") && ty.ends_with(">,") && !name.starts_with("//")).then_some(name)
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
