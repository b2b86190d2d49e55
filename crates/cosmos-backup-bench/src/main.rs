//! `bench-inputs DIR [FLEET]`: writes the shared bench documents into DIR (see the library), a
//! `fleet-FLEET.json` (default 100 000 scenarios) and `cli-1000/` (1 000 account documents).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "benchmark tooling, not the engine"
)]

use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().expect("usage: bench-inputs DIR [FLEET]"));
    let fleet: usize = args.next().map_or(100_000, |s| s.parse().expect("FLEET: a number"));
    std::fs::create_dir_all(dir.join("cli-1000")).unwrap();
    for (name, doc) in cosmos_backup_bench::documents() {
        std::fs::write(dir.join(name), serde_json::to_string(&doc).unwrap()).unwrap();
    }
    let f = cosmos_backup_bench::fleet(fleet);
    std::fs::write(
        dir.join(format!("fleet-{fleet}.json")),
        serde_json::to_string(&f).unwrap(),
    )
    .unwrap();
    for i in 0..1000 {
        let doc = cosmos_backup_bench::account(i);
        std::fs::write(
            dir.join("cli-1000").join(format!("account-{i:04}.json")),
            serde_json::to_string_pretty(&doc).unwrap(),
        )
        .unwrap();
    }
    println!("wrote the bench inputs to {}", dir.display());
}
