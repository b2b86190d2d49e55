#!/usr/bin/env bash
# Rust: format, lints (deny list), every test and doc test of the workspace, and the CLI end to end.
set -euo pipefail
cd "$(dirname "$0")/../.."
rustup component list --installed 2>/dev/null | grep -q clippy || rustup component add clippy rustfmt
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo test --workspace --locked 2>&1
