#!/usr/bin/env bash
# Builds the npm package `cosmos-backup` into bindings/wasm/pkg/ and packs it into
# target/npm/cosmos-backup-<version>.tgz. Needs: the wasm32 target, wasm-bindgen at exactly the
# version pinned in bindings/wasm/Cargo.toml, and `npm ci` at the repo root (npm binaryen's
# wasm-opt; Debian's binaryen 108 corrupts the module).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
out=bindings/wasm/pkg
wasm=target/wasm32-unknown-unknown/wasm-release/cosmos_backup_wasm.wasm

cargo build -p cosmos-backup-wasm --target wasm32-unknown-unknown --profile wasm-release --locked
rm -rf "$out" && mkdir -p "$out"
for t in web bundler; do
  wasm-bindgen "$wasm" --target "$t" --out-dir "$out/$t" --out-name cosmos_backup
  # -Oz after bindgen (not strip=true before it: bindgen needs the target_features section).
  "$root/node_modules/.bin/wasm-opt" -Oz --enable-reference-types --enable-bulk-memory \
    --enable-nontrapping-float-to-int --enable-sign-ext --enable-multivalue --enable-mutable-globals \
    "$out/$t/cosmos_backup_bg.wasm" -o "$out/$t/cosmos_backup_bg.wasm"
  rm -f "$out/$t/.gitignore" "$out/$t/package.json"
done
cp -r bindings/wasm/npm/. "$out/"
cp bindings/wasm/README.md "$out/README.md"
# The JSON Schemas of every input and output, generated from the Rust types.
cp schemas/cosmos-backup.schema.json "$out/schema.json"
mkdir -p target/npm && rm -f target/npm/cosmos-backup-*.tgz
(cd "$out" && npm pack --silent --pack-destination "$root/target/npm" >/dev/null)
ls -l target/npm/cosmos-backup-*.tgz
# Install the packed artifact (not the tree) where the JS tests and the typed consumer resolve
# `cosmos-backup`: bindings/wasm/node_modules/cosmos-backup.
dest=bindings/wasm/node_modules/cosmos-backup
rm -rf "$dest" && mkdir -p "$dest"
tar -xzf target/npm/cosmos-backup-*.tgz -C "$dest" --strip-components=1
